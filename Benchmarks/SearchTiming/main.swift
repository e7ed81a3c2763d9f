import Core
import Foundation
import Logging
import PostgresArchive

// Search latency in-process, without the start-up a `newsdrop search` process pays: opens an
// archive read-only, as the command does, and times each query with ContinuousClock after one
// untimed warm-up run: ITERATIONS runs, or fewer when they add up to more than
// SEARCH_SECONDS_PER_QUERY (default 5; at least one run), so that a query taking seconds cannot
// hold the benchmark for an hour. A timed run is what the command does between start-up and
// printing: parse the query, resolve entity names, run the search (10 hits, the command's
// default), and for `--by-story` queries group the hits by story.
// Usage: SearchTiming STATE_DIR DATA_DIR [ITERATIONS] [QUERY...]   (`Benchmarks/archive_100k.sh`)
// STATE_DIR may be a PostgreSQL archive's URL instead (`postgresql://…`, `Benchmarks/postgres_search.sh`).
// A query starting with `--by-story ` is grouped. Prints per-query and overall p50/p99 in ms; in
// the overall figures each query weighs the same, however many runs it got.

/// The default set: words, phrases, prefixes and booleans in both languages, labels alone and
/// combined with words, and a few of them grouped by story. The words are frequent in the corpus,
/// so each query has to rank many matches, not a handful.
let defaultQueries = [
    "government", "football", "vaccine", "election", "gouvernement", "santé", "président", "élections",
    "\"prime minister\"", "\"world cup\"", "\"premier ministre\"", "\"coupe du monde\"",
    "elect*", "négo*", "otan OR nato", "football -ballon", "(police OR army) -football",
    "lang:fr", "topic:sports", "topic:politics lang:fr", "entity:NATO", "entity:OTAN", "entity:FR",
    "entity:GB topic:business", "banque lang:fr", "after:2022-01-01 economy",
    "--by-story government", "--by-story \"coupe du monde\"", "--by-story topic:health",
    "--by-story entity:RU",
]

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// The value at quantile `q` of sorted `values` (nearest rank).
func quantile(_ values: [Double], _ q: Double) -> Double {
    values[max(0, min(values.count - 1, Int((q * Double(values.count)).rounded(.up)) - 1))]
}

/// The value at quantile `q` of samples sorted by value, each with its weight.
func weightedQuantile(_ samples: [(value: Double, weight: Double)], _ q: Double) -> Double {
    let total = samples.reduce(0) { $0 + $1.weight }
    var cumulative = 0.0
    for sample in samples {
        cumulative += sample.weight
        if cumulative >= q * total { return sample.value }
    }
    return samples.last?.value ?? 0
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: SearchTiming STATE_DIR DATA_DIR [ITERATIONS] [QUERY...]")
    exit(64)
}
let iterations = arguments.count > 3 ? Int(arguments[3]) ?? 200 : 200
let budget = Double(ProcessInfo.processInfo.environment["SEARCH_SECONDS_PER_QUERY"] ?? "") ?? 5
let queries = arguments.count > 4 ? Array(arguments.dropFirst(4)) : defaultQueries
let archive: any Archive =
    arguments[1].hasPrefix("postgresql://")
    ? try PostgresArchive.openForReading(
        location: PostgresLocation(parsing: arguments[1]), password: nil, host: "search-timing",
        logger: Logger(label: "search-timing"))
    : try Store(stateDirectory: arguments[1], create: false, readOnly: true)
// The entity tables as `newsdrop search` loads them for `entity:` queries; loading is start-up.
let classifier = Classifier(
    topicModel: nil, recognizer: try EntityRecognizer(contentsOf: URL(fileURLWithPath: arguments[2])))

/// One run of `text` as the command would do it; returns how many hits (or stories) it found.
func run(_ text: String) throws -> Int {
    let byStory = text.hasPrefix("--by-story ")
    let query = try SearchQuery(parsing: byStory ? String(text.dropFirst("--by-story ".count)) : text)
    let hits = try archive.search(query, limit: 10, knownEntityIDs: classifier.entityIDs(forName:))
    return byStory ? SearchHit.groupedByStory(hits).count : hits.count
}

let documents = try archive.status().documents
print(
    "\(documents) documents; \(queries.count) queries, up to \(iterations) timed runs or "
        + "\(String(format: "%g", budget)) s each (after a warm-up run)")
print("p50 ms  p99 ms  max ms  runs  hits  query")
var all: [(value: Double, weight: Double)] = []
var worst = (p99: 0.0, query: "")
for text in queries {
    let found = try run(text)
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    while samples.count < iterations && (samples.isEmpty || samples.reduce(0, +) < budget * 1000) {
        let start = ContinuousClock.now
        _ = try run(text)
        samples.append(milliseconds(start.duration(to: .now)))
    }
    samples.sort()
    all += samples.map { ($0, 1 / Double(samples.count)) }
    let p99 = quantile(samples, 0.99)
    if p99 > worst.p99 { worst = (p99, text) }
    print(
        String(
            format: "%6.2f  %6.2f  %6.2f  %4d  %4d  ", quantile(samples, 0.5), p99, samples.last ?? 0, samples.count,
            found) + text)
}
all.sort { $0.value < $1.value }
print(
    String(
        format: "overall: %d queries, %d runs, p50 %.2f ms, p99 %.2f ms, max %.2f ms; worst query p99 %.2f ms (%@)",
        queries.count, all.count, weightedQuantile(all, 0.5), weightedQuantile(all, 0.99), all.last?.value ?? 0,
        worst.p99, worst.query))

import Core
import Foundation

// Times HTML extraction per page: `Pipeline.extract` (decode, sniff, extract, clean, date in text)
// and `HTMLExtractor.extract` alone, over news pages generated from the labelled corpus
// (`PageGenerator`, deterministic). Usage:
//   ExtractTiming CORPUS_DIR [--pages N] [--passes N] [--write-pages DIR] [--dump FILE] [--only pipeline|html]
// `--dump` writes each page's title, date and text, to compare the extractor's output across changes;
// `--write-pages` saves the pages themselves.

/// The CPU time this thread has used, in milliseconds (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`): other
/// builds and tests share this machine's two cores, and wall-clock time per page would count their turns.
func threadMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
}

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())  // read on the main thread only
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let pageCount = option("--pages").flatMap(Int.init) ?? 300
let passes = option("--passes").flatMap(Int.init) ?? 5
let pagesFolder = option("--write-pages")
let dumpFile = option("--dump")
let only = option("--only")
guard arguments.count == 1 else {
    print(
        "usage: ExtractTiming CORPUS_DIR [--pages N] [--passes N] [--write-pages DIR] [--dump FILE] [--only pipeline|html]"
    )
    exit(64)
}

// Long articles in both languages: every seventh of the corpus, so pages cover both files.
let examples = try LabeledCorpus.examples(at: URL(fileURLWithPath: arguments[0])) { _ in "und" }
    .filter { $0.text.utf8.count > 1_500 }
let generator = PageGenerator(examples: examples.enumerated().filter { $0.offset % 7 == 0 }.map(\.element))
let pages = (0..<pageCount).map { Array(generator.page($0).utf8) }
let texts = pages.map { String(decoding: $0, as: UTF8.self) }
let totalBytes = pages.map(\.count).reduce(0, +)
print(
    String(
        format: "%d pages, mean %.0f KB (%.0f–%.0f KB)", pages.count, Double(totalBytes) / Double(pages.count) / 1e3,
        Double(pages.map(\.count).min() ?? 0) / 1e3, Double(pages.map(\.count).max() ?? 0) / 1e3))

if let pagesFolder {
    try FileManager.default.createDirectory(atPath: pagesFolder, withIntermediateDirectories: true)
    for (index, page) in pages.enumerated() {
        try Data(page).write(to: URL(fileURLWithPath: pagesFolder).appendingPathComponent("page-\(index).html"))
    }
}

// A fixed file time, so dates without a year resolve the same way on every run.
let modified = Date(timeIntervalSince1970: 1_711_929_600)
let pipeline = Pipeline()

if let dumpFile {
    var out = ""
    for (index, page) in pages.enumerated() {
        let file = try? pipeline.extract(from: page, fileName: "page-\(index).html", modified: modified)
        // `analyse` gives the date the archive keeps: the page's own, else one found in its text.
        let article = file.map { pipeline.analyse(0, of: $0) }
        out += "=== page \(index) \(article?.format ?? "rejected")\n"
        out += "title: \(article?.title ?? "")\ndate: \(article?.date ?? "-")\n"
        out += "source: \(article?.source ?? "-")\nurl: \(file?.articles.first?.url ?? "-")\n\(article?.text ?? "")\n"
    }
    try out.write(toFile: dumpFile, atomically: true, encoding: .utf8)
}

let runs: [(String, (Int) -> Void)] = [
    (
        "Pipeline.extract",
        { index in _ = try? pipeline.extract(from: pages[index], fileName: "p.html", modified: modified) }
    ),
    ("HTMLExtractor.extract", { index in _ = HTMLExtractor.extract(texts[index]) }),
]
for (name, work) in runs where only == nil || name.lowercased().hasPrefix(only!) {
    for index in pages.indices.prefix(20) { work(index) }  // warm up
    var samples: [Double] = []
    var total = 0.0
    for _ in 0..<passes {
        for index in pages.indices {
            let start = threadMilliseconds()
            work(index)
            let elapsed = threadMilliseconds() - start
            samples.append(elapsed)
            total += elapsed
        }
    }
    samples.sort()
    let mean = total / Double(samples.count)
    let megabytesPerSecond = Double(totalBytes * passes) / 1e6 / (total / 1e3)
    print(
        String(
            format: "%@: %.2f ms/page mean, p50 %.2f, p99 %.2f, max %.2f; %.1f MB/s (CPU time, %d pages × %d passes)",
            name, mean, percentile(samples, 0.5), percentile(samples, 0.99), samples.last ?? 0, megabytesPerSecond,
            pages.count, passes))
}

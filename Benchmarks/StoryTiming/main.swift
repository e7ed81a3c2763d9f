import Core
import Foundation

// Time per article of story placement in the real store (SQLite, in the ingest transaction) with
// 1k and 50k stories open in the window. Usage: StoryTiming DATA_DIR CORPUS_DIR [SIZES...]
// (`make bench-stories`). The window is filled with synthetic stories: corpus articles with 70% of
// their terms and keys renamed, so common keys (`e:GB`) stay common and rare ones spread; then the
// 1,230 real corpus articles are committed 50 per transaction, as a busy drop folder would.

/// Features like `a` with each term and key kept with probability 0.3, else renamed.
func mix(_ a: StoryFeatures, using random: inout SeededGenerator) -> StoryFeatures {
    func vary(_ values: [String: Float]) -> [String: Float] {
        var result: [String: Float] = [:]
        for (key, value) in values {
            let keep = Int.random(in: 0..<10, using: &random) < 3
            result[keep ? key : key + "~\(Int.random(in: 0..<1000, using: &random))", default: 0] += value
        }
        return result
    }
    let terms = vary(a.terms)
    let keys = vary(a.keys)
    var candidates = keys.sorted { $0.value > $1.value }.prefix(12).map(\.key)
    for (term, _) in terms.sorted(by: { $0.value > $1.value }) where candidates.count < 20 {
        candidates.append("t:" + term)
    }
    let signature = (0..<DuplicateFingerprint.signatureLength).map { _ in
        UInt32.random(in: 0...UInt32.max, using: &random)
    }
    return StoryFeatures(
        language: a.language, terms: terms, keys: keys, candidateKeys: candidates,
        fingerprint: DuplicateFingerprint(exactHash: random.next(), signature: signature))
}

func file(_ path: String, _ article: Article) -> FileOutcome {
    FileOutcome(path: path, sha256: path, size: 1, modificationTime: 1, result: .articles([article]))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: StoryTiming DATA_DIR CORPUS_DIR [SIZES...]")
    exit(64)
}
let data = URL(fileURLWithPath: arguments[1])
let classifier = Classifier(
    topicModel: nil, recognizer: try EntityRecognizer(contentsOf: data), rarity: try TermRarity(contentsOf: data))
var articles: [Article] = []
for example in try LabeledCorpus.examples(at: URL(fileURLWithPath: arguments[2]), language: { _ in "und" }) {
    var article = Article(
        title: example.title, text: example.text, language: example.language, languageConfidence: 1, format: "text")
    classifier.label(&article)
    articles.append(article)
}
/// Microseconds per article of committing `articles` 50 per transaction into `store`.
func commitTime(_ articles: [Article], into store: Store) throws -> Double {
    let start = ContinuousClock.now
    for offset in stride(from: 0, to: articles.count, by: 50) {
        let slice = articles[offset..<min(offset + 50, articles.count)].enumerated().map {
            file("/corpus/\(offset + $0.offset)", $0.element)
        }
        _ = try store.commit(slice)
    }
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
        / Double(articles.count)
}

// The same commits without story features: what the index and the outbox cost on their own.
let baselineFolder = FileManager.default.temporaryDirectory.appendingPathComponent("story-timing-none-\(UUID())").path
let baseline = try commitTime(
    articles.map {
        var article = $0
        article.storyFeatures = nil
        return article
    }, into: try Store(stateDirectory: baselineFolder, create: true))
try? FileManager.default.removeItem(atPath: baselineFolder)
print("without stories: \(String(format: "%.0f", baseline)) µs per real article committed (full-text index, outbox)")

let sizes = arguments.count > 3 ? arguments.dropFirst(3).compactMap { Int($0) } : [1000, 50000]
for size in sizes {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("story-timing-\(size)-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try Store(stateDirectory: folder, create: true)
    var random = SeededGenerator(seed: UInt64(size))
    var filled = 0
    var batch: [FileOutcome] = []
    let fillStart = ContinuousClock.now
    while filled < size {
        var synthetic = Article(
            title: "synthetic", text: "synthetic", language: "en", languageConfidence: 1, format: "text")
        synthetic.storyFeatures = mix(
            articles[Int.random(in: 0..<articles.count, using: &random)].storyFeatures!, using: &random)
        batch.append(file("/synthetic/\(filled)", synthetic))
        filled += 1
        if batch.count == 500 || filled == size {
            _ = try store.commit(batch)
            batch.removeAll()
        }
    }
    let open = try store.stories(limit: Int.max).count
    let fillTime = ContinuousClock.now - fillStart
    let micros = try commitTime(articles, into: store)
    print(
        "\(open) stories in the window (filled in \(fillTime)): \(String(format: "%.0f", micros)) µs per real "
            + "article committed, \(String(format: "%.0f", micros - baseline)) µs of it for the duplicate check and "
            + "story placement")
}

import Core
import Foundation

// Times what `classify` adds per article: loading the data folder once, then topics and entities
// per article, over the labelled corpus. Usage: ClassifyTiming DATA_DIR CORPUS_DIR
// (`make bench-classify` runs it on data/ and ../shared/corpus/labeled).

func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: ClassifyTiming DATA_DIR CORPUS_DIR")
    exit(64)
}
let data = URL(fileURLWithPath: arguments[1])
var start = ContinuousClock.now
let model = try TopicModel(contentsOf: data.appendingPathComponent("topics.model"))
let modelLoad = milliseconds(since: start)
start = .now
let recognizer = try EntityRecognizer(contentsOf: data)
let tablesLoad = milliseconds(since: start)
let examples = try LabeledCorpus.examples(at: URL(fileURLWithPath: arguments[2])) { _ in "und" }
let bytes = examples.map { $0.title.utf8.count + $0.text.utf8.count }.reduce(0, +)
print(String(format: "load: topic model %.1f ms, entity tables %.1f ms", modelLoad, tablesLoad))
print(String(format: "%d articles, mean %.0f bytes", examples.count, Double(bytes) / Double(examples.count)))
for (name, work) in [
    ("topics", { (e: LabeledExample) in _ = model.classify(title: e.title, text: e.text, language: e.language) }),
    (
        "entities",
        { (e: LabeledExample) in _ = recognizer.entities(title: e.title, text: e.text, language: e.language) }
    ),
] {
    for example in examples.prefix(100) { work(example) }  // warm up
    var best = Double.infinity
    for _ in 0..<3 {
        start = .now
        for example in examples { work(example) }
        best = min(best, milliseconds(since: start) * 1e3 / Double(examples.count))
    }
    print(String(format: "%@: %.0f µs per article (best of 3 passes)", name, best))
}

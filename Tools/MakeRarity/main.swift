import Core
import Foundation

// Writes data/idf.tsv from the labelled corpus: `make idf` (MakeRarity CORPUS_DIR DATA_DIR).
let arguments = CommandLine.arguments
let corpus = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "../shared/corpus/labeled")
let data = URL(fileURLWithPath: arguments.count > 2 ? arguments[2] : "data")
let recognizer = try EntityRecognizer(contentsOf: data)
var articles: [Article] = []
var names: [String] = []
for file in ["eng.tsv", "fra.tsv"] {
    names.append(file)
    for example in try LabeledCorpus.examples(tsvAt: corpus.appendingPathComponent(file)) {
        var article = Article(
            title: example.title, text: example.text, language: example.language, languageConfidence: 1,
            format: "text")
        article.entities = recognizer.entities(title: example.title, text: example.text, language: example.language)
        articles.append(article)
    }
}
let table = TermRarity.makeTable(
    from: articles, recognizer: recognizer,
    source: "the labelled corpus (\(names.joined(separator: ", ")), \(articles.count) articles)")
try table.write(to: data.appendingPathComponent("idf.tsv"), atomically: true, encoding: .utf8)
print("wrote \(data.appendingPathComponent("idf.tsv").path): \(table.split(separator: "\n").count) lines")

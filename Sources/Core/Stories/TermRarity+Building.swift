/// Building the rarity table from a reference corpus.
extension TermRarity {
    /// The contents of an `idf.tsv` file counting, over `articles`, the documents holding each
    /// analysed term (per language) and each cross-language key (over all languages).
    ///
    /// Terms and keys are found exactly as ``StoryFeatures`` finds them, so the table weighs what
    /// features hold. Entries of a single document are left out (they weigh as unseen ones), which
    /// halves the file. Rows are sorted, so regenerating from the same corpus gives the same file.
    ///
    /// - Parameters:
    ///   - articles: the corpus, with `entities` filled in by the recogniser.
    ///   - recognizer: the gazetteer, as given to ``StoryFeatures/init(article:rarity:recognizer:)``.
    ///   - source: a description of the corpus for the file's first comment line.
    public static func makeTable(from articles: [Article], recognizer: EntityRecognizer?, source: String) -> String {
        var documents: [String: Int] = [:]
        var frequencies: [String: [String: Int]] = [:]
        let isKnownName: (String) -> Bool = { word in
            recognizer?.ids(forName: word).first.map { !$0.hasPrefix("person:") } ?? false
        }
        for article in articles {
            let analyzer = Analyzer(language: article.language)
            let terms = Set(analyzer.contentTerms(in: article.title) + analyzer.contentTerms(in: article.text))
            documents[article.language, default: 0] += 1
            documents[keyScope, default: 0] += 1
            for term in terms { frequencies[article.language, default: [:]][term, default: 0] += 1 }
            for key in StoryKeys.counts(in: article, isKnownName: isKnownName).keys {
                frequencies[keyScope, default: [:]][key, default: 0] += 1
            }
        }
        var lines = [
            "# Generated from \(source) by TermRarity.makeTable; do not edit.",
            "# scope (language, or * for cross-language keys)\tterm or key\tdocuments holding it",
        ]
        for scope in documents.keys.sorted() {
            lines.append("# documents\t\(scope)\t\(documents[scope] ?? 0)")
        }
        for scope in frequencies.keys.sorted() {
            for (term, count) in frequencies[scope, default: [:]].sorted(by: { $0.key < $1.key }) where count >= 2 {
                lines.append("\(scope)\t\(term)\t\(count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

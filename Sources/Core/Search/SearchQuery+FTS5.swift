extension SearchQuery {
    /// The FTS5 MATCH expression of the query, with each word analysed in every language given.
    ///
    /// Words outside quotes that are stop words in every language given ("the", "les") are left
    /// out, unless the query has nothing else to search for. Returns nil when no term has a
    /// searchable word left after analysis (only punctuation, say).
    public func matchExpression(languages: [String]) -> String? {
        var positives = required.compactMap { Self.expression(for: $0, languages: languages, dropsStopWords: true) }
        if positives.isEmpty {
            positives = required.compactMap { Self.expression(for: $0, languages: languages, dropsStopWords: false) }
        }
        guard !positives.isEmpty else { return nil }
        let negatives = excluded.compactMap { Self.expression(for: $0, languages: languages, dropsStopWords: false) }
        var expression = positives.joined(separator: " AND ")
        for negative in negatives { expression = "(\(expression)) NOT \(negative)" }
        return expression
    }

    static func expression(for term: Term, languages: [String], dropsStopWords: Bool) -> String? {
        switch term {
        case .word(let word):
            let alternatives = QueryAnalysis.alternatives(
                for: word, languages: languages, droppingStopWords: dropsStopWords)
            return anyOf(alternatives.map(quoted))
        case .prefix(let stem):
            let folded = Analyzer.fold(stem)
            let stems = QueryAnalysis.alternatives(for: stem, languages: languages)
            return anyOf(unique([folded] + stems).filter { !$0.isEmpty }.map { quoted($0) + "*" })
        case .phrase(let phrase):
            let variants = unique(
                languages.map { Analyzer(language: $0).terms(in: phrase).joined(separator: " ") }
            ).filter { !$0.isEmpty }
            return anyOf(variants.map(quoted))
        case .either(let left, let right):
            let sides = [left, right].compactMap {
                expression(for: $0, languages: languages, dropsStopWords: dropsStopWords)
            }
            return sides.count == 2 ? "(\(sides[0]) OR \(sides[1]))" : sides.first
        }
    }

    static func anyOf(_ alternatives: [String]) -> String? {
        switch alternatives.count {
        case 0: nil
        case 1: alternatives[0]
        default: "(" + alternatives.joined(separator: " OR ") + ")"
        }
    }

    /// An FTS5 string: double quotes inside are doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

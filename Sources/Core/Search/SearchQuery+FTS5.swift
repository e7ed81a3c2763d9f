extension SearchQuery {
    /// The FTS5 MATCH expression of the query, with each word analysed in every language given.
    ///
    /// Words and phrases match the `title` and `body` columns, labels the `tags` column (see
    /// ``LabelTags``). `entityIDs` turns the value of `entity:` into the ids it names ("OTAN" →
    /// ["NATO"]); a value it does not know is matched as an id. Words outside quotes that are stop
    /// words in any of the languages ("the", "les") are left out, unless the query has nothing else
    /// to search for. Returns nil when nothing searchable is left (only punctuation, say).
    public func matchExpression(
        languages: [String], entityIDs: @escaping (String) -> [String] = { [$0] }
    ) -> String? {
        var renderer = Renderer(languages: languages, entityIDs: entityIDs, dropsStopWords: true)
        if let expression = renderer.render(expression) { return expression }
        renderer.dropsStopWords = false
        return renderer.render(expression)
    }

    /// Renders an expression tree; nil for a part with nothing searchable left.
    struct Renderer {
        let languages: [String]
        let entityIDs: (String) -> [String]
        var dropsStopWords: Bool

        func render(_ expression: Expression) -> String? {
            switch expression {
            case .term(let term):
                return render(term)
            case .any(let parts):
                let rendered = parts.compactMap(render)
                return rendered.count > 1 ? "(" + rendered.joined(separator: " OR ") + ")" : rendered.first
            case .all(let parts):
                // FTS5's NOT is binary ("a NOT b"): the excluded parts hang off the required ones.
                let required = parts.filter { if case .not = $0 { false } else { true } }.compactMap(render)
                guard !required.isEmpty else { return nil }
                var rendered = required.count > 1 ? "(" + required.joined(separator: " AND ") + ")" : required[0]
                for case .not(let excluded) in parts {
                    if let excluded = Renderer(
                        languages: languages, entityIDs: entityIDs, dropsStopWords: false
                    ).render(excluded) {
                        rendered = "(\(rendered) NOT \(excluded))"
                    }
                }
                return rendered
            case .not:
                // A NOT with nothing beside it in an AND excludes from nothing; the parser refuses
                // a query of that shape at its top, and inside an OR it cannot be expressed.
                return nil
            }
        }

        func render(_ term: Term) -> String? {
            switch term {
            case .word(let word):
                let alternatives = QueryAnalysis.alternatives(
                    for: word, languages: languages, droppingStopWords: dropsStopWords)
                return Self.text(anyOf(alternatives.map(Self.quoted)))
            case .prefix(let stem):
                let folded = Analyzer.fold(stem)
                let stems = QueryAnalysis.alternatives(for: stem, languages: languages)
                let prefixes = Self.unique([folded] + stems).filter { !$0.isEmpty }.map { Self.quoted($0) + "*" }
                return Self.text(anyOf(prefixes))
            case .phrase(let phrase):
                let variants = Self.unique(
                    languages.map { Analyzer(language: $0).terms(in: phrase).joined(separator: " ") }
                ).filter { !$0.isEmpty }
                return Self.text(anyOf(variants.map(Self.quoted)))
            case .label(let label, let value):
                let resolved = label == .entity ? entityIDs(value) : []
                let values = resolved.isEmpty ? [value] : resolved
                let phrases = Self.unique(values.map { LabelTags.phrase(label, $0) }).map(Self.quoted)
                return anyOf(phrases).map { "{tags} : \($0)" }
            }
        }

        func anyOf(_ alternatives: [String]) -> String? {
            switch alternatives.count {
            case 0: nil
            case 1: alternatives[0]
            default: "(" + alternatives.joined(separator: " OR ") + ")"
            }
        }

        /// Restricts an expression to the article's words.
        static func text(_ expression: String?) -> String? {
            expression.map { "{title body} : \($0)" }
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
}

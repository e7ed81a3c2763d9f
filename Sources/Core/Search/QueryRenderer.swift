/// How a search engine's match language writes the parts of a query: FTS5's MATCH expressions
/// (``FTS5Syntax``) and PostgreSQL's `tsquery` (``TSQuerySyntax``).
///
/// ``QueryRenderer`` analyses the words once for both, so that the two archives match the same
/// index terms: a syntax only writes the terms it is given.
protocol MatchSyntax {
    /// The operator between alternatives, spaces around it: " OR ".
    static var or: String { get }
    /// The operator between required parts, spaces around it: " AND ".
    static var and: String { get }
    /// What matches `rendered` and not `excluded`.
    static func excluding(_ excluded: String, from rendered: String) -> String
    /// A sequence of index terms in `field`: one term, or a phrase.
    static func terms(_ terms: [String], in field: MatchField) -> String
    /// An index term or any term it starts, in the article's title or body.
    static func prefix(_ term: String) -> String
    /// `expression`, made of the terms and prefixes of `field`, matched there alone.
    static func restricted(_ expression: String, to field: MatchField) -> String
}

extension MatchSyntax {
    /// Any of the rendered `alternatives`: the one itself when alone, nil when none.
    static func anyOf(_ alternatives: [String]) -> String? {
        alternatives.isEmpty ? nil : grouped(alternatives, by: or)
    }

    /// All of the rendered `parts` (at least one).
    static func allOf(_ parts: [String]) -> String {
        grouped(parts, by: and)
    }

    /// `parts` joined by `separator` in parentheses; a part alone as it is.
    static func grouped(_ parts: [String], by separator: String) -> String {
        parts.count > 1 ? "(" + parts.joined(separator: separator) + ")" : parts.joined()
    }
}

/// Where an article's terms are: its words (title and body), or its labels (``LabelTags``).
enum MatchField {
    case text
    case tags
}

/// Renders a query's expression tree in a ``MatchSyntax``, each word analysed in every language
/// given; nil for a part with nothing searchable left.
struct QueryRenderer<Syntax: MatchSyntax> {
    let languages: [String]
    let entityIDs: (String) -> [String]
    var dropsStopWords: Bool

    /// The expression of `query`: words outside quotes that are stop words in any of the languages
    /// ("the", "les") are left out, unless the query has nothing else to search for.
    static func render(
        _ query: SearchQuery, languages: [String], entityIDs: @escaping (String) -> [String]
    ) -> String? {
        var renderer = Self(languages: languages, entityIDs: entityIDs, dropsStopWords: true)
        if let expression = renderer.render(query.expression) { return expression }
        renderer.dropsStopWords = false
        return renderer.render(query.expression)
    }

    func render(_ expression: SearchQuery.Expression) -> String? {
        switch expression {
        case .term(let term):
            return render(term)
        case .any(let parts):
            return Syntax.anyOf(parts.compactMap(render))
        case .all(let parts):
            // The excluded parts hang off the required ones (FTS5's NOT is binary: "a NOT b").
            let required = parts.filter { if case .not = $0 { false } else { true } }.compactMap(render)
            guard !required.isEmpty else { return nil }
            var rendered = Syntax.allOf(required)
            for case .not(let excluded) in parts {
                if let excluded = Self(languages: languages, entityIDs: entityIDs, dropsStopWords: false)
                    .render(excluded)
                {
                    rendered = Syntax.excluding(excluded, from: rendered)
                }
            }
            return rendered
        case .not:
            // A NOT with nothing beside it in an AND excludes from nothing; the parser refuses
            // a query of that shape at its top, and inside an OR it cannot be expressed.
            return nil
        }
    }

    func render(_ term: SearchQuery.Term) -> String? {
        switch term {
        case .word(let word):
            let alternatives = QueryAnalysis.alternatives(
                for: word, languages: languages, droppingStopWords: dropsStopWords)
            // A word of several terms ("2-0", "l'OTAN-Russie") comes joined by spaces: a phrase.
            return inText(alternatives.map { Syntax.terms($0.split(separator: " ").map(String.init), in: .text) })
        case .prefix(let stem):
            let folded = Analyzer.fold(stem)
            let stems = QueryAnalysis.alternatives(for: stem, languages: languages)
            return inText(Self.unique([folded] + stems).filter { !$0.isEmpty }.map(Syntax.prefix))
        case .phrase(let phrase):
            let variants = Self.unique(languages.map { Analyzer(language: $0).terms(in: phrase) })
            return inText(variants.filter { !$0.isEmpty }.map { Syntax.terms($0, in: .text) })
        case .label(let label, let value):
            let resolved = label == .entity ? entityIDs(value) : []
            let values = resolved.isEmpty ? [value] : resolved
            let phrases = Self.unique(values.map { LabelTags.terms(label, $0) })
            return Syntax.anyOf(phrases.map { Syntax.terms($0, in: .tags) }).map { Syntax.restricted($0, to: .tags) }
        }
    }

    /// Any of `alternatives`, in the title or body.
    private func inText(_ alternatives: [String]) -> String? {
        Syntax.anyOf(alternatives).map { Syntax.restricted($0, to: .text) }
    }

    static func unique<Value: Hashable>(_ values: [Value]) -> [Value] {
        var seen = Set<Value>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// One phrase of a query, as FTS5 numbers the phrases of its MATCH expression (its leaves, left
/// to right, excluded ones included): what BM25 ranks by, one term frequency and one IDF per
/// phrase. The PostgreSQL archive ranks with them as FTS5 does (``SearchQuery/phrases(languages:entityIDs:)``).
public struct QueryPhrase: Sendable, Equatable {
    /// What the phrase matches.
    public enum Kind: Sendable, Equatable {
        /// These index terms in a row, in the title or the body (one term for a word).
        case text
        /// An index term that starts with the one term, in the title or the body.
        case prefix
        /// These label terms in a row, in the labels (``LabelTags``), which weigh nothing in ranks.
        case label
    }

    public var kind: Kind
    /// The phrase's index terms, in order.
    public var terms: [String]

    /// The phrase alone as a `tsquery` (``TSQuerySyntax``), for counting the documents that have it.
    public var textSearchQuery: String {
        switch kind {
        case .text: TSQuerySyntax.terms(terms, in: .text)
        case .prefix: TSQuerySyntax.prefix(terms.first ?? "")
        case .label: TSQuerySyntax.terms(terms, in: .tags)
        }
    }
}

extension SearchQuery {
    /// The phrases of ``matchExpression(languages:entityIDs:)``, in FTS5's order.
    public func phrases(languages: [String], entityIDs: @escaping (String) -> [String] = { [$0] }) -> [QueryPhrase] {
        guard let rendered = QueryRenderer<PhraseListSyntax>.render(self, languages: languages, entityIDs: entityIDs)
        else { return [] }
        return rendered.split(separator: PhraseListSyntax.start).compactMap { part in
            guard let end = part.firstIndex(of: PhraseListSyntax.end), let marker = part.first else { return nil }
            let terms = part[part.index(after: part.startIndex)..<end].split(
                separator: PhraseListSyntax.between, omittingEmptySubsequences: false
            ).map(String.init)
            switch marker {
            case "t": return QueryPhrase(kind: .text, terms: terms)
            case "p": return QueryPhrase(kind: .prefix, terms: terms)
            default: return QueryPhrase(kind: .label, terms: terms)
            }
        }
    }
}

/// Writes each phrase of a query between control characters, its kind first, its terms apart
/// (index terms never hold control characters), so that ``SearchQuery/phrases(languages:entityIDs:)``
/// reads them back in the order the renderer visits them, which is FTS5's.
enum PhraseListSyntax: MatchSyntax {
    static let start: Character = "\u{1}"
    static let end: Character = "\u{2}"
    static let between: Character = "\u{3}"
    static let or = " "
    static let and = " "

    static func excluding(_ excluded: String, from rendered: String) -> String {
        rendered + " " + excluded
    }

    static func terms(_ terms: [String], in field: MatchField) -> String {
        "\(start)\(field == .text ? "t" : "l")" + terms.joined(separator: String(between)) + String(end)
    }

    static func prefix(_ term: String) -> String {
        "\(start)p\(term)\(end)"
    }

    static func restricted(_ expression: String, to field: MatchField) -> String {
        expression
    }
}

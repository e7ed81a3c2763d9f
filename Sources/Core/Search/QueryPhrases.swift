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
    /// Whether the phrase is in an excluded (`-`) part. FTS5 reports no instance of such a
    /// phrase, so that it adds nothing to a match's rank, even where a match has it (`b` in a
    /// match of `a -(b c)`).
    public var isExcluded = false

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
            let kind: QueryPhrase.Kind
            switch marker.lowercased() {
            case "t": kind = .text
            case "p": kind = .prefix
            default: kind = .label
            }
            return QueryPhrase(kind: kind, terms: terms, isExcluded: marker.isUppercase)
        }
    }
}

/// Writes each phrase of a query between control characters, its kind first (in capitals when
/// excluded), its terms apart (index terms never hold control characters), so that
/// ``SearchQuery/phrases(languages:entityIDs:)`` reads them back in the order the renderer visits
/// them, which is FTS5's.
enum PhraseListSyntax: MatchSyntax {
    static let start: Character = "\u{1}"
    static let end: Character = "\u{2}"
    static let between: Character = "\u{3}"
    static let or = " "
    static let and = " "

    /// `rendered` then `excluded`, whose kinds are turned to capitals.
    static func excluding(_ excluded: String, from rendered: String) -> String {
        var marked = ""
        var previous: Character?
        for character in excluded {
            if previous == start { marked += character.uppercased() } else { marked.append(character) }
            previous = character
        }
        return rendered + " " + marked
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

extension SearchQuery {
    /// The query as PostgreSQL's `tsquery` text (cast it with `::tsquery`, never through
    /// `to_tsquery`, which would analyse the terms again), for an archive whose `tsvector` holds the
    /// index terms of ``PreparedIndexTerms/indexTerms``: the title's weighted A, the body's B, the
    /// labels' (``LabelTags``) D.
    ///
    /// The same words, stop words, phrases, prefixes and labels as ``matchExpression(languages:entityIDs:)``,
    /// so that both archives find the same documents; nil when nothing searchable is left.
    public func textSearchQuery(
        languages: [String], entityIDs: @escaping (String) -> [String] = { [$0] }
    ) -> String? {
        QueryRenderer<TSQuerySyntax>.render(self, languages: languages, entityIDs: entityIDs)
    }
}

/// PostgreSQL's `tsquery` syntax; a term's field is its weights (A and B the text, D the labels).
enum TSQuerySyntax: MatchSyntax {
    static let or = " | "
    static let and = " & "

    static func excluding(_ excluded: String, from rendered: String) -> String {
        "(\(rendered) & !\(excluded))"
    }

    static func terms(_ terms: [String], in field: MatchField) -> String {
        let weights = field == .text ? "AB" : "D"
        let lexemes = terms.map { lexeme($0) + ":" + weights }
        return lexemes.count > 1 ? "(" + lexemes.joined(separator: " <-> ") + ")" : lexemes.joined()
    }

    static func prefix(_ term: String) -> String {
        lexeme(term) + ":*AB"
    }

    static func restricted(_ expression: String, to field: MatchField) -> String {
        expression
    }

    /// A lexeme in quotes: quotes and backslashes inside are doubled or escaped.
    static func lexeme(_ term: String) -> String {
        "'" + term.replacing("\\", with: "\\\\").replacing("'", with: "''") + "'"
    }
}

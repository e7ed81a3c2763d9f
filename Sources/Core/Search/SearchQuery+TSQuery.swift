extension SearchQuery {
    /// The query as PostgreSQL's `tsquery` text (cast it with `::tsquery`, never through
    /// `to_tsquery`, which would analyse the terms again), for an archive whose `tsvector` holds the
    /// index terms of an article as ``TextSearchVector`` writes them.
    ///
    /// The same words, stop words, phrases, prefixes and labels as ``matchExpression(languages:entityIDs:)``,
    /// so that both archives find the same documents; nil when nothing searchable is left.
    public func textSearchQuery(
        languages: [String], entityIDs: @escaping (String) -> [String] = { [$0] }
    ) -> String? {
        QueryRenderer<TSQuerySyntax>.render(self, languages: languages, entityIDs: entityIDs)
    }
}

/// PostgreSQL's `tsquery` syntax; a term's field is its weights in ``TextSearchVector``.
enum TSQuerySyntax: MatchSyntax {
    static let or = " | "
    static let and = " & "

    static func excluding(_ excluded: String, from rendered: String) -> String {
        "(\(rendered) & !\(excluded))"
    }

    /// The weights of the text's terms in ``TextSearchVector``.
    static let textWeights = TextSearchVector.titleWeight + TextSearchVector.bodyWeight

    static func terms(_ terms: [String], in field: MatchField) -> String {
        let weights = field == .text ? textWeights : TextSearchVector.tagsWeight
        return grouped(terms.map { lexeme($0) + ":" + weights }, by: " <-> ")
    }

    static func prefix(_ term: String) -> String {
        lexeme(term) + ":*" + textWeights
    }

    static func restricted(_ expression: String, to field: MatchField) -> String {
        expression
    }

    /// A lexeme in quotes, in a `tsquery` or a `tsvector`: quotes inside doubled, backslashes escaped.
    static func lexeme(_ term: String) -> String {
        var bytes: [UInt8] = []
        TextSearchVector.appendLexeme(term, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

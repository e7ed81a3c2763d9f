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
        QueryRenderer<FTS5Syntax>.render(self, languages: languages, entityIDs: entityIDs)
    }
}

/// FTS5's MATCH syntax over the columns `title`, `body` and `tags`.
enum FTS5Syntax: MatchSyntax {
    static let or = " OR "
    static let and = " AND "

    static func excluding(_ excluded: String, from rendered: String) -> String {
        "(\(rendered) NOT \(excluded))"
    }

    static func terms(_ terms: [String], in field: MatchField) -> String {
        quoted(terms.joined(separator: " "))
    }

    static func prefix(_ term: String) -> String {
        quoted(term) + "*"
    }

    static func restricted(_ expression: String, to field: MatchField) -> String {
        switch field {
        case .text: "{title body} : " + expression
        case .tags: "{tags} : " + expression
        }
    }

    /// An FTS5 string: double quotes inside are doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

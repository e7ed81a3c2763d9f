/// A parsed search: a boolean expression over words and labels, plus filters on metadata.
///
/// Syntax: `word`, `"a phrase"`, `prefix*`, `a OR b`, `a AND b` (also just `a b`), `NOT a` or `-a`,
/// parentheses, the labels `lang:fr`, `topic:politics`, `entity:NATO`, and the filters
/// `after:2022-01-01`, `before:2022-02-01`, `source:name`. AND binds tighter than OR. Filters
/// apply to the whole query wherever they are written; labels are terms like words and combine
/// with AND, OR and NOT. The same syntax serves search and alert rules.
public struct SearchQuery: Sendable, Equatable {
    /// A label an article carries besides its words.
    public enum Label: String, Sendable, Equatable, CaseIterable {
        /// `lang:fr`: the article's language.
        case language = "lang"
        /// `topic:politics`: one of the article's topics.
        case topic
        /// `entity:NATO`: a person, organisation or place the article names, by id or any alias.
        case entity
    }

    /// One searchable unit.
    public enum Term: Sendable, Equatable {
        case word(String)
        case phrase(String)
        case prefix(String)
        case label(Label, String)
    }

    /// The boolean structure of the query.
    public indirect enum Expression: Sendable, Equatable {
        case term(Term)
        case all([Expression])
        case any([Expression])
        case not(Expression)
    }

    /// What the articles must match.
    public var expression: Expression
    /// Only documents dated on or after this ISO date.
    public var after: String?
    /// Only documents dated before this ISO date.
    public var before: String?
    /// Only documents whose source contains this text.
    public var source: String?

    /// Parses `text`; throws a usage error naming the problem when it is not a query.
    public init(parsing text: String) throws(QueryError) {
        var parser = QueryParser(tokens: QueryParser.split(text))
        let parsed = try parser.parseQuery()
        guard let expression = parsed.expression else {
            throw QueryError("The query is empty: give at least one word to search for")
        }
        guard expression.hasPositiveTerm else {
            throw QueryError("The query only excludes: give at least one word or label to search for")
        }
        self.expression = expression
        after = parsed.after
        before = parsed.before
        source = parsed.source
    }

    /// The terms the query requires or allows, in order, without those under NOT.
    public var positiveTerms: [Term] { expression.positiveTerms }

    /// The values of every `entity:` label, negated ones included, in order.
    public var entityNames: [String] { expression.entityNames }
}

extension SearchQuery.Expression {
    /// Whether some article could match: an AND needs one positive part, an OR all of them.
    var hasPositiveTerm: Bool {
        switch self {
        case .term: true
        case .all(let parts): parts.contains(where: \.hasPositiveTerm)
        case .any(let parts): parts.allSatisfy(\.hasPositiveTerm)
        case .not: false
        }
    }

    var entityNames: [String] {
        switch self {
        case .term(.label(.entity, let name)): [name]
        case .term: []
        case .all(let parts), .any(let parts): parts.flatMap(\.entityNames)
        case .not(let part): part.entityNames
        }
    }

    var positiveTerms: [SearchQuery.Term] {
        switch self {
        case .term(let term): [term]
        case .all(let parts), .any(let parts): parts.flatMap(\.positiveTerms)
        case .not: []
        }
    }
}

/// A query that cannot be searched, with a sentence saying why.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the query.
    public var message: String
    init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Recursive descent over the pieces of a query: OR of ANDs of (NOT) primaries.
///
/// ```
/// query   := or
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*
/// unary   := ("NOT" | "-") unary | primary
/// primary := "(" or ")" | "phrase" | prefix* | label:value | filter:value | word
/// ```
/// Operators are recognised in capitals only, so the words "and", "or" and "not" stay searchable.
struct QueryParser {
    /// The parsed expression (nil when the text held only filters) and the filters.
    struct Parsed {
        var expression: SearchQuery.Expression?
        var after: String?
        var before: String?
        var source: String?
    }

    private var tokens: ArraySlice<String>
    private var parsed = Parsed()

    init(tokens: [String]) {
        self.tokens = tokens[...]
    }

    mutating func parseQuery() throws(QueryError) -> Parsed {
        parsed.expression = try parseOr()
        if let extra = tokens.first {
            throw QueryError("Unexpected '\(extra)' in the query: a closing parenthesis has no opening one")
        }
        return parsed
    }

    private mutating func parseOr() throws(QueryError) -> SearchQuery.Expression? {
        var alternatives: [SearchQuery.Expression] = []
        if let first = try parseAnd() { alternatives.append(first) }
        while tokens.first == "OR" {
            tokens.removeFirst()
            guard let next = try parseAnd() else { throw QueryError("OR needs something on both sides") }
            if alternatives.isEmpty { throw QueryError("OR needs something on both sides") }
            alternatives.append(next)
        }
        return alternatives.count > 1 ? .any(alternatives) : alternatives.first
    }

    private mutating func parseAnd() throws(QueryError) -> SearchQuery.Expression? {
        var parts: [SearchQuery.Expression] = []
        while let token = tokens.first, token != "OR", token != ")" {
            if token == "AND" {
                tokens.removeFirst()
                if parts.isEmpty || tokens.first == nil || tokens.first == "OR" || tokens.first == ")" {
                    throw QueryError("AND needs something on both sides")
                }
                continue
            }
            if let part = try parseUnary() { parts.append(part) }
        }
        return parts.count > 1 ? .all(parts) : parts.first
    }

    private mutating func parseUnary() throws(QueryError) -> SearchQuery.Expression? {
        guard let token = tokens.popFirst() else { return nil }
        if token == "NOT" || token == "-" {
            guard tokens.first != nil, let negated = try parseUnary() else {
                throw QueryError("NOT needs a word, label or group after it")
            }
            return .not(negated)
        }
        if token.hasPrefix("-"), token.count > 1 {
            tokens.insert(String(token.dropFirst()), at: tokens.startIndex)
            guard let negated = try parseUnary() else { throw QueryError("'\(token)' excludes nothing") }
            return .not(negated)
        }
        if token == "(" {
            let group = try parseOr()
            guard tokens.popFirst() == ")" else { throw QueryError("A parenthesis is not closed in the query") }
            return group
        }
        if token.hasPrefix("\"") {
            return .term(.phrase(String(token.dropFirst().prefix(while: { $0 != "\"" }))))
        }
        if let labelled = try labelOrFilter(token) { return labelled }
        if token.hasSuffix("*"), token.count > 1 { return .term(.prefix(String(token.dropLast()))) }
        return .term(.word(token))
    }

    /// A `key:value` piece: a label term, or a filter recorded in `parsed` (nil returned).
    private mutating func labelOrFilter(_ token: String) throws(QueryError) -> SearchQuery.Expression?? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        let key = token[..<colon].lowercased()
        let value = String(token[token.index(after: colon)...])
        let isLabel = SearchQuery.Label(rawValue: key) != nil
        guard isLabel || ["after", "before", "source"].contains(key) else { return nil }
        if value.isEmpty { throw QueryError("'\(token)' needs a value after the colon") }
        if let label = SearchQuery.Label(rawValue: key) {
            return .some(.term(.label(label, label == .entity ? value : value.lowercased())))
        }
        if key == "after" || key == "before", !Self.isISODate(value) {
            throw QueryError("'\(token)': dates are written YYYY-MM-DD, e.g. \(key):2022-01-31")
        }
        switch key {
        case "after": parsed.after = value
        case "before": parsed.before = value
        default: parsed.source = value
        }
        return .some(nil)
    }

    static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts[0].count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Splits on white space and parentheses, keeping `"quoted phrases"` (curly quotes too) whole.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        func finish() {
            if !current.isEmpty { pieces.append(current) }
            current = ""
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                current.append("\"")
                inQuotes.toggle()
            } else if inQuotes {
                current.append(character)
            } else if character.isWhitespace {
                finish()
            } else if character == "(" || character == ")" {
                // "-(" stays a negation of the group.
                if current == "-" {
                    pieces.append("-")
                    current = ""
                }
                finish()
                pieces.append(String(character))
            } else {
                current.append(character)
            }
        }
        finish()
        return pieces
    }
}

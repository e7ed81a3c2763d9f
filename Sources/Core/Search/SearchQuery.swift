/// A parsed search: terms for the full-text index plus filters on metadata.
///
/// Syntax: `word`, `"a phrase"`, `a OR b`, `-excluded`, `prefix*`, `lang:fr`, `after:2022-01-01`,
/// `before:2022-02-01`, `source:name`. Terms are ANDed.
public struct SearchQuery: Sendable, Equatable {
    /// One searchable unit of the query.
    public enum Term: Sendable, Equatable {
        case word(String)
        case phrase(String)
        case prefix(String)
        indirect case either(Term, Term)
    }

    /// Terms every result must match.
    public var required: [Term] = []
    /// Terms no result may match.
    public var excluded: [Term] = []
    /// Only documents in this language.
    public var language: String?
    /// Only documents dated on or after this ISO date.
    public var after: String?
    /// Only documents dated before this ISO date.
    public var before: String?
    /// Only documents whose source contains this text.
    public var source: String?

    /// Parses `text`; throws a usage error when nothing searchable is left.
    public init(parsing text: String) throws(QueryError) {
        var pieces = Self.split(text)[...]
        while let piece = pieces.popFirst() {
            if let filter = try parseFilter(piece) {
                filter(&self)
                continue
            }
            let isExcluded = piece.count > 1 && piece.hasPrefix("-")
            var term = Self.term(isExcluded ? String(piece.dropFirst()) : piece)
            while pieces.first == "OR", pieces.count >= 2 {
                pieces.removeFirst()
                term = .either(term, Self.term(pieces.removeFirst()))
            }
            if isExcluded { excluded.append(term) } else { required.append(term) }
        }
        if required.isEmpty {
            throw QueryError(
                excluded.isEmpty
                    ? "The query is empty: give at least one word to search for"
                    : "The query only excludes words: give at least one word to search for")
        }
    }

    private func parseFilter(_ piece: String) throws(QueryError) -> ((inout SearchQuery) -> Void)? {
        guard let colon = piece.firstIndex(of: ":"), !piece.hasPrefix("\"") else { return nil }
        let key = piece[..<colon].lowercased()
        let value = String(piece[piece.index(after: colon)...])
        guard ["lang", "after", "before", "source"].contains(key) else { return nil }
        if value.isEmpty { throw QueryError("'\(piece)' needs a value after the colon") }
        if key == "after" || key == "before", !Self.isISODate(value) {
            throw QueryError("'\(piece)': dates are written YYYY-MM-DD, e.g. \(key):2022-01-31")
        }
        switch key {
        case "lang": return { $0.language = value.lowercased() }
        case "after": return { $0.after = value }
        case "before": return { $0.before = value }
        default: return { $0.source = value }
        }
    }

    static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) }
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) } && parts[0].count == 4
    }

    static func term(_ piece: String) -> Term {
        if piece.hasPrefix("\"") {
            return .phrase(String(piece.dropFirst().prefix(while: { $0 != "\"" })))
        }
        if piece.hasSuffix("*"), piece.count > 1 { return .prefix(String(piece.dropLast())) }
        return .word(piece)
    }

    /// Splits on white space, keeping `"quoted phrases"` (with an optional leading `-`) together.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                current.append("\"")
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                if !current.isEmpty { pieces.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
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

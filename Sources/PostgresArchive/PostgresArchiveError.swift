/// What went wrong with a PostgreSQL archive beyond the server's own errors.
public enum PostgresArchiveError: Error, Equatable, CustomStringConvertible {
    /// A statement that returns a row returned none.
    case noRowReturned(String)

    public var description: String {
        switch self {
        case .noRowReturned(let what): "the database returned no row when \(what)"
        }
    }
}

/// What went wrong with a PostgreSQL archive beyond the server's own errors.
public enum PostgresArchiveError: Error, Equatable, CustomStringConvertible {
    /// A statement that returns a row returned none.
    case noRowReturned(String)
    /// The database at this URL holds no newsdrop archive.
    case schemaMissing(String)
    /// The database at this URL holds an archive of an older newsdrop.
    case schemaOutdated(String)

    public var description: String {
        switch self {
        case .noRowReturned(let what):
            "the database returned no row when \(what)"
        case .schemaMissing(let url):
            "the database \(url) holds no newsdrop archive yet (a daemon or `newsdrop ingest --database \(url)` creates it)"
        case .schemaOutdated(let url):
            "the archive in \(url) was written by an older newsdrop: start a daemon of this version on it (or run `newsdrop ingest --database \(url)` once) to upgrade it"
        }
    }
}

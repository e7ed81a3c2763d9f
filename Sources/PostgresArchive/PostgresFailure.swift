import PostgresNIO

/// A sentence for what went wrong with a PostgreSQL archive, for the journal and the terminal.
///
/// PostgresNIO's own errors describe themselves with a generic sentence (so that no query text
/// leaks by accident); this says what the server answered, or why it could not be reached, and
/// never repeats a query or its values.
public enum PostgresFailure {
    /// What `error` means, in a few words: "role "nobody" does not exist", "cannot reach the
    /// server: connection refused (errno: 111)", …
    public static func sentence(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        return sentence(error)
    }

    static func sentence(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "the server answered: \(message)\(state)"
        }
        switch error.code {
        case .connectionError:
            return "cannot reach the server" + (error.underlying.map { ": \($0)" } ?? "")
        case .serverClosedConnection, .uncleanShutdown:
            return "the server closed the connection"
        case .authMechanismRequiresPassword:
            return
                "the server asks for a password: put it in NEWSDROP_DATABASE_PASSWORD or in a file named by database_password_file"
        case .sslUnsupported:
            return "the server does not offer TLS"
        default:
            return "PostgreSQL client error \(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
    }
}

/// A failure of the server or of the connection to it, said in a sentence (``PostgresFailure``).
public struct PostgresServerError: Error, CustomStringConvertible {
    public let description: String
    /// PostgresNIO's error.
    public let underlying: any Error
}

import Foundation

/// Where a PostgreSQL archive is: the `database` key of the configuration,
/// `postgresql://USER@HOST[:PORT]/DATABASE`, or `postgresql://USER@/DATABASE?host=/run/postgresql`
/// for a server on a Unix socket (libpq's form).
///
/// A password in the URL is refused: the configuration file is readable by whoever may read the
/// service's settings, and the URL is written to the journal. The password comes from a file or
/// the environment instead (``PostgresPassword``).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The role to connect as.
    public var user: String
    /// A host name or address, or the folder of the server's Unix socket (an absolute path).
    public var host: String
    /// The TCP port, or the number in the socket's name (`.s.PGSQL.5432`).
    public var port: Int
    /// The database.
    public var database: String

    /// Whether the server is reached through a Unix socket in the folder ``host``.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The socket file of a server on a Unix socket.
    public var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// The URL, as the configuration gives it (it holds no password).
    public var description: String {
        isSocket
            ? "postgresql://\(user)@/\(database)?host=\(host)" + (port == 5432 ? "" : "&port=\(port)")
            : "postgresql://\(user)@\(host)" + (port == 5432 ? "" : ":\(port)") + "/\(database)"
    }

    /// Parses `url`.
    ///
    /// - Throws: ``PostgresLocationError`` naming what is wrong: another scheme, a password, no
    ///   user, no host, no database, a bad port.
    public init(parsing url: String) throws(PostgresLocationError) {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgresql" || scheme == "postgres"
        else { throw .notPostgresURL(url) }
        guard components.password == nil else { throw .passwordInURL }
        guard let user = components.user, !user.isEmpty else { throw .missing("a user", url) }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw .missing("a database", url) }
        let options = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        if let unknown = options.keys.sorted().first(where: { $0 != "host" && $0 != "port" }) {
            throw .unknownOption(unknown)
        }
        let host = options["host"] ?? components.host ?? ""
        guard !host.isEmpty else { throw .missing("a host", url) }
        let port = components.port ?? options["port"].map { Int($0) ?? -1 } ?? 5432
        guard (1...65535).contains(port) else { throw .badPort(url) }
        self.init(user: user, host: host, port: port, database: database)
    }

    /// A location given part by part.
    public init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }
}

/// Why a `database` URL cannot be used.
public enum PostgresLocationError: Error, Equatable, CustomStringConvertible {
    case notPostgresURL(String)
    case passwordInURL
    case missing(String, String)
    case unknownOption(String)
    case badPort(String)

    public var description: String {
        switch self {
        case .notPostgresURL(let url):
            "database = \"\(url)\" is not a postgresql:// URL (postgresql://USER@HOST/DATABASE)"
        case .passwordInURL:
            "the database URL holds a password: put it in a file named by database_password_file, or in "
                + "NEWSDROP_DATABASE_PASSWORD, so that it never reaches the journal"
        case .missing(let what, let url):
            "database = \"\(url)\" names no \(what) (postgresql://USER@HOST/DATABASE)"
        case .unknownOption(let name):
            "the database URL has an option newsdrop does not know: \(name) (host and port only)"
        case .badPort(let url):
            "database = \"\(url)\" has a port that is not a number from 1 to 65535"
        }
    }
}

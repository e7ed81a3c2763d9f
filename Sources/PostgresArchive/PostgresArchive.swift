import Logging
import NIOSSL
import PostgresNIO

/// The archive on a PostgreSQL server, which several hosts share (issue 14): the connection pool
/// and the schema.
///
/// The pool works while ``run()`` runs (in the daemon's service group, or a task of a command);
/// queries wait for a connection until then. Over TCP the connection uses TLS when the server
/// offers it (libpq's `sslmode=prefer`); a Unix socket needs none.
public final class PostgresArchive: Sendable {
    /// Where the archive is.
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger

    /// A pool of connections to the archive at `location` as its user, with `password` when the
    /// server asks for one (see ``PostgresPassword``).
    public init(location: PostgresLocation, password: String?, logger: Logger) {
        let configuration =
            location.isSocket
            ? PostgresClient.Configuration(
                unixSocketPath: location.socketPath, username: location.user, password: password,
                database: location.database)
            : PostgresClient.Configuration(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: .prefer(.makeClientConfiguration()))
        self.location = location
        self.logger = logger
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Runs the pool until the calling task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs `body` while the pool runs (for a command's one piece of work), then stops the pool.
    public func withRunningPool<Result: Sendable>(
        _ body: @Sendable (PostgresArchive) async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The body waits for the pool's task to start: a connection asked for before the pool
            // runs works, but makes PostgresNIO warn in the journal.
            let (started, signal) = AsyncStream<Void>.makeStream()
            group.addTask {
                signal.yield()
                await self.run()
            }
            defer { group.cancelAll() }
            for await _ in started { break }
            return try await body(self)
        }
    }

    /// Runs `query`, its rows (if any) read and dropped.
    func execute(_ query: PostgresQuery) async throws {
        for try await _ in try await client.query(query, logger: logger) {}
    }

    /// Brings the schema up to date: applies, in order, the migrations of ``PostgresSchema`` the
    /// database lacks, each in its own transaction.
    ///
    /// Several daemons may start at once on one database: a transaction-scoped advisory lock lets
    /// one migrate while the others wait, then find nothing left to do.
    ///
    /// - Returns: the names of the migrations applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        var applied: [String] = []
        for migration in PostgresSchema.migrations {
            let name = migration.name
            let isNew = try await client.withTransaction(logger: logger) { connection in
                // The lock first: two first starts creating the table at once collide in the catalog.
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS newsdrop_migrations (
                        position serial PRIMARY KEY, name text UNIQUE NOT NULL, applied_at timestamptz NOT NULL)
                    """, logger: logger)
                let rows = try await connection.query(
                    "SELECT 1 FROM newsdrop_migrations WHERE name = \(name)", logger: logger)
                for try await _ in rows { return false }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO newsdrop_migrations (name, applied_at) VALUES (\(name), now())", logger: logger)
                return true
            }
            if isNew { applied.append(name) }
        }
        return applied
    }

    /// Registers `host` (or notes that it was seen again): each daemon registers the host it runs
    /// on, which its files and events are told apart by.
    ///
    /// - Returns: the id of `host`, the same on every call and from every daemon.
    public func register(host: String) async throws -> Int {
        let rows = try await client.query(
            """
            INSERT INTO hosts (name, first_seen, last_seen) VALUES (\(host), now(), now())
            ON CONFLICT (name) DO UPDATE SET last_seen = now() RETURNING id
            """, logger: logger)
        for try await id in rows.decode(Int.self) { return id }
        throw PostgresArchiveError.noRowReturned("registering the host \(host)")
    }

    /// The migrations the database has, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        let rows = try await client.query(
            "SELECT name FROM newsdrop_migrations ORDER BY position", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}

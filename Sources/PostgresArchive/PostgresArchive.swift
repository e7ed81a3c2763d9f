import Core
import Logging
import NIOSSL
import PostgresNIO

/// The archive on a PostgreSQL server, which several hosts share (issue 14).
///
/// Used as the SQLite archive is (`Store`, the same ``Archive`` protocol): synchronously, from the
/// daemon's writer and from the commands (see ``PostgresLink``). Commits go through one
/// connection, reads through another, so that a command or the outbox does not wait for a commit.
/// Over TCP a connection uses TLS when the server offers it (libpq's `sslmode=prefer`); a Unix
/// socket needs none.
///
/// Files and events belong to the host that ingested them (``hostID``): each daemon reads its own
/// drop folder and writes its own events to its own journal. Documents, stories and digests are
/// the archive's.
public final class PostgresArchive: Sendable {
    /// Where the archive is.
    public let location: PostgresLocation
    /// The host whose files and events this archive reads and writes; 0 for one that only reads
    /// the archive's documents and stories.
    public let hostID: Int
    let writer: PostgresLink
    let reader: PostgresLink
    /// Holds the lock of a digest being published (``publishingOnce(_:_:)``), apart from the commits.
    let publisher: PostgresLink
    let logger: Logger
    /// The similarity records placement read recently (as `Store`'s).
    let profiles = StoryProfileCache()
    /// The open stories' keys and fingerprints, for placement, current at an `archive_state.version`.
    let openStories = OpenStoriesState()
    /// How many of a ranked search's best documents are checked against the query first (see
    /// ``PostingsRanking``); nil for twice the hits asked for, 20 at least. Tests make it small.
    let firstRankedPage: Int?

    /// The archive at `location`, as its user, with `password` when the server asks for one (see
    /// ``PostgresPassword``), for `hostID`'s files and events (see ``open(location:password:host:logger:)``).
    /// Nothing is connected until first used. A statement that gets no answer for
    /// `statementTimeout` seconds fails, and its connection is closed (the next call opens
    /// another): a connection that died unnoticed does not hold the daemon for ever.
    public init(
        location: PostgresLocation, password: String?, hostID: Int = 0, logger: Logger, statementTimeout: Int = 60,
        firstRankedPage: Int? = nil
    ) {
        self.firstRankedPage = firstRankedPage
        let configuration =
            location.isSocket
            ? PostgresConnection.Configuration(
                unixSocketPath: location.socketPath, username: location.user, password: password,
                database: location.database)
            : PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: Self.preferredTLS)
        self.location = location
        self.hostID = hostID
        self.logger = logger
        let timeout = Int64(statementTimeout)
        writer = PostgresLink(configuration: configuration, logger: logger, timeout: timeout)
        reader = PostgresLink(configuration: configuration, logger: logger, timeout: timeout)
        // Waits for the lock of a day's digest while another host publishes it: no bound but an hour.
        publisher = PostgresLink(configuration: configuration, logger: logger, timeout: 3600)
    }

    /// TLS when the server offers it, with the system's certificates; none when they cannot be loaded.
    private static var preferredTLS: PostgresConnection.Configuration.TLS {
        guard let context = try? NIOSSLContext(configuration: .makeClientConfiguration()) else { return .disable }
        return .prefer(context)
    }

    /// The archive at `location` for the host called `host`: its schema brought up to date, the
    /// host registered.
    ///
    /// - Throws: the server's error, or the connection's when it cannot be reached.
    public static func open(
        location: PostgresLocation, password: String?, host: String, logger: Logger
    ) throws -> PostgresArchive {
        let setUp = PostgresArchive(location: location, password: password, logger: logger)
        try setUp.migrate()
        let id = try setUp.register(host: host)
        setUp.close()
        return PostgresArchive(location: location, password: password, hostID: id, logger: logger)
    }

    /// The archive at `location`, to read as the host called `host` (its files and queue, when it
    /// has ever ingested; none otherwise): nothing is created or migrated.
    ///
    /// - Throws: ``PostgresArchiveError/schemaMissing(_:)`` or ``PostgresArchiveError/schemaOutdated(_:)``
    ///   when the database does not hold an archive of this version; the server's error otherwise.
    public static func openForReading(
        location: PostgresLocation, password: String?, host: String, logger: Logger
    ) throws -> PostgresArchive {
        let probe = PostgresArchive(location: location, password: password, logger: logger)
        defer { probe.close() }
        let hasSchema = try probe.reader.withSession { session in
            try session.value("SELECT to_regclass('newsdrop_migrations') IS NOT NULL", as: Bool.self) ?? false
        }
        guard hasSchema else { throw PostgresArchiveError.schemaMissing("\(location)") }
        let applied = try probe.appliedMigrations()
        guard PostgresSchema.migrations.allSatisfy({ applied.contains($0.name) }) else {
            throw PostgresArchiveError.schemaOutdated("\(location)")
        }
        let id = try probe.reader.withSession { session in
            try session.value("SELECT id FROM hosts WHERE name = \(host)", as: Int32.self)
        }
        return PostgresArchive(location: location, password: password, hostID: Int(id ?? 0), logger: logger)
    }

    /// Closes the connections (the next call opens them again).
    public func close() {
        writer.close()
        reader.close()
        publisher.close()
    }

    /// Runs `query` on the reading connection, its rows (if any) dropped.
    func execute(_ query: PostgresQuery) throws {
        try reader.withSession { try $0.execute(query) }
    }

    /// Brings the schema up to date: applies, in order, the migrations of ``PostgresSchema`` the
    /// database lacks, each in its own transaction.
    ///
    /// Several daemons may start at once on one database: a transaction-scoped advisory lock lets
    /// one migrate while the others wait, then find nothing left to do.
    ///
    /// - Returns: the names of the migrations applied now.
    @discardableResult
    public func migrate() throws -> [String] {
        var applied: [String] = []
        for migration in PostgresSchema.migrations {
            let name = migration.name
            // A migration of a large archive may rewrite tables: an hour per statement, not a minute.
            let isNew = try writer.transaction(timeout: 3600) { session in
                // The lock first: two first starts creating the table at once collide in the catalog.
                try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
                try session.execute(
                    """
                    CREATE TABLE IF NOT EXISTS newsdrop_migrations (
                        position serial PRIMARY KEY, name text UNIQUE NOT NULL, applied_at timestamptz NOT NULL)
                    """)
                if try session.value("SELECT 1 FROM newsdrop_migrations WHERE name = \(name)", as: Int32.self) != nil {
                    return false
                }
                for statement in migration.statements {
                    try session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try session.execute("INSERT INTO newsdrop_migrations (name, applied_at) VALUES (\(name), now())")
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
    public func register(host: String) throws -> Int {
        let id = try writer.withSession { session in
            try session.value(
                """
                INSERT INTO hosts (name, first_seen, last_seen) VALUES (\(host), now(), now())
                ON CONFLICT (name) DO UPDATE SET last_seen = now() RETURNING id
                """, as: Int32.self)
        }
        guard let id else { throw PostgresArchiveError.noRowReturned("registering the host \(host)") }
        return Int(id)
    }

    /// The migrations the database has, in the order they were applied.
    public func appliedMigrations() throws -> [String] {
        try reader.withSession { session in
            try session.values("SELECT name FROM newsdrop_migrations ORDER BY position", as: String.self)
        }
    }
}

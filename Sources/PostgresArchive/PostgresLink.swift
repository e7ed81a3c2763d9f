import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// One connection to the archive's server, opened on first use and opened again once it was
/// lost, used synchronously by one caller at a time.
///
/// Synchronous on purpose: the PostgreSQL archive is used where the SQLite one is (`Store`), by
/// the daemon's writer and by the commands, whose calls wait on the disk there and on the server
/// here. The connection runs on SwiftNIO's own threads; a caller waits for it on its own thread,
/// so a link must never be used from a SwiftNIO event loop.
final class PostgresLink: @unchecked Sendable {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let lock = NIOLock()
    /// Guarded by `lock`.
    private var connection: PostgresConnection?
    private var connections = 0
    /// How long a statement may take before the connection is given up as lost, in seconds.
    let timeout: Int64

    init(configuration: PostgresConnection.Configuration, logger: Logger, timeout: Int64) {
        self.configuration = configuration
        self.logger = logger
        self.timeout = timeout
    }

    deinit {
        try? connection?.close().wait()
    }

    /// Runs `body` with the connection, connecting first when there is none (or it was closed).
    ///
    /// - Throws: the server's error, or the connection's when it cannot be reached; the next call
    ///   connects again.
    /// `timeout`, when given, bounds each statement instead of the link's own.
    func withSession<T>(timeout: Int64? = nil, _ body: (PostgresSession) throws -> T) throws -> T {
        do {
            return try withConnection(timeout: timeout ?? self.timeout, body)
        } catch let error as PSQLError {
            // Said in a sentence here, so that every log line and message reads the same.
            throw PostgresServerError(description: PostgresFailure.sentence(error), underlying: error)
        }
    }

    private func withConnection<T>(timeout: Int64, _ body: (PostgresSession) throws -> T) throws -> T {
        try lock.withLock {
            if connection?.isClosed ?? true {
                try? connection?.close().wait()
                connection = nil
                connections += 1
                connection = try PostgresConnection.connect(
                    on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                    id: connections, logger: logger
                ).wait()  // bounded by the configuration's connect timeout (10 s)
            }
            // Set just above when it was missing.
            let session = PostgresSession(connection: connection!, logger: logger, timeout: timeout)
            do {
                let result = try body(session)
                try session.flush()
                return result
            } catch {
                try? session.flush()
                if error is PostgresConnectionLost {
                    // Closing, not yet closed: the next call must not take it for a live one. It is
                    // kept until closed (PostgresNIO checks that a connection is closed when freed).
                    if let closing = connection {
                        (closing.close() as EventLoopFuture<Void>).whenComplete { _ in withExtendedLifetime(closing) {}
                        }
                    }
                    connection = nil
                }
                throw error
            }
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(timeout: Int64? = nil, _ body: (PostgresSession) throws -> T) throws -> T {
        try withSession(timeout: timeout) { session in
            try session.execute("BEGIN")
            do {
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the connection; the next call opens another.
    func close() {
        lock.withLock {
            try? connection?.close().wait()
            connection = nil
        }
    }
}

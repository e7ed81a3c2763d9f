import Logging
import NIOCore
import PostgresNIO

/// A connection of a ``PostgresLink`` for the duration of one call: statements run in order; a
/// statement whose result is not needed is sent without waiting for it (``send(_:)``), so that a
/// commit of 256 articles waits for the server a few times per article rather than ten.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// How long a statement may take before the connection is given up as lost, in seconds.
    let timeout: Int64
    /// Statements sent and not yet waited for, oldest first.
    private var sent: [EventLoopFuture<PostgresQueryResult>] = []

    init(connection: PostgresConnection, logger: Logger, timeout: Int64) {
        self.connection = connection
        self.logger = logger
        self.timeout = timeout
    }

    /// Sends `query` without waiting for it: the connection runs it after those sent before, and
    /// its failure is thrown by the next statement waited for (or by ``flush()``).
    func send(_ query: PostgresQuery) {
        sent.append(start(query))
    }

    /// Starts `query`; one on a closed connection fails at once. PostgresNIO writes a statement to
    /// a closed connection without telling anyone, and its result never came: a daemon whose
    /// server stopped in the middle of a commit waited for its `ROLLBACK` forever.
    private func start(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        guard !connection.isClosed else {
            return connection.eventLoop.makeFailedFuture(PostgresConnectionLost(reason: "the connection was closed"))
        }
        return connection.query(query, logger: logger)
    }

    /// The value of `future`, waited for at most `timeout` seconds; after that the connection is
    /// closed (the next call opens another) and the wait fails.
    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let bounded = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: bounded)
        let connection = connection
        let timeout = timeout
        let deadline = future.eventLoop.scheduleTask(in: .seconds(timeout)) {
            bounded.fail(PostgresConnectionLost(reason: "the server did not answer for \(timeout) s"))
            (connection.close() as EventLoopFuture<Void>).whenComplete { _ in withExtendedLifetime(connection) {} }
        }
        defer { deadline.cancel() }
        return try bounded.futureResult.wait()
    }

    /// Waits for the statements sent so far.
    ///
    /// - Throws: the first failure among them (the ones after it fail only because the
    ///   transaction was aborted).
    func flush() throws {
        let waiting = sent
        sent.removeAll()
        var failure: (any Error)?
        for statement in waiting {
            do { _ = try wait(statement) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// Runs `query` and returns its rows, after the statements sent before it.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let result = start(query)
        // A statement sent before that failed aborted the transaction: its error is the one to report.
        try flush()
        return try wait(result)
    }

    /// Runs `query`, its rows (if any) dropped.
    func execute(_ query: PostgresQuery) throws {
        try self.query(query)
    }

    /// The first column of the first row of `query`, decoded as `T`; nil when there is no row or
    /// the value is NULL.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T?
    where T._DecodableType == T {
        guard let row = try self.query(query).first else { return nil }
        return try row.decode(T?.self)
    }

    /// The first column of every row of `query`, decoded as `T`.
    func values<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try self.query(query).map { try $0.decode(T.self) }
    }
}

extension ByteBuffer {
    /// The readable bytes, copied.
    var bytes: [UInt8] { Array(readableBytesView) }
}

/// The connection to the server was lost, or never answered: the next call connects again.
struct PostgresConnectionLost: Error, CustomStringConvertible {
    let reason: String
    var description: String { "lost the connection to the server: \(reason)" }
}

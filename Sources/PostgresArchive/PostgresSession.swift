import Logging
import NIOCore
import PostgresNIO

/// A connection of a ``PostgresLink`` for the duration of one call: statements run in order; a
/// statement whose result is not needed is sent without waiting for it (``send(_:)``), so that a
/// commit of 256 articles waits for the server a few times per article rather than ten.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// Statements sent and not yet waited for, oldest first.
    private var sent: [EventLoopFuture<PostgresQueryResult>] = []

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Sends `query` without waiting for it: the connection runs it after those sent before, and
    /// its failure is thrown by the next statement waited for (or by ``flush()``).
    func send(_ query: PostgresQuery) {
        sent.append(connection.query(query, logger: logger))
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
            do { _ = try statement.wait() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// Runs `query` and returns its rows, after the statements sent before it.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let result = connection.query(query, logger: logger)
        // A statement sent before that failed aborted the transaction: its error is the one to report.
        try flush()
        return try result.wait()
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

import Logging
import NIOCore
import PostgresNIO

/// A connection of a ``PostgresLink`` for the duration of one call: statements run one after the
/// other, each waited for.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// Runs `query`, its rows (if any) dropped.
    func execute(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
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

import Foundation
import GRDB

extension Database {
    /// Runs `sql` through the statement cache: the story statements run several times per article,
    /// and preparing them anew each time cost more than running them.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// The rows of a cached statement.
    func cachedRows(sql: String, arguments: StatementArguments) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first column of the first row of a cached statement, as an integer.
    func cachedInt64(sql: String, arguments: StatementArguments) throws -> Int64? {
        try Int64.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first column of the first row of a cached statement, as bytes.
    func cachedData(sql: String, arguments: StatementArguments) throws -> Data? {
        try Data.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}

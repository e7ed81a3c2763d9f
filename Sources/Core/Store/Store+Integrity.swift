import GRDB
import GRDBSQLite

extension Store {
    /// The archive's database file.
    public var path: String { pool.path }

    /// The problems SQLite's own check finds in the archive, at most `limit`; empty when it is healthy.
    ///
    /// `PRAGMA quick_check` unless `thorough`, then `PRAGMA integrity_check`, which also compares
    /// every index with its table. Read-only, so it runs on a read-only store and beside a writing
    /// daemon (in WAL mode it checks the snapshot it reads). A check that fails because the file is
    /// damaged returns that failure as its one problem; other failures throw.
    public func integrityProblems(thorough: Bool, limit: Int = 20) throws(StoreError) -> [String] {
        let pragma = thorough ? "integrity_check" : "quick_check"
        // The check can fail on a damaged page after it has described others: keep what it said.
        var rows: [String] = []
        do {
            try pool.read { db in
                let cursor = try String.fetchCursor(db, sql: "PRAGMA \(pragma)(\(max(1, limit)))")
                while let row = try cursor.next() { rows.append(row) }
            }
            return Self.problems(in: rows)
        } catch {
            if Self.damage(error, path: path) != nil, !Self.problems(in: rows).isEmpty {
                return Self.problems(in: rows)
            }
            guard let damage = Self.damage(error, path: path) else {
                throw StoreError(.unusable, "Cannot check the archive at '\(path)': \(error)", cause: error)
            }
            // integrity_check can stop on a page quick_check steps over and describes: ask it.
            if thorough, let problems = try? integrityProblems(thorough: false, limit: limit), !problems.isEmpty {
                return problems
            }
            return [damage.reason]
        }
    }

    /// One problem per line of the check's rows; none for "ok". A row may start with a
    /// "*** in database main ***" header line, which is not a problem.
    private static func problems(in rows: [String]) -> [String] {
        rows == ["ok"]
            ? [] : rows.flatMap { $0.split(separator: "\n") }.map(String.init).filter { !$0.hasPrefix("***") }
    }

    /// The problems FTS5 finds in the full-text index's own structure; empty when it is sound.
    ///
    /// Runs `INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 0)` in a
    /// transaction that is rolled back. Rank 0 checks the index alone: comparing it with its
    /// external content (`documents`) would re-tokenise the stored text, which lacks the language
    /// marker the index was built from, and report a healthy archive as damaged. FTS5 runs the
    /// check as a write, so this needs a writable store (it takes the write lock while it runs).
    public func fullTextIndexProblems() throws(StoreError) -> [String] {
        do {
            return try pool.writeWithoutTransaction { db in
                var problems: [String] = []
                try db.inTransaction(.immediate) {
                    do {
                        try db.execute(
                            sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 0)")
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                        problems.append("full-text index documents_fts: \(error.message ?? "malformed")")
                    }
                    return .rollback
                }
                return problems
            }
        } catch {
            if let damage = Self.damage(error, path: path) { return [damage.reason] }
            throw StoreError(.unusable, "Cannot check the full-text index of '\(path)': \(error)", cause: error)
        }
    }

    /// A ``StoreError/Code/damaged`` error when `error` says the file at `path` is not a database
    /// or is corrupt (`SQLITE_NOTADB`, `SQLITE_CORRUPT`); nil for any other error.
    public static func damage(_ error: any Error, path: String) -> StoreError? {
        if let error = error as? StoreError { return error.code == .damaged ? error : nil }
        guard let error = error as? DatabaseError,
            error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        else { return nil }
        // sqlite3_errstr gives the short, stable text of the code ("file is not a database").
        let reason = String(cString: sqlite3_errstr(error.resultCode.rawValue))
        var damaged = StoreError.damaged(path: path, reason: reason)
        damaged.cause = error
        return damaged
    }

    /// Throws a ``StoreError/Code/damaged`` error naming the first problem when `PRAGMA
    /// quick_check` finds the archive damaged (a truncated or overwritten file opens, and fails later).
    public func verify() throws(StoreError) {
        guard let first = try integrityProblems(thorough: false, limit: 1).first else { return }
        let reason = first.count > 160 ? String(first.prefix(160)) + "…" : first
        throw StoreError.damaged(path: path, reason: reason)
    }
}

extension StoreError {
    /// A ``Code/damaged`` error for the archive file at `path`: "The archive PATH is damaged (REASON)".
    public static func damaged(path: String, reason: String) -> StoreError {
        StoreError(.damaged, "The archive \(path) is damaged (\(reason))", reason: reason)
    }
}

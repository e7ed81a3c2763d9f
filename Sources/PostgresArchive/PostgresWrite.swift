import Core
import Foundation
import PostgresNIO

/// One write transaction of a ``PostgresArchive``: its session, the time it records, the
/// `archive_state.version` it started from (the in-memory index of open stories is current for
/// the transaction when it was stamped with that version), and the ids it gives out.
struct PostgresWrite {
    let session: PostgresSession
    /// Seconds since 1970.
    let time: Double
    let version: Int64
    let ids: PostgresIDs
    let totals = DocumentTotals()
    let postings = PendingPostings()
}

/// How a write transaction changes the archive's document count and total length, kept in
/// `archive_state` so that ranking a search does not count the archive (`count(*)` and
/// `sum(length)` over every document) each time.
final class DocumentTotals {
    private(set) var documents: Int64 = 0
    private(set) var tokens: Int64 = 0

    /// A document of `length` tokens written.
    func add(length: Int64) {
        documents += 1
        tokens += length
    }

    /// A document of `length` tokens deleted.
    func remove(length: Int64) {
        documents -= 1
        tokens -= length
    }

    /// A document rewritten, from `old` tokens to `new`.
    func change(from old: Int64, to new: Int64) {
        tokens += new - old
    }
}

/// The ids a write transaction gives to new documents, events and stories: taken from each
/// table's sequence once, then counted on here, the sequence set past the last one at the end.
///
/// Safe because every writer holds the commit lock: no other transaction takes ids meanwhile. An
/// id known without asking lets the row be sent without waiting for it (``PostgresSession/send(_:)``);
/// a rolled-back transaction leaves a gap, as a sequence does anyway.
final class PostgresIDs {
    /// A table whose ids come from a sequence.
    enum Table: String, CaseIterable {
        case documents, events, stories
    }

    private var next: [Table: Int64] = [:]
    private var first: [Table: Int64] = [:]

    /// A new id for a row of `table`.
    func take(_ table: Table, session: PostgresSession) throws -> Int64 {
        if next[table] == nil {
            let start = try session.value(
                PostgresQuery(unsafeSQL: "SELECT nextval('\(table.rawValue)_id_seq')"), as: Int64.self)
            guard let start else { throw PostgresArchiveError.noRowReturned("numbering \(table.rawValue)") }
            next[table] = start
            first[table] = start
        }
        defer { next[table]! += 1 }  // set just above when it was missing
        return next[table]!
    }

    /// Sets each sequence used past the last id taken.
    func finish(session: PostgresSession) {
        for (table, next) in next where next - 1 > first[table] ?? 0 {
            session.send(PostgresQuery(unsafeSQL: "SELECT setval('\(table.rawValue)_id_seq', \(next - 1))"))
        }
    }
}

extension PostgresArchive {
    /// Runs `body` in a write transaction that holds the archive's commit lock to its end, so that
    /// hosts commit one at a time and each sees every story committed before its own.
    ///
    /// At the end the archive's version moves on; the open-story index, current at the version
    /// read at the start (nobody else committed since this writer's last commit), is stamped
    /// with the new one once committed. When anything fails, the caches are dropped: they may hold
    /// what was rolled back.
    func writing<T>(at now: Date, _ body: (PostgresWrite) throws -> T) throws -> T {
        do {
            return try writer.withSession { session in
                try session.execute("BEGIN")
                do {
                    try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.commitLock))")
                    let version = try session.value("SELECT version FROM archive_state", as: Int64.self) ?? 0
                    let write = PostgresWrite(
                        session: session, time: now.timeIntervalSince1970, version: version, ids: PostgresIDs())
                    let result = try body(write)
                    write.postings.flush(session: session)
                    write.ids.finish(session: session)
                    session.send(
                        """
                        UPDATE archive_state SET version = version + 1, documents = documents + \(write.totals.documents),
                            tokens = tokens + \(write.totals.tokens)
                        """)
                    try session.execute("COMMIT")
                    openStories.restamp(from: version, to: version + 1)
                    return result
                } catch {
                    try? session.flush()
                    try? session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            profiles.removeAll()
            openStories.reset()
            throw error
        }
    }
}

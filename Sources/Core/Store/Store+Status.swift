import Foundation
import GRDB

/// Counts that describe the archive, as `newsdrop status` shows them.
public struct ArchiveStatus: Sendable, Codable, Equatable {
    /// Documents in the index.
    public var documents: Int
    /// Files rejected (and still present).
    public var rejected: Int
    /// Files the daemon has seen but not yet committed, plus events not yet in the journal.
    public var pending: Int
    /// When the last document was ingested or updated, ISO 8601, or nil.
    public var lastIngest: String?
    /// Files known.
    public var files: Int
    /// Documents by language code.
    public var languages: [String: Int]
    /// Events waiting to be written to the journal.
    public var unsentEvents: Int

    enum CodingKeys: String, CodingKey {
        case documents, rejected, pending, files, languages
        case lastIngest = "last_ingest"
        case unsentEvents = "unsent_events"
    }

    package init(
        documents: Int, rejected: Int, pending: Int, lastIngest: String?, files: Int, languages: [String: Int],
        unsentEvents: Int
    ) {
        self.documents = documents
        self.rejected = rejected
        self.pending = pending
        self.lastIngest = lastIngest
        self.files = files
        self.languages = languages
        self.unsentEvents = unsentEvents
    }
}

extension Store {
    /// The archive's counts. `pending` adds the daemon's queue as it last reported it (see `setMeta`).
    public func status() throws -> ArchiveStatus {
        try pool.read { db in
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            let files = try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0
            let rejected = try Int.fetchOne(db, sql: "SELECT count(*) FROM files WHERE state = 'rejected'") ?? 0
            let unsent = try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE sent_at IS NULL") ?? 0
            let queued = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'queued'").flatMap { Int($0) }
            let last = try Double.fetchOne(db, sql: "SELECT max(updated_at) FROM documents")
            var languages: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT language, count(*) AS n FROM documents GROUP BY language") {
                languages[row["language"]] = row["n"]
            }
            return ArchiveStatus(
                documents: documents, rejected: rejected, pending: (queued ?? 0) + unsent,
                lastIngest: last.map { Date(timeIntervalSince1970: $0).formatted(.iso8601) }, files: files,
                languages: languages, unsentEvents: unsent)
        }
    }
}

extension Store {
    /// Reads one row, to show that the archive answers (the watchdog's health check).
    public func ping() throws {
        _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meta") }
    }
}

import Foundation
import GRDB

extension Store {
    /// The newest day whose digest was published, or nil.
    public func lastPublishedDigest() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(date) FROM digests") }
    }

    /// Records that `digest` was published (its files written at `path`), with its journal entry in
    /// the outbox: `MESSAGE` is the Markdown, and the counts are fields of their own.
    public func recordPublished(_ digest: Digest, path: String, at now: Date = Date()) throws -> StoredEvent {
        let time = now.timeIntervalSince1970
        var fields = [
            "MESSAGE": digest.markdown,
            "NEWSDROP_DATE": digest.date,
            "NEWSDROP_INGESTED": String(digest.totals.ingested),
            "NEWSDROP_UPDATED": String(digest.totals.updated),
            "NEWSDROP_REMOVED": String(digest.totals.removed),
            "NEWSDROP_DUPLICATES": String(digest.totals.duplicates),
            "NEWSDROP_REJECTED": String(digest.totals.rejected),
            "NEWSDROP_ALERTS": String(digest.totals.alerts),
            "NEWSDROP_STORIES": String(digest.stories.count),
        ]
        if let top = digest.stories.first { fields["NEWSDROP_TOP_STORY"] = top.headline }
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO digests (date, published_at) VALUES (?, ?)
                    ON CONFLICT(date) DO UPDATE SET published_at = excluded.published_at
                    """, arguments: [digest.date, time])
            return try record(StoredEvent(kind: .digest, path: path, extraFields: fields), time: time, db: db)
        }
    }
}

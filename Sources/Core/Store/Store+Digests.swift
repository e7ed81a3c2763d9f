import Foundation
import GRDB

extension Store {
    /// The newest day whose digest was published, or nil.
    public func lastPublishedDigest() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(date) FROM digests") }
    }

    /// Runs `body`: one machine's archive has no other host to publish the digest of `day`.
    public func publishingOnce<T>(_ day: String, _ body: () throws -> T) throws -> T? {
        try body()
    }

    /// Records that `digest` was published (its files written at `path`), with its event in the
    /// outbox, which carries the Markdown and the counts (``PublishedDigest``).
    public func recordPublished(_ digest: Digest, path: String, at now: Date = Date()) throws -> StoredEvent {
        let time = now.timeIntervalSince1970
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO digests (date, published_at) VALUES (?, ?)
                    ON CONFLICT(date) DO UPDATE SET published_at = excluded.published_at
                    """, arguments: [digest.date, time])
            return try record(
                StoredEvent(kind: .digest, path: path, digest: PublishedDigest(digest)), time: time, db: db)
        }
    }
}

import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// The digest of `day` for the whole archive (every host's events and documents), as `Store`
    /// makes it.
    public func digest(of day: String, schedule: DigestSchedule, topStories: Int = 10) throws -> Digest? {
        guard let (start, end) = schedule.interval(of: day) else { return nil }
        let (from, to) = (start.timeIntervalSince1970, end.timeIntervalSince1970)
        return try reader.withSession { session in
            let counts = try session.query(
                "SELECT kind, count(*) FROM events WHERE created_at >= \(from) AND created_at < \(to) GROUP BY kind"
            ).map { row in
                let (kind, count) = try row.decode((String, Int64).self)
                return (kind: kind, count: Int(count))
            }
            let alerts = try session.query(
                """
                SELECT alert, doc_id, path, title FROM events
                WHERE kind = 'alert' AND created_at >= \(from) AND created_at < \(to) ORDER BY id
                """
            ).map { row in
                let (name, document, path, title) = try row.decode((String?, Int64?, String, String?).self)
                return Digest.Alert(name: name ?? "?", docID: document, path: path, title: title)
            }
            let rejections = try session.query(
                """
                SELECT path, reason FROM events
                WHERE kind = 'rejected' AND created_at >= \(from) AND created_at < \(to) ORDER BY id
                """
            ).map { row in
                let (path, reason) = try row.decode((String, String?).self)
                return (path: path, reason: reason)
            }
            let arrived = try session.query(
                """
                SELECT id, path, title, body, language, date, source, topics, story_id, duplicate_of, ingested_at
                FROM documents WHERE ingested_at >= \(from) AND ingested_at < \(to) ORDER BY id
                """
            ).map { row in
                let (id, path, title, body, language, date, source, topics, story, duplicateOf, ingestedAt) =
                    try row.decode(
                        (Int64, String, String, String, String, String?, String?, String, Int64?, Int64?, Double).self)
                return ArrivedDocument(
                    id: id, path: path, title: title, body: body, language: language, date: date, source: source,
                    topicsJSON: topics, storyID: story, duplicateOf: duplicateOf, ingestedAt: ingestedAt)
            }
            return try Store.digest(
                of: day, schedule: schedule, topStories: topStories, eventCounts: counts, alerts: alerts,
                rejections: rejections, arrived: arrived
            ) { story in
                try session.value("SELECT headline FROM stories WHERE id = \(story)", as: String.self)
            }
        }
    }

    /// The newest day whose digest was published, by any host, or nil.
    public func lastPublishedDigest() throws -> String? {
        try reader.withSession { session in try session.value("SELECT max(date) FROM digests", as: String.self) }
    }

    /// Runs `body` (which publishes the digest of `day` and records it) under a session advisory
    /// lock of that day, unless the digest is recorded as published already: of the hosts whose
    /// schedules fall due together, the first publishes and the others find it done.
    public func publishingOnce<T>(_ day: String, _ body: () throws -> T) throws -> T? {
        // 'news' and the day as a number: one lock per day, apart from other applications' locks.
        let (application, date) = (Int32(0x6E65_7773), Int32(day.filter(\.isNumber).prefix(8)) ?? 0)
        return try publisher.withSession { session in
            try session.execute("SELECT pg_advisory_lock(\(application), \(date))")
            defer { try? session.execute("SELECT pg_advisory_unlock(\(application), \(date))") }
            guard try session.value("SELECT 1 FROM digests WHERE date = \(day)", as: Int32.self) == nil else {
                return nil
            }
            return try body()
        }
    }

    /// Records that `digest` was published (its files written at `path` on this host), with its
    /// event in this host's outbox.
    public func recordPublished(_ digest: Digest, path: String, at now: Date = Date()) throws -> StoredEvent {
        try writing(at: now) { write in
            try write.session.execute(
                """
                INSERT INTO digests (date, published_at) VALUES (\(digest.date), \(write.time))
                ON CONFLICT (date) DO UPDATE SET published_at = excluded.published_at
                """)
            return try record(StoredEvent(kind: .digest, path: path, digest: PublishedDigest(digest)), write: write)
        }
    }
}

import Foundation
import GRDB

extension Store {
    /// Records an event in the outbox inside the caller's transaction.
    func record(_ event: StoredEvent, time: Double, db: Database) throws -> StoredEvent {
        try db.executeCached(
            sql: """
                INSERT INTO events (kind, path, doc_id, language, title, reason, topics, entities, alert, priority,
                    story_id, duplicate_of, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.kind.rawValue, event.path, event.documentID, event.language, event.title, event.reason,
                event.topics, event.entities, event.alert, event.alertPriority, event.storyID, event.duplicateOf,
                try EventPayload(note: event.note, digest: event.digest).json,
                time,
            ])
        var recorded = event
        recorded.id = db.lastInsertedRowID
        return recorded
    }

    /// The oldest events not yet sent to the journal, at most `limit`, oldest first.
    public func unsentEvents(limit: Int = 500) throws -> [StoredEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, path, doc_id, language, title, reason, topics, entities, alert, priority,
                        story_id, duplicate_of, payload
                    FROM events
                    WHERE sent_at IS NULL ORDER BY id LIMIT ?
                    """,
                arguments: [limit]
            ).compactMap { row in
                guard let kind = StoredEvent.Kind(rawValue: row["kind"]) else { return nil }
                let payload = EventPayload(json: row["payload"])
                return StoredEvent(
                    id: row["id"], kind: kind, path: row["path"], documentID: row["doc_id"],
                    language: row["language"], title: row["title"], reason: row["reason"], topics: row["topics"],
                    entities: row["entities"], alert: row["alert"], alertPriority: row["priority"],
                    storyID: row["story_id"], duplicateOf: row["duplicate_of"], note: payload.note,
                    digest: payload.digest)
            }
        }
    }

    /// Marks events as written to the journal.
    public func markSent(_ ids: [Int64], at now: Date = Date()) throws {
        guard !ids.isEmpty else { return }
        try pool.write { db in
            for id in ids {
                try db.executeCached(
                    sql: "UPDATE events SET sent_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
            }
        }
    }

    /// Writes a value the daemon shares with the CLI, such as the number of files waiting.
    public func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in try Self.setMeta(key, value, db: db) }
    }

    /// A value written by `setMeta`, or nil.
    public func meta(_ key: String) throws -> String? {
        try pool.read { db in try Self.meta(key, db: db) }
    }

    /// Writes `key` of the meta table in the caller's transaction.
    static func setMeta(_ key: String, _ value: String, db: Database) throws {
        try db.executeCached(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Reads `key` of the meta table in the caller's transaction.
    static func meta(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }
}

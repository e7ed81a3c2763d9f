import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// Records an event in this host's outbox inside the commit's transaction.
    func record(_ event: StoredEvent, write: PostgresWrite) throws -> StoredEvent {
        let payload = try EventPayload(note: event.note, digest: event.digest).json
        let id = try write.ids.take(.events, session: write.session)
        write.session.send(
            """
            INSERT INTO events (id, host_id, kind, path, doc_id, language, title, reason, topics, entities, alert,
                priority, story_id, duplicate_of, payload, created_at)
            VALUES (\(id), \(hostID), \(event.kind.rawValue), \(event.path), \(event.documentID), \(event.language),
                \(event.title), \(event.reason), \(event.topics), \(event.entities), \(event.alert),
                \(event.alertPriority.map(Int64.init)), \(event.storyID), \(event.duplicateOf), \(payload), \(write.time))
            """)
        var recorded = event
        recorded.id = id
        return recorded
    }

    /// The oldest events of this host not yet sent to its journal, at most `limit`, oldest first.
    public func unsentEvents(limit: Int) throws -> [StoredEvent] {
        try reader.withSession { session in
            let rows = try session.query(
                """
                SELECT id, kind, path, doc_id, language, title, reason, topics, entities, alert, priority,
                    story_id, duplicate_of, payload
                FROM events WHERE host_id = \(hostID) AND sent_at IS NULL ORDER BY id LIMIT \(Int64(limit))
                """)
            return try rows.compactMap { row in
                let (id, kind, path, document, language, title, reason, topics, entities, alert, priority) =
                    try row.decode(
                        (Int64, String, String, Int64?, String?, String?, String?, String?, String?, String?, Int32?)
                            .self)
                let columns = row.makeRandomAccess()
                let story = try columns[11].decode(Int64?.self)
                let duplicateOf = try columns[12].decode(Int64?.self)
                let payload = EventPayload(json: try columns[13].decode(String?.self))
                guard let kind = StoredEvent.Kind(rawValue: kind) else { return nil }
                return StoredEvent(
                    id: id, kind: kind, path: path, documentID: document, language: language, title: title,
                    reason: reason, topics: topics, entities: entities, alert: alert,
                    alertPriority: priority.map(Int.init), storyID: story, duplicateOf: duplicateOf, note: payload.note,
                    digest: payload.digest)
            }
        }
    }

    /// Marks events as written to this host's journal.
    public func markSent(_ ids: [Int64], at now: Date) throws {
        guard !ids.isEmpty else { return }
        try writer.withSession { session in
            try session.execute(
                """
                UPDATE events SET sent_at = \(now.timeIntervalSince1970)
                WHERE host_id = \(hostID) AND id = ANY(\(ids))
                """)
        }
    }

    /// Writes a value this host shares with the commands, such as the number of files waiting.
    public func setMeta(_ key: String, _ value: String) throws {
        try writer.withSession { session in
            try session.execute(
                """
                INSERT INTO meta (host_id, key, value) VALUES (\(hostID), \(key), \(value))
                ON CONFLICT (host_id, key) DO UPDATE SET value = excluded.value
                """)
        }
    }

    /// A value this host wrote with ``setMeta(_:_:)``, or nil.
    public func meta(_ key: String) throws -> String? {
        try reader.withSession { session in
            try session.value("SELECT value FROM meta WHERE host_id = \(hostID) AND key = \(key)", as: String.self)
        }
    }
}

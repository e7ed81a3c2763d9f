import GRDB

/// The entities named by a commit's documents, written to `entities` once each when the commit's
/// index rows go in (see ``PendingIndexRows``).
///
/// The table keeps each entity's longest name, for `entity:` queries. Upserted once per mention,
/// a commit of 256 articles ran about 2,500 upserts for a few hundred entities (countries and
/// capitals come back in every article); the longest name of each is all that reaches the table.
package struct PendingEntityNames {
    /// Per entity id: the longest name seen, and the kind of its first mention.
    private var entities: [String: (name: String, kind: String)] = [:]

    /// Adds the entities of a document.
    package mutating func add(_ mentioned: [Entity]) {
        for entity in mentioned {
            // As SQLite's length(): characters are Unicode scalars. A tie keeps the first name.
            if let known = entities[entity.id] {
                if entity.name.unicodeScalars.count > known.name.unicodeScalars.count {
                    entities[entity.id] = (entity.name, known.kind)
                }
            } else {
                entities[entity.id] = (entity.name, entity.kind.rawValue)
            }
        }
    }

    package init() {}

    /// The entities added so far, by id: each with its longest name and the kind of its first mention.
    package var sorted: [(id: String, name: String, kind: String)] {
        entities.sorted { $0.key < $1.key }.map { ($0.key, $0.value.name, $0.value.kind) }
    }

    /// Writes the entities added so far: a new one with its name and kind, a known one with the
    /// longer of its stored name and the new one.
    mutating func insert(db: Database) throws {
        for entity in sorted {
            try db.executeCached(
                sql: """
                    INSERT INTO entities (id, name, kind) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE
                    SET name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END
                    """,
                arguments: [entity.id, entity.name, entity.kind])
        }
        entities.removeAll()
    }
}

import GRDB

/// The entities named by a commit's documents, written to `entities` once each when the commit's
/// index rows go in (see ``PendingIndexRows``).
///
/// The table keeps each entity's longest name, for `entity:` queries. Upserted once per mention,
/// a commit of 256 articles ran about 2,500 upserts for a few hundred entities (countries and
/// capitals come back in every article); the longest name of each is all that reaches the table.
struct PendingEntityNames {
    /// Per entity id: the longest name seen, and the kind of its first mention.
    private var entities: [String: (name: String, kind: String)] = [:]

    /// Adds the entities of a document.
    mutating func add(_ mentioned: [Entity]) {
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

    /// Writes the entities added so far: a new one with its name and kind, a known one with the
    /// longer of its stored name and the new one.
    mutating func insert(db: Database) throws {
        for (id, entity) in entities.sorted(by: { $0.key < $1.key }) {
            try db.executeCached(
                sql: """
                    INSERT INTO entities (id, name, kind) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE
                    SET name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END
                    """,
                arguments: [id, entity.name, entity.kind])
        }
        entities.removeAll()
    }
}

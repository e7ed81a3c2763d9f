import GRDB

/// The full-text index rows of a commit, inserted together once its other writes are done, with
/// the names of the entities its documents mention (``PendingEntityNames``).
///
/// Inside a transaction SQLite opens a statement savepoint for each write that may have to be
/// undone half-way (an `INSERT OR REPLACE`, an upsert, an `UPDATE … RETURNING`), and FTS5 writes
/// its pending terms out as a new segment at every savepoint once the index took part in the
/// transaction. Inserted one by one between the other writes, each article became a segment of its
/// own, merged again and again; inserted at the end, a batch's terms go out together.
struct PendingIndexRows {
    private var rows: [(id: Int64, title: String, body: String, tags: String, prepared: [PreparedIndexTerms])] = []
    private var entityNames = PendingEntityNames()

    /// Adds a document's row: its title and body marked with their language, its tags, and the
    /// terms the pipeline prepared for them (replayed rather than analysed again); and its entities.
    mutating func add(id: Int64, article: Article, tags: String) {
        entityNames.add(article.entities)
        rows.append(
            (
                id, NewsTokenizer.marked(article.title, language: article.language),
                NewsTokenizer.marked(article.text, language: article.language), tags, article.indexTerms ?? []
            ))
    }

    /// Inserts the entities and rows added so far, and the rows' lengths in ``DocumentLengths``.
    /// Call before anything else touches `documents_fts` in the transaction (a delete needs the rows
    /// it deletes to be there) and before committing.
    mutating func insert(db: Database) throws {
        // First: each upsert opens a savepoint, which would write the index's pending terms out.
        try entityNames.insert(db: db)
        for row in rows {
            try PreparedIndexTerms.offering(row.prepared) {
                try db.executeCached(
                    sql: "INSERT INTO documents_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                    arguments: [row.id, row.title, row.body, row.tags])
            }
        }
        try DocumentLengths.record(rows.map(\.id), db: db)
        rows.removeAll()
    }
}

import Foundation
import GRDB

extension Store {
    /// What the store knows of the file at `path`, or nil.
    public func knownFile(at path: String) throws -> KnownFile? {
        try pool.read { db in try Self.fetchKnownFile(db, path: path) }
    }

    /// What the store knows of each of the files at `paths` that it knows, by path, in one read.
    ///
    /// One read for a round of files rather than one per file: a pool read costs more than the
    /// lookup it wraps.
    public func knownFiles(at paths: [String]) throws -> [String: KnownFile] {
        try pool.read { db in
            var files: [String: KnownFile] = [:]
            for path in paths where files[path] == nil {
                if let known = try Self.fetchKnownFile(db, path: path) { files[path] = known }
            }
            return files
        }
    }

    /// Every known file below `root` (a folder path without trailing slash), by path.
    public func knownFiles(below root: String) throws -> [String: KnownFile] {
        try pool.read { db in
            var files: [String: KnownFile] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, sha256, size, mtime, state FROM files WHERE path > ? AND path < ?",
                arguments: [root + "/", root + "0"])  // '0' sorts right after '/': everything under root/
            while let row = try rows.next() {
                files[row["path"]] = KnownFile(
                    sha256: row["sha256"], size: row["size"], modificationTime: row["mtime"],
                    isRejected: row["state"] == "rejected")
            }
            return files
        }
    }

    /// Commits the outcomes of a batch of files in one transaction and returns the events it recorded.
    ///
    /// A file whose content is unchanged is a no-op. A changed file updates its documents; articles
    /// that left the file are removed. A rejected file loses the documents it had. Each alert rule
    /// an arrived or changed document matches adds an `alert` event after the document's own;
    /// `knownEntityIDs` resolves the rules' `entity:` values (see ``search(_:limit:knownEntityIDs:)``).
    /// `progress` is called after each article and each file, inside the transaction, so a caller
    /// can tell a long commit that advances from one that is stuck (the daemon's watchdog).
    public func commit(
        _ outcomes: [FileOutcome], at now: Date = Date(), alerts rules: [AlertRule] = [],
        knownEntityIDs: (String) -> [String] = { _ in [] }, progress: () -> Void = {}
    ) throws -> [StoredEvent] {
        let time = now.timeIntervalSince1970
        do {
            return try commitBatch(
                outcomes, time: time, rules: rules, knownEntityIDs: knownEntityIDs, progress: progress)
        } catch {
            // Profiles and open stories cached by the rolled-back transaction must not outlive it.
            profiles.removeAll()
            openStories.reset()
            throw error
        }
    }

    private func commitBatch(
        _ outcomes: [FileOutcome], time: Double, rules: [AlertRule], knownEntityIDs: (String) -> [String],
        progress: () -> Void
    ) throws -> [StoredEvent] {
        try pool.write { db in
            var events: [StoredEvent] = []
            var index = PendingIndexRows()
            // Known after the first new document: ids follow on within the transaction.
            var nextID: Int64?
            for outcome in outcomes {
                try commit(
                    outcome, time: time, db: db, events: &events, index: &index, nextID: &nextID, progress: progress)
            }
            try closeStories(before: time - StoryClusteringOptions.standard.window, db: db)
            // Last of the writes: see PendingIndexRows. Alerts then search the new documents.
            try index.insert(db: db)
            let alerts = try recordAlerts(
                for: events, rules: rules, knownEntityIDs: knownEntityIDs, time: time, db: db)
            return events + alerts
        }
    }

    /// Removes the files at `paths`, or every file below a path that is a folder, with their documents.
    public func remove(paths: [String], at now: Date = Date()) throws -> [StoredEvent] {
        let time = now.timeIntervalSince1970
        do {
            return try removeFiles(paths, time: time)
        } catch {
            profiles.removeAll()
            openStories.reset()
            throw error
        }
    }

    private func removeFiles(_ paths: [String], time: Double) throws -> [StoredEvent] {
        try pool.write { db in
            var events: [StoredEvent] = []
            var index = PendingIndexRows()
            for path in paths {
                let matches = try String.fetchAll(
                    db, sql: "SELECT path FROM files WHERE path = ? OR (path > ? AND path < ?)",
                    arguments: [path, path + "/", path + "0"])
                for file in matches {
                    try deleteDocuments(db, path: file, keeping: [], time: time, events: &events, index: &index)
                    try db.executeCached(sql: "DELETE FROM files WHERE path = ?", arguments: [file])
                }
            }
            return events
        }
    }

    private func commit(
        _ outcome: FileOutcome, time: Double, db: Database, events: inout [StoredEvent], index: inout PendingIndexRows,
        nextID: inout Int64?, progress: () -> Void
    ) throws {
        defer { progress() }
        let known = try Self.fetchKnownFile(db, path: outcome.path)
        if let known, known.sha256 == outcome.sha256, !outcome.sha256.isEmpty {
            try db.executeCached(
                sql: "UPDATE files SET size = ?, mtime = ?, seen_at = ? WHERE path = ?",
                arguments: [outcome.size, outcome.modificationTime, time, outcome.path])
            return
        }
        let state: String
        let reason: String?
        switch outcome.result {
        case .rejected(let rejection):
            state = "rejected"
            reason = rejection.message
            try deleteDocuments(db, path: outcome.path, keeping: [], time: time, events: &events, index: &index)
            events.append(
                try record(
                    StoredEvent(kind: .rejected, path: outcome.path, reason: rejection.message), time: time, db: db))
        case .articles(let articles):
            state = "indexed"
            reason = nil
            try deleteDocuments(
                db, path: outcome.path, keeping: Set(articles.map(\.item)), time: time, events: &events, index: &index)
            for article in articles {
                try upsert(
                    article, outcome: outcome, time: time, db: db, events: &events, index: &index, nextID: &nextID)
                progress()
            }
        case .part(let part):
            for article in part.articles {
                try upsert(
                    article, outcome: outcome, time: time, db: db, events: &events, index: &index, nextID: &nextID)
                progress()
            }
            // The file is recorded with its last part only: stopped half-way, it is read again
            // at start-up, and the articles already stored are found unchanged.
            guard let items = part.allItems else { return }
            state = "indexed"
            reason = nil
            try deleteDocuments(db, path: outcome.path, keeping: items, time: time, events: &events, index: &index)
        }
        try db.executeCached(
            sql: """
                INSERT INTO files (path, sha256, size, mtime, state, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
                    mtime = excluded.mtime, state = excluded.state, reason = excluded.reason, seen_at = excluded.seen_at
                """,
            arguments: [outcome.path, outcome.sha256, outcome.size, outcome.modificationTime, state, reason, time])
    }

    /// Writes `article` of `outcome`'s file: its row, story, index row and event. A new document
    /// takes `nextID` (asked of SQLite when nil) and leaves the id after it there.
    private func upsert(
        _ article: Article, outcome: FileOutcome, time: Double, db: Database, events: inout [StoredEvent],
        index: inout PendingIndexRows, nextID: inout Int64?
    ) throws {
        let existing = try Row.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT id, title, body, language, tags, story_id, duplicate_of FROM documents WHERE path = ? AND item = ?"
            ),
            arguments: [outcome.path, article.item])
        let row = try article.preparedRow ?? PreparedRow(article)
        assert(row == (try? PreparedRow(article)), "the article changed after its row was prepared")
        let (tags, topics, entities) = (row.tags, row.topics, row.entities)
        let id: Int64
        let kind: StoredEvent.Kind
        var placement: PlacedStory?
        if let existing {
            id = existing["id"]
            if existing["title"] == article.title && existing["body"] == article.text
                && existing["language"] == article.language && existing["tags"] == tags
            {
                return
            }
            try index.insert(db: db)
            try unindex(db, row: existing)
            try forgetFingerprint(of: id, db: db)
            try db.executeCached(
                sql: """
                    UPDATE documents SET title = ?, body = ?, language = ?, language_confidence = ?, format = ?,
                        date = ?, source = ?, sha256 = ?, updated_at = ?, topics = ?, topics_note = ?, entities = ?,
                        tags = ?
                    WHERE id = ?
                    """,
                arguments: [
                    article.title, article.text, article.language, article.languageConfidence, article.format,
                    article.date, article.source, outcome.sha256, time, topics, article.topicsNote, entities, tags, id,
                ])
            kind = .updated
            if let query = row.storyQuery {
                if let story = existing["story_id"] as Int64? {
                    // A rewritten article stays in its story; copies are compared with its new text.
                    try remember(query.features.fingerprint, documentID: id, story: story, time: time, db: db)
                    placement = PlacedStory(storyID: story, duplicateOf: existing["duplicate_of"])
                } else {
                    placement = try placeInStory(
                        documentID: id, title: article.title, query: query, time: time,
                        span: article.date.flatMap(EventSpan.init(isoDate:)), db: db)
                }
                try db.executeCached(
                    sql: "UPDATE documents SET story_id = ?, duplicate_of = ? WHERE id = ?",
                    arguments: [placement?.storyID, placement?.duplicateOf, id])
            }
        } else {
            // Placed before its row is written, under the id the row will get: the row goes in
            // once, story included. Updated afterwards, the row (body and all) was written twice.
            id = try nextID ?? Self.nextDocumentID(db)
            nextID = id + 1
            placement = try row.storyQuery.map { query in
                try placeInStory(
                    documentID: id, title: article.title, query: query, time: time,
                    span: article.date.flatMap(EventSpan.init(isoDate:)), db: db)
            }
            try db.executeCached(
                sql: """
                    INSERT INTO documents (id, path, item, title, body, language, language_confidence, format, date,
                        source, sha256, ingested_at, updated_at, topics, topics_note, entities, tags, story_id,
                        duplicate_of)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, outcome.path, article.item, article.title, article.text, article.language,
                    article.languageConfidence, article.format, article.date, article.source, outcome.sha256, time,
                    time, topics, article.topicsNote, entities, tags, placement?.storyID, placement?.duplicateOf,
                ])
            kind = .ingested
        }
        let isDuplicate = kind == .ingested && placement?.duplicateOf != nil
        index.add(id: id, article: article, tags: tags)
        let event = StoredEvent(
            kind: isDuplicate ? .duplicate : kind, path: outcome.path, documentID: id, language: article.language,
            title: article.title, topics: article.topics.map(\.label).joined(separator: ","),
            entities: article.entities.map(\.id).joined(separator: ","), storyID: placement?.storyID,
            duplicateOf: isDuplicate ? placement?.duplicateOf : nil,
            note: article.note)
        events.append(try record(event, time: time, db: db))
    }

    /// The id SQLite would give the next document: one more than the largest ever used (the table
    /// is `AUTOINCREMENT`, so ids of removed documents are not used again).
    static func nextDocumentID(_ db: Database) throws -> Int64 {
        let largest = try db.cachedInt64(
            sql: """
                SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0),
                           coalesce((SELECT max(id) FROM documents), 0))
                """, arguments: [])
        return (largest ?? 0) + 1
    }

    /// Deletes the documents of `path` whose item is not in `kept`, each with a `removed` event.
    private func deleteDocuments(
        _ db: Database, path: String, keeping kept: Set<String>, time: Double, events: inout [StoredEvent],
        index: inout PendingIndexRows
    ) throws {
        let rows = try db.cachedRows(
            sql: "SELECT id, item, title, body, language, tags, story_id, duplicate_of FROM documents WHERE path = ?",
            arguments: [path])
        for row in rows where !kept.contains(row["item"]) {
            let id: Int64 = row["id"]
            // A document deleted from the index must be in it.
            try index.insert(db: db)
            try unindex(db, row: row)
            try forgetFingerprint(of: id, db: db)
            if let story = row["story_id"] as Int64? {
                try leaveStory(
                    documentID: id, story: story, wasDuplicate: row["duplicate_of"] as Int64? != nil, db: db)
            }
            try db.executeCached(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
            let event = StoredEvent(
                kind: .removed, path: path, documentID: id, language: row["language"], title: row["title"])
            events.append(try record(event, time: time, db: db))
        }
    }

    /// Removes a document's rows from the external-content index, and its length from
    /// ``DocumentLengths``; FTS5 needs the values exactly as indexed, so `row` holds the stored
    /// `id`, `title`, `body`, `language` and `tags`.
    private func unindex(_ db: Database, row: Row) throws {
        let language: String = row["language"]
        try db.executeCached(
            sql: "INSERT INTO documents_fts (documents_fts, rowid, title, body, tags) VALUES ('delete', ?, ?, ?, ?)",
            arguments: [
                row["id"], NewsTokenizer.marked(row["title"], language: language),
                NewsTokenizer.marked(row["body"], language: language), row["tags"],
            ])
        try DocumentLengths.forget(row["id"], db: db)
    }

    static func fetchKnownFile(_ db: Database, path: String) throws -> KnownFile? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT sha256, size, mtime, state FROM files WHERE path = ?"), arguments: [path]
        )
        .map {
            KnownFile(
                sha256: $0["sha256"], size: $0["size"], modificationTime: $0["mtime"],
                isRejected: $0["state"] == "rejected")
        }
    }
}

import Core
import Foundation
import PostgresNIO

extension PostgresArchive: Archive {
    public func knownFiles(at paths: [String]) throws -> [String: KnownFile] {
        guard !paths.isEmpty else { return [:] }
        return try reader.withSession { session in
            try Self.knownFiles(
                session.query(
                    """
                    SELECT path, sha256, size, mtime, state FROM files
                    WHERE host_id = \(hostID) AND path = ANY(\(paths))
                    """))
        }
    }

    public func knownFiles(below root: String) throws -> [String: KnownFile] {
        try reader.withSession { session in
            try Self.knownFiles(
                session.query(
                    """
                    SELECT path, sha256, size, mtime, state FROM files
                    WHERE host_id = \(hostID) AND starts_with(path, \(root + "/"))
                    """))
        }
    }

    public func forEachKnownFile(
        below root: String, _ body: (_ path: String, _ size: Int64, _ modificationTime: Double) throws -> Void
    ) throws {
        // Read in pages of 10,000 rows: the connection is not held while `body` runs.
        var after = ""
        while true {
            let rows = try reader.withSession { session in
                try session.query(
                    """
                    SELECT path, size, mtime FROM files
                    WHERE host_id = \(hostID) AND starts_with(path, \(root + "/")) AND path COLLATE "C" > \(after)
                    ORDER BY path COLLATE "C" LIMIT 10000
                    """
                ).map { try $0.decode((String, Int64, Double).self) }
            }
            for (path, size, mtime) in rows { try body(path, size, mtime) }
            guard let last = rows.last, rows.count == 10000 else { return }
            after = last.0
        }
    }

    private static func knownFiles(_ rows: PostgresQueryResult) throws -> [String: KnownFile] {
        var files: [String: KnownFile] = [:]
        for row in rows {
            let (path, sha256, size, mtime, state) = try row.decode((String, String, Int64, Double, String).self)
            files[path] = KnownFile(
                sha256: sha256, size: size, modificationTime: mtime, isRejected: state == "rejected")
        }
        return files
    }

    /// Commits the outcomes of a batch of files in one transaction, as `Store` does, and returns
    /// the events it recorded in this host's outbox.
    public func commit(
        _ outcomes: [FileOutcome], at now: Date, alerts rules: [AlertRule],
        knownEntityIDs: (String) -> [String], progress: () -> Void
    ) throws -> [StoredEvent] {
        try writing(at: now) { write in
            var events: [StoredEvent] = []
            var entities = PendingEntityNames()
            var stored = try StoredFiles(paths: outcomes.map(\.path), host: hostID, session: write.session)
            for outcome in outcomes {
                try commit(
                    outcome, stored: &stored, write: write, events: &events, entities: &entities, progress: progress)
            }
            try closeStories(before: write.time - StoryClusteringOptions.standard.window, write: write)
            try insert(entities, write: write)
            let alerts = try recordAlerts(for: events, rules: rules, knownEntityIDs: knownEntityIDs, write: write)
            return events + alerts
        }
    }

    public func remove(paths: [String], at now: Date) throws -> [StoredEvent] {
        try writing(at: now) { write in
            var events: [StoredEvent] = []
            for path in paths {
                let files = try write.session.values(
                    """
                    SELECT path FROM files
                    WHERE host_id = \(hostID) AND (path = \(path) OR starts_with(path, \(path + "/")))
                    """, as: String.self)
                var stored = try StoredFiles(paths: files, host: hostID, session: write.session)
                for file in files {
                    try deleteDocuments(
                        stored.take(file).documents, path: file, keeping: [], write: write, events: &events)
                    write.session.send("DELETE FROM files WHERE host_id = \(hostID) AND path = \(file)")
                }
            }
            return events
        }
    }

    private func commit(
        _ outcome: FileOutcome, stored: inout StoredFiles, write: PostgresWrite, events: inout [StoredEvent],
        entities: inout PendingEntityNames, progress: () -> Void
    ) throws {
        defer { progress() }
        let session = write.session
        let (known, documents) = try stored.take(outcome.path)
        if let known, known == outcome.sha256, !outcome.sha256.isEmpty {
            session.send(
                """
                UPDATE files SET size = \(outcome.size), mtime = \(outcome.modificationTime), seen_at = \(write.time)
                WHERE host_id = \(hostID) AND path = \(outcome.path)
                """)
            return
        }
        let state: String
        let reason: String?
        switch outcome.result {
        case .rejected(let rejection):
            state = "rejected"
            reason = rejection.message
            try deleteDocuments(documents, path: outcome.path, keeping: [], write: write, events: &events)
            events.append(
                try record(StoredEvent(kind: .rejected, path: outcome.path, reason: rejection.message), write: write))
        case .articles(let articles):
            state = "indexed"
            reason = nil
            try deleteDocuments(
                documents, path: outcome.path, keeping: Set(articles.map(\.item)), write: write, events: &events)
            for article in articles {
                try upsert(
                    article, existing: documents[article.item], outcome: outcome, write: write, events: &events,
                    entities: &entities)
                progress()
            }
        case .part(let part):
            for article in part.articles {
                try upsert(
                    article, existing: documents[article.item], outcome: outcome, write: write, events: &events,
                    entities: &entities)
                progress()
            }
            // Recorded with its last part only, as in `Store`: stopped half-way, the file is read again.
            guard let items = part.allItems else { return }
            state = "indexed"
            reason = nil
            try deleteDocuments(documents, path: outcome.path, keeping: items, write: write, events: &events)
        }
        session.send(
            """
            INSERT INTO files (host_id, path, sha256, size, mtime, state, reason, seen_at)
            VALUES (\(hostID), \(outcome.path), \(outcome.sha256), \(outcome.size), \(outcome.modificationTime),
                \(state), \(reason), \(write.time))
            ON CONFLICT (host_id, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
                mtime = excluded.mtime, state = excluded.state, reason = excluded.reason, seen_at = excluded.seen_at
            """)
    }

    /// Writes `article` of `outcome`'s file: its row (search terms included), story and event.
    private func upsert(
        _ article: Article, existing: StoredFiles.Document?, outcome: FileOutcome, write: PostgresWrite,
        events: inout [StoredEvent], entities: inout PendingEntityNames
    ) throws {
        let session = write.session
        let row = try article.preparedRow ?? PreparedRow(article)
        let vector = TextSearchVector.vector(of: article, tags: row.tags)
        let id: Int64
        let kind: StoredEvent.Kind
        var placement: PlacedStory?
        if let existing {
            id = existing.id
            if existing.title == article.title && existing.body == article.text
                && existing.language == article.language && existing.tags == row.tags
            {
                return
            }
            try forgetFingerprint(of: id, write: write)
            write.postings.forget(document: id, session: session)
            session.send(
                """
                UPDATE documents SET title = \(article.title), body = \(article.text), language = \(article.language),
                    language_confidence = \(article.languageConfidence), format = \(article.format),
                    date = \(article.date), source = \(article.source), sha256 = \(outcome.sha256),
                    updated_at = \(write.time), topics = \(row.topics), topics_note = \(article.topicsNote),
                    entities = \(row.entities), tags = \(row.tags), terms = \(vector.literal)::tsvector,
                    length = \(vector.length), title_length = \(vector.postings.titlePositions)
                WHERE id = \(id)
                """)
            write.totals.change(from: existing.length, to: Int64(vector.length))
            write.postings.add(vector.postings, document: id, length: vector.length)
            kind = .updated
            if let query = row.storyQuery {
                if let story = existing.storyID {
                    // A rewritten article stays in its story; copies are compared with its new text.
                    try remember(query.features.fingerprint, documentID: id, story: story, write: write)
                    placement = PlacedStory(storyID: story, duplicateOf: existing.duplicateOf)
                } else {
                    placement = try placeInStory(
                        documentID: id, title: article.title, query: query,
                        span: article.date.flatMap(EventSpan.init(isoDate:)), write: write)
                }
                session.send(
                    """
                    UPDATE documents SET story_id = \(placement?.storyID), duplicate_of = \(placement?.duplicateOf)
                    WHERE id = \(id)
                    """)
            }
        } else {
            // Placed before its row is written, under the id the row will get, as in `Store`.
            id = try write.ids.take(.documents, session: session)
            placement = try row.storyQuery.map { query in
                try placeInStory(
                    documentID: id, title: article.title, query: query,
                    span: article.date.flatMap(EventSpan.init(isoDate:)), write: write)
            }
            session.send(
                """
                INSERT INTO documents (id, host_id, path, item, title, body, language, language_confidence, format,
                    date, source, sha256, ingested_at, updated_at, topics, topics_note, entities, tags, story_id,
                    duplicate_of, terms, length, title_length)
                VALUES (\(id), \(hostID), \(outcome.path), \(article.item), \(article.title), \(article.text),
                    \(article.language), \(article.languageConfidence), \(article.format), \(article.date),
                    \(article.source), \(outcome.sha256), \(write.time), \(write.time), \(row.topics),
                    \(article.topicsNote), \(row.entities), \(row.tags), \(placement?.storyID),
                    \(placement?.duplicateOf), \(vector.literal)::tsvector, \(vector.length),
                    \(vector.postings.titlePositions))
                """)
            write.totals.add(length: Int64(vector.length))
            write.postings.add(vector.postings, document: id, length: vector.length)
            kind = .ingested
        }
        entities.add(article.entities)
        let isDuplicate = kind == .ingested && placement?.duplicateOf != nil
        let event = StoredEvent(
            kind: isDuplicate ? .duplicate : kind, path: outcome.path, documentID: id, language: article.language,
            title: article.title, topics: article.topics.map(\.label).joined(separator: ","),
            entities: article.entities.map(\.id).joined(separator: ","), storyID: placement?.storyID,
            duplicateOf: isDuplicate ? placement?.duplicateOf : nil, note: article.note)
        events.append(try record(event, write: write))
    }

    /// Deletes those of `documents` (this host's of `path`) whose item is not in `kept`, each with a
    /// `removed` event.
    private func deleteDocuments(
        _ documents: [String: StoredFiles.Document], path: String, keeping kept: Set<String>, write: PostgresWrite,
        events: inout [StoredEvent]
    ) throws {
        for document in documents.values.sorted(by: { $0.item < $1.item }) where !kept.contains(document.item) {
            try forgetFingerprint(of: document.id, write: write)
            if let story = document.storyID {
                try leaveStory(
                    documentID: document.id, story: story, wasDuplicate: document.duplicateOf != nil, write: write)
            }
            write.postings.forget(document: document.id, session: write.session)
            write.session.send("DELETE FROM documents WHERE id = \(document.id)")
            write.totals.remove(length: document.length)
            events.append(
                try record(
                    StoredEvent(
                        kind: .removed, path: path, documentID: document.id, language: document.language,
                        title: document.title),
                    write: write))
        }
    }

    /// Writes the entities of the commit's documents: a new one with its name and kind, a known
    /// one with the longer of its stored name and the new one (as `Store`).
    private func insert(_ entities: PendingEntityNames, write: PostgresWrite) throws {
        let sorted = entities.sorted
        guard !sorted.isEmpty else { return }
        // One statement for all of them: the arrays are unnested into rows.
        write.session.send(
            """
            INSERT INTO entities (id, name, kind)
            SELECT * FROM unnest(\(sorted.map(\.id))::text[], \(sorted.map(\.name))::text[], \(sorted.map(\.kind))::text[])
            ON CONFLICT (id) DO UPDATE SET name = CASE
                WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END
            """)
    }
}

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
            for outcome in outcomes {
                try commit(outcome, write: write, events: &events, entities: &entities, progress: progress)
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
                for file in files {
                    try deleteDocuments(path: file, keeping: [], write: write, events: &events)
                    try write.session.execute("DELETE FROM files WHERE host_id = \(hostID) AND path = \(file)")
                }
            }
            return events
        }
    }

    private func commit(
        _ outcome: FileOutcome, write: PostgresWrite, events: inout [StoredEvent], entities: inout PendingEntityNames,
        progress: () -> Void
    ) throws {
        defer { progress() }
        let session = write.session
        let known = try session.value(
            "SELECT sha256 FROM files WHERE host_id = \(hostID) AND path = \(outcome.path)", as: String.self)
        if let known, known == outcome.sha256, !outcome.sha256.isEmpty {
            try session.execute(
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
            try deleteDocuments(path: outcome.path, keeping: [], write: write, events: &events)
            events.append(
                try record(StoredEvent(kind: .rejected, path: outcome.path, reason: rejection.message), write: write))
        case .articles(let articles):
            state = "indexed"
            reason = nil
            try deleteDocuments(path: outcome.path, keeping: Set(articles.map(\.item)), write: write, events: &events)
            for article in articles {
                try upsert(article, outcome: outcome, write: write, events: &events, entities: &entities)
                progress()
            }
        case .part(let part):
            for article in part.articles {
                try upsert(article, outcome: outcome, write: write, events: &events, entities: &entities)
                progress()
            }
            // Recorded with its last part only, as in `Store`: stopped half-way, the file is read again.
            guard let items = part.allItems else { return }
            state = "indexed"
            reason = nil
            try deleteDocuments(path: outcome.path, keeping: items, write: write, events: &events)
        }
        try session.execute(
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
        _ article: Article, outcome: FileOutcome, write: PostgresWrite, events: inout [StoredEvent],
        entities: inout PendingEntityNames
    ) throws {
        let session = write.session
        let existing = try session.query(
            """
            SELECT id, title, body, language, tags, story_id, duplicate_of FROM documents
            WHERE host_id = \(hostID) AND path = \(outcome.path) AND item = \(article.item)
            """
        ).first.map { try $0.decode((Int64, String, String, String, String, Int64?, Int64?).self) }
        let row = try article.preparedRow ?? PreparedRow(article)
        let vector = TextSearchVector.vector(of: article)
        let id: Int64
        let kind: StoredEvent.Kind
        var placement: PlacedStory?
        if let existing {
            id = existing.0
            if existing.1 == article.title && existing.2 == article.text && existing.3 == article.language
                && existing.4 == row.tags
            {
                return
            }
            try forgetFingerprint(of: id, write: write)
            try session.execute(
                """
                UPDATE documents SET title = \(article.title), body = \(article.text), language = \(article.language),
                    language_confidence = \(article.languageConfidence), format = \(article.format),
                    date = \(article.date), source = \(article.source), sha256 = \(outcome.sha256),
                    updated_at = \(write.time), topics = \(row.topics), topics_note = \(article.topicsNote),
                    entities = \(row.entities), tags = \(row.tags), terms = \(vector.literal)::tsvector,
                    length = \(vector.length)
                WHERE id = \(id)
                """)
            kind = .updated
            if let query = row.storyQuery {
                if let story = existing.5 {
                    // A rewritten article stays in its story; copies are compared with its new text.
                    try remember(query.features.fingerprint, documentID: id, story: story, write: write)
                    placement = PlacedStory(storyID: story, duplicateOf: existing.6)
                } else {
                    placement = try placeInStory(
                        documentID: id, title: article.title, query: query,
                        span: article.date.flatMap(EventSpan.init(isoDate:)), write: write)
                }
                try session.execute(
                    """
                    UPDATE documents SET story_id = \(placement?.storyID), duplicate_of = \(placement?.duplicateOf)
                    WHERE id = \(id)
                    """)
            }
        } else {
            // Placed before its row is written, under the id the row will get, as in `Store`.
            guard let next = try session.value("SELECT nextval('documents_id_seq')", as: Int64.self) else {
                throw PostgresArchiveError.noRowReturned("numbering a document")
            }
            id = next
            placement = try row.storyQuery.map { query in
                try placeInStory(
                    documentID: id, title: article.title, query: query,
                    span: article.date.flatMap(EventSpan.init(isoDate:)), write: write)
            }
            try session.execute(
                """
                INSERT INTO documents (id, host_id, path, item, title, body, language, language_confidence, format,
                    date, source, sha256, ingested_at, updated_at, topics, topics_note, entities, tags, story_id,
                    duplicate_of, terms, length)
                VALUES (\(id), \(hostID), \(outcome.path), \(article.item), \(article.title), \(article.text),
                    \(article.language), \(article.languageConfidence), \(article.format), \(article.date),
                    \(article.source), \(outcome.sha256), \(write.time), \(write.time), \(row.topics),
                    \(article.topicsNote), \(row.entities), \(row.tags), \(placement?.storyID),
                    \(placement?.duplicateOf), \(vector.literal)::tsvector, \(vector.length))
                """)
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

    /// Deletes this host's documents of `path` whose item is not in `kept`, each with a `removed` event.
    private func deleteDocuments(
        path: String, keeping kept: Set<String>, write: PostgresWrite, events: inout [StoredEvent]
    ) throws {
        let rows = try write.session.query(
            """
            SELECT id, item, title, language, story_id, duplicate_of FROM documents
            WHERE host_id = \(hostID) AND path = \(path)
            """)
        for row in rows {
            let (id, item, title, language, story, duplicateOf) = try row.decode(
                (Int64, String, String, String, Int64?, Int64?).self)
            guard !kept.contains(item) else { continue }
            try forgetFingerprint(of: id, write: write)
            if let story {
                try leaveStory(documentID: id, story: story, wasDuplicate: duplicateOf != nil, write: write)
            }
            try write.session.execute("DELETE FROM documents WHERE id = \(id)")
            events.append(
                try record(
                    StoredEvent(kind: .removed, path: path, documentID: id, language: language, title: title),
                    write: write))
        }
    }

    /// Writes the entities of the commit's documents: a new one with its name and kind, a known
    /// one with the longer of its stored name and the new one (as `Store`).
    private func insert(_ entities: PendingEntityNames, write: PostgresWrite) throws {
        for entity in entities.sorted {
            try write.session.execute(
                """
                INSERT INTO entities (id, name, kind) VALUES (\(entity.id), \(entity.name), \(entity.kind))
                ON CONFLICT (id) DO UPDATE SET name = CASE
                    WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END
                """)
        }
    }
}

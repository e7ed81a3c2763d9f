import Foundation
import GRDB
import GRDBSQLite

/// Where one new document went: its story, and the document it repeats when it is a duplicate.
package struct PlacedStory {
    package var storyID: Int64
    package var duplicateOf: Int64?

    package init(storyID: Int64, duplicateOf: Int64?) {
        self.storyID = storyID
        self.duplicateOf = duplicateOf
    }
}

extension Store {
    /// Places a new document, which arrived at `time` and happened within `span` (its own date;
    /// nil when undated), in a story, in the ingest transaction: ``StoryPlacement`` decides over the archive's open
    /// stories (``ArchiveStories``), and the decision is recorded here.
    func placeInStory(
        documentID: Int64, title: String, query: StoryQuery, time: Double, span: EventSpan?, db: Database
    ) throws -> PlacedStory {
        let placement = try decidePlacement(query, time: time, span: span, db: db)
        return try recordPlacement(
            placement, documentID: documentID, title: title, features: query.features, time: time, span: span,
            db: db)
    }

    /// The decision over the archive's open stories. The index is read from a copy that ends with
    /// this call, so that recording the decision changes the index in place rather than copying it.
    private func decidePlacement(
        _ query: StoryQuery, time: Double, span: EventSpan?, db: Database
    ) throws -> StoryPlacement {
        let options = StoryClusteringOptions.standard
        let index = try withOpenStories(db: db, opensAfter: time - options.window) { $0 }
        let stories = ArchiveStories(index: index, now: time, width: options.window) { candidates in
            try storedCandidates(candidates, db: db)
        }
        return try StoryPlacement.decide(query, dated: span, among: stories, options: options)
    }

    /// Records what ``StoryPlacement`` decided for a new document: the story's profile and keys,
    /// and the document's fingerprint for the copies to come.
    private func recordPlacement(
        _ placement: StoryPlacement, documentID: Int64, title: String, features: StoryFeatures, time: Double,
        span: EventSpan?, db: Database
    ) throws -> PlacedStory {
        let date = Date(timeIntervalSince1970: time)
        var profile: StoryProfile?
        switch placement {
        case .duplicate(let original, let story):
            if var profile = try loadProfile(story, db: db) {
                profile.recordDuplicate(at: date)
                try save(profile, db: db, time: time)
            }
            return PlacedStory(storyID: story, duplicateOf: original)
        case .join(let story, _):
            if var joined = try loadProfile(story, db: db) {
                joined.absorb(features, docID: documentID, title: title, at: date, span: span)
                try save(joined, db: db, time: time)
                profile = joined
            }
        case .start:
            break
        }
        let placed =
            try profile
            ?? insertStory(
                StoryProfile(id: 0, features: features, docID: documentID, title: title, at: date, span: span), db: db)
        try remember(features.fingerprint, documentID: documentID, story: placed.id, time: time, db: db)
        return PlacedStory(storyID: placed.id, duplicateOf: nil)
    }

    /// Records a document's fingerprint so that later copies find it.
    func remember(
        _ fingerprint: DuplicateFingerprint, documentID: Int64, story: Int64, time: Double, db: Database
    ) throws {
        try db.executeCached(
            sql:
                "INSERT OR REPLACE INTO fingerprints (doc_id, exact, signature, story_id, seen) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                documentID, Int64(bitPattern: fingerprint.exactHash), Self.blob(of: fingerprint.signature), story, time,
            ])
        try updateOpenStories(db: db) { $0.remember(fingerprint, document: documentID, story: story) }
    }

    /// Forgets a document's fingerprint: it was removed or rewritten, and copies of it are new again.
    func forgetFingerprint(of documentID: Int64, db: Database) throws {
        try db.executeCached(sql: "DELETE FROM fingerprints WHERE doc_id = ?", arguments: [documentID])
        try updateOpenStories(db: db) { $0.forget(document: documentID) }
    }

    /// Takes a document that is being deleted out of its story: one less article (or duplicate),
    /// a new headline when it was the headline, and the story itself deleted when no other
    /// document is left in it. Call before deleting the document's row.
    func leaveStory(documentID: Int64, story: Int64, wasDuplicate: Bool, db: Database) throws {
        let others =
            try db.cachedInt64(
                sql: "SELECT COUNT(*) FROM documents WHERE story_id = ? AND id != ?", arguments: [story, documentID])
            ?? 0
        guard others > 0 else {
            try db.executeCached(sql: "DELETE FROM story_index WHERE story_id = ?", arguments: [story])
            try db.executeCached(sql: "DELETE FROM stories WHERE id = ?", arguments: [story])
            try updateOpenStories(db: db) { $0.remove(story: story) }
            try recordStoryVersion(nil, of: story, db: db)
            return
        }
        guard var profile = try loadProfile(story, db: db) else { return }
        var newHeadline: (docID: Int64, title: String)?
        if profile.headlineDocID == documentID,
            let next = try db.cachedRows(
                sql: """
                    SELECT id, title FROM documents WHERE story_id = ? AND id != ?
                    ORDER BY duplicate_of IS NOT NULL, id LIMIT 1
                    """, arguments: [story, documentID]
            ).first
        {
            newHeadline = (next["id"], next["title"])
        }
        profile.recordRemoval(wasDuplicate: wasDuplicate, newHeadline: newHeadline)
        // Removing an article does not make the story more recent: its keys keep their last time.
        try save(profile, db: db, time: profile.lastSeen.timeIntervalSince1970)
    }

    /// Closes what left the window: stories no longer found by their keys, fingerprints no longer
    /// compared. Called once per batch; does the work only when the window's start has moved on by
    /// ``keyRefreshInterval`` since it last did (lookups skip what is older than the window anyway).
    func closeStories(before cutoff: Double, db: Database) throws {
        let lastClose = try Self.meta("stories_closed_before", db: db)
        if let closed = lastClose.flatMap(Double.init), cutoff >= closed, cutoff - closed < Self.keyRefreshInterval {
            return
        }
        try db.executeCached(sql: "DELETE FROM story_index WHERE last_seen < ?", arguments: [cutoff])
        try db.executeCached(sql: "DELETE FROM fingerprints WHERE seen < ?", arguments: [cutoff])
        try Self.setMeta("stories_closed_before", String(cutoff), db: db)
        try updateOpenStories(db: db) { $0.close(before: cutoff) }
        openStories.forgetVersions()
    }

    /// Candidate stories as stored, in the order given: from the cache where it holds their
    /// current version, else their records, read and cached. Their versions are those this writer
    /// recorded while nobody else wrote (``OpenStoriesState``), else read in one statement.
    func storedCandidates(_ stories: [Int64], db: Database) throws -> [StoredCandidate] {
        guard !stories.isEmpty else { return [] }
        let dataVersion = try Self.dataVersion(db)
        // Versions and records by position in `stories`: no dictionary for the cache's hits.
        var versions = openStories.versions(of: stories, ifCurrentAt: dataVersion)
        // Where each story is in `stories`, for the rows read back; made when the first one is.
        var positions: [Int64: Int] = [:]
        func position(of story: Int64) -> Int? {
            if positions.isEmpty {
                for (index, story) in stories.enumerated() { positions[story] = index }
            }
            return positions[story]
        }
        let unknown = stories.indices.filter { versions[$0] == nil }.map { stories[$0] }
        if !unknown.isEmpty {
            let marks = Array(repeating: "?", count: unknown.count).joined(separator: ",")
            let statement = try db.cachedStatement(sql: "SELECT id, version FROM stories WHERE id IN (\(marks))")
            try statement.setArguments(StatementArguments(unknown))
            try Self.forEachRow(of: statement, db: db) { row in
                let story = sqlite3_column_int64(row, 0)
                let version = sqlite3_column_int64(row, 1)
                if let index = position(of: story) { versions[index] = version }
                openStories.setVersion(version, of: story, ifCurrentAt: dataVersion)
            }
        }
        var (records, uncached) = profiles.records(of: stories, versions: versions)
        // The records the cache lacks in one statement, not one each: at 20,000 stories the cache
        // misses often, and a statement per story was 6% of an ingest. They are read from
        // `story_index`, where each open story keeps its similarity record: a third of the size
        // of its whole record in `stories`, so SQLite's page cache holds three times as many.
        if !uncached.isEmpty {
            let marks = Array(repeating: "?", count: uncached.count).joined(separator: ",")
            let statement = try db.cachedStatement(
                sql: "SELECT story_id, similarity FROM story_index WHERE story_id IN (\(marks))")
            try statement.setArguments(StatementArguments(uncached))
            // Read by hand: GRDB's rows copied each record twice (a row, then Data) and looked its
            // columns up by name, more than SQLite's own reading took (at 20,000 files).
            try Self.forEachRow(of: statement, db: db) { row in
                let story = sqlite3_column_int64(row, 0)
                guard let index = position(of: story), let version = versions[index],
                    let record = Self.bytes(ofColumn: 1, in: row)
                else { return }
                profiles.store(similarityRecord: record, story: story, version: version)
                records[index] = record
            }
        }
        return StoredCandidate.known(stories, versions: versions, records: records)
    }

    /// The blob in `column` of the row `statement` stands on, copied; nil when it is NULL.
    static func bytes(ofColumn column: Int32, in statement: OpaquePointer) -> [UInt8]? {
        guard let blob = sqlite3_column_blob(statement, column) else { return nil }
        return [UInt8](UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// Steps `statement` (its arguments set) to the end, calling `body` with the SQLite statement
    /// on each row; resets it after.
    ///
    /// - Throws: `DatabaseError` when a step fails.
    static func forEachRow(of statement: Statement, db: Database, _ body: (OpaquePointer) -> Void) throws {
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        var code = sqlite3_step(sqlite)
        while code == SQLITE_ROW {
            body(sqlite)
            code = sqlite3_step(sqlite)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    /// A story's profile, decoded from its stored record: the cache holds only what comparing
    /// reads (``StoryProfileCache``). Nil when the story is gone or its record unreadable.
    func loadProfile(_ story: Int64, db: Database) throws -> StoryProfile? {
        let statement = try db.cachedStatement(sql: "SELECT profile FROM stories WHERE id = ?")
        try statement.setArguments([story])
        var record: [UInt8]?
        try Self.forEachRow(of: statement, db: db) { row in record = Self.bytes(ofColumn: 0, in: row) }
        return record.flatMap { StoryProfile(id: story, encoded: $0) }
    }

    /// Stores a new story's first profile, indexes it under its keys, and returns it with its id.
    private func insertStory(_ first: StoryProfile, db: Database) throws -> StoryProfile {
        var profile = first
        let record = profile.encoded()
        try db.executeCached(
            sql: """
                INSERT INTO stories (headline, headline_doc, first_seen, last_seen, size, languages, version, profile)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                """,
            arguments: [
                profile.headline, profile.headlineDocID, profile.firstSeen.timeIntervalSince1970,
                profile.lastSeen.timeIntervalSince1970, profile.size, profile.languages.joined(separator: ","),
                Data(record),
            ])
        profile.id = db.lastInsertedRowID
        let compared = StoryProfile.comparedRecord(of: record)
        profiles.store(similarityRecord: compared, story: profile.id, version: 1)
        try recordStoryVersion(1, of: profile.id, db: db)
        try indexStory(profile, comparedRecord: compared, db: db, time: profile.lastSeen.timeIntervalSince1970)
        return profile
    }

    /// Writes a profile and re-indexes its story under its current keys.
    private func save(_ profile: StoryProfile, db: Database, time: Double) throws {
        let record = profile.encoded()
        let version = try db.cachedInt64(
            sql: """
                UPDATE stories SET headline = ?, headline_doc = ?, last_seen = ?, size = ?, languages = ?, profile = ?,
                    version = version + 1
                WHERE id = ? RETURNING version
                """,
            arguments: [
                profile.headline, profile.headlineDocID, profile.lastSeen.timeIntervalSince1970, profile.size,
                profile.languages.joined(separator: ","), Data(record), profile.id,
            ])
        let compared = StoryProfile.comparedRecord(of: record)
        if let version { profiles.store(similarityRecord: compared, story: profile.id, version: version) }
        try recordStoryVersion(version, of: profile.id, db: db)
        try indexStory(profile, comparedRecord: compared, db: db, time: time)
    }

    /// Makes `story_index` and the open-story index hold the story's current index keys and event
    /// span, found from `time`, and `story_index` what comparing reads of its record
    /// (``StoryProfile/comparedRecord(of:)``).
    private func indexStory(_ profile: StoryProfile, comparedRecord: [UInt8], db: Database, time: Double) throws {
        let keys = profile.indexKeys
        let span = profile.eventSpan
        try db.executeCached(
            sql: """
                INSERT OR REPLACE INTO story_index (story_id, last_seen, keys, event_start, event_end, similarity)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                profile.id, time, keys.joined(separator: "\n"), span?.start, span?.end, Data(comparedRecord),
            ])
        let scanned = StoryClusteringOptions.standard.storiesPerKey
        try updateOpenStories(db: db) {
            $0.index(story: profile.id, under: keys, lastSeen: time, span: span, scanned: scanned)
        }
    }

    /// How far the window's start moves on before closed stories are deleted (seconds).
    package static let keyRefreshInterval: Double = 3600

    package static func blob(of signature: [UInt32]) -> Data {
        var data = Data(capacity: signature.count * 4)
        for value in signature {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    package static func signature(from data: Data?) -> [UInt32] {
        guard let data else { return [] }
        let bytes = [UInt8](data)
        var values: [UInt32] = []
        values.reserveCapacity(bytes.count / 4)
        var offset = 0
        while offset + 4 <= bytes.count {
            var value: UInt32 = 0
            for index in 0..<4 {
                value |= UInt32(bytes[offset + index]) << UInt32(8 * index)
            }
            values.append(value)
            offset += 4
        }
        return values
    }
}

/// A candidate story read for comparison: its stored record or its similarity record (from the
/// cache), compared without decoding; a record of the first format is decoded to be compared.
package struct StoredCandidate: StoryCandidate {
    package let story: Int64
    package let version: Int64
    package let record: [UInt8]

    package init(story: Int64, version: Int64, record: [UInt8]) {
        self.story = story
        self.version = version
        self.record = record
    }

    /// The candidates among `stories` whose version and record are known (both by position), in order.
    package static func known(_ stories: [Int64], versions: [Int64?], records: [[UInt8]?]) -> [StoredCandidate] {
        stories.indices.compactMap { index in
            guard let version = versions[index], let record = records[index] else { return nil }
            return StoredCandidate(story: stories[index], version: version, record: record)
        }
    }

    /// The story's event span, read from the record without decoding it.
    package var eventSpan: EventSpan? { StoryProfile.eventSpan(record: record) }

    /// The article's similarity to the story; nil when the record cannot be read.
    package func similarity(to query: StoryQuery) -> (terms: Double?, keys: Double, combined: Double)? {
        if let score = StoryProfile.similarity(
            record: record, terms: query.hashedTerms, keys: query.hashedKeys, language: query.features.language)
        {
            return score
        }
        // A record of the first format: decode it.
        return StoryProfile(id: story, encoded: record)?.similarity(to: query)
    }
}

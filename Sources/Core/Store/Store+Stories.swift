import Foundation
import GRDB

/// Where one new document went: its story, and the document it repeats when it is a duplicate.
struct StoryPlacement {
    var storyID: Int64
    var duplicateOf: Int64?
}

extension Store {
    /// Places a new document in a story, in the ingest transaction, the way ``StoryClusterer`` does
    /// in memory: a duplicate joins its original's story uncounted; otherwise the document joins
    /// the most similar open story among the candidates its keys find, or starts one.
    ///
    /// Bounded work: one exact-hash lookup, 8 band lookups of at most 20 documents, at most 20
    /// key lookups of 200 stories each, and 50 profiles compared.
    func placeInStory(
        documentID: Int64, title: String, features: StoryFeatures, time: Double, db: Database
    ) throws -> StoryPlacement {
        let options = StoryClusteringOptions.standard
        let date = Date(timeIntervalSince1970: time)
        let opensAfter = time - options.window
        if let original = try originalDocument(of: features.fingerprint, db: db) {
            if var profile = try loadProfile(original.story, db: db) {
                profile.recordDuplicate(at: date)
                try save(profile, db: db, time: time)
            }
            return StoryPlacement(storyID: original.story, duplicateOf: original.document)
        }
        let candidates = try candidateStories(
            keys: features.candidateKeys, opensAfter: opensAfter, options: options, db: db)
        let terms = HashedVector(features.terms)
        let keys = HashedVector(features.keys)
        var best: (candidate: StoredCandidate, similarity: Double)?
        for candidate in try storedCandidates(candidates, db: db) {
            guard let score = candidate.similarity(features, terms: terms, keys: keys) else { continue }
            let needed = score.terms == nil ? options.crossLanguageThreshold : options.threshold
            if score.combined >= needed, score.combined > best?.similarity ?? 0 { best = (candidate, score.combined) }
        }
        let profile: StoryProfile
        if let best, var joined = best.candidate.decoded() {
            joined.absorb(features, docID: documentID, title: title, at: date)
            try save(joined, db: db, time: time)
            profile = joined
        } else {
            profile = try insertStory(
                StoryProfile(id: 0, features: features, docID: documentID, title: title, at: date), db: db)
        }
        try remember(features.fingerprint, documentID: documentID, story: profile.id, time: time, db: db)
        return StoryPlacement(storyID: profile.id, duplicateOf: nil)
    }

    /// The open stories that share the most of `keys`, most shared first, then the most recent:
    /// at most ``StoryClusteringOptions/storiesPerKey`` per key, counted in one statement.
    private func candidateStories(
        keys: [String], opensAfter: Double, options: StoryClusteringOptions, db: Database
    ) throws -> [Int64] {
        guard !keys.isEmpty else { return [] }
        let perKey =
            "SELECT * FROM (SELECT story_id, last_seen FROM story_keys WHERE key = ? AND last_seen >= ? "
            + "ORDER BY last_seen DESC LIMIT ?)"
        var arguments: [any DatabaseValueConvertible] = []
        for key in keys { arguments += [key, opensAfter, options.storiesPerKey] }
        arguments.append(options.maximumCandidates)
        return try Int64.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT story_id FROM (\(Array(repeating: perKey, count: keys.count).joined(separator: " UNION ALL ")))
                    GROUP BY story_id ORDER BY COUNT(*) DESC, MAX(last_seen) DESC, story_id DESC LIMIT ?
                    """),
            arguments: StatementArguments(arguments))
    }

    /// The earlier document `fingerprint` repeats, with its story: the same exact hash, else the
    /// most similar of the latest documents sharing a MinHash band.
    private func originalDocument(
        of fingerprint: DuplicateFingerprint, db: Database
    ) throws -> (document: Int64, story: Int64)? {
        if let row = try db.cachedRows(
            sql: "SELECT doc_id, story_id FROM fingerprints WHERE exact = ? ORDER BY doc_id LIMIT 1",
            arguments: [Int64(bitPattern: fingerprint.exactHash)]
        ).first {
            return (row["doc_id"], row["story_id"])
        }
        let bands = fingerprint.bandKeys
        guard !bands.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: bands.count).joined(separator: ",")
        let rows = try db.cachedRows(
            sql: """
                SELECT f.doc_id, f.story_id, f.signature FROM fingerprints f
                WHERE f.doc_id IN (SELECT DISTINCT doc_id FROM doc_bands WHERE key IN (\(marks))
                    ORDER BY doc_id DESC LIMIT \(StoryClusteringOptions.standard.maximumDuplicateCandidates))
                ORDER BY f.doc_id
                """, arguments: StatementArguments(bands))
        var best: (document: Int64, story: Int64, similarity: Double)?
        for row in rows {
            let stored = DuplicateFingerprint(exactHash: 0, signature: Self.signature(from: row["signature"]))
            guard fingerprint.isNearDuplicate(of: stored) else { continue }
            let similarity = fingerprint.similarity(to: stored)
            if similarity > best?.similarity ?? -1 { best = (row["doc_id"], row["story_id"], similarity) }
        }
        return best.map { ($0.document, $0.story) }
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
        for key in fingerprint.bandKeys {
            try db.executeCached(
                sql: "INSERT OR IGNORE INTO doc_bands (key, doc_id) VALUES (?, ?)", arguments: [key, documentID])
        }
    }

    /// Forgets a document's fingerprint: it was removed or rewritten, and copies of it are new again.
    func forgetFingerprint(of documentID: Int64, db: Database) throws {
        try db.executeCached(sql: "DELETE FROM fingerprints WHERE doc_id = ?", arguments: [documentID])
        try db.executeCached(sql: "DELETE FROM doc_bands WHERE doc_id = ?", arguments: [documentID])
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
            try db.executeCached(sql: "DELETE FROM story_keys WHERE story_id = ?", arguments: [story])
            try db.executeCached(sql: "DELETE FROM stories WHERE id = ?", arguments: [story])
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
    /// ``keyRefreshInterval`` since it last did.
    ///
    /// Finding old key rows reads the whole of `story_keys` (no index has `last_seen` first, and
    /// one would be a fourth b-tree to update for every key written), which at 50k open stories
    /// cost more than placing the batch's articles. The rows left a while longer are harmless:
    /// candidate lookups skip rows older than the window.
    func closeStories(before cutoff: Double, db: Database) throws {
        let lastClose = try Self.meta("stories_closed_before", db: db)
        if let closed = lastClose.flatMap(Double.init), cutoff >= closed, cutoff - closed < Self.keyRefreshInterval {
            return
        }
        try db.executeCached(sql: "DELETE FROM story_keys WHERE last_seen < ?", arguments: [cutoff])
        try db.executeCached(
            sql: "DELETE FROM doc_bands WHERE doc_id IN (SELECT doc_id FROM fingerprints WHERE seen < ?)",
            arguments: [cutoff])
        try db.executeCached(sql: "DELETE FROM fingerprints WHERE seen < ?", arguments: [cutoff])
        try Self.setMeta("stories_closed_before", String(cutoff), db: db)
    }

    /// Candidate stories as stored, in the order given: from the cache where it holds their
    /// current version, else their records, read and cached. Their versions come in one statement.
    private func storedCandidates(_ stories: [Int64], db: Database) throws -> [StoredCandidate] {
        guard !stories.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: stories.count).joined(separator: ",")
        var versions: [Int64: Int64] = [:]
        for row in try db.cachedRows(
            sql: "SELECT id, version FROM stories WHERE id IN (\(marks))", arguments: StatementArguments(stories))
        {
            versions[row["id"]] = row["version"]
        }
        var result: [StoredCandidate] = []
        result.reserveCapacity(stories.count)
        for story in stories {
            guard let version = versions[story] else { continue }
            if let entry = profiles.entry(story, version: version) {
                result.append(StoredCandidate(story: story, version: version, entry: entry))
                continue
            }
            guard let data = try db.cachedData(sql: "SELECT profile FROM stories WHERE id = ?", arguments: [story])
            else { continue }
            let entry = StoryProfileCache.Entry.record([UInt8](data))
            profiles.store(entry, story: story, version: version)
            result.append(StoredCandidate(story: story, version: version, entry: entry))
        }
        return result
    }

    /// A story's profile, from the cache when it holds the stored version, else decoded.
    private func loadProfile(_ story: Int64, db: Database) throws -> StoryProfile? {
        try storedCandidates([story], db: db).first?.decoded()
    }

    /// Stores a new story's first profile, indexes it under its keys, and returns it with its id.
    private func insertStory(_ first: StoryProfile, db: Database) throws -> StoryProfile {
        var profile = first
        try db.executeCached(
            sql: """
                INSERT INTO stories (headline, headline_doc, first_seen, last_seen, size, languages, version, profile)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                """,
            arguments: [
                profile.headline, profile.headlineDocID, profile.firstSeen.timeIntervalSince1970,
                profile.lastSeen.timeIntervalSince1970, profile.size, profile.languages.joined(separator: ","),
                Data(profile.encoded()),
            ])
        profile.id = db.lastInsertedRowID
        profiles.store(profile, version: 1)
        try indexStory(profile, db: db, time: profile.lastSeen.timeIntervalSince1970)
        return profile
    }

    /// Writes a profile and re-indexes its story under its current keys.
    private func save(_ profile: StoryProfile, db: Database, time: Double) throws {
        let version = try db.cachedInt64(
            sql: """
                UPDATE stories SET headline = ?, headline_doc = ?, last_seen = ?, size = ?, languages = ?, profile = ?,
                    version = version + 1
                WHERE id = ? RETURNING version
                """,
            arguments: [
                profile.headline, profile.headlineDocID, profile.lastSeen.timeIntervalSince1970, profile.size,
                profile.languages.joined(separator: ","), Data(profile.encoded()), profile.id,
            ])
        if let version { profiles.store(profile, version: version) }
        try indexStory(profile, db: db, time: time)
    }

    /// Makes `story_keys` hold the story's current index keys, found from `time`.
    ///
    /// Only what changed is written: keys the story no longer has are deleted, new ones added, and
    /// the time of the others moved on only once it is an hour old. Rewriting all 24 rows for each
    /// article cost as much as the rest of the placement; an hour is nothing against a window of days.
    private func indexStory(_ profile: StoryProfile, db: Database, time: Double) throws {
        var stored: [String: Double] = [:]
        for row in try db.cachedRows(
            sql: "SELECT key, last_seen FROM story_keys WHERE story_id = ?", arguments: [profile.id])
        {
            stored[row["key"]] = row["last_seen"]
        }
        let keys = profile.indexKeys
        let current = Set(keys)
        for key in stored.keys where !current.contains(key) {
            try db.executeCached(
                sql: "DELETE FROM story_keys WHERE key = ? AND story_id = ?", arguments: [key, profile.id])
        }
        for key in keys {
            if let seen = stored[key], time - seen < Self.keyRefreshInterval { continue }
            try db.executeCached(
                sql: "INSERT OR REPLACE INTO story_keys (key, story_id, last_seen) VALUES (?, ?, ?)",
                arguments: [key, profile.id, time])
        }
    }

    /// How stale the time of a story's key rows may get before it is written again (seconds).
    static let keyRefreshInterval: Double = 3600

    static func blob(of signature: [UInt32]) -> Data {
        var data = Data(capacity: signature.count * 4)
        for value in signature {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func signature(from data: Data?) -> [UInt32] {
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

/// A candidate story read for comparison: decoded when the cache had it so, else its stored
/// record, compared without decoding and decoded only if the article joins it.
private struct StoredCandidate {
    let story: Int64
    let version: Int64
    let entry: StoryProfileCache.Entry

    /// The article's similarity to the story; nil when the record cannot be read.
    func similarity(
        _ features: StoryFeatures, terms: HashedVector, keys: HashedVector
    ) -> (terms: Double?, keys: Double, combined: Double)? {
        switch entry {
        case .profile(let profile):
            return profile.similarity(terms: features.terms, keys: features.keys, language: features.language)
        case .record(let record):
            if let score = StoryProfile.similarity(
                record: record, terms: terms, keys: keys, language: features.language)
            {
                return score
            }
            // A record of the first format: decode it.
            return decoded()?.similarity(terms: features.terms, keys: features.keys, language: features.language)
        }
    }

    /// The profile, decoding the record when it was not cached decoded.
    func decoded() -> StoryProfile? {
        switch entry {
        case .profile(let profile): profile
        case .record(let record): StoryProfile(id: story, encoded: record)
        }
    }
}

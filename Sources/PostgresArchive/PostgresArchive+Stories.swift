import Core
import Foundation
import NIOCore
import PostgresNIO

extension PostgresArchive {
    /// Places a new document in a story, in the commit's transaction, as `Store` does:
    /// ``StoryPlacement`` decides over the open stories (`ArchiveStories`), and the decision
    /// is recorded here.
    func placeInStory(
        documentID: Int64, title: String, query: StoryQuery, span: EventSpan?, write: PostgresWrite
    ) throws -> PlacedStory {
        let placement = try decidePlacement(query, span: span, write: write)
        return try recordPlacement(
            placement, documentID: documentID, title: title, features: query.features, span: span, write: write)
    }

    /// The decision over the open stories. The index is read from a copy that ends with this call,
    /// so that recording the decision changes the index in place rather than copying it.
    private func decidePlacement(_ query: StoryQuery, span: EventSpan?, write: PostgresWrite) throws -> StoryPlacement {
        let options = StoryClusteringOptions.standard
        let index = try withOpenStories(write: write, opensAfter: write.time - options.window) { $0 }
        let stories = ArchiveStories(index: index, now: write.time, width: options.window) { candidates in
            try self.storedCandidates(candidates, write: write)
        }
        return try StoryPlacement.decide(query, dated: span, among: stories, options: options)
    }

    /// Records what ``StoryPlacement`` decided for a new document.
    private func recordPlacement(
        _ placement: StoryPlacement, documentID: Int64, title: String, features: StoryFeatures, span: EventSpan?,
        write: PostgresWrite
    ) throws -> PlacedStory {
        let date = Date(timeIntervalSince1970: write.time)
        var profile: StoryProfile?
        switch placement {
        case .duplicate(let original, let story):
            if case (var profile, let version)? = try loadProfile(story, write: write) {
                profile.recordDuplicate(at: date)
                try save(profile, replacing: version, write: write, time: write.time)
            }
            return PlacedStory(storyID: story, duplicateOf: original)
        case .join(let story, _):
            if case (var joined, let version)? = try loadProfile(story, write: write) {
                joined.absorb(features, docID: documentID, title: title, at: date, span: span)
                try save(joined, replacing: version, write: write, time: write.time)
                profile = joined
            }
        case .start:
            break
        }
        let placed =
            try profile
            ?? insertStory(
                StoryProfile(id: 0, features: features, docID: documentID, title: title, at: date, span: span),
                write: write)
        try remember(features.fingerprint, documentID: documentID, story: placed.id, write: write)
        return PlacedStory(storyID: placed.id, duplicateOf: nil)
    }

    /// Records a document's fingerprint so that later copies find it.
    func remember(_ fingerprint: DuplicateFingerprint, documentID: Int64, story: Int64, write: PostgresWrite) throws {
        try write.session.send(
            """
            INSERT INTO fingerprints (doc_id, exact, signature, story_id, seen)
            VALUES (\(documentID), \(Int64(bitPattern: fingerprint.exactHash)), \(Store.blob(of: fingerprint.signature)),
                \(story), \(write.time))
            ON CONFLICT (doc_id) DO UPDATE SET exact = excluded.exact, signature = excluded.signature,
                story_id = excluded.story_id, seen = excluded.seen
            """)
        openStories.update(ifCurrentAt: write.version) { $0.remember(fingerprint, document: documentID, story: story) }
    }

    /// Forgets a document's fingerprint: it was removed or rewritten.
    func forgetFingerprint(of documentID: Int64, write: PostgresWrite) throws {
        write.session.send("DELETE FROM fingerprints WHERE doc_id = \(documentID)")
        openStories.update(ifCurrentAt: write.version) { $0.forget(document: documentID) }
    }

    /// Takes a document that is being deleted out of its story, as `Store` does.
    func leaveStory(documentID: Int64, story: Int64, wasDuplicate: Bool, write: PostgresWrite) throws {
        let session = write.session
        let others =
            try session.value(
                "SELECT count(*) FROM documents WHERE story_id = \(story) AND id != \(documentID)", as: Int64.self)
            ?? 0
        guard others > 0 else {
            session.send("DELETE FROM story_index WHERE story_id = \(story)")
            session.send("DELETE FROM stories WHERE id = \(story)")
            openStories.update(ifCurrentAt: write.version) { $0.remove(story: story) }
            openStories.setVersion(nil, of: story, ifCurrentAt: write.version)
            return
        }
        guard case (var profile, let version)? = try loadProfile(story, write: write) else { return }
        var newHeadline: (docID: Int64, title: String)?
        if profile.headlineDocID == documentID,
            let next = try session.query(
                """
                SELECT id, title FROM documents WHERE story_id = \(story) AND id != \(documentID)
                ORDER BY duplicate_of IS NOT NULL, id LIMIT 1
                """
            ).first
        {
            newHeadline = try next.decode((Int64, String).self)
        }
        profile.recordRemoval(wasDuplicate: wasDuplicate, newHeadline: newHeadline)
        // Removing an article does not make the story more recent: its keys keep their last time.
        try save(profile, replacing: version, write: write, time: profile.lastSeen.timeIntervalSince1970)
    }

    /// Closes what left the window, at most once per ``Store/keyRefreshInterval`` of the window's
    /// start, as `Store` does.
    func closeStories(before cutoff: Double, write: PostgresWrite) throws {
        let session = write.session
        let lastClose = try session.value(
            "SELECT value FROM meta WHERE host_id = 0 AND key = 'stories_closed_before'", as: String.self)
        if let closed = lastClose.flatMap(Double.init), cutoff >= closed, cutoff - closed < Store.keyRefreshInterval {
            return
        }
        try session.execute("DELETE FROM story_index WHERE last_seen < \(cutoff)")
        try session.execute("DELETE FROM fingerprints WHERE seen < \(cutoff)")
        try session.execute(
            """
            INSERT INTO meta (host_id, key, value) VALUES (0, 'stories_closed_before', \(String(cutoff)))
            ON CONFLICT (host_id, key) DO UPDATE SET value = excluded.value
            """)
        openStories.update(ifCurrentAt: write.version) { $0.close(before: cutoff) }
        openStories.forgetVersions()
    }

    /// A story's profile, decoded from its stored record, and the record's version; nil when the
    /// story is gone or its record unreadable.
    func loadProfile(_ story: Int64, write: PostgresWrite) throws -> (StoryProfile, version: Int64)? {
        guard let row = try write.session.query("SELECT profile, version FROM stories WHERE id = \(story)").first
        else { return nil }
        let (record, version) = try row.decode((ByteBuffer, Int64).self)
        return StoryProfile(id: story, encoded: record.bytes).map { ($0, version) }
    }

    /// Stores a new story's first profile, indexes it under its keys, and returns it with its id.
    private func insertStory(_ first: StoryProfile, write: PostgresWrite) throws -> StoryProfile {
        var profile = first
        let id = try write.ids.take(.stories, session: write.session)
        profile.id = id
        let record = profile.encoded()
        write.session.send(
            """
            INSERT INTO stories (id, headline, headline_doc, first_seen, last_seen, size, languages, version, profile)
            VALUES (\(id), \(profile.headline), \(profile.headlineDocID), \(profile.firstSeen.timeIntervalSince1970),
                \(profile.lastSeen.timeIntervalSince1970), \(profile.size), \(profile.languages.joined(separator: ",")),
                1, \(ByteBuffer(bytes: record)))
            """)
        let compared = StoryProfile.comparedRecord(of: record)
        profiles.store(similarityRecord: compared, story: id, version: 1)
        openStories.setVersion(1, of: id, ifCurrentAt: write.version)
        try indexStory(profile, comparedRecord: compared, write: write, time: profile.lastSeen.timeIntervalSince1970)
        return profile
    }

    /// Writes a profile read at version `old` and re-indexes its story under its current keys.
    /// The new version is known without asking: no other writer holds the commit lock.
    private func save(_ profile: StoryProfile, replacing old: Int64, write: PostgresWrite, time: Double) throws {
        let record = profile.encoded()
        let version = old + 1
        write.session.send(
            """
            UPDATE stories SET headline = \(profile.headline), headline_doc = \(profile.headlineDocID),
                last_seen = \(profile.lastSeen.timeIntervalSince1970), size = \(profile.size),
                languages = \(profile.languages.joined(separator: ",")), profile = \(ByteBuffer(bytes: record)),
                version = \(version)
            WHERE id = \(profile.id)
            """)
        let compared = StoryProfile.comparedRecord(of: record)
        profiles.store(similarityRecord: compared, story: profile.id, version: version)
        openStories.setVersion(version, of: profile.id, ifCurrentAt: write.version)
        try indexStory(profile, comparedRecord: compared, write: write, time: time)
    }

    /// Makes `story_index` and the open-story index hold the story's current keys, event span and
    /// similarity record, found from `time`.
    private func indexStory(_ profile: StoryProfile, comparedRecord: [UInt8], write: PostgresWrite, time: Double) throws
    {
        let keys = profile.indexKeys
        let span = profile.eventSpan
        write.session.send(
            """
            INSERT INTO story_index (story_id, last_seen, keys, event_start, event_end, similarity)
            VALUES (\(profile.id), \(time), \(keys.joined(separator: "\n")), \(span?.start), \(span?.end),
                \(ByteBuffer(bytes: comparedRecord)))
            ON CONFLICT (story_id) DO UPDATE SET last_seen = excluded.last_seen, keys = excluded.keys,
                event_start = excluded.event_start, event_end = excluded.event_end, similarity = excluded.similarity
            """)
        let scanned = StoryClusteringOptions.standard.storiesPerKey
        openStories.update(ifCurrentAt: write.version) {
            $0.index(story: profile.id, under: keys, lastSeen: time, span: span, scanned: scanned)
        }
    }
}

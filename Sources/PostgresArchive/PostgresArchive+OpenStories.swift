import Core
import Foundation
import NIOCore
import PostgresNIO

extension PostgresArchive {
    /// Runs `body` on the open-story index, loading it first when it is missing or was made before
    /// another host committed.
    func withOpenStories<T: Sendable>(
        write: PostgresWrite, opensAfter: Double, _ body: (inout OpenStoryIndex) throws -> T
    ) throws -> T {
        if !openStories.isCurrent(at: write.version) {
            openStories.install(try loadOpenStories(write: write, opensAfter: opensAfter), dataVersion: write.version)
        }
        // Installed just above when it was missing; only this writer changes it.
        return try openStories.mutate(body)!
    }

    /// Reads the open stories' keys and their articles' fingerprints.
    private func loadOpenStories(write: PostgresWrite, opensAfter: Double) throws -> OpenStoryIndex {
        var index = OpenStoryIndex()
        let scanned = StoryClusteringOptions.standard.storiesPerKey
        let stories = try write.session.query(
            """
            SELECT story_id, last_seen, keys, event_start, event_end FROM story_index
            WHERE last_seen >= \(opensAfter) ORDER BY last_seen, story_id
            """)
        for row in stories {
            let (story, lastSeen, keys, start, end) = try row.decode((Int64, Double, String, Double?, Double?).self)
            let span = start.flatMap { start in end.map { EventSpan(start: start, end: $0) } }
            index.index(
                story: story, under: keys.split(separator: "\n").map(String.init), lastSeen: lastSeen, span: span,
                scanned: scanned)
        }
        let fingerprints = try write.session.query(
            """
            SELECT f.doc_id, f.exact, f.signature, f.story_id FROM fingerprints f
            JOIN story_index s ON s.story_id = f.story_id WHERE s.last_seen >= \(opensAfter) ORDER BY f.doc_id
            """)
        for row in fingerprints {
            let (document, exact, signature, story) = try row.decode((Int64, Int64, ByteBuffer, Int64).self)
            let fingerprint = DuplicateFingerprint(
                exactHash: UInt64(bitPattern: exact), signature: Store.signature(from: Data(signature.bytes)))
            index.remember(fingerprint, document: document, story: story)
        }
        return index
    }

    /// Candidate stories as stored, in the order given: from the cache where it holds their
    /// current version, else their similarity records, read in one statement.
    func storedCandidates(_ stories: [Int64], write: PostgresWrite) throws -> [StoredCandidate] {
        guard !stories.isEmpty else { return [] }
        var versions = openStories.versions(of: stories, ifCurrentAt: write.version)
        let position = Dictionary(stories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown = stories.indices.filter { versions[$0] == nil }.map { stories[$0] }
        if !unknown.isEmpty {
            for row in try write.session.query("SELECT id, version FROM stories WHERE id = ANY(\(unknown))") {
                let (story, version) = try row.decode((Int64, Int64).self)
                if let index = position[story] { versions[index] = version }
                openStories.setVersion(version, of: story, ifCurrentAt: write.version)
            }
        }
        var (records, uncached) = profiles.records(of: stories, versions: versions)
        if !uncached.isEmpty {
            let rows = try write.session.query(
                "SELECT story_id, similarity FROM story_index WHERE story_id = ANY(\(uncached))")
            for row in rows {
                let (story, buffer) = try row.decode((Int64, ByteBuffer).self)
                guard let index = position[story], let version = versions[index] else { continue }
                let record = buffer.bytes
                profiles.store(similarityRecord: record, story: story, version: version)
                records[index] = record
            }
        }
        return StoredCandidate.known(stories, versions: versions, records: records)
    }
}

import Foundation
import GRDB

/// The archive's open stories and recent fingerprints, read for a ``StoryPlacement`` decision
/// inside a transaction: `story_keys` finds candidate stories, `fingerprints` and `doc_bands`
/// find copies, and profiles come from the store's cache when it holds their stored version.
struct ArchiveStories: StoryCandidateSource {
    let store: Store
    let db: Database
    /// Stories whose keys were last seen before this time (seconds since 1970) are closed.
    let opensAfter: Double

    func exactCopy(of hash: UInt64) throws -> (document: Int64, story: Int64)? {
        try db.cachedRows(
            sql: "SELECT doc_id, story_id FROM fingerprints WHERE exact = ? ORDER BY doc_id LIMIT 1",
            arguments: [Int64(bitPattern: hash)]
        ).first.map { ($0["doc_id"], $0["story_id"]) }
    }

    /// The latest `limit` documents sharing any of `bands`, counted across bands.
    func nearCopyCandidates(
        bands: [String], limit: Int
    ) throws -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        let marks = Array(repeating: "?", count: bands.count).joined(separator: ",")
        return try db.cachedRows(
            sql: """
                SELECT f.doc_id, f.story_id, f.signature FROM fingerprints f
                WHERE f.doc_id IN (SELECT DISTINCT doc_id FROM doc_bands WHERE key IN (\(marks))
                    ORDER BY doc_id DESC LIMIT \(limit))
                """, arguments: StatementArguments(bands)
        ).map { row in
            (
                row["doc_id"], row["story_id"],
                DuplicateFingerprint(exactHash: 0, signature: Store.signature(from: row["signature"]))
            )
        }
    }

    /// Counted in one statement: at most `perKey` rows of `story_keys` per key, grouped by story.
    func candidateStories(keys: [String], perKey: Int, limit: Int) throws -> [StoredCandidate] {
        guard !keys.isEmpty else { return [] }
        let perKeySelect =
            "SELECT * FROM (SELECT story_id, last_seen FROM story_keys WHERE key = ? AND last_seen >= ? "
            + "ORDER BY last_seen DESC LIMIT ?)"
        var arguments: [any DatabaseValueConvertible] = []
        for key in keys { arguments += [key, opensAfter, perKey] }
        arguments.append(limit)
        let stories = try Int64.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT story_id FROM (\(Array(repeating: perKeySelect, count: keys.count).joined(separator: " UNION ALL ")))
                    GROUP BY story_id ORDER BY COUNT(*) DESC, MAX(last_seen) DESC, story_id DESC LIMIT ?
                    """),
            arguments: StatementArguments(arguments))
        return try store.storedCandidates(stories, db: db)
    }
}

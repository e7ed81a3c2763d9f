import Foundation
import GRDB

/// The archive's open stories and recent fingerprints, read for a ``StoryPlacement`` decision
/// inside the write transaction: the store's ``OpenStoryIndex`` finds candidate stories and
/// copies, and profiles come from the store's cache when it holds their stored version, else
/// from `stories`.
struct ArchiveStories: StoryCandidateSource {
    let store: Store
    let db: Database
    /// The writer's index as it was when the decision started (not changed while it is read).
    let index: OpenStoryIndex
    /// Stories last seen before this time (seconds since 1970) are closed.
    let opensAfter: Double

    func exactCopy(of hash: UInt64) -> (document: Int64, story: Int64)? {
        index.exactCopy(of: hash, opensAfter: opensAfter)
    }

    func nearCopyCandidates(
        bands: [String], limit: Int
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        index.nearCopyCandidates(bands: bands, limit: limit, opensAfter: opensAfter)
    }

    func candidateStories(keys: [String], perKey: Int, limit: Int) throws -> [StoredCandidate] {
        let stories = index.candidateStories(keys: keys, perKey: perKey, limit: limit, opensAfter: opensAfter)
        return try store.storedCandidates(stories, db: db)
    }
}

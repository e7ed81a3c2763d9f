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
    /// The time of the ingest (seconds since 1970): stories last reached a window before it are closed.
    let now: Double
    /// ``StoryClusteringOptions/window``.
    let width: Double

    /// The window of an article that happened within `date`.
    private func window(around date: EventSpan?) -> StoryWindow {
        StoryWindow(date: date, now: now, width: width)
    }

    func exactCopy(of hash: UInt64, around date: EventSpan?) -> (document: Int64, story: Int64)? {
        index.exactCopy(of: hash, within: window(around: date))
    }

    func nearCopyCandidates(
        bands: [String], limit: Int, around date: EventSpan?
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        index.nearCopyCandidates(bands: bands, limit: limit, within: window(around: date))
    }

    func candidateStories(keys: [String], perKey: Int, limit: Int, around date: EventSpan?) throws -> [StoredCandidate]
    {
        let stories = index.candidateStories(keys: keys, perKey: perKey, limit: limit, within: window(around: date))
        return try store.storedCandidates(stories, db: db)
    }
}

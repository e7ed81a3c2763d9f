import Foundation

/// An archive's open stories and recent fingerprints, read for a ``StoryPlacement`` decision
/// inside the write transaction: the writer's ``OpenStoryIndex`` finds candidate stories and
/// copies, and `records` reads the candidates' records (from the cache when it holds their stored
/// version, else from the database). Both archives, SQLite's and PostgreSQL's, place through it.
package struct ArchiveStories: StoryCandidateSource {
    /// The writer's index as it was when the decision started (not changed while it is read).
    let index: OpenStoryIndex
    /// The time of the ingest (seconds since 1970): stories last reached a window before it are closed.
    let now: Double
    /// ``StoryClusteringOptions/window``.
    let width: Double
    /// The stored records of the stories given, in their order; a story gone is left out.
    let records: ([Int64]) throws -> [StoredCandidate]

    package init(
        index: OpenStoryIndex, now: Double, width: Double, records: @escaping ([Int64]) throws -> [StoredCandidate]
    ) {
        self.index = index
        self.now = now
        self.width = width
        self.records = records
    }

    /// The window of an article that happened within `date`.
    private func window(around date: EventSpan?) -> StoryWindow {
        StoryWindow(date: date, now: now, width: width)
    }

    package func exactCopy(of hash: UInt64, around date: EventSpan?) -> (document: Int64, story: Int64)? {
        index.exactCopy(of: hash, within: window(around: date))
    }

    package func nearCopyCandidates(
        bands: [String], limit: Int, around date: EventSpan?
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        index.nearCopyCandidates(bands: bands, limit: limit, within: window(around: date))
    }

    package func candidateStories(
        keys: [String], perKey: Int, limit: Int, around date: EventSpan?
    ) throws -> [StoredCandidate] {
        try records(index.candidateStories(keys: keys, perKey: perKey, limit: limit, within: window(around: date)))
    }
}

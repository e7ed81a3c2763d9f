import Foundation

/// Online story clustering in memory: each article becomes a duplicate of an earlier one, joins
/// the most similar open story, or starts a new one.
///
/// The reference for the store, which keeps the same state in tables (see ``StoryKeyIndex``):
/// - duplicates: the exact hash and the band keys of every open story's articles
///   (``DuplicateFingerprint``); a duplicate joins its original's story without being counted;
/// - stories: one ``StoryProfile`` each, indexed under its ``StoryProfile/indexKeys``;
/// - the window: a story whose last article is older than ``StoryClusteringOptions/window``
///   before the latest article seen is closed, and dropped with its articles' fingerprints.
///
/// An article reads at most 20 keys × ``StoryClusteringOptions/storiesPerKey`` index entries and
/// compares with at most ``StoryClusteringOptions/maximumCandidates`` profiles of bounded size,
/// so its cost does not grow with the number of stories.
public struct StoryClusterer: Sendable {
    /// What became of one article.
    public struct Assignment: Sendable, Equatable {
        /// The story the article belongs to now.
        public var storyID: Int64
        /// Whether the article started the story.
        public var isNew: Bool
        /// The document the article duplicates, when it is a duplicate.
        public var duplicateOf: Int64?
        /// The similarity that decided the join; 1 for a duplicate, 0 for a new story.
        public var similarity: Double
    }

    /// The settings.
    public let options: StoryClusteringOptions
    /// The open stories by id.
    public private(set) var stories: [Int64: StoryProfile] = [:]

    private var index = StoryKeyIndex()
    private var fingerprints: [Int64: (fingerprint: DuplicateFingerprint, story: Int64)] = [:]
    private var documentsByHash: [UInt64: Int64] = [:]
    private var documentsByBand: [String: [Int64]] = [:]
    private var documentsByStory: [Int64: [Int64]] = [:]
    /// Stories in the order they were last updated (with repeats), for expiry.
    private var updates: [(date: Date, story: Int64)] = []
    private var updatesStart = 0
    private var latest = Date.distantPast
    private var nextID: Int64 = 1

    /// Creates an empty clusterer.
    public init(options: StoryClusteringOptions = .standard) {
        self.options = options
    }

    /// Places an article, published or received at `date`, in a story (``StoryPlacement``).
    public mutating func assign(_ features: StoryFeatures, docID: Int64, title: String, at date: Date) -> Assignment {
        latest = max(latest, date)
        expire()
        // Reading dictionaries cannot fail.
        let placement = (try? StoryPlacement.decide(features, among: self, options: options)) ?? .start
        let story: Int64
        switch placement {
        case .duplicate(let original, let existing):
            stories[existing]?.recordDuplicate(at: date)
            touch(existing, at: date)
            return Assignment(storyID: existing, isNew: false, duplicateOf: original, similarity: 1)
        case .join(let existing, _):
            story = existing
            stories[story]?.absorb(features, docID: docID, title: title, at: date)
        case .start:
            story = nextID
            nextID += 1
            stories[story] = StoryProfile(id: story, features: features, docID: docID, title: title, at: date)
        }
        remember(features.fingerprint, docID: docID, story: story)
        if let keys = stories[story]?.indexKeys { index.index(story, under: keys, scanned: options.storiesPerKey) }
        touch(story, at: date)
        if case .join(_, let similarity) = placement {
            return Assignment(storyID: story, isNew: false, duplicateOf: nil, similarity: similarity)
        }
        return Assignment(storyID: story, isNew: true, duplicateOf: nil, similarity: 0)
    }

    /// Indexes an article's fingerprint as a possible original.
    private mutating func remember(_ fingerprint: DuplicateFingerprint, docID: Int64, story: Int64) {
        fingerprints[docID] = (fingerprint, story)
        if documentsByHash[fingerprint.exactHash] == nil { documentsByHash[fingerprint.exactHash] = docID }
        for key in fingerprint.bandKeys { documentsByBand[key, default: []].append(docID) }
        documentsByStory[story, default: []].append(docID)
    }

    /// Whether a story last seen at `lastSeen` is still in the window.
    private func isOpen(_ lastSeen: Date) -> Bool {
        lastSeen >= latest.addingTimeInterval(-options.window)
    }

    private mutating func touch(_ story: Int64, at date: Date) {
        updates.append((date, story))
    }

    /// Drops the stories that left the window, with their index entries and fingerprints.
    private mutating func expire() {
        while updatesStart < updates.count, !isOpen(updates[updatesStart].date) {
            let story = updates[updatesStart].story
            updatesStart += 1
            guard let profile = stories[story], !isOpen(profile.lastSeen) else { continue }
            stories[story] = nil
            index.remove(story)
            for document in documentsByStory.removeValue(forKey: story) ?? [] {
                guard let fingerprint = fingerprints.removeValue(forKey: document)?.fingerprint else { continue }
                if documentsByHash[fingerprint.exactHash] == document { documentsByHash[fingerprint.exactHash] = nil }
                for key in fingerprint.bandKeys {
                    documentsByBand[key]?.removeAll { $0 == document }
                    if documentsByBand[key]?.isEmpty == true { documentsByBand[key] = nil }
                }
            }
        }
        // Reclaim the consumed half of the queue now and then, not on every article.
        if updatesStart > 4096, updatesStart * 2 > updates.count {
            updates.removeFirst(updatesStart)
            updatesStart = 0
        }
    }
}

extension StoryClusterer: StoryCandidateSource {
    /// The earliest open article with this exact hash.
    public func exactCopy(of hash: UInt64) -> (document: Int64, story: Int64)? {
        guard let document = documentsByHash[hash], let story = fingerprints[document]?.story else { return nil }
        return (document, story)
    }

    /// The latest `limit` open articles under each band.
    public func nearCopyCandidates(
        bands: [String], limit: Int
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        var documents = Set<Int64>()
        for key in bands {
            for document in (documentsByBand[key] ?? []).reversed().prefix(limit) { documents.insert(document) }
        }
        return documents.compactMap { document in
            fingerprints[document].map { (document, $0.story, $0.fingerprint) }
        }
    }

    /// The open stories the key index finds.
    public func candidateStories(keys: [String], perKey: Int, limit: Int) -> [StoryProfile] {
        index.candidates(
            for: keys, perKey: perKey, limit: limit,
            lastSeen: { stories[$0].map(\.lastSeen).flatMap { isOpen($0) ? $0 : nil } }
        ).compactMap { stories[$0] }
    }
}

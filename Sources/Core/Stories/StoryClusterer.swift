import Foundation

/// Online story clustering in memory: each article becomes a duplicate of an earlier one, joins
/// the most similar open story, or starts a new one.
///
/// The reference for the store, which decides the same way (``StoryPlacement``) over the same
/// in-memory ``OpenStoryIndex``, with the profiles in its tables:
/// - duplicates: the exact hash and the band keys of every open story's articles
///   (``DuplicateFingerprint``); a duplicate joins its original's story without being counted;
/// - stories: one ``StoryProfile`` each, indexed under its ``StoryProfile/indexKeys``;
/// - the window: an article meets the stories whose event span is within
///   ``StoryClusteringOptions/window`` of its own date (``StoryWindow``); a story whose last article
///   arrived more than a window before the latest arrival is closed, and dropped with its
///   articles' fingerprints.
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

    private var index = OpenStoryIndex()
    /// When the index last dropped the stories that left the window.
    private var closedBefore = -Double.infinity
    private var latest = Date.distantPast
    private var nextID: Int64 = 1

    /// Creates an empty clusterer.
    public init(options: StoryClusteringOptions = .standard) {
        self.options = options
    }

    /// Places an article that arrived at `date` in a story (``StoryPlacement``); it happened
    /// within `span`, its own date (nil: it is undated).
    public mutating func assign(
        _ features: StoryFeatures, docID: Int64, title: String, at date: Date, span: EventSpan? = nil
    ) -> Assignment {
        latest = max(latest, date)
        expire()
        let time = date.timeIntervalSince1970
        // Reading dictionaries cannot fail.
        let placement = (try? StoryPlacement.decide(features, dated: span, among: self, options: options)) ?? .start
        let story: Int64
        switch placement {
        case .duplicate(let original, let existing):
            stories[existing]?.recordDuplicate(at: date)
            index.touch(story: existing, at: time)
            return Assignment(storyID: existing, isNew: false, duplicateOf: original, similarity: 1)
        case .join(let existing, _):
            story = existing
            stories[story]?.absorb(features, docID: docID, title: title, at: date, span: span)
        case .start:
            story = nextID
            nextID += 1
            stories[story] = StoryProfile(
                id: story, features: features, docID: docID, title: title, at: date, span: span)
        }
        index.remember(features.fingerprint, document: docID, story: story)
        if let profile = stories[story] {
            index.index(
                story: story, under: profile.indexKeys, lastSeen: profile.lastSeen.timeIntervalSince1970,
                span: profile.eventSpan, scanned: options.storiesPerKey)
        }
        if case .join(_, let similarity) = placement {
            return Assignment(storyID: story, isNew: false, duplicateOf: nil, similarity: similarity)
        }
        return Assignment(storyID: story, isNew: true, duplicateOf: nil, similarity: 0)
    }

    /// The window of an article that happened within `date`.
    private func window(around date: EventSpan?) -> StoryWindow {
        StoryWindow(date: date, now: latest.timeIntervalSince1970, width: options.window)
    }

    /// Drops the stories that left the window, once the window has moved on by an hour (lookups
    /// skip closed stories anyway; this only bounds the memory).
    private mutating func expire() {
        let cutoff = latest.timeIntervalSince1970 - options.window
        guard cutoff - closedBefore >= 3600 else { return }
        for story in stories.keys where stories[story].map({ $0.lastSeen.timeIntervalSince1970 < cutoff }) == true {
            stories[story] = nil
        }
        index.close(before: cutoff)
        closedBefore = cutoff
    }
}

extension StoryClusterer: StoryCandidateSource {
    /// The earliest open article with this exact hash.
    public func exactCopy(of hash: UInt64, around date: EventSpan?) -> (document: Int64, story: Int64)? {
        index.exactCopy(of: hash, within: window(around: date))
    }

    /// The latest `limit` open articles under each band.
    public func nearCopyCandidates(
        bands: [String], limit: Int, around date: EventSpan?
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        index.nearCopyCandidates(bands: bands, limit: limit, within: window(around: date))
    }

    /// The open stories the key index finds.
    public func candidateStories(keys: [String], perKey: Int, limit: Int, around date: EventSpan?) -> [StoryProfile] {
        index.candidateStories(keys: keys, perKey: perKey, limit: limit, within: window(around: date))
            .compactMap { stories[$0] }
    }
}

import Foundation

/// What placing one article decided: the single place where a new article's story is chosen.
///
/// An article is, in this order:
/// 1. a **duplicate** of an earlier article of an open story: the same exact hash, else the most
///    similar near-duplicate (``DuplicateFingerprint/isNearDuplicate(of:)``) among the articles
///    sharing a MinHash band; it joins that article's story without being counted;
/// 2. a **join** of the open story it is most similar to (``StoryProfile/similarity(terms:keys:language:)``),
///    among the candidates its keys find, when that similarity reaches ``StoryClusteringOptions/threshold``
///    (``StoryClusteringOptions/crossLanguageThreshold`` for a story with none of its language), or
///    ``StoryClusteringOptions/spanThreshold`` when joining would stretch the story's event span
///    beyond ``StoryClusteringOptions/window`` (see ``requiredSimilarity(_:story:date:options:)``);
/// 3. the **start** of a new story otherwise.
///
/// Time is the article's own date (``EventSpan``): the source only offers stories, and copies in
/// stories, whose event span lies within a window of it (``StoryWindow``), so a story is an event
/// of a few days rather than a subject that comes back month after month. An undated article, or
/// a story none of whose articles is dated, is placed by arrival alone.
///
/// The decision only reads, through a ``StoryCandidateSource``: the in-memory ``StoryClusterer``
/// and the archive (`Store`) give the same answers from their own state, and apply the decision
/// themselves. Bounded work per article: one exact-hash lookup, the band candidates the source
/// returns (at most ``StoryClusteringOptions/maximumDuplicateCandidates`` per lookup), and at most
/// ``StoryClusteringOptions/maximumCandidates`` stories compared.
public enum StoryPlacement: Sendable, Equatable {
    /// A copy of `document`, in `story`.
    case duplicate(of: Int64, story: Int64)
    /// The article joins `story`, with the similarity that decided it.
    case join(story: Int64, similarity: Double)
    /// The article starts a story.
    case start

    /// Decides where the article with `features`, which happened within `date` (nil: undated),
    /// goes among what `source` holds.
    public static func decide(
        _ features: StoryFeatures, dated date: EventSpan?, among source: some StoryCandidateSource,
        options: StoryClusteringOptions = .standard
    ) throws -> StoryPlacement {
        try decide(StoryQuery(features), dated: date, among: source, options: options)
    }

    /// As ``decide(_:dated:among:options:)`` for the features of `query`, hashed already (in the
    /// parallel stage of an ingest, so that the single writer does not).
    public static func decide(
        _ query: StoryQuery, dated date: EventSpan?, among source: some StoryCandidateSource,
        options: StoryClusteringOptions = .standard
    ) throws -> StoryPlacement {
        let features = query.features
        if let original = try original(
            of: features.fingerprint, bands: query.bandKeys, dated: date, among: source, options: options)
        {
            return .duplicate(of: original.document, story: original.story)
        }
        var best: (story: Int64, similarity: Double)?
        for candidate in try source.candidateStories(
            keys: features.candidateKeys, perKey: options.storiesPerKey, limit: options.maximumCandidates,
            around: date)
        {
            guard let score = candidate.similarity(to: query) else { continue }
            let needed = requiredSimilarity(score, story: candidate.eventSpan, date: date, options: options)
            if score.combined >= needed, score.combined > best?.similarity ?? 0 {
                best = (candidate.story, score.combined)
            }
        }
        return best.map { .join(story: $0.story, similarity: $0.similarity) } ?? .start
    }

    /// The similarity an article dated `date` needs to join a story spanning `story`: the
    /// threshold for its language, raised to ``StoryClusteringOptions/spanThreshold`` when joining
    /// would stretch the story's span beyond the window (a span already longer, from a month-only
    /// date say, may take articles inside it at the usual threshold).
    ///
    /// A story is an event: its reports come within days. Two strikes months apart on the same
    /// line score as high as two reports of one strike, so the date, not the words, tells them apart.
    static func requiredSimilarity(
        _ score: (terms: Double?, keys: Double, combined: Double), story: EventSpan?, date: EventSpan?,
        options: StoryClusteringOptions
    ) -> Double {
        let threshold = score.terms == nil ? options.crossLanguageThreshold : options.threshold
        guard let story, let date else { return threshold }
        let stretched = story.including(date)
        guard stretched.length > options.window, stretched.length > story.length else { return threshold }
        return max(threshold, options.spanThreshold)
    }

    /// The earlier article `fingerprint` repeats, with its story: the exact hash first, else the
    /// most similar near-duplicate among the candidates sharing one of its `bands` (its
    /// ``DuplicateFingerprint/bandKeys``; the lowest document id on a tie).
    static func original(
        of fingerprint: DuplicateFingerprint, bands: [String], dated date: EventSpan?,
        among source: some StoryCandidateSource, options: StoryClusteringOptions
    ) throws -> (document: Int64, story: Int64)? {
        if let exact = try source.exactCopy(of: fingerprint.exactHash, around: date) { return exact }
        guard !bands.isEmpty else { return nil }
        var best: (document: Int64, story: Int64, similarity: Double)?
        let candidates = try source.nearCopyCandidates(
            bands: bands, limit: options.maximumDuplicateCandidates, around: date)
        for candidate in candidates.sorted(by: { $0.document < $1.document }) {
            guard fingerprint.isNearDuplicate(of: candidate.fingerprint) else { continue }
            let similarity = fingerprint.similarity(to: candidate.fingerprint)
            if similarity > best?.similarity ?? -1 { best = (candidate.document, candidate.story, similarity) }
        }
        return best.map { ($0.document, $0.story) }
    }
}

/// An article as compared with candidate stories: its vectors as given, and by stable hash for
/// stored records, with its fingerprint's band keys (built once per article, not once per
/// candidate; in an ingest, by the parallel stage).
public struct StoryQuery: Sendable, Equatable {
    /// The article's features.
    public let features: StoryFeatures
    let hashedTerms: HashedVector
    let hashedKeys: HashedVector
    /// The fingerprint's ``DuplicateFingerprint/bandKeys``.
    let bandKeys: [String]

    /// The query of an article with `features`.
    public init(_ features: StoryFeatures) {
        self.features = features
        hashedTerms = HashedVector(features.terms)
        hashedKeys = HashedVector(features.keys)
        bandKeys = features.fingerprint.bandKeys
    }

    /// Queries of the same features are the same: the rest is made from them.
    public static func == (lhs: StoryQuery, rhs: StoryQuery) -> Bool { lhs.features == rhs.features }
}

/// The open stories and the recent articles' fingerprints that a ``StoryPlacement`` decision reads.
///
/// Every lookup is for an article that happened within `date` (nil: undated): it sees only the
/// stories open to that article's ``StoryWindow``.
public protocol StoryCandidateSource {
    /// A story as this source holds it.
    associatedtype Candidate: StoryCandidate

    /// The earliest open article whose text hashes to `hash`, with its story.
    func exactCopy(of hash: UInt64, around date: EventSpan?) throws -> (document: Int64, story: Int64)?

    /// Recent open articles sharing one of `bands` (``DuplicateFingerprint/bandKeys``), at most
    /// about `limit` of them (the latest), with their stories and fingerprints.
    func nearCopyCandidates(
        bands: [String], limit: Int, around date: EventSpan?
    ) throws -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)]

    /// The open stories sharing the most of `keys`, reading at most `perKey` stories under each key
    /// (most recently updated first); at most `limit`, most keys shared first, then most recent.
    func candidateStories(keys: [String], perKey: Int, limit: Int, around date: EventSpan?) throws -> [Candidate]
}

/// A candidate story, compared with an article.
public protocol StoryCandidate {
    /// The story's id.
    var story: Int64 { get }

    /// When the story's articles happened (``StoryProfile/eventSpan``); nil when none is dated.
    var eventSpan: EventSpan? { get }

    /// The term cosine (nil when the story has none of the article's language), the key cosine and
    /// their combination (``StoryProfile/similarity(terms:keys:language:)``); nil when unreadable.
    func similarity(to query: StoryQuery) -> (terms: Double?, keys: Double, combined: Double)?
}

extension StoryProfile: StoryCandidate {
    /// The profile's id.
    public var story: Int64 { id }

    /// The profile's similarity to the article.
    public func similarity(to query: StoryQuery) -> (terms: Double?, keys: Double, combined: Double)? {
        similarity(terms: query.features.terms, keys: query.features.keys, language: query.features.language)
    }
}

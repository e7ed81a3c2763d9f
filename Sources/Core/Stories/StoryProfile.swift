import Foundation

/// The summary of one story that clustering compares new articles with: bounded term centroids
/// per language, summed key weights, and the story's headline, languages, size and dates.
///
/// A plain value, stored as one binary record per story (a few kB, see `StoryProfile+Binary`) and
/// compared with each new article's features. Whatever the story's size, it holds at most ``maximumTerms`` terms per
/// language and ``maximumKeys`` keys, so comparing with it costs the same for 2 articles and 2,000.
public struct StoryProfile: Sendable, Equatable, Codable {
    /// The most terms kept per language in a centroid.
    public static let maximumTerms = 60
    /// The most cross-language keys kept.
    public static let maximumKeys = 48
    /// The most keys the story is indexed under (see ``indexKeys``).
    public static let maximumIndexKeys = 24

    /// The most one shared key adds to the key similarity (see ``similarity(to:)``).
    public static let keyContributionCap = 0.15

    /// The story's id, given by whoever stores it.
    public var id: Int64
    /// The title of the story's most central article so far.
    public var headline: String
    /// The document id of that article.
    public var headlineDocID: Int64
    /// The languages of its articles, sorted.
    public var languages: [String]
    /// How many distinct articles it holds; duplicates are not counted.
    public var size: Int
    /// How many duplicates of its articles were seen.
    public var duplicates: Int
    /// When its first article arrived.
    public var firstSeen: Date
    /// When its last article or duplicate arrived; the story leaves the window after that.
    public var lastSeen: Date
    /// When its articles happened, by their own dates: from the earliest to the latest, grown by
    /// each dated article that joins (``EventSpan/including(_:)``); nil while none is dated.
    public var eventSpan: EventSpan?
    /// Per language, the sum of its articles' term vectors, the heaviest ``maximumTerms`` kept.
    public var centroids: [String: [String: Float]]
    /// The sum of its articles' key vectors, the heaviest ``maximumKeys`` kept.
    public var keys: [String: Float]
    /// The term vector of the headline article, kept to weigh its centrality against later articles.
    var headlineTerms: [String: Float]
    /// The key vector of the headline article.
    var headlineKeys: [String: Float]
    /// The language of the headline article.
    var headlineLanguage: String

    /// Starts a story with its first article, which arrived at `date` and happened within `span`
    /// (nil: it is undated).
    public init(
        id: Int64, features: StoryFeatures, docID: Int64, title: String, at date: Date, span: EventSpan? = nil
    ) {
        self.id = id
        headline = title
        headlineDocID = docID
        languages = [features.language]
        size = 1
        duplicates = 0
        firstSeen = date
        lastSeen = date
        eventSpan = span
        centroids = [features.language: features.terms]
        keys = features.keys
        headlineTerms = features.terms
        headlineKeys = features.keys
        headlineLanguage = features.language
    }

    /// How similar an article is to the story, from 0 to 1.
    ///
    /// Within a language the story already has, the mean of the term cosine (the article's terms
    /// against the centroid of that language) and the key cosine; in a language new to the story,
    /// the key cosine alone, which ``StoryClusterer`` holds to a higher threshold. Terms decide
    /// what a report is about ("published", "answers", "confidential"); keys decide who and where,
    /// and are all two reports in different languages share.
    public func similarity(to features: StoryFeatures) -> Double {
        similarity(terms: features.terms, keys: features.keys, language: features.language).combined
    }

    /// The term cosine (nil in a language the story does not have), the key cosine, and their
    /// combination as ``similarity(to:)`` gives it.
    public func similarity(
        terms: [String: Float], keys: [String: Float], language: String
    ) -> (terms: Double?, keys: Double, combined: Double) {
        let keySimilarity = StoryVector.cosine(unit: keys, with: self.keys, cap: Self.keyContributionCap)
        guard let centroid = centroids[language] else { return (nil, keySimilarity, keySimilarity) }
        let termSimilarity = StoryVector.cosine(unit: terms, with: centroid)
        return (termSimilarity, keySimilarity, (termSimilarity + keySimilarity) / 2)
    }

    /// Adds an article to the story: its vectors to the centroid and keys, its language, one to
    /// the size, its date to the event span (`span`, nil when undated); it becomes the headline
    /// when it is closer to the updated story than the headline.
    public mutating func absorb(
        _ features: StoryFeatures, docID: Int64, title: String, at date: Date, span: EventSpan? = nil
    ) {
        size += 1
        firstSeen = min(firstSeen, date)
        lastSeen = max(lastSeen, date)
        if let span { eventSpan = eventSpan?.including(span) ?? span }
        if !languages.contains(features.language) {
            languages.append(features.language)
            languages.sort()
        }
        StoryVector.add(features.terms, to: &centroids[features.language, default: [:]], keeping: Self.maximumTerms)
        StoryVector.add(features.keys, to: &keys, keeping: Self.maximumKeys)
        let current = similarity(terms: headlineTerms, keys: headlineKeys, language: headlineLanguage).combined
        if similarity(to: features) > current {
            headline = title
            headlineDocID = docID
            headlineTerms = features.terms
            headlineKeys = features.keys
            headlineLanguage = features.language
        }
    }

    /// Counts a duplicate of one of the story's articles: it keeps the story alive but adds nothing,
    /// not even to the event span (a copy republished later is still the earlier article).
    public mutating func recordDuplicate(at date: Date) {
        duplicates += 1
        lastSeen = max(lastSeen, date)
    }

    /// Takes a removed article out of the counts: the size, or the duplicates when it was a copy.
    ///
    /// Its words stay in the centroids (the profile does not keep each article's vector), which
    /// only matters until the story leaves the window. When it was the headline article, the
    /// caller names the one that takes its place.
    public mutating func recordRemoval(wasDuplicate: Bool, newHeadline: (docID: Int64, title: String)?) {
        if wasDuplicate {
            duplicates = max(0, duplicates - 1)
            return
        }
        size = max(0, size - 1)
        if let newHeadline {
            headline = newHeadline.title
            headlineDocID = newHeadline.docID
        }
    }

    /// The keys the story is indexed under, at most ``maximumIndexKeys``: its 14 heaviest
    /// cross-language keys, then `t:` + its heaviest terms (each language's centroid scaled to
    /// unit length first, so a story's larger language does not crowd out the others).
    ///
    /// They change as the story grows: after ``absorb(_:docID:title:at:)`` a store replaces the
    /// story's rows with these.
    public var indexKeys: [String] {
        var result = StoryVector.heaviest(keys, count: 14).map { $0.key }
        // Each centroid scaled in place (mapValues hashes no term again), the languages merged by
        // the larger weight: most stories have one, whose scaled centroid is the whole result.
        var terms: [String: Float] = [:]
        for centroid in centroids.values {
            let length = Float(StoryVector.length(of: centroid))
            guard length > 0 else { continue }
            let scaled = centroid.mapValues { max(0, $0 / length) }
            terms = terms.isEmpty ? scaled : terms.merging(scaled, uniquingKeysWith: max)
        }
        for (term, _) in StoryVector.heaviest(terms, count: Self.maximumIndexKeys) {
            guard result.count < Self.maximumIndexKeys else { break }
            result.append("t:" + term)
        }
        return result
    }
}

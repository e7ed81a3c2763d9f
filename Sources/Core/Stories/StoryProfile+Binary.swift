import Foundation

/// The stored form of a profile: a small binary record rather than JSON.
///
/// A profile is written every time its story takes an article and read for every candidate story
/// whose cached copy is stale; as JSON, encoding alone took a third of the time of placing an
/// article. The id is the row's, not stored again. Layout (little-endian): a format byte, then the
/// fields in declaration order without the id; integers as 8 bytes, dates as 8-byte doubles,
/// strings as a 2-byte length and UTF-8, vectors as ``ProfileRecordWriter/vector(_:)`` lays them
/// out: sorted by key hash, so that a candidate story is compared without decoding its record
/// (``similarity(record:terms:keys:language:)``). Format 3 adds the event span (two doubles, NaN
/// when the story has none) after `lastSeen`; formats 1 and 2 are still read, without a span.
extension StoryProfile {
    /// The format byte written first, so a later layout can tell old records apart.
    static let binaryFormat: UInt8 = 3
    /// The first format, still read: vectors as a count and unsorted (key, weight) pairs. The
    /// second, also read, has no event span.
    static let unsortedFormat: UInt8 = 1

    /// The profile as a binary record.
    public func encoded() -> [UInt8] {
        var writer = ProfileRecordWriter()
        writer.bytes.reserveCapacity(4096)
        writer.byte(Self.binaryFormat)
        writer.string(headline)
        writer.integer(headlineDocID)
        writer.integer(Int64(languages.count))
        for language in languages { writer.string(language) }
        writer.integer(Int64(size))
        writer.integer(Int64(duplicates))
        writer.double(firstSeen.timeIntervalSince1970)
        writer.double(lastSeen.timeIntervalSince1970)
        writer.double(eventSpan?.start ?? .nan)
        writer.double(eventSpan?.end ?? .nan)
        writer.integer(Int64(centroids.count))
        for (language, centroid) in centroids.sorted(by: { $0.key < $1.key }) {
            writer.string(language)
            writer.vector(centroid)
        }
        writer.vector(keys)
        writer.vector(headlineTerms)
        writer.vector(headlineKeys)
        writer.string(headlineLanguage)
        return writer.bytes
    }

    /// Reads the record of story `id` written by ``encoded()``; nil when it is cut short or of
    /// another format (a similarity record, say).
    public init?(id: Int64, encoded bytes: [UInt8]) {
        var reader = ProfileRecordReader(bytes: bytes)
        guard let format = reader.byte(), (Self.unsortedFormat...Self.binaryFormat).contains(format),
            let headline = reader.string(), let headlineDocID = reader.integer(),
            let languageCount = reader.count()
        else { return nil }
        var languages: [String] = []
        for _ in 0..<languageCount {
            guard let language = reader.string() else { return nil }
            languages.append(language)
        }
        guard let size = reader.integer(), let duplicates = reader.integer(), let firstSeen = reader.double(),
            let lastSeen = reader.double()
        else { return nil }
        var eventSpan: EventSpan?
        if format == Self.binaryFormat {
            guard let start = reader.double(), let end = reader.double() else { return nil }
            eventSpan = Self.span(start: start, end: end)
        }
        guard let centroidCount = reader.count() else { return nil }
        func vector() -> [String: Float]? {
            format == Self.unsortedFormat ? reader.unsortedVector() : reader.vector()
        }
        var centroids: [String: [String: Float]] = [:]
        for _ in 0..<centroidCount {
            guard let language = reader.string(), let centroid = vector() else { return nil }
            centroids[language] = centroid
        }
        guard let keys = vector(), let headlineTerms = vector(), let headlineKeys = vector(),
            let headlineLanguage = reader.string(), reader.isAtEnd
        else { return nil }
        self.id = id
        self.headline = headline
        self.headlineDocID = headlineDocID
        self.languages = languages
        self.size = Int(size)
        self.duplicates = Int(duplicates)
        self.firstSeen = Date(timeIntervalSince1970: firstSeen)
        self.lastSeen = Date(timeIntervalSince1970: lastSeen)
        self.eventSpan = eventSpan
        self.centroids = centroids
        self.keys = keys
        self.headlineTerms = headlineTerms
        self.headlineKeys = headlineKeys
        self.headlineLanguage = headlineLanguage
    }

    /// What ``similarity(terms:keys:language:)`` gives for the profile stored as `record`, read
    /// straight from the record: only the keys and the centroid of `language` are visited, by
    /// merging hash orders, and nothing is decoded. Nil when the record is cut short or of the
    /// first format (decode it instead).
    ///
    /// Most of an article's 50 candidate stories are compared and dropped; decoding each of their
    /// profiles into dictionaries was the largest cost of placing an article once stories outnumber
    /// the profile cache.
    static func similarity(
        record: [UInt8], terms: HashedVector, keys: HashedVector, language: String
    ) -> (terms: Double?, keys: Double, combined: Double)? {
        var reader = ProfileRecordReader(bytes: record)
        guard let format = reader.skipToTimes(), format != Self.unsortedFormat,
            reader.skip(format == Self.binaryFormat || format == Self.similarityFormat ? 48 : 32),
            let centroidCount = reader.count()
        else { return nil }
        var termSimilarity: Double?
        for _ in 0..<centroidCount {
            guard let centroidLanguage = reader.string() else { return nil }
            if centroidLanguage == language {
                guard let cosine = reader.cosine(unit: terms, cap: 1) else { return nil }
                termSimilarity = cosine
            } else if !reader.skipVector() {
                return nil
            }
        }
        guard let keySimilarity = reader.cosine(unit: keys, cap: Self.keyContributionCap) else { return nil }
        guard let termSimilarity else { return (nil, keySimilarity, keySimilarity) }
        return (termSimilarity, keySimilarity, (termSimilarity + keySimilarity) / 2)
    }

    /// The event span of the profile stored as `record`, read without decoding the rest; nil when
    /// it has none, or the record is cut short or of no known format.
    static func eventSpan(record: [UInt8]) -> EventSpan? {
        var reader = ProfileRecordReader(bytes: record)
        guard let format = reader.skipToTimes(), format == Self.binaryFormat || format == Self.similarityFormat,
            reader.skip(32), let start = reader.double(),
            let end = reader.double()
        else { return nil }
        return span(start: start, end: end)
    }

    /// The span stored as `start` and `end`; nil when they are NaN (none) or not a span.
    private static func span(start: Double, end: Double) -> EventSpan? {
        start.isFinite && end.isFinite ? EventSpan(start: start, end: end) : nil
    }
}

extension ProfileRecordReader {
    /// Reads the format byte and skips the headline, its document and the languages, up to the
    /// size that precedes the times; the format (a similarity record's too), or nil when the
    /// record is cut short or unknown.
    fileprivate mutating func skipToTimes() -> UInt8? {
        guard let format = byte(),
            (StoryProfile.unsortedFormat...StoryProfile.binaryFormat).contains(format)
                || format == StoryProfile.similarityFormat,
            skipString(), skip(8), let languageCount = count()
        else { return nil }
        for _ in 0..<languageCount {
            guard skipString() else { return nil }
        }
        return format
    }
}

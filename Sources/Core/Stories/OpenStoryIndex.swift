/// The open stories' index keys and the open articles' fingerprints, in memory: what a
/// ``StoryPlacement`` looks up to find candidate stories and copies.
///
/// The in-memory ``StoryClusterer`` keeps one; the archive keeps one in step with its tables
/// (built from `stories` and `fingerprints` when the writer first needs it, rebuilt after a failed
/// transaction or a write by another process), so placing an article reads no index table and
/// writes none: a new story used to write 24 key rows into three b-trees, an article 8 band rows
/// into two.
///
/// Times are seconds since 1970. A story is open while its last article arrived at most a window
/// ago; ``close(before:)`` drops the others with their articles' fingerprints. Lookups also skip
/// the open stories whose event span is not within the window of the article's date
/// (``StoryWindow``).
public struct OpenStoryIndex: Sendable {
    private var keys = StoryKeyIndex()
    /// Each story's last arrival, for closing it, by the id's bits. Both maps are read for every
    /// story a candidate lookup finds (thousands per article at 20,000 open stories), where a
    /// `Dictionary` hashed each id with SipHash.
    private var lastSeen = HashValueMap<Double>()
    /// Each dated story's event span, for the window of an article's date, by the id's bits.
    private var spans = HashValueMap<EventSpan>()
    private var articles: [Int64: (fingerprint: DuplicateFingerprint, story: Int64)] = [:]
    /// Articles by exact hash, earliest first.
    private var documentsByHash: [UInt64: CompactList<Int64>] = [:]
    /// Articles by the stable hash of a band key (hashes take less memory than the keys, and a
    /// collision only adds a candidate that the signature check then rejects). Ids are kept in 32
    /// bits (an archive's first four billion articles): with eight bands per article this is the
    /// index's largest table, and 64-bit ids made it half as large again. An article with a
    /// larger id is not found as a near copy, only as an exact one.
    private var documentsByBand = HashMultimap()
    private var documentsByStory: [Int64: CompactList<Int64>] = [:]

    /// Creates an empty index.
    public init() {}

    /// Lists `story` under `keys` (its ``StoryProfile/indexKeys``), replacing its former keys, and
    /// records its last arrival and its event span. `scanned` is the most stories a lookup reads per key.
    public mutating func index(
        story: Int64, under keys: [String], lastSeen time: Double, span: EventSpan?, scanned: Int
    ) {
        self.keys.index(story, under: keys, scanned: scanned)
        lastSeen[Self.key(story)] = time
        spans[Self.key(story)] = span
    }

    /// Moves a story's last time on without changing its keys (it got a duplicate).
    public mutating func touch(story: Int64, at time: Double) {
        if let seen = lastSeen[Self.key(story)], seen < time { lastSeen[Self.key(story)] = time }
    }

    /// Records an article's fingerprint, so that later copies find it.
    public mutating func remember(_ fingerprint: DuplicateFingerprint, document: Int64, story: Int64) {
        forget(document: document)
        articles[document] = (fingerprint, story)
        documentsByHash.append(document, at: fingerprint.exactHash)
        documentsByHash[fingerprint.exactHash]?.sort()
        if let document = UInt32(exactly: document) {
            for key in fingerprint.bandKeys { documentsByBand.insert(document, at: StableHash.of(key)) }
        }
        documentsByStory.append(document, at: story)
    }

    /// Forgets an article's fingerprint: it was removed or rewritten, and copies of it are new again.
    public mutating func forget(document: Int64) {
        guard let (fingerprint, story) = articles.removeValue(forKey: document) else { return }
        Self.remove(document, from: &documentsByHash, at: fingerprint.exactHash)
        if let document = UInt32(exactly: document) {
            for key in fingerprint.bandKeys { documentsByBand.remove(document, at: StableHash.of(key)) }
        }
        Self.remove(document, from: &documentsByStory, at: story)
    }

    /// Forgets a story and its articles' fingerprints (it was deleted or left the window).
    public mutating func remove(story: Int64) {
        keys.remove(story)
        lastSeen[Self.key(story)] = nil
        spans[Self.key(story)] = nil
        for document in documentsByStory[story] ?? CompactList([]) { forget(document: document) }
        documentsByStory[story] = nil
    }

    /// Drops the stories last seen before `cutoff`, with their articles' fingerprints.
    public mutating func close(before cutoff: Double) {
        var closed: [Int64] = []
        lastSeen.forEach { story, seen in
            if seen < cutoff { closed.append(Int64(bitPattern: story)) }
        }
        for story in closed { remove(story: story) }
        if !closed.isEmpty { keys.dropStale() }
    }

    /// The entries of the key index, live or stale: what it holds in memory.
    var keyEntryCount: Int { keys.entryCount }

    /// The earliest article with `hash` in a story open to `window`, with its story.
    public func exactCopy(of hash: UInt64, within window: StoryWindow) -> (document: Int64, story: Int64)? {
        for document in documentsByHash[hash] ?? CompactList([]) {
            if let story = articles[document]?.story, isOpen(story, to: window) { return (document, story) }
        }
        return nil
    }

    /// The latest `limit` articles under each of `bands` (those of the highest ids) in stories open
    /// to `window`, with their stories and fingerprints.
    public func nearCopyCandidates(
        bands: [String], limit: Int, within window: StoryWindow
    ) -> [(document: Int64, story: Int64, fingerprint: DuplicateFingerprint)] {
        var documents = Set<Int64>()
        for key in bands {
            for document in documentsByBand.ids(at: StableHash.of(key)).sorted(by: >).prefix(limit) {
                documents.insert(Int64(document))
            }
        }
        return documents.compactMap { document in
            guard let (fingerprint, story) = articles[document], isOpen(story, to: window) else { return nil }
            return (document, story, fingerprint)
        }
    }

    private func isOpen(_ story: Int64, to window: StoryWindow) -> Bool {
        lastArrival(of: story, ifOpenTo: window) != nil
    }

    /// When `story` last got an article, if it is open to `window`; nil otherwise.
    private func lastArrival(of story: Int64, ifOpenTo window: StoryWindow) -> Double? {
        guard let seen = lastSeen[Self.key(story)], window.admits(lastArrival: seen, span: spans[Self.key(story)])
        else { return nil }
        return seen
    }

    /// A story's key in `lastSeen` and `spans`: its id's bits.
    private static func key(_ story: Int64) -> UInt64 { UInt64(bitPattern: story) }

    /// The stories open to `window` sharing the most of `keys` (see
    /// ``StoryKeyIndex/candidates(for:perKey:limit:lastSeen:)``).
    public func candidateStories(keys: [String], perKey: Int, limit: Int, within window: StoryWindow) -> [Int64] {
        self.keys.candidates(
            for: keys, perKey: perKey, limit: limit,
            lastSeen: { story in lastArrival(of: story, ifOpenTo: window) })
    }

    private static func remove<Key: Hashable, ID: Equatable>(
        _ document: ID, from lists: inout [Key: CompactList<ID>], at key: Key
    ) {
        lists.removeAll(at: key) { $0 == document }
    }
}

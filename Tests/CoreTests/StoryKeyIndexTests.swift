import Testing

@testable import Core

/// The key index ranks candidate stories as sorting every story found would.
struct StoryKeyIndexTests {
    @Test(arguments: [1, 40, 2_000])
    func candidatesAreTheFirstOfAllStoriesFoundSortedByKeysSharedThenRecency(stories: Int) {
        var random = SeededGenerator(seed: UInt64(stories) + 11)
        // Stories under a few of 30 keys (so that many share several), some indexed again under
        // other keys (their former entries stale); a third of them closed; ties in recency.
        let vocabulary = (0..<30).map { "k:\($0)" }
        var index = StoryKeyIndex()
        var order: [(story: Int64, keys: [String])] = []
        for story in Int64(1)...Int64(stories) {
            let keys = Array(vocabulary.shuffled(using: &random).prefix(Int.random(in: 1...8, using: &random)))
            index.index(story, under: keys, scanned: 10_000)
            order.append((story, keys))
        }
        for story in (1...Int64(stories)).filter({ _ in Bool.random(using: &random) }) {
            let keys = Array(vocabulary.shuffled(using: &random).prefix(Int.random(in: 1...8, using: &random)))
            index.index(story, under: keys, scanned: 10_000)
            order.append((story, keys))
        }
        // Each story's live keys are those it was last indexed under, listed at that time.
        var latestIndexing: [Int64: (position: Int, keys: [String])] = [:]
        for (position, entry) in order.enumerated() { latestIndexing[entry.story] = (position, entry.keys) }
        let lastSeen: [Int64: Double] = Dictionary(
            uniqueKeysWithValues: (1...Int64(stories)).map { ($0, Double(Int.random(in: 0...50, using: &random))) })
        let closed = Set((1...Int64(stories)).filter { _ in Int.random(in: 0..<3, using: &random) == 0 })
        func seen(_ story: Int64) -> Double? { closed.contains(story) ? nil : lastSeen[story] }

        for lookup in 0..<20 {
            let keys = Array(vocabulary.shuffled(using: &random).prefix(1 + lookup % 10))
            let perKey = [5, 50, 1_000][lookup % 3]
            let limit = [1, 10, 50][lookup % 3]
            // The reference: per key, its latest `perKey` stories still under it (latest indexing
            // first), counted; every open one sorted.
            var counts: [Int64: Int] = [:]
            for key in keys {
                let listed = latestIndexing.filter { $0.value.keys.contains(key) }
                    .sorted { $0.value.position > $1.value.position }.map(\.key)
                for story in listed.prefix(perKey) { counts[story, default: 0] += 1 }
            }
            let expected = counts.compactMap { story, count in seen(story).map { (story, count, $0) } }
                .sorted { lhs, rhs in
                    if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
                    return lhs.2 != rhs.2 ? lhs.2 > rhs.2 : lhs.0 > rhs.0
                }
                .prefix(limit).map(\.0)
            let found = index.candidates(for: keys, perKey: perKey, limit: limit, lastSeen: seen)
            #expect(found == Array(expected), "lookup \(lookup)")
        }
    }
}

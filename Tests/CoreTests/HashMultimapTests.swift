import Testing

@testable import Core

/// The open-story index's band table answers as a dictionary of lists would, through growth and
/// removals.
struct HashMultimapTests {
    @Test(arguments: [1, 7, 100, 5_000])
    func answersAsADictionaryOfListsThroughInsertsAndRemovals(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) + 7)
        // Random hashes, 1 (0 is filed as 1), and neighbours that fall on the same slots; some
        // hashes hold several ids, and one id is filed twice under one hash.
        var hashes = (0..<count).map { _ in UInt64.random(in: 2...UInt64.max, using: &random) }
        hashes += [1, 2, 3] + hashes.prefix(20).map { $0 &+ 1 }
        var entries: [(hash: UInt64, id: UInt32)] = hashes.enumerated().map { ($1, UInt32($0)) }
        entries += hashes.prefix(30).enumerated().map { ($1, UInt32(100_000 + $0)) }
        entries.append(entries[0])
        var map = HashMultimap(minimumCapacity: count / 4)  // too small: it has to grow
        var reference: [UInt64: [UInt32]] = [:]
        for entry in entries {
            map.insert(entry.id, at: entry.hash)
            reference[entry.hash, default: []].append(entry.id)
        }
        // Every other entry goes, and an entry that is not there changes nothing.
        for entry in entries.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
            map.remove(entry.id, at: entry.hash)
            if let position = reference[entry.hash]?.firstIndex(of: entry.id) {
                reference[entry.hash]?.remove(at: position)
            }
        }
        map.remove(999_999, at: hashes[0])
        #expect(map.count == reference.values.reduce(0) { $0 + $1.count })
        for hash in hashes + (0..<200).map({ _ in UInt64.random(in: 2...UInt64.max, using: &random) }) {
            #expect(map.ids(at: hash).sorted() == (reference[hash] ?? []).sorted(), "\(hash)")
        }
    }

    @Test func theHashZeroSharesTheEntriesOfOne() {
        var map = HashMultimap()
        map.insert(5, at: 0)
        map.insert(6, at: 1)
        #expect(map.ids(at: 0).sorted() == [5, 6])
        map.remove(5, at: 1)
        #expect(map.ids(at: 1) == [6])
    }
}

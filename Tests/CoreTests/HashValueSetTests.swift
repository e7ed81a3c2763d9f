import Testing

@testable import Core

/// The person finder's set of word hashes answers as a `Set<UInt64>` would.
struct HashValueSetTests {
    @Test(arguments: [1, 7, 100, 5_000])
    func answersAsASetForRandomValuesZeroAndNearNeighbours(count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        // Random values, 0 (the empty-slot mark), and neighbours that fall on the same slots.
        var values = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        values += [0, 1, 2, 3] + values.prefix(20).map { $0 &+ 1 }
        var set = HashValueSet(minimumCapacity: count / 2)  // too small: it has to hold them anyway
        var reference = Set<UInt64>()
        for value in values.prefix(values.count / 2) {
            set.insert(value)
            set.insert(value)  // twice: still once
            reference.insert(value)
        }
        for value in values + (0..<200).map({ _ in UInt64.random(in: 0...UInt64.max, using: &random) }) {
            #expect(set.contains(value) == reference.contains(value), "\(value)")
        }
    }
}

/// The vocabularies' map of term hashes answers as a `Dictionary<UInt64, Int32>` would.
struct HashValueMapTests {
    @Test(arguments: [1, 7, 100, 5_000])
    func answersAsADictionaryForRandomKeysZeroAndNearNeighbours(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) + 1)
        var keys = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        keys += [0, 1, 2, 3] + keys.prefix(20).map { $0 &+ 1 }
        var map = HashValueMap<Int32>(minimumCapacity: count / 2)  // too small: it has to grow
        var reference: [UInt64: Int32] = [:]
        for (position, key) in keys.prefix(keys.count / 2).enumerated() {
            map[key] = Int32(position)
            map[key] = Int32(position) + 1  // replaced, not added
            reference[key] = Int32(position) + 1
        }
        #expect(map.count == reference.count - (reference[0] == nil ? 0 : 1))
        for key in keys + (0..<200).map({ _ in UInt64.random(in: 0...UInt64.max, using: &random) }) {
            #expect(map[key] == reference[key], "\(key)")
        }
    }

    @Test(arguments: [7, 100, 5_000])
    func removingKeysLeavesTheOthersFound(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) + 2)
        // Small sequential ids (story ids) crowd neighbouring slots: removals must not cut runs.
        var keys = (0..<UInt64(count)).map { $0 }
        keys += (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        var map = HashValueMap<Int32>()
        var reference: [UInt64: Int32] = [:]
        for (position, key) in keys.enumerated() {
            map[key] = Int32(position)
            reference[key] = Int32(position)
        }
        for key in keys where key % 3 == 0 {
            map[key] = nil
            reference[key] = nil
        }
        map.removeValue(forKey: UInt64.max)  // absent: nothing changes
        #expect(map.count == reference.count - (reference[0] == nil ? 0 : 1))
        for key in keys {
            #expect(map[key] == reference[key], "\(key)")
        }
        var visited: [UInt64: Int32] = [:]
        map.forEach { key, value in
            #expect(visited[key] == nil, "\(key) visited twice")
            visited[key] = value
        }
        #expect(visited == reference)
    }
}

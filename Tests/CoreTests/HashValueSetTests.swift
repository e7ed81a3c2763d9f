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

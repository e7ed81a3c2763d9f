import Testing

@testable import Core

/// Picking the heaviest terms keeps only the first of them sorted: it must give what sorting them
/// all and taking a prefix gives.
struct PrefixOfSortedTests {
    @Test(arguments: [0, 1, 2, 60, 500])
    func givesTheSortedPrefixOfAnyLength(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) + 3)
        // Few distinct weights, so that many ties are broken by the key.
        let entries = (0..<count).map { index in
            (
                key: "k\(UInt32.random(in: 0...UInt32.max, using: &random))-\(index)",
                value: Double(Int.random(in: 0...9, using: &random))
            )
        }
        let order: ((key: String, value: Double), (key: String, value: Double)) -> Bool = {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        let sorted = entries.sorted(by: order)
        for length in [0, 1, 5, count / 2, count, count + 3] {
            let expected = sorted.prefix(length)
            let picked = entries.prefixOfSorted(length, by: order)
            #expect(picked.map(\.key) == expected.map(\.key), "\(length) of \(count)")
            #expect(picked.map(\.value) == expected.map(\.value), "\(length) of \(count)")
        }
    }
}

import Glibc

/// The stems of recently stemmed words, kept by one stemmer.
///
/// An article's words come back, within it and across the analyses of it (index terms, topic
/// features, story features), and Snowball costs more than finding a word again: a direct-mapped
/// table of 4,096 slots of 64 bytes holds words and stems of up to 31 bytes, a word replacing
/// whatever shared its slot. Longer words are stemmed every time.
// @unchecked Sendable: owned by one SnowballStemmer, which StemmerPool lends to one borrower at a time.
final class StemCache: @unchecked Sendable {
    private static let slotCount = 4096
    private static let slotSize = 64
    /// The longest word, and the longest stem, a slot holds.
    static let maximumLength = 31

    /// Per slot: the word's length (0 for an empty slot), the stem's length, the word, the stem.
    /// A raw allocation, not an array: every word of every article looks here, and the array's
    /// exclusivity checks and slice copies cost as much as the lookup.
    private let slots: UnsafeMutablePointer<UInt8> = {
        let slots = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * slotSize)
        slots.initialize(repeating: 0, count: slotCount * slotSize)
        return slots
    }()

    deinit { slots.deallocate() }

    /// Calls `body` with the cached stem of `word`, valid only during the call, and returns what it
    /// returns; nil when the stem is not cached. Most words are found here: reading the stem in
    /// its slot spares copying it out first.
    func withStem<Result>(
        of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        guard (1...Self.maximumLength).contains(word.count), let bytes = word.baseAddress else { return nil }
        let slot = slots + Self.slot(of: word) * Self.slotSize
        guard Int(slot[0]) == word.count, memcmp(slot + 2, bytes, word.count) == 0 else { return nil }
        return body(UnsafeBufferPointer(start: slot + 2 + Self.maximumLength, count: Int(slot[1])))
    }

    /// Remembers that `word` stems to the bytes of `stem`, when both fit a slot.
    func remember(_ word: UnsafeBufferPointer<UInt8>, stem: UnsafeBufferPointer<UInt8>) {
        guard (1...Self.maximumLength).contains(word.count), stem.count <= Self.maximumLength,
            let bytes = word.baseAddress
        else { return }
        let slot = slots + Self.slot(of: word) * Self.slotSize
        slot[0] = UInt8(word.count)
        slot[1] = UInt8(stem.count)
        (slot + 2).update(from: bytes, count: word.count)
        if let stemBytes = stem.baseAddress {
            (slot + 2 + Self.maximumLength).update(from: stemBytes, count: stem.count)
        }
    }

    /// The word's slot: FNV-1a of its bytes.
    private static func slot(of word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32)) & (slotCount - 1)
    }
}

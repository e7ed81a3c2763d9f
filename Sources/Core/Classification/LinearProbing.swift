/// The arithmetic shared by the open-addressing tables keyed by hashes (``HashValueMap``,
/// ``HashValueSet``, ``HashMultimap``): where a key's run starts, and which entry may move back
/// into the gap a removal leaves.
///
/// The tables keep their own slots (a set's slot is the key alone, a map's a key and a value):
/// only the arithmetic is here, written once.
enum LinearProbing {
    /// The shift that makes ``home(of:shift:)`` give a slot of a table of `size` slots (a power of two).
    static func shift(forSize size: Int) -> UInt64 {
        UInt64(64 - size.trailingZeroBitCount)
    }

    /// The first slot to try for `key`: the high bits of the key times the golden ratio
    /// (Fibonacci hashing), so that keys that differ in their low bits only spread too.
    static func home(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    /// Whether the entry at slot `next`, whose first slot is `home`, may fill the gap at `gap`: the
    /// gap lies on its way from its first slot (cyclically, in a table of `mask` + 1 slots).
    ///
    /// Removing without tombstones: the entries after a removed one in its run that may fill the
    /// gap move back into it, so a lookup never stops early at an empty slot.
    static func mayFill(gap: Int, from next: Int, home: Int, mask: Int) -> Bool {
        (next - home) & mask >= (next - gap) & mask
    }
}

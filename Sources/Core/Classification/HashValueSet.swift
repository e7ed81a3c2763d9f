/// A set of 64-bit values that are hashes already (a ``NameToken``'s folded hash): open addressing
/// on the values' own bits, without `Hasher`.
///
/// The person finder fills one per document with the hash of every lower-case word (to tell "Will"
/// the name from "will" the verb): a `Set<UInt64>` ran SipHash for each of them, 1% of ingest.
///
/// The same probing as ``HashValueMap`` (``LinearProbing``), with slots of its own on purpose: a
/// slot here is the value alone, half a map slot's size, and built on `HashValueMap<Void>` the
/// person finder took 1% more of an ingest's CPU.
struct HashValueSet {
    /// The table: a power of two, at most half full; 0 marks an empty slot.
    private var slots: [UInt64]
    /// Whether 0 itself is in the set (it cannot be stored as a slot).
    private var hasZero = false
    /// How far right the Fibonacci product is shifted to give a slot index.
    private var shift: UInt64
    /// The values in the slots.
    private var count = 0

    /// An empty set with room for `minimumCapacity` values without growing.
    init(minimumCapacity: Int) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        shift = LinearProbing.shift(forSize: size)
    }

    /// Adds `value`.
    mutating func insert(_ value: UInt64) {
        guard value != 0 else {
            hasZero = true
            return
        }
        var index = slot(of: value)
        while slots[index] != 0 {
            if slots[index] == value { return }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = value
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Doubles the table, placing the values again, so that it stays at most half full.
    private mutating func grow() {
        let values = slots.filter { $0 != 0 }
        slots = Array(repeating: 0, count: slots.count * 2)
        shift -= 1
        count = 0
        for value in values { insert(value) }
    }

    /// Whether `value` was added.
    func contains(_ value: UInt64) -> Bool {
        guard value != 0 else { return hasZero }
        var index = slot(of: value)
        while slots[index] != 0 {
            if slots[index] == value { return true }
            index = (index + 1) & (slots.count - 1)
        }
        return false
    }

    /// The first slot to try (the low bits of an FNV-1a hash depend on few of the input's bits:
    /// Fibonacci hashing reads the high ones).
    private func slot(of value: UInt64) -> Int {
        LinearProbing.home(of: value, shift: shift)
    }
}

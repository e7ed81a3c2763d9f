/// A map from 64-bit values that are hashes already (``StableHash`` of a term), or small ids, to
/// values: open addressing on the keys' own bits (after a multiplication), without `Hasher`.
///
/// The topic vocabulary and the term rarity table answer one lookup per word of every article;
/// keyed by `String` they hashed every term again with SipHash (5% of an ingest's CPU). Words
/// carry their term's hash from the analysis (``AnalysedText/Word/termHash``), so a lookup here
/// is a multiply and a probe or two. A key and its value share a slot, so that a lookup in a
/// table larger than the cache misses once, not twice (the profile showed the loads, not the
/// arithmetic).
struct HashValueMap<Value> {
    /// The slots: a key (0 when empty) and its value. A power of two, at most half full.
    private var slots: [(key: UInt64, value: Value?)]
    /// The value of the key 0, which cannot be stored in a slot.
    private var zeroValue: Value?
    /// How far right the Fibonacci product is shifted to give a slot index.
    private var shift: UInt64
    /// The keys in the slots.
    private(set) var count = 0

    /// An empty map with room for `minimumCapacity` keys without growing.
    init(minimumCapacity: Int = 0) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: (0, nil), count: size)
        shift = LinearProbing.shift(forSize: size)
    }

    /// The value of `key`, or nil; setting replaces it.
    subscript(key: UInt64) -> Value? {
        get {
            guard key != 0 else { return zeroValue }
            var index = slot(of: key)
            while slots[index].key != 0 {
                if slots[index].key == key { return slots[index].value }
                index = (index + 1) & (slots.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            guard key != 0 else {
                zeroValue = newValue
                return
            }
            var index = slot(of: key)
            while slots[index].key != 0 {
                if slots[index].key == key {
                    slots[index].value = newValue
                    return
                }
                index = (index + 1) & (slots.count - 1)
            }
            slots[index] = (key, newValue)
            count += 1
            if count * 2 > slots.count { grow() }
        }
    }

    /// Calls `body` with every key and its value, in no particular order.
    func forEach(_ body: (_ key: UInt64, _ value: Value) throws -> Void) rethrows {
        if let zeroValue { try body(0, zeroValue) }
        for slot in slots where slot.key != 0 {
            if let value = slot.value { try body(slot.key, value) }
        }
    }

    /// Removes `key` and its value, if present.
    ///
    /// Without tombstones: see ``LinearProbing/mayFill(gap:from:home:mask:)``.
    mutating func removeValue(forKey key: UInt64) {
        guard key != 0 else {
            zeroValue = nil
            return
        }
        let mask = slots.count - 1
        var gap = slot(of: key)
        while slots[gap].key != key {
            guard slots[gap].key != 0 else { return }
            gap = (gap + 1) & mask
        }
        var next = (gap + 1) & mask
        while slots[next].key != 0 {
            if LinearProbing.mayFill(gap: gap, from: next, home: slot(of: slots[next].key), mask: mask) {
                slots[gap] = slots[next]
                gap = next
            }
            next = (next + 1) & mask
        }
        slots[gap] = (0, nil)
        count -= 1
    }

    /// Doubles the table, placing the keys again, so that it stays at most half full.
    private mutating func grow() {
        let entries = slots.filter { $0.key != 0 }
        slots = Array(repeating: (0, nil), count: slots.count * 2)
        shift -= 1
        count = 0
        for (key, value) in entries { if let value { self[key] = value } }
    }

    /// The first slot to try for `key`.
    private func slot(of key: UInt64) -> Int {
        LinearProbing.home(of: key, shift: shift)
    }
}

extension HashValueMap: Sendable where Value: Sendable {}

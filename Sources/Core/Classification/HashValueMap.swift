/// A read-mostly map from 64-bit values that are hashes already (``StableHash`` of a term) to
/// values: open addressing on the keys' own bits, without `Hasher`.
///
/// The topic vocabulary and the term rarity table answer one lookup per word of every article;
/// keyed by `String` they hashed every term again with SipHash (5% of an ingest's CPU). Words
/// carry their term's hash from the analysis (``AnalysedText/Word/termHash``), so a lookup here
/// is a multiply and a probe or two.
struct HashValueMap<Value> {
    /// The keys; 0 marks an empty slot. A power of two, at most half full.
    private var keys: [UInt64]
    /// The value of each slot's key.
    private var values: [Value?]
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
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The value of `key`, or nil; setting replaces it.
    subscript(key: UInt64) -> Value? {
        get {
            guard key != 0 else { return zeroValue }
            var index = slot(of: key)
            while keys[index] != 0 {
                if keys[index] == key { return values[index] }
                index = (index + 1) & (keys.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("HashValueMap does not remove keys") }
            guard key != 0 else {
                zeroValue = newValue
                return
            }
            var index = slot(of: key)
            while keys[index] != 0 {
                if keys[index] == key {
                    values[index] = newValue
                    return
                }
                index = (index + 1) & (keys.count - 1)
            }
            keys[index] = key
            values[index] = newValue
            count += 1
            if count * 2 > keys.count { grow() }
        }
    }

    /// Doubles the table, placing the keys again, so that it stays at most half full.
    private mutating func grow() {
        let entries = zip(keys, values).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        shift -= 1
        count = 0
        for (key, value) in entries { self[key] = value }
    }

    /// The first slot to try: the high bits of the key times the golden ratio.
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }
}

extension HashValueMap: Sendable where Value: Sendable {}

/// A 64-bit hash that is the same in every process and on every machine.
///
/// Fingerprints and band keys are stored in the database and compared with values computed by
/// later runs, so Swift's `Hasher` (seeded at random per process) cannot be used. This is FNV-1a
/// over the bytes followed by the SplitMix64 finaliser: FNV alone mixes its last bytes poorly into
/// the high bits, and SimHash reads every bit.
struct StableHash {
    /// The running state; `value` finalises it.
    private var state = Self.offsetBasis
    /// The FNV-1a 64-bit offset basis: the state of an empty hash.
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Creates an empty hash.
    init() {}

    /// Feeds bytes.
    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* Self.prime
        }
    }

    /// Feeds `bytes` (one word) and returns their own hash, ``of(bytes:)``: one pass for both.
    mutating func combineReturningWordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var running = state
        var word = Self.offsetBasis
        for byte in bytes {
            running = (running ^ UInt64(byte)) &* Self.prime
            word = (word ^ UInt64(byte)) &* Self.prime
        }
        state = running
        return Self.mix(word)
    }

    /// Feeds one separator byte that words cannot contain, so ("ab", "c") and ("a", "bc") differ.
    mutating func separate() {
        combine(CollectionOfOne(0xff))
    }

    /// The finalised hash.
    var value: UInt64 { Self.mix(state) }

    /// The hash of one string's UTF-8.
    static func of(_ string: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(string)
        return hash.value
    }

    /// The hash of UTF-8 bytes: the same as ``of(_:)`` of the string they encode.
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes)
        return hash.value
    }

    /// Adds the UTF-8 bytes of `string`, as `combine(string.utf8)` does, read as one buffer rather
    /// than through the string's index (placement and fingerprints hash thousands of words).
    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine($0) }
    }

    /// SplitMix64's finaliser: every input bit affects every output bit with probability about 1/2.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

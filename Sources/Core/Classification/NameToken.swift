/// One word of a text as the entity recogniser sees it: where it is, its folded hash and its case.
///
/// Words are not materialised as strings: the recogniser only compares hashes, and builds a string
/// for the few words that may be part of a person's name.
struct NameToken {
    /// Facts about a word's case and surroundings.
    struct Flags: OptionSet {
        /// The raw bits.
        let rawValue: UInt8

        /// The first letter is upper case ("Russie", "OTAN").
        static let capitalised = Flags(rawValue: 1 << 0)
        /// The word has cased letters and none is lower case ("OTAN", "US", "U.S.").
        static let allCaps = Flags(rawValue: 1 << 1)
        /// The first letter has no case (Han, Arabic, digits).
        static let caseless = Flags(rawValue: 1 << 2)
        /// Only spaces, hyphens or apostrophes separate the word from the previous one, so a name can
        /// run across the gap.
        static let joined = Flags(rawValue: 1 << 3)
        /// The word starts a sentence or a line, where capitals say nothing about names.
        static let sentenceStart = Flags(rawValue: 1 << 4)
        /// The word contains a digit.
        static let hasDigit = Flags(rawValue: 1 << 5)
        /// The first letter is lower case.
        static let lowercase = Flags(rawValue: 1 << 6)
    }

    /// UTF-8 offset of the first byte.
    var start: Int32
    /// UTF-8 offset after the last byte.
    var end: Int32
    /// FNV-1a hash of the folded scalars.
    var hash: UInt64
    /// Case and surroundings.
    var flags: Flags
    /// Number of letters, saturating at 255.
    var letters: UInt8

    /// FNV-1a offset basis: the hash of an empty word.
    static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds one folded scalar to a word hash (FNV-1a over 32-bit scalar values).
    @inline(__always)
    static func hash(_ hash: UInt64, adding scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x100_0000_01B3
    }

    /// Extends the key of a word sequence by one word hash; the key of one word is
    /// `sequenceKey(0, hash)`.
    ///
    /// A splitmix64 round per word, so "a b" and "b a" differ and 64-bit keys of 10⁵ aliases do not
    /// collide in practice (a collision would only add a wrong entity, never crash).
    @inline(__always)
    static func sequenceKey(_ key: UInt64, _ word: UInt64) -> UInt64 {
        var x = (key &* 0x9E37_79B9_7F4A_7C15) ^ word
        x ^= x >> 30
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 27
        x &*= 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Whether the word may start a name: capitalised, or in a script without case.
    var mayStartName: Bool { !flags.isDisjoint(with: [.capitalised, .caseless]) }
}

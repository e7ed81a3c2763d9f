/// Derives new inputs from old ones by the small edits that break decoders and parsers.
///
/// Byte flips, inserted and deleted ranges, splices of two inputs, markup and escape tokens,
/// invalid UTF-8, long runs of one letter and truncations, one to four of them stacked. Every
/// choice comes from the generator it is given, so one seed always yields the same inputs.
public struct FuzzMutator: Sendable {
    /// Inputs are cut to this many bytes, so that a run of growing mutations stays fast.
    public var maxSize: Int

    /// Creates a mutator whose outputs hold at most `maxSize` bytes.
    public init(maxSize: Int = 64 * 1024) {
        self.maxSize = maxSize
    }

    /// Pieces of markup, JSON, escapes and bad encodings that steer inputs towards edge cases.
    public static let dictionary: [[UInt8]] = {
        let text = [
            "<", ">", "</", "/>", "<item>", "</item>", "<entry>", "</entry>", "<title>", "</title>", "<![CDATA[",
            "]]>", "<!--", "-->", "<script>", "</script>", "<p>", "<br>", "<html>", "<meta name=\"date\" content=\"",
            "&#x", "&#", "&amp;", "&lt;", "&nbsp;", "&#0;", "&#x1B;", "&#xD800;", "&#99999999999;", "{\"", "\":",
            "\"title\":", "\"text\":\"", "\\u00", "\\ud800", "\\", "[", "]", "{", "}", "\n", "\r\n", "\t", " ", ",",
            "date 2021-12-01 ", "2022-02-24", "31/12/2021", "le 3 mars", "l'OTAN ", "NATO", "Moscou", "\u{00A0}",
            "\u{2028}", "\u{200B}", "\u{0301}", "\u{0085}", "\u{FEFF}",
        ]
        let bytes: [[UInt8]] = [
            [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x1B, 0x5D, 0x30, 0x3B],
            [0x1B], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xE2, 0x80], [0x80],
            [0x81], [0x8D], [0x9D], [0xC2, 0x85], [0xC2, 0x9B], [0x00], [0x00, 0x00], [0x7F], [0x0B, 0x0C],
        ]
        return text.map { Array($0.utf8) } + bytes
    }()

    /// A mutation of `input`, with `other` as the second parent of splices.
    public func mutate(_ input: [UInt8], splicingWith other: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            apply(Int.random(in: 0..<10, using: &random), to: &bytes, other: other, using: &random)
        }
        return bytes.count > maxSize ? Array(bytes.prefix(maxSize)) : bytes
    }

    private func apply(_ kind: Int, to bytes: inout [UInt8], other: [UInt8], using random: inout SeededGenerator) {
        switch kind {
        case 0:  // flip one bit
            guard !bytes.isEmpty else { return }
            bytes[Int.random(in: bytes.indices, using: &random)] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:  // set one byte to any value
            guard !bytes.isEmpty else { return }
            bytes[Int.random(in: bytes.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
        case 2:  // insert random bytes
            let count = Int.random(in: 1...16, using: &random)
            bytes.insert(
                contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) },
                at: position(in: bytes, using: &random))
        case 3:  // delete a range
            let range = self.range(in: bytes, using: &random)
            bytes.removeSubrange(range)
        case 4:  // copy a range of the input elsewhere in it
            let piece = Array(bytes[range(in: bytes, using: &random)])
            bytes.insert(contentsOf: piece, at: position(in: bytes, using: &random))
        case 5:  // splice: this input's head, the other's tail
            let cut = position(in: bytes, using: &random)
            let otherCut = position(in: other, using: &random)
            bytes = Array(bytes[..<cut]) + other[otherCut...]
        case 6, 7:  // insert a dictionary token
            let token = Self.dictionary[Int.random(in: Self.dictionary.indices, using: &random)]
            bytes.insert(contentsOf: token, at: position(in: bytes, using: &random))
        case 8:  // a long run of one letter, or of one token
            let run: [UInt8] =
                Bool.random(using: &random)
                ? Array(repeating: UInt8.random(in: 0x61...0x7A, using: &random), count: longRunLength(&random))
                : Array(
                    repeatElement(Self.dictionary[Int.random(in: Self.dictionary.indices, using: &random)], count: 200)
                        .joined())
            bytes.insert(contentsOf: run, at: position(in: bytes, using: &random))
        default:  // truncate
            bytes.removeSubrange(position(in: bytes, using: &random)...)
        }
    }

    /// A position in `0...bytes.count`.
    private func position(in bytes: [UInt8], using random: inout SeededGenerator) -> Int {
        Int.random(in: 0...bytes.count, using: &random)
    }

    /// A range of at most 64 bytes, or of any length one time in eight.
    private func range(in bytes: [UInt8], using random: inout SeededGenerator) -> Range<Int> {
        let start = position(in: bytes, using: &random)
        let limit = Int.random(in: 0..<8, using: &random) == 0 ? bytes.count - start : min(64, bytes.count - start)
        return start..<(start + Int.random(in: 0...limit, using: &random))
    }

    /// 250 to 60,000, smaller lengths more often.
    private func longRunLength(_ random: inout SeededGenerator) -> Int {
        [1000, 10_000, 60_000][Int.random(in: 0..<3, using: &random)] / Int.random(in: 1...4, using: &random)
    }
}

import Core
import Testing

/// File names that are not UTF-8 survive the trip through a `String` byte for byte.
struct RawPathTests {
    @Test func invalidBytesRoundTripAndReadAsEscapes() {
        let bytes: [UInt8] = Array("/in/raw-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        let path = RawPath.decode(bytes)
        #expect(RawPath.bytes(path) == bytes)
        #expect(RawPath.readable(path) == "/in/raw-\\xFF\\xFE.txt")
        #expect(!path.contains("\u{FFFD}"))
    }

    @Test func validNamesAreUnchanged() {
        let name = "/in/Élysée – 001_OTAN.txt"
        #expect(RawPath.decode(Array(name.utf8)) == name)
        #expect(RawPath.bytes(name) == Array(name.utf8))
        #expect(RawPath.readable(name) == name)
    }

    @Test func aNameHoldingAnEscapeScalarIsNotConfusedWithRawBytes() {
        // U+F7FF is valid UTF-8 (EF 9F BF); it must not come back as the single byte FF.
        let bytes = Array("a\u{F7FF}b".utf8)
        let path = RawPath.decode(bytes)
        #expect(RawPath.bytes(path) == bytes)
        #expect(RawPath.bytes(RawPath.decode([0x61, 0xFF, 0x62])) == [0x61, 0xFF, 0x62])
        #expect(path != RawPath.decode([0x61, 0xFF, 0x62]))
    }

    @Test func controlCharactersInNamesAreEscapedForTerminals() {
        let path = RawPath.decode(Array("/in/\u{1B}]0;pwned\u{07}.txt".utf8))
        #expect(RawPath.readable(path) == "/in/\\x1B]0;pwned\\x07.txt")
    }

    @Test(arguments: 0..<4)
    func anyBytesRoundTrip(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let pieces: [[UInt8]] = [
            [0xEF, 0x9E, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90], [0xE2, 0x82, 0xAC],
        ]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                if Bool.random(using: &random) {
                    bytes += pieces.randomElement(using: &random)!  // not empty
                } else {
                    bytes.append(UInt8.random(in: 1...255, using: &random))
                }
            }
            #expect(RawPath.bytes(RawPath.decode(bytes)) == bytes, "\(bytes)")
        }
    }
}

/// Turns a file's bytes into text: byte-order mark, then UTF-8, then Windows-1252 with Latin-1 for its holes.
///
/// Pure Swift over bytes: Foundation on Linux has no encoding sniffing, and its Windows-1252
/// decoder fails on the five bytes that code page leaves undefined.
public enum TextDecoder {
    /// The encoding that was recognised.
    public enum Encoding: String, Sendable {
        case utf8 = "utf-8"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case windows1252 = "windows-1252"
    }

    /// Decodes `bytes`, returning the text and the encoding that was recognised.
    public static func decode(_ bytes: some Collection<UInt8>) -> (text: String, encoding: Encoding) {
        let bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (decodeUTF16(bytes.dropFirst(2), bigEndian: false), .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (decodeUTF16(bytes.dropFirst(2), bigEndian: true), .utf16BE)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if let bigEndian = looksLikeUTF16WithoutMark(bytes) {
            return (decodeUTF16(bytes[...], bigEndian: bigEndian), bigEndian ? .utf16BE : .utf16LE)
        }
        return (decodeWindows1252(bytes), .windows1252)
    }

    /// Text without a mark is UTF-16 when most ASCII characters sit in one byte of each pair and the other byte is 0.
    static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        for (index, byte) in bytes.prefix(512).enumerated() where byte == 0 {
            if index % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = min(bytes.count, 512) / 2
        if zeroOdd * 10 >= pairs * 6 && zeroEven == 0 { return false }
        if zeroEven * 10 >= pairs * 6 && zeroOdd == 0 { return true }
        return nil
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252's 0x80–0x9F; zeros are the five undefined bytes, which fall back to Latin-1.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            var value = UInt32(byte)
            if (0x80...0x9F).contains(byte), windows1252High[Int(byte - 0x80)] != 0 {
                value = windows1252High[Int(byte - 0x80)]
            }
            // Every value here is a valid scalar: Latin-1 or a listed code point.
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

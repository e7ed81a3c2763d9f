/// The lines of a text, found on its UTF-8 bytes.
///
/// What `text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)` gives, empty
/// lines included, without walking the text Character by Character (grapheme breaking cost more
/// than the rest of plain-text extraction). The separators are those of `Character.isNewline`:
/// LF, VT, FF, CR, CR LF (one separator), NEL, LS and PS. A grapheme cluster always breaks before
/// and after them, so the lines are the same Substrings either way.
enum TextLines {
    /// The lines of `text`, in order; a text ending with a separator ends with an empty line.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var bounds: [(start: Int, end: Int)] = []
        var copy = text
        copy.withUTF8 { bytes in
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let separatorLength = Self.separatorLength(bytes, at: index)
                if separatorLength == 0 {
                    index += 1
                    continue
                }
                bounds.append((lineStart, index))
                index += separatorLength
                lineStart = index
            }
            bounds.append((lineStart, bytes.count))
        }
        lines.reserveCapacity(bounds.count)
        let utf8 = copy.utf8
        for (start, end) in bounds {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: end - start)
            lines.append(copy[lower..<upper])
        }
        return lines
    }

    /// The byte length of the line separator starting at `index`, 0 when there is none.
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C:
            return 1
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2:  // NEL is C2 85
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:  // LS and PS are E2 80 A8 and E2 80 A9
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }
}

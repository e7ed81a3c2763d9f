/// Removes what a terminal would act on from text: control characters and whole escape sequences.
///
/// Titles and text reach terminals (`journalctl`, `newsdrop search`, `show`) and must not move the
/// cursor, set the window title or change colours. Removing only the ESC byte would leave the rest of
/// a sequence behind (`\u{1B}]0;pwned\u{07}` would become `]0;pwned`), so a sequence goes as a whole:
/// CSI (`ESC [`) up to its final byte; OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`,
/// `ESC _`) up to BEL or ST, or the end of the line; any other `ESC x` pair. Tab and line feed stay,
/// a carriage return (CR LF too) and NEL become a line feed, other C0 and C1 controls and DEL go.
///
/// C1 controls go one by one, never as the start of a sequence: in real text they are stray bytes
/// (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and they decode as Latin-1), and
/// taking one for a DCS or CSI introducer would swallow the words after it.
public enum ControlCharacters {
    /// `text` without control characters and escape sequences; the same string when it holds none.
    public static func removing(_ text: String) -> String {
        guard occur(in: text) else { return text }
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < input.count {
            let scalar = input[index]
            index += 1
            switch scalar.value {
            case 0x0D:
                // CR LF is one line break; a lone CR is one too.
                if index < input.count, input[index] == "\n" { index += 1 }
                output.append("\n")
            case 0x85:
                output.append("\n")
            case 0x1B:
                index = skipEscape(input, from: index)
            default:
                if !isRemoved(scalar) { output.append(scalar) }
            }
        }
        return String(output)
    }

    /// Whether `scalar` is a control character that does not stay (all but tab and line feed).
    public static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` holds anything `removing(_:)` would take out.
    ///
    /// Every file's whole text passes here, so the check reads UTF-8 bytes rather than decoding
    /// scalars: C0 controls and DEL are single bytes, and C1 controls (U+0080–U+009F) are `C2 80`
    /// to `C2 9F`, which in valid UTF-8 can be nothing else.
    public static func occur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Eight bytes at once while none of them can start what is looked for (a byte below
                // 0x20, DEL, C2): the common case, tested with word arithmetic; the byte tests
                // below take the others.
                if index + 8 <= bytes.count,
                    !mayHoldControl(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x0A && byte != 0x09 { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Whether one of the eight bytes of `word` is below 0x20, 0x7F or 0xC2 (exact: the classic
    /// "has a zero byte" test, on the word and on its XORs with DEL and C2 repeated).
    private static func mayHoldControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        // Subtracting 0x20 from each byte sets the high bit of one that was below 0x20 (and had
        // it clear): the same test for "less than 0x20".
        let hasLow = (word &- ones &* 0x20) & ~word & highs != 0
        return hasLow || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2))
    }

    /// After an ESC at `index - 1`: the index past the sequence it starts.
    private static func skipEscape(_ input: [Unicode.Scalar], from index: Int) -> Int {
        guard index < input.count else { return index }
        switch input[index] {
        case "[": return skipControlSequence(input, from: index + 1)
        case "]", "P", "X", "^", "_": return skipString(input, from: index + 1)
        default:
            // A two-character sequence (`ESC c`, `ESC 7`). A space or a control after ESC is kept
            // for what it is: "alert\u{1B} issued" stays two words.
            return (0x21...0x7E).contains(input[index].value) ? index + 1 : index
        }
    }

    /// A CSI's parameters and intermediates, then its final byte (0x40…0x7E).
    private static func skipControlSequence(_ input: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < input.count, (0x20...0x3F).contains(input[index].value) { index += 1 }
        if index < input.count, (0x40...0x7E).contains(input[index].value) { index += 1 }
        return index
    }

    /// A control string up to BEL, `ESC \` or ST (U+009C); an unterminated one ends at the line.
    private static func skipString(_ input: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < input.count {
            switch input[index].value {
            case 0x07, 0x9C: return index + 1
            case 0x1B: return index + 1 < input.count && input[index + 1] == "\\" ? index + 2 : index + 1
            case 0x0A, 0x0D: return index
            default: index += 1
            }
        }
        return index
    }
}

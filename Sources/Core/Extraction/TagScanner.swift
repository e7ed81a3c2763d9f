/// Reads one tag's name and attributes, for `MarkupTokenizer`.
struct TagScanner {
    /// The source bytes.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var position: Int
    /// For `"` and `'`: an offset after which the quote no longer occurs, once a search has found that.
    var unmatchedQuoteFrom: [UInt8: Int] = [:]

    /// Bytes that end a tag or attribute name.
    static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// ASCII white space as HTML defines it.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// A lower-cased name, up to white space, `/`, `>` or `=`.
    mutating func readName() -> String {
        let start = position
        while position < bytes.count, !Self.isDelimiter(bytes[position]), bytes[position] != UInt8(ascii: "=") {
            position += 1
        }
        return String(decoding: bytes[start..<position].map(MarkupTokenizer.lowercased), as: UTF8.self)
    }

    /// The rest of a start tag after its `<`, ending past its `>`; nil when the input ends first.
    mutating func readStartTag() -> (name: String, attributes: [MarkupAttribute], isSelfClosing: Bool)? {
        let name = readName()
        var attributes: [MarkupAttribute] = []
        var isSelfClosing = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return (name, attributes, isSelfClosing)
            }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                isSelfClosing = byte == UInt8(ascii: "/")
                position += 1
                continue
            }
            isSelfClosing = false
            if byte == UInt8(ascii: "=") {
                // `= value` with no name: read and drop the value.
                position += 1
                _ = readValue()
                continue
            }
            let attributeName = readName()
            skipSpaces()
            var value = ""
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                skipSpaces()
                value = readValue()
            }
            // The first of duplicate attributes wins, as in browsers.
            if !attributes.contains(where: { $0.name == attributeName }) {
                attributes.append(MarkupAttribute(name: attributeName, value: value))
            }
        }
        return nil
    }

    private mutating func skipSpaces() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    /// A quoted or unquoted value with its entities decoded.
    private mutating func readValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        let start: Int
        let end: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            start = position + 1
            // Once a quote is known to be missing from some offset on, later tags need not search again,
            // which keeps input full of stray quotes linear.
            let isKnownMissing = unmatchedQuoteFrom[quote].map { start >= $0 } ?? false
            let close = isKnownMissing ? bytes.count : MarkupTokenizer.index(of: quote, in: bytes, from: start)
            if close < bytes.count {
                end = close
                position = close + 1
            } else {
                unmatchedQuoteFrom[quote] = min(unmatchedQuoteFrom[quote] ?? start, start)
                // A missing closing quote would swallow the page: the value stops at the next `>`.
                end = MarkupTokenizer.index(of: UInt8(ascii: ">"), in: bytes, from: start)
                position = end
            }
        } else {
            start = position
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            end = position
        }
        return MarkupEntities.decode(bytes[start..<end])
    }
}

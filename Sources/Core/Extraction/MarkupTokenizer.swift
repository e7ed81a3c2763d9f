/// One attribute of a start tag, with its name lower-cased and its value's entities decoded.
struct MarkupAttribute: Sendable, Equatable {
    /// The attribute's name, lower-cased.
    var name: String
    /// The attribute's value; empty for a bare attribute such as `hidden`.
    var value: String
}

/// A piece of HTML or XML source, as `MarkupTokenizer` reads it.
enum MarkupToken: Equatable {
    /// `<name attributes…>`; `range` spans the tag itself.
    case startTag(name: String, attributes: [MarkupAttribute], isSelfClosing: Bool, range: Range<Int>)
    /// `</name>`; `range` spans the tag itself.
    case endTag(name: String, range: Range<Int>)
    /// Character data whose entities are still encoded.
    case text(Range<Int>)
    /// Character data taken literally: CDATA sections and the inside of `<script>` or `<style>`.
    case rawText(Range<Int>)
}

/// A tolerant tokenizer over the UTF-8 bytes of HTML or XML.
///
/// Broken markup is normal in scraped pages, so nothing here fails: a `<` that starts no tag is
/// text, a tag cut off by the end of the input is dropped, and an unclosed comment runs to the end.
/// Byte offsets are always at ASCII bytes, so every range slices valid UTF-8.
struct MarkupTokenizer {
    /// The source bytes.
    let bytes: [UInt8]
    /// Whether the source is HTML: `<script>`, `<style>` and similar hold raw text there.
    let isHTML: Bool
    private var position = 0
    /// Set after the start tag of a raw-text element: where its content ends and its end tag starts.
    private var pendingRawText: (end: Int, name: String)?
    /// Offsets from which an end tag or a quote is known to be missing, so input full of unclosed
    /// `<title>` tags or stray quotes is not searched to its end again and again.
    private var missingEndTagFrom: [String: Int] = [:]
    private var unmatchedQuoteFrom: [UInt8: Int] = [:]

    /// Elements whose content is not markup in HTML.
    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "noscript", "iframe", "noembed", "noframes", "xmp", "template",
    ]

    /// Creates a tokenizer over `bytes`.
    init(bytes: [UInt8], isHTML: Bool) {
        self.bytes = bytes
        self.isHTML = isHTML
    }

    /// The next token, or nil at the end of the input.
    mutating func next() -> MarkupToken? {
        if let raw = pendingRawText {
            pendingRawText = nil
            let start = position
            position = raw.end
            if start < raw.end { return .rawText(start..<raw.end) }
        }
        while position < bytes.count {
            let start = position
            guard bytes[position] == UInt8(ascii: "<") else {
                position = Self.index(of: UInt8(ascii: "<"), in: bytes, from: position + 1)
                return .text(start..<position)
            }
            if let token = readMarkup() { return token }
            if position == start {
                // A stray `<`, as in "a < b": it is text.
                position += 1
                return .text(start..<position)
            }
        }
        return nil
    }

    /// Reads the construct at a `<`: a token for tags and CDATA, nil for comments and declarations
    /// (skipped) or for a stray `<` (position left unchanged).
    private mutating func readMarkup() -> MarkupToken? {
        let start = position
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) {
                position = Self.end(of: Array("-->".utf8), in: bytes, from: start + 4)
                return nil
            }
            if matches("<![CDATA[", at: start) {
                let contentStart = start + 9
                let close = Self.find(Array("]]>".utf8), in: bytes, from: contentStart) ?? bytes.count
                position = min(close + 3, bytes.count)
                return .rawText(contentStart..<close)
            }
            position = Self.end(of: [UInt8(ascii: ">")], in: bytes, from: start + 2)
            return nil
        }
        if next == UInt8(ascii: "?") {
            position = Self.end(of: [UInt8(ascii: ">")], in: bytes, from: start + 2)
            return nil
        }
        if next == UInt8(ascii: "/") {
            let nameStart = start + 2
            guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
                // `</` followed by no name is a bogus comment in HTML: skipped to the next `>`.
                position = Self.end(of: [UInt8(ascii: ">")], in: bytes, from: start + 2)
                return nil
            }
            var scanner = TagScanner(bytes: bytes, position: nameStart)
            let name = scanner.readName()
            position = Self.end(of: [UInt8(ascii: ">")], in: bytes, from: scanner.position)
            return .endTag(name: name, range: start..<position)
        }
        guard Self.isLetter(next) else { return nil }
        var scanner = TagScanner(bytes: bytes, position: start + 1, unmatchedQuoteFrom: unmatchedQuoteFrom)
        let tag = scanner.readStartTag()
        unmatchedQuoteFrom = scanner.unmatchedQuoteFrom
        guard let tag else {
            // Cut off by the end of the input: dropped, as browsers do.
            position = bytes.count
            return nil
        }
        position = scanner.position
        if isHTML, !tag.isSelfClosing, Self.rawTextElements.contains(tag.name),
            let close = findEndTag(named: tag.name, from: position)
        {
            // An unclosed `<title>` or `<script>` would swallow the page, so raw text needs its end tag.
            pendingRawText = (close, tag.name)
        }
        return .startTag(
            name: tag.name, attributes: tag.attributes, isSelfClosing: tag.isSelfClosing, range: start..<position)
    }

    /// The offset of `</name` (any case) followed by a delimiter, at or after `from`.
    private mutating func findEndTag(named name: String, from: Int) -> Int? {
        if let missing = missingEndTagFrom[name], from >= missing { return nil }
        guard let found = searchEndTag(named: name, from: from) else {
            missingEndTagFrom[name] = min(missingEndTagFrom[name] ?? from, from)
            return nil
        }
        return found
    }

    private func searchEndTag(named name: String, from: Int) -> Int? {
        let nameBytes = Array(name.utf8)
        var index = from
        while let candidate = Self.find([UInt8(ascii: "<"), UInt8(ascii: "/")], in: bytes, from: index) {
            let after = candidate + 2 + nameBytes.count
            if after <= bytes.count,
                zip(bytes[(candidate + 2)..<after], nameBytes).allSatisfy({ Self.lowercased($0) == $1 }),
                after == bytes.count || TagScanner.isDelimiter(bytes[after])
            {
                return candidate
            }
            index = candidate + 2
        }
        return nil
    }

    private func matches(_ literal: String, at offset: Int) -> Bool {
        var index = offset
        for byte in literal.utf8 {
            guard index < bytes.count, Self.lowercased(bytes[index]) == Self.lowercased(byte) else { return false }
            index += 1
        }
        return true
    }

    /// The first offset of `byte` at or after `from`, or the end of `bytes`.
    static func index(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int {
        var index = from
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return min(index, bytes.count)
    }

    /// The first offset of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first else { return from }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The offset just past `needle` at or after `from`, or the end of `bytes` when it is missing.
    static func end(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int {
        guard let found = find(needle, in: bytes, from: from) else { return bytes.count }
        return found + needle.count
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

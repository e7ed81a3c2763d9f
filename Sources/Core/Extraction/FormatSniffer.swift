import Foundation

/// Tells which format a file is in, from its content first and its name second.
///
/// Content wins because files arrive misnamed: an HTML page saved as `.txt`, a feed saved as
/// `.xml`, JSON from an API saved without an extension.
public enum FormatSniffer {
    /// HTML elements a page or fragment may start with, after any comments.
    private static let htmlStartTags: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "div", "p", "article", "main", "section", "header", "h1",
        "h2", "table", "span", "script", "style", "base", "br",
    ]

    /// The format of `text`, from its content first and then from the extension of `fileName`.
    ///
    /// Content: a leading `<!doctype html` or `<html` (or another HTML element), `<rss`, `<feed`
    /// with the Atom namespace, `<?xml` followed by rss, feed or html, `{` or `[` that parses as
    /// JSON, lines of JSON objects. Extensions: .html .htm .json .ndjson .jsonl .xml .rss .atom, and
    /// .txt .text .md or none for text. An unknown extension gives `.text`, the format every file can be read in.
    public static func format(of text: String, fileName: String) -> ArticleFormat {
        contentFormat(of: text) ?? extensionFormat(of: fileName)
    }

    /// The format the content announces, or nil when it is not clearly markup or JSON.
    static func contentFormat(of text: String) -> ArticleFormat? {
        // The first byte that is not white space, read in place: most files are plain text, and
        // copying their first 4 kB into an array to look at one byte was 0.7% of an ingest.
        var contiguous = text
        let start = contiguous.withUTF8 { bytes -> (index: Int, byte: UInt8)? in
            let bytes = UnsafeBufferPointer(rebasing: bytes.prefix(4096))
            var index = 0
            // A byte-order mark the decoder kept, then white space.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            while index < bytes.count, TagScanner.isSpace(bytes[index]) { index += 1 }
            return index < bytes.count ? (index, bytes[index]) : nil
        }
        guard let start else { return nil }
        switch start.byte {
        case UInt8(ascii: "<"): return markupFormat(of: Array(contiguous.utf8.prefix(4096)), from: start.index)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return jsonFormat(of: text)
        default: return nil
        }
    }

    /// The format of markup from its first element, skipping the XML declaration, comments and DOCTYPE.
    private static func markupFormat(of bytes: [UInt8], from start: Int) -> ArticleFormat? {
        var tokenizer = MarkupTokenizer(bytes: Array(bytes[start...]), isHTML: false)
        let head = String(decoding: bytes[start...].prefix(512), as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") { return .html }
        while let token = tokenizer.next() {
            switch token {
            case .startTag(let name, let attributes, _, _):
                switch name {
                case "rss", "rdf:rdf": return .rss
                case "feed":
                    let isAtom = attributes.contains { $0.name.hasPrefix("xmlns") && $0.value.contains("2005/Atom") }
                    return isAtom ? .atom : nil
                case let name where htmlStartTags.contains(name): return .html
                default: return nil
                }
            case .text(let range):
                // White space between the prolog and the root element is fine; other text is not markup.
                if !tokenizer.bytes[range].allSatisfy(TagScanner.isSpace) { return nil }
            case .endTag, .rawText:
                return nil
            }
        }
        return nil
    }

    /// `.json` when the whole text parses, `.ndjson` when its lines are JSON objects of their own.
    private static func jsonFormat(of text: String) -> ArticleFormat? {
        // Two or more lines that each parse as an object are NDJSON; checking a few lines is enough.
        let firstLines = Self.firstLines(of: text, count: 3)
        if firstLines.count >= 2, firstLines.allSatisfy(isJSONObject) { return .ndjson }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [])) != nil { return .json }
        if let first = firstLines.first, isJSONObject(first) { return .ndjson }
        return nil
    }

    /// Up to `count` non-blank lines from the start of `text`, found without walking the whole text.
    private static func firstLines(of text: String, count: Int) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        while lines.count < count, start < text.endIndex {
            let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex
            let line = text[start..<end]
            if !line.allSatisfy(\.isWhitespace) { lines.append(line) }
            start = end < text.endIndex ? text.utf8.index(after: end) : end
        }
        return lines
    }

    private static func isJSONObject(_ line: Substring) -> Bool {
        guard line.first(where: { !$0.isWhitespace }) == "{" else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [])) is [String: Any]
    }

    /// The format the file name's extension gives, `.text` when it gives none.
    static func extensionFormat(of fileName: String) -> ArticleFormat {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml", "shtml": return .html
        case "json": return .json
        case "ndjson", "jsonl": return .ndjson
        case "xml", "rss", "rdf": return .rss
        case "atom": return .atom
        default: return .text
        }
    }
}

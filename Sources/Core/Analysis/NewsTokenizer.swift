import GRDB

/// The FTS5 tokenizer named "newsdrop" (GRDB FTS5CustomTokenizer).
///
/// FTS5 gives a tokenizer no per-row information, so the language of a document travels inside
/// the indexed text: ``marked(_:language:)`` prefixes it with "\u{1}fr\u{1}". The tokenizer then
/// works per FTS5 request:
/// - document (indexing): strip the marker, analyse the rest with ``Analyzer`` in that language
///   (text without a marker as "und"), and report byte offsets in the text FTS5 passed, marker
///   included;
/// - query: the words were analysed already by ``QueryAnalysis``, so each whitespace-separated
///   piece goes through unchanged (prefix queries too);
/// - aux (`snippet()`, `highlight()` re-reading stored text, unmarked in an external-content
///   table): the same word boundaries, folded only, since only positions and offsets matter there.
///
/// Register it on every connection: `Configuration.prepareDatabase { db in db.add(tokenizer:
/// NewsTokenizer.self) }`, then `CREATE VIRTUAL TABLE ... USING fts5(..., tokenize='newsdrop')`.
public final class NewsTokenizer: FTS5CustomTokenizer {
    /// The tokenizer's name in `tokenize='newsdrop'`.
    public static let name = "newsdrop"

    /// The byte around the language code in the marker; a control character no article contains.
    static let markerByte: UInt8 = 0x01

    /// The longest language code a marker may carry ("zh-Hant", "sr-ME" fit).
    static let maximumLanguageLength = 15

    /// The text to hand to FTS5 when indexing a column of a document in `language`.
    ///
    /// The marker yields no token, so positions are those of the unmarked text: an external-content
    /// table may store the plain text and still highlight right. A language code that is not short
    /// ASCII letters, digits and hyphens is replaced by "und".
    public static func marked(_ text: String, language: String) -> String {
        "\u{1}" + (isLanguageCode(language) ? language : "und") + "\u{1}" + text
    }

    /// Whether `code` can go in a marker: 1 to 15 ASCII letters, digits and hyphens.
    static func isLanguageCode(_ code: String) -> Bool {
        (1...maximumLanguageLength).contains(code.utf8.count)
            && code.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }

    /// Creates the tokenizer; it takes no arguments.
    public init(db: Database, arguments: [String]) throws {}

    /// Reports the tokens of `pText` to FTS5 (the tokenizer's `xTokenize`).
    ///
    /// Returns `tokenCallback`'s first non-zero result (FTS5 asked to stop or failed), else 0.
    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let input = UnsafeBufferPointer(
            start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        var result: CInt = 0
        let report = { (term: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool in
            let length = CInt(clamping: term.count)
            result = term.withMemoryRebound(to: CChar.self) { term in
                tokenCallback(context, 0, term.baseAddress, length, CInt(start), CInt(end))
            }
            return result == 0
        }
        if tokenization.contains(.query) {
            Self.forEachPiece(of: input) { report(input.extracting($0), $0.lowerBound, $0.upperBound) }
            return result
        }
        if tokenization.contains(.document), let prepared = PreparedIndexTerms.claim(matching: input) {
            _ = prepared.replay(report)
            return result
        }
        Self.forEachIndexTerm(in: input, analysing: tokenization.contains(.document), report)
        return result
    }

    /// Calls `report` with each term of `input` as a document (`analysing`, in the marker's
    /// language) or aux request (folded only) reports it, with its byte range in `input`; stops
    /// when `report` returns false. ``PreparedIndexTerms`` runs the same steps ahead of time.
    static func forEachIndexTerm(
        in input: UnsafeBufferPointer<UInt8>, analysing: Bool,
        _ report: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool
    ) {
        let (language, bodyStart) = Self.marker(in: input)
        let body = UnsafeBufferPointer(rebasing: input[bodyStart...])
        let analyzer = Analyzer(language: analysing ? language : "und")
        Self.withValidUTF8(body) { text, isRepaired in
            analyzer.forEachTerm(inUTF8: text) { term, range in
                // Repaired text (invalid UTF-8 replaced by U+FFFD) can be longer: keep offsets inside the input.
                let start = bodyStart + (isRepaired ? min(range.lowerBound, body.count) : range.lowerBound)
                let end = bodyStart + (isRepaired ? min(range.upperBound, body.count) : range.upperBound)
                return report(term, start, end)
            }
        }
    }

    /// The language of a leading marker and the offset where the text after it starts; ("und", 0)
    /// when the text has no marker.
    static func marker(in bytes: UnsafeBufferPointer<UInt8>) -> (language: String, bodyStart: Int) {
        guard bytes.first == markerByte else { return ("und", 0) }
        let searchEnd = min(bytes.count, maximumLanguageLength + 2)
        guard let close = (1..<max(searchEnd, 1)).first(where: { bytes[$0] == markerByte }), close > 1 else {
            return ("und", 0)
        }
        let language = String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<close]), as: UTF8.self)
        return (language, close + 1)
    }

    /// Calls `body` with the byte range of each run of non-whitespace in `bytes`; stops when it
    /// returns false.
    static func forEachPiece(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = -1
        for index in 0...bytes.count {
            let isSpace = index == bytes.count || [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[index])
            if isSpace, start >= 0 {
                guard body(start..<index) else { return }
                start = -1
            } else if !isSpace, start < 0 {
                start = index
            }
        }
    }

    /// Calls `body` with `bytes` when they are valid UTF-8, else with a repaired copy (flag true).
    ///
    /// SQLite does not check the UTF-8 it stores; the scanner needs valid input.
    static func withValidUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void
    ) {
        if var valid = String(validating: bytes, as: UTF8.self) {
            valid.withUTF8 { body($0, false) }
        } else {
            var repaired = String(decoding: bytes, as: UTF8.self)
            repaired.withUTF8 { body($0, true) }
        }
    }
}

import Glibc
import Synchronization

/// A column's text as the full-text index is handed it, with the terms ``NewsTokenizer`` reports
/// for it, analysed ahead of the write transaction.
///
/// Analysis happens once, on every core: the pipeline prepares the title and body of each article
/// (``init(marked:)``), and the writer offers them while it inserts the row
/// (``offering(_:while:)``). The tokenizer replays the prepared terms of a text whose bytes are
/// exactly those prepared, and analyses anything else itself; the terms are a function of the bytes
/// alone (the language travels in the marker), so a replay is always what analysis would give.
public struct PreparedIndexTerms: Sendable, Equatable {
    /// The marked text (``NewsTokenizer/marked(_:language:)``), to be bound as the column's value.
    public let marked: String
    /// Every term's bytes, one after the other.
    private let termBytes: [UInt8]
    /// Per term: where its bytes end in `termBytes`, and its byte range in `marked`.
    private let terms: [(termEnd: Int32, start: Int32, end: Int32)]

    /// Prepares `text` of an article in `language`.
    public init(_ text: String, language: String) {
        self.init(marked: NewsTokenizer.marked(text, language: language))
    }

    /// Prepares an analysed text: the terms ``init(_:language:)`` gives, without cutting it again.
    public init(_ analysed: AnalysedText) {
        // The tokenizer analyses an unusable code as "und": only the marker's own code can be reused.
        guard NewsTokenizer.isLanguageCode(analysed.language) else {
            self.init(analysed.text, language: analysed.language)
            return
        }
        let marked = NewsTokenizer.marked(analysed.text, language: analysed.language)
        let bodyStart = marked.utf8.count - analysed.text.utf8.count
        var termBytes: [UInt8] = []
        var terms: [(termEnd: Int32, start: Int32, end: Int32)] = []
        termBytes.reserveCapacity(analysed.text.utf8.count)
        terms.reserveCapacity(analysed.words.count)
        for word in analysed.words {
            termBytes.append(contentsOf: word.term.utf8)
            terms.append(
                (
                    Int32(termBytes.count), Int32(bodyStart + word.range.lowerBound),
                    Int32(bodyStart + word.range.upperBound)
                ))
        }
        self.init(marked: marked, termBytes: termBytes, terms: terms)
    }

    private init(marked: String, termBytes: [UInt8], terms: [(termEnd: Int32, start: Int32, end: Int32)]) {
        self.marked = marked
        self.termBytes = termBytes
        self.terms = terms
    }

    /// Prepares a text already marked with its language.
    init(marked: String) {
        var text = marked
        var termBytes: [UInt8] = []
        var terms: [(termEnd: Int32, start: Int32, end: Int32)] = []
        text.withUTF8 { input in
            termBytes.reserveCapacity(input.count)
            terms.reserveCapacity(input.count / 6)
            NewsTokenizer.forEachIndexTerm(in: input, analysing: true) { term, start, end in
                termBytes.append(contentsOf: term)
                terms.append((Int32(termBytes.count), Int32(start), Int32(end)))
                return true
            }
        }
        self.init(marked: text, termBytes: termBytes, terms: terms)
    }

    /// The terms, in order, as the full-text index holds them: what a PostgreSQL archive stores as
    /// its `tsvector`, so that both archives match the same terms.
    public var indexTerms: [String] {
        var terms: [String] = []
        terms.reserveCapacity(self.terms.count)
        _ = replay { term, _, _ in
            terms.append(String(decoding: term, as: UTF8.self))
            return true
        }
        return terms
    }

    /// Reports each prepared term to `report` as the tokenizer would; false when `report` stopped it.
    func replay(_ report: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool) -> Bool {
        termBytes.withUnsafeBufferPointer { bytes in
            var termStart = 0
            for term in terms {
                let termEnd = Int(term.termEnd)
                let slice = UnsafeBufferPointer(rebasing: bytes[termStart..<termEnd])
                guard report(slice, Int(term.start), Int(term.end)) else { return false }
                termStart = termEnd
            }
            return true
        }
    }

    public static func == (lhs: PreparedIndexTerms, rhs: PreparedIndexTerms) -> Bool {
        lhs.marked == rhs.marked
    }

    /// The texts offered by the writer for the statement it is running.
    private static let offered = Mutex<[PreparedIndexTerms]>([])

    /// Runs `body` (the statement that indexes these texts) with `prepared` offered to the tokenizer.
    public static func offering<T>(_ prepared: [PreparedIndexTerms], while body: () throws -> T) rethrows -> T {
        offered.withLock { $0 = prepared }
        defer { offered.withLock { $0.removeAll() } }
        return try body()
    }

    /// The offered preparation of exactly the bytes of `input`, taken from the offer; nil when
    /// none matches (the tokenizer then analyses the text itself).
    static func claim(matching input: UnsafeBufferPointer<UInt8>) -> PreparedIndexTerms? {
        offered.withLock { offered in
            guard
                let index = offered.firstIndex(where: { prepared in
                    var text = prepared.marked
                    return text.withUTF8 { bytes in
                        bytes.count == input.count
                            && (bytes.isEmpty || memcmp(bytes.baseAddress!, input.baseAddress!, bytes.count) == 0)
                    }
                })
            else { return nil }
            return offered.remove(at: index)
        }
    }
}

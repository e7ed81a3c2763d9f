/// A text cut into words once, for everything that reads an article's words.
///
/// Each word keeps its fold ("Négociations" → "negociations"), its term (the fold stemmed in the
/// text's language, as the full-text index holds it: "negoci"), whether it is a stop word, and the
/// byte range of the word as written. The pipeline analyses an article's title and body once and
/// hands them to the full-text index (``PreparedIndexTerms``), the topic model, story keys and the
/// duplicate fingerprint, which would otherwise each cut and fold the same text again (the profile
/// showed five walks over every body).
///
/// Every view equals what ``Analyzer`` gives for the text on its own: ``terms`` is
/// `terms(in:)`, ``contentTerms`` is `contentTerms(in:)`, and the folds are the terms of an
/// `Analyzer(language: "und")`.
public struct AnalysedText: Sendable {
    /// One word of the text.
    public struct Word: Sendable, Equatable {
        /// The word folded, not stemmed: "negociations".
        public var folded: String
        /// The index term: the fold stemmed in the text's language, or the fold when the language
        /// has no stemmer or the word is a number.
        public var term: String
        /// ``StableHash`` of the term: what the topic vocabulary and the rarity table look the word
        /// up by, hashed once here instead of once per table.
        public var termHash: UInt64
        /// The byte offsets of the word in the UTF-8 of the text, end excluded.
        public var range: Range<Int>
        /// Whether the fold is one of the language's stop words.
        public var isStopWord: Bool
    }

    /// The text as given.
    public let text: String
    /// The language code the text was analysed in.
    public let language: String
    /// The words, in order.
    public let words: [Word]

    /// Analyses `text` in `language` (an ISO 639-1 code; see ``Analyzer/init(language:)``).
    public init(_ text: String, language: String) {
        self.init(text, analyzer: Analyzer(language: language))
    }

    /// Analyses `text` with `analyzer`.
    init(_ text: String, analyzer: Analyzer) {
        var words: [Word] = []
        var text = text
        text.withUTF8 { bytes in
            words.reserveCapacity(bytes.count / 6)
            let stopWords = analyzer.stopWords
            analyzer.forEachWord(inUTF8: bytes) { folded, term, range in
                let fold = String(decoding: folded, as: UTF8.self)
                // Most words of a language without a stemmer, and numbers, are their own term.
                let isOwnTerm = term.baseAddress == folded.baseAddress && term.count == folded.count
                words.append(
                    Word(
                        folded: fold, term: isOwnTerm ? fold : String(decoding: term, as: UTF8.self),
                        termHash: StableHash.of(bytes: term), range: range,
                        isStopWord: stopWords?.contains(folded) ?? false))
                return true
            }
        }
        self.text = text
        self.language = analyzer.language
        self.words = words
    }

    /// Every word's term, in order: `Analyzer.terms(in:)`.
    public var terms: some Collection<String> { words.lazy.map(\.term) }

    /// The terms of the words that are not stop words, in order: `Analyzer.contentTerms(in:)`.
    public var contentTerms: some Sequence<String> { words.lazy.filter { !$0.isStopWord }.map(\.term) }

    /// Every word's fold, in order: the terms of `Analyzer(language: "und")`.
    public var folds: some Collection<String> { words.lazy.map(\.folded) }
}

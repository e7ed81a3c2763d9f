/// Per-language analysis shared by the pipeline, the FTS5 index and queries.
///
/// Text is cut into words by ``WordScanner`` (the same boundaries in every language), each word is
/// folded (lower case, no diacritics: "Négociations" → "negociations") and then stemmed with the
/// Snowball algorithm of the language ("negociations" → "negoci"). Folding comes first so that a
/// word written with or without its accents gets the same stem. Languages without a Snowball
/// stemmer ("und", "zh", "ja", "pl"...) are folded only.
///
/// An analyser is a cheap value: make one per call where convenient. It may be used from any thread.
public struct Analyzer: Sendable {
    /// The language code the analyser was made for, as given ("fr", "pt-BR", "und").
    public let language: String

    /// The libstemmer algorithm for ``language``, nil when words are folded only.
    let algorithm: String?

    /// Endings to re-accent before stemming, for stemmers that need the accents.
    let accents: AccentedSuffixes?

    /// The language's function words, nil when there is no list for it.
    let stopWords: StopWordSet?

    /// Creates an analyser for an ISO 639-1 language code; region suffixes ("pt-BR") are ignored.
    public init(language: String) {
        self.language = language
        self.algorithm = SnowballStemmer.algorithm(forLanguage: language)
        self.accents = algorithm.flatMap(AccentedSuffixes.forAlgorithm)
        self.stopWords = StopWords.words(forLanguage: language)
    }

    /// Whether words are stemmed, not only folded.
    public var hasStemmer: Bool { algorithm != nil }

    /// The index terms of `text`, folded and stemmed, each with the UTF-8 byte range of its word.
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        var text = text
        text.withUTF8 { bytes in
            forEachTerm(inUTF8: bytes) { term, range in
                tokens.append(Token(term: String(decoding: term, as: UTF8.self), range: range))
                return true
            }
        }
        return tokens
    }

    /// The index terms of `text`, folded and stemmed, without their ranges.
    public func terms(in text: String) -> [String] {
        tokens(in: text).map(\.term)
    }

    /// The terms of `text` that carry meaning: like ``terms(in:)`` without the language's stop
    /// words ("les négociations de l'OTAN" → "negoci", "otan"). For features of models, not the index.
    public func contentTerms(in text: String) -> [String] {
        var terms: [String] = []
        terms.reserveCapacity(text.utf8.count / 8)
        var text = text
        text.withUTF8 { bytes in
            forEachTerm(inUTF8: bytes, skippingStopWords: true) { term, _ in
                terms.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return terms
    }

    /// Whether `word` is one of the language's stop words, compared folded ("Les" is, "OTAN" is not).
    public func isStopWord(_ word: String) -> Bool {
        guard let stopWords else { return false }
        var folded = Self.fold(word)
        return folded.withUTF8 { stopWords.contains($0) }
    }

    /// The case and diacritic fold of one word, without stemming: "Négociations" → "negociations".
    ///
    /// For prefix queries, where a stem would cut the prefix short. The word goes through the same
    /// scanner as indexed text, so elisions and apostrophes are handled alike ("l'OTA" → "ota"); an
    /// input of several words gives their folds separated by spaces (an FTS5 phrase).
    public static func fold(_ word: String) -> String {
        folding.terms(in: word).joined(separator: " ")
    }

    /// The analyser that only folds, made once: story keys and label tags fold every entity name
    /// of every article.
    static let folding = Analyzer(language: "und")

    /// Calls `body` with each term's UTF-8 (valid only during the call) and its word's byte range in
    /// `bytes`; stops when `body` returns false.
    ///
    /// The allocation-free path used by ``NewsTokenizer``. `bytes` must be valid UTF-8. A stemmer is
    /// borrowed once for the whole text.
    func forEachTerm(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        skippingStopWords: Bool = false,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        if skippingStopWords, let stopWords {
            // The stop list holds folded words: look before the stemmer changes them.
            return forEachTerm(inUTF8: bytes, isSkipped: { stopWords.contains($0) }, body)
        }
        forEachTerm(inUTF8: bytes, isSkipped: { _ in false }, body)
    }

    private func forEachTerm(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        isSkipped: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        forEachWord(inUTF8: bytes, isSkipped: isSkipped) { _, term, range in body(term, range) }
    }

    /// Calls `body` with each word's fold, its term (the fold stemmed, or the fold itself when the
    /// word is not stemmed), both valid only during the call, and its byte range in `bytes`; words
    /// whose fold `isSkipped` are not stemmed nor reported. Stops when `body` returns false.
    ///
    /// What every other walk is made of; ``AnalysedText`` keeps both forms of each word.
    func forEachWord(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        isSkipped: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ term: UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        ScalarFolding.table.withUnsafeBufferPointer { table in
            let scanner = WordScanner(table: table)
            if let algorithm {
                let stemmed: Void? = StemmerPool.shared.withStemmer(algorithm: algorithm) { stemmer in
                    var accented: [UInt8] = []
                    scanner.scan(bytes) { folded, range in
                        if isSkipped(folded) { return true }
                        guard Self.isWorthStemming(folded) else { return body(folded, folded, range) }
                        let isAccented = accents?.restore(folded, into: &accented) ?? false
                        // The stem is read where the stemmer keeps it (most often its cache), not
                        // copied out; only a re-accented stem that kept an accent is folded, in a copy.
                        func report(_ stem: UnsafeBufferPointer<UInt8>) -> Bool {
                            guard !stem.isEmpty else { return body(folded, folded, range) }
                            if isAccented, accents?.stemsNeedFolding == true, stem.contains(where: { $0 >= 0x80 }) {
                                return scanner.fold(Array(stem)).withUnsafeBufferPointer { body(folded, $0, range) }
                            }
                            return body(folded, stem, range)
                        }
                        let reported =
                            isAccented
                            ? accented.withUnsafeBufferPointer { stemmer.withStem(of: $0, report) }
                            : stemmer.withStem(of: folded, report)
                        return reported ?? body(folded, folded, range)
                    }
                }
                if stemmed != nil { return }
            }
            scanner.scan(bytes) { folded, range in isSkipped(folded) || body(folded, folded, range) }
        }
    }

    /// Whether a folded word goes to the stemmer: not numbers, which have nothing to strip and are
    /// common in news ("2024"). An empty stem, which the index could not hold, falls back to the fold.
    @inline(__always)
    static func isWorthStemming(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = folded.first else { return false }
        return !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    }
}

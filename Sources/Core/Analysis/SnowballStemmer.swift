import CStemmer

/// One Snowball stemmer (libstemmer 2.2), for one algorithm, in UTF-8.
///
/// A stemmer is not thread-safe and its result buffer is overwritten by the next call: get one
/// from ``StemmerPool``, which lends each to one caller at a time.
// @unchecked Sendable: the C stemmer has mutable state, but StemmerPool hands each handle to a single
// borrower at a time under its mutex, and nothing else keeps a copy.
struct SnowballStemmer: @unchecked Sendable {
    /// The `sb_stemmer` handle.
    let handle: OpaquePointer
    /// The stems this stemmer gave lately.
    let cache = StemCache()

    /// Creates a stemmer for a libstemmer algorithm name ("english", "french"...), nil when
    /// libstemmer does not know it.
    ///
    /// Wraps `sb_stemmer_new(algorithm, "UTF_8")`.
    init?(algorithm: String) {
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.handle = handle
    }

    /// Calls `body` with the stem of one folded (lower-case) word, valid only during the call
    /// (the cache's slot or the stemmer's buffer), and returns what it returns; nil when
    /// libstemmer failed (it only does on allocation failure).
    func withStem<Result>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
        -> Result?
    {
        if let result = cache.withStem(of: word, body) { return result }
        guard let base = word.baseAddress, let stemmed = sb_stemmer_stem(handle, base, CInt(word.count)) else {
            return nil
        }
        let stem = UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(handle)))
        cache.remember(word, stem: stem)
        return body(stem)
    }

    /// The algorithms this libstemmer provides ("arabic" ... "yiddish"), from `sb_stemmer_list()`.
    static let availableAlgorithms: Set<String> = {
        var names: Set<String> = []
        guard let list = sb_stemmer_list() else { return names }
        var index = 0
        while let name = list[index] {
            names.insert(String(cString: name))
            index += 1
        }
        return names
    }()

    /// Snowball algorithm names for ISO 639-1 codes. Estonian has one only from Snowball 3.0 on; the
    /// lookup checks ``availableAlgorithms`` so it turns up when the library has it.
    static let algorithmsByLanguage: [String: String] = [
        "en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian", "pt": "portuguese",
        "nl": "dutch", "sv": "swedish", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "da": "danish",
        "fi": "finnish", "ru": "russian", "hu": "hungarian", "ro": "romanian", "tr": "turkish", "ar": "arabic",
        "el": "greek", "id": "indonesian", "ga": "irish", "lt": "lithuanian", "ne": "nepali", "sr": "serbian",
        "ta": "tamil", "ca": "catalan", "eu": "basque", "hy": "armenian", "hi": "hindi", "yi": "yiddish",
        "et": "estonian",
    ]

    /// The libstemmer algorithm for a language code ("fr", "pt-BR", "nb_NO"), nil when there is none.
    static func algorithm(forLanguage language: String) -> String? {
        let base = language.lowercased().prefix { $0 != "-" && $0 != "_" }
        guard let algorithm = algorithmsByLanguage[String(base)], availableAlgorithms.contains(algorithm) else {
            return nil
        }
        return algorithm
    }
}

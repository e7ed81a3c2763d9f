import Foundation

/// The features one language's model knows, with their inverse document frequencies.
///
/// Features seen in fewer than `minimumDocumentFrequency` training articles are dropped (typos,
/// names met once), then the `maximumCount` most frequent words (and bigrams) and the `maximumGramCount`
/// most frequent character n-grams are kept, which bounds the model file. The two are capped apart
/// because grams are far more frequent than words and would otherwise crowd every word out.
/// Documents become sublinear TF-IDF vectors of unit length: `(1 + ln tf) · idf`, with the smoothed
/// `idf = ln((1 + n) / (1 + df)) + 1`, as in scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
/// Sublinear counts keep a long article from drowning a short one, and unit length lets one set of
/// weights serve articles of every size.
struct TopicVocabulary: Equatable {
    /// The features, sorted so that the model file is the same for the same corpus.
    let terms: [String]

    /// The inverse document frequency of each feature.
    let idf: [Float]

    /// The index of each feature in ``terms``.
    let index: [String: Int32]

    /// The index of each word and bigram feature by ``featureHash(of:)``: what classifying looks
    /// words up by (``TopicFeatures/vector(title:text:in:)``). Nil when two features' hashes
    /// collide, where only ``index`` can tell them apart.
    let hashedIndex: HashValueMap<Int32>?

    /// Creates a vocabulary from its features and their weights, as read from a model file.
    init(terms: [String], idf: [Float]) {
        self.terms = terms
        self.idf = idf
        var index: [String: Int32] = [:]
        index.reserveCapacity(terms.count)
        for (position, term) in terms.enumerated() { index[term] = Int32(position) }
        self.index = index
        var hashed = HashValueMap<Int32>(minimumCapacity: terms.count)
        var collides = false
        for (position, term) in terms.enumerated() where term.first != Character(CharacterGrams.marker) {
            let hash = Self.featureHash(of: term)
            if hashed[hash] != nil { collides = true }
            hashed[hash] = Int32(position)
        }
        hashedIndex = collides ? nil : hashed
    }

    /// Two vocabularies are equal when their features and weights are: the hashed index follows.
    static func == (left: TopicVocabulary, right: TopicVocabulary) -> Bool {
        left.terms == right.terms && left.idf == right.idf
    }

    /// The hash a word or bigram feature is looked up by: the term's ``StableHash``, or for a
    /// bigram ("prime minist") ``bigramHash(_:_:)`` of its two terms' hashes.
    static func featureHash(of feature: String) -> UInt64 {
        var feature = feature
        return feature.withUTF8 { bytes in
            guard let space = bytes.firstIndex(of: 0x20) else { return StableHash.of(bytes: bytes) }
            return bigramHash(
                StableHash.of(bytes: UnsafeBufferPointer(rebasing: bytes[..<space])),
                StableHash.of(bytes: UnsafeBufferPointer(rebasing: bytes[(space + 1)...])))
        }
    }

    /// The hash of the bigram of two terms with hashes `first` and `second` (order matters).
    static func bigramHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
        StableHash.mix(first &* 0x9e37_79b9_7f4a_7c15 ^ second)
    }

    /// Chooses the features of the training documents `counts`.
    init(
        documents counts: [[String: Double]], minimumDocumentFrequency: Int, maximumCount: Int,
        maximumGramCount: Int = 0
    ) {
        var frequency: [String: Int] = [:]
        for document in counts {
            for term in document.keys { frequency[term, default: 0] += 1 }
        }
        // Most frequent first, ties by term, so the choice never depends on dictionary order.
        let frequent = frequency.filter { $0.value >= minimumDocumentFrequency }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let marker = Character(CharacterGrams.marker)
        let words = frequent.lazy.filter { $0.key.first != marker }.prefix(maximumCount).map(\.key)
        let grams = frequent.lazy.filter { $0.key.first == marker }.prefix(maximumGramCount).map(\.key)
        let kept = (Array(words) + Array(grams)).sorted()
        let documentCount = Double(counts.count)
        let idf = kept.map { Float(log((1 + documentCount) / (1 + Double(frequency[$0]!))) + 1) }  // kept ⊆ keys
        self.init(terms: kept, idf: idf)
    }

    /// The number of features.
    var count: Int { terms.count }

    /// The unit-length TF-IDF vector of a document's feature counts; unknown features are ignored.
    func vector(_ counts: [String: Double]) -> SparseVector {
        var entries: [(Int32, Float)] = []
        entries.reserveCapacity(counts.count)
        for (term, count) in counts {
            guard let position = index[term] else { continue }
            entries.append((position, Float(1 + log(count)) * idf[Int(position)]))
        }
        entries.sort { $0.0 < $1.0 }
        return Self.unitVector(entries)
    }

    /// The unit-length vector of `entries`, sorted by index. Summed in index order, so the same
    /// document always gets the very same floats.
    static func unitVector(_ entries: [(Int32, Float)]) -> SparseVector {
        let length = entries.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        guard length > 0 else { return SparseVector() }
        return SparseVector(indices: entries.map(\.0), values: entries.map { $0.1 / length })
    }
}

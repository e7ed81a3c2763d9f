import Foundation

/// The features a topic model sees in an article: stemmed words, optionally pairs of adjacent words,
/// and optionally the character n-grams of the words.
///
/// Training and classification share this one value, stored in the model file with the weights, so a
/// model always sees text cut the way it was trained on. Words come from ``Analyzer`` (folded,
/// Snowball-stemmed); a bigram is two adjacent terms joined by a space ("prime minist"), which no term
/// contains, and never spans the headline and the body. Headline features count ``titleWeight``
/// times: a headline says what the article is about in a few words, where the body wanders.
///
/// Character n-grams (``CharacterGrams``), when used, are cut from each content word's fold, so
/// compounds and names that the stemmer leaves apart ("vaccin", "antivaccin") still share features.
/// The shipped model does without them (see ``TopicTrainer/characterGrams``).
struct TopicFeatures: Sendable, Equatable {
    /// How many times a headline feature counts compared with a body feature.
    var titleWeight: Double

    /// Whether pairs of adjacent words are features too.
    var usesBigrams: Bool

    /// The lengths of the character n-grams that are features, or nil for none.
    var characterGrams: CharacterGrams?

    /// Creates the features; no character n-grams unless given.
    init(titleWeight: Double, usesBigrams: Bool, characterGrams: CharacterGrams? = nil) {
        self.titleWeight = titleWeight
        self.usesBigrams = usesBigrams
        self.characterGrams = characterGrams
    }

    /// The features of an article with how often each occurs (headline occurrences weighted).
    func counts(title: String, text: String, analyzer: Analyzer) -> [String: Double] {
        counts(title: AnalysedText(title, analyzer: analyzer), text: AnalysedText(text, analyzer: analyzer))
    }

    /// The features of an article analysed already, in the language of the model.
    func counts(title: AnalysedText, text: AnalysedText) -> [String: Double] {
        var counts: [String: Double] = [:]
        var folds: [String: Double] = [:]
        counts.reserveCapacity(text.text.utf8.count / (usesBigrams || characterGrams != nil ? 4 : 8))
        add(title, weight: titleWeight, to: &counts, folds: &folds)
        add(text, weight: 1, to: &counts, folds: &folds)
        if let characterGrams {
            // Each distinct word is cut once and its grams counted as often as the word: the same counts
            // as cutting every occurrence, for a fraction of the work.
            for (fold, count) in folds {
                characterGrams.forEachGram(of: fold) { counts[$0, default: 0] += count }
            }
        }
        return counts
    }

    /// The features of an example.
    func counts(of example: LabeledExample) -> [String: Double] {
        counts(title: example.title, text: example.text, analyzer: Analyzer(language: example.language))
    }

    /// The TF-IDF vector of an article analysed already, the same as `vocabulary.vector(counts(…))`
    /// to the last bit, with whether the article had any feature at all; nil when this
    /// vocabulary or these features (character n-grams) can only be counted by string.
    ///
    /// Looks each word and bigram up by hash (``AnalysedText/Word/termHash``) and adds its weight to
    /// the feature's index, never building a bigram's string nor hashing a term again: counting by
    /// string was 5% of an ingest's CPU.
    func vector(
        title: AnalysedText, text: AnalysedText, in vocabulary: TopicVocabulary
    ) -> (vector: SparseVector, hasFeatures: Bool)? {
        guard characterGrams == nil, let hashed = vocabulary.hashedIndex else { return nil }
        // (index << 32 | position, weight): sorted, a feature's weights are summed in the order of
        // its occurrences, as the dictionary of counts sums them.
        var occurrences: [(key: UInt64, weight: Double)] = []
        occurrences.reserveCapacity((title.words.count + text.words.count) * (usesBigrams ? 2 : 1))
        var hasFeatures = false
        for (part, weight) in [(title, titleWeight), (text, 1)] {
            var previous: UInt64?
            for word in part.words where !word.isStopWord {
                hasFeatures = true
                if let index = hashed[word.termHash] {
                    occurrences.append((UInt64(UInt32(index)) << 32 | UInt64(occurrences.count), weight))
                }
                if usesBigrams, let previous,
                    let index = hashed[TopicVocabulary.bigramHash(previous, word.termHash)]
                {
                    occurrences.append((UInt64(UInt32(index)) << 32 | UInt64(occurrences.count), weight))
                }
                previous = word.termHash
            }
        }
        occurrences.sort { $0.key < $1.key }
        var entries: [(Int32, Float)] = []
        entries.reserveCapacity(occurrences.count)
        var start = 0
        while start < occurrences.count {
            let index = occurrences[start].key >> 32
            var count = 0.0
            var end = start
            while end < occurrences.count, occurrences[end].key >> 32 == index {
                count += occurrences[end].weight
                end += 1
            }
            entries.append((Int32(index), Float(1 + log(count)) * vocabulary.idf[Int(index)]))
            start = end
        }
        return (TopicVocabulary.unitVector(entries), hasFeatures)
    }

    private func add(
        _ text: AnalysedText, weight: Double, to counts: inout [String: Double], folds: inout [String: Double]
    ) {
        var previous: String?
        let cutsGrams = characterGrams != nil
        for word in text.words where !word.isStopWord {
            let term = word.term
            counts[term, default: 0] += weight
            if usesBigrams, let previous { counts[previous + " " + term, default: 0] += weight }
            if cutsGrams { folds[word.folded, default: 0] += weight }
            previous = term
        }
    }
}

/// A document as TF-IDF weights of the features a ``TopicVocabulary`` knows, sorted by feature index.
struct SparseVector: Equatable {
    /// Feature indices, ascending.
    var indices: [Int32] = []

    /// The weight of each index; the vector has unit Euclidean length unless it is empty.
    var values: [Float] = []

    /// Whether the document had no known feature.
    var isEmpty: Bool { indices.isEmpty }
}

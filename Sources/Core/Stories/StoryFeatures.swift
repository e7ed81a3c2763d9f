import Foundation

/// What one article contributes to story clustering: its weighted terms, its cross-language keys,
/// the keys it is looked up under and its duplicate fingerprint.
///
/// Pure and independent of the stored stories, so the pipeline computes it in parallel before the
/// write transaction. Both vectors are unit length (L2), so a dot product with another article's
/// is their cosine.
/// - ``terms``: the analysed content terms of title and body (folded, stemmed, no stop words; title
///   terms count twice, as the headline states the event), weighted (1 + ln tf) × idf, the
///   ``maximumTerms`` heaviest kept. Meaningful only against terms of the same language.
/// - ``keys``: ``StoryKeys`` (entity ids, rare proper names, numbers, dates) weighted
///   (1 + ln count) × idf of the key, the ``maximumKeys`` heaviest kept. Shared by all languages.
public struct StoryFeatures: Sendable, Equatable, Codable {
    /// The most terms kept: enough to hold an article's subject, bounded so profiles stay small.
    public static let maximumTerms = 40
    /// The most cross-language keys kept.
    public static let maximumKeys = 24
    /// The most keys an article is indexed and looked up under (see ``candidateKeys``).
    public static let maximumCandidateKeys = 20
    /// A capitalised word in more than this share of the reference corpus is no rare proper name
    /// ("Monday", "Les", "Government"): one in 200 documents.
    public static let rareNameShare = 0.005

    /// The article's ISO 639-1 language code.
    public var language: String
    /// Analysed terms and their weights, unit length.
    public var terms: [String: Float]
    /// Cross-language keys and their weights, unit length.
    public var keys: [String: Float]
    /// The keys under which the article's story is indexed and candidate stories are looked up:
    /// its heaviest cross-language keys (up to 12) and then `t:` + its heaviest terms, at most
    /// ``maximumCandidateKeys`` in all.
    public var candidateKeys: [String]
    /// The duplicate fingerprint of the body.
    public var fingerprint: DuplicateFingerprint

    /// Creates features from stored or synthetic values.
    public init(
        language: String, terms: [String: Float], keys: [String: Float], candidateKeys: [String],
        fingerprint: DuplicateFingerprint
    ) {
        self.language = language
        self.terms = terms
        self.keys = keys
        self.candidateKeys = candidateKeys
        self.fingerprint = fingerprint
    }

    /// The features of an article.
    ///
    /// - Parameters:
    ///   - rarity: the document frequencies that weigh terms and keys (`data/idf.tsv`).
    ///   - recognizer: the gazetteer, so that a capitalised alias it knows ("Russie", "Kremlin"),
    ///     already an entity id, is not a proper-name key too; nil to keep every rare name.
    public init(article: Article, rarity: TermRarity, recognizer: EntityRecognizer? = nil) {
        let analyzer = Analyzer(language: article.language)
        self.init(
            article: article, title: AnalysedText(article.title, analyzer: analyzer),
            text: AnalysedText(article.text, analyzer: analyzer), rarity: rarity, recognizer: recognizer)
    }

    /// The features of an article whose title and text are analysed already, in its language
    /// (analysed again when they are not).
    public init(
        article: Article, title: AnalysedText, text: AnalysedText, rarity: TermRarity,
        recognizer: EntityRecognizer? = nil
    ) {
        guard title.language == article.language, text.language == article.language else {
            self.init(article: article, rarity: rarity, recognizer: recognizer)
            return
        }
        let isKnownName: (String) -> Bool = { word in recognizer?.isKnownPlaceOrOrganisation(word) ?? false }
        let (keyCounts, nameWords) = StoryKeys.extract(from: article, body: text, isKnownName: isKnownName)
        let keyRarity = rarity.scope(TermRarity.keyScope)
        var keyWeights: [String: Double] = [:]
        for (key, count) in keyCounts {
            if key.hasPrefix("p:"), keyRarity.documentShare(of: key) > Self.rareNameShare { continue }
            keyWeights[key] = (1 + log(Double(count))) * keyRarity.weight(of: key) * StoryKeys.specificity(of: key)
        }
        let analyzer = Analyzer(language: article.language)
        // Entity names are keys already: as terms they would count twice, and they say who, not what.
        var nameStems = HashValueSet(minimumCapacity: nameWords.count)
        for stem in analyzer.terms(in: nameWords.joined(separator: " ")) { nameStems.insert(StableHash.of(stem)) }
        let termWeights = Self.termWeights(
            title: title.words, text: text.words, skipping: nameStems, rarity: rarity.scope(article.language))
        let terms = Self.heaviest(termWeights, count: Self.maximumTerms)
        let keys = Self.heaviest(keyWeights, count: Self.maximumKeys)
        var candidates = keys.prefix(12).map(\.key)
        for term in terms where candidates.count < Self.maximumCandidateKeys {
            candidates.append("t:" + term.key)
        }
        self.init(
            language: article.language, terms: Self.unitVector(terms), keys: Self.unitVector(keys),
            candidateKeys: candidates, fingerprint: DuplicateFingerprint(body: text))
    }

    /// Each content term of the title and the text, but those whose hash is in `skipped` and
    /// numbers (keys already) and one-letter terms, weighted (1 + ln tf) × idf, where a title
    /// occurrence counts twice.
    ///
    /// Terms are counted by the hash the analysis gave them, in a table on the hash's own bits
    /// (``HashValueMap``). A dictionary of term strings hashed every term again (3% of an ingest's
    /// CPU, with the rarity table's lookups by string); sorting the occurrences by hash was still
    /// a fifth of the weighting.
    static func termWeights(
        title: [AnalysedText.Word], text: [AnalysedText.Word], skipping skipped: HashValueSet, rarity: TermRarity.Scope
    ) -> [(key: String, value: Double)] {
        // Per term, in order of first occurrence: its hash, its count, where it first occurs (a
        // position past the title's words is in the text).
        var runs: [(hash: UInt64, count: Int32, position: Int32)] = []
        runs.reserveCapacity((title.count + text.count) / 2)
        var runOfHash = HashValueMap<Int32>(minimumCapacity: title.count + text.count)
        func add(_ word: AnalysedText.Word, counting count: Int32, at position: Int) {
            if let run = runOfHash[word.termHash] {
                runs[Int(run)].count += count
            } else {
                runOfHash[word.termHash] = Int32(runs.count)
                runs.append((word.termHash, count, Int32(position)))
            }
        }
        for (position, word) in title.enumerated() where !word.isStopWord { add(word, counting: 2, at: position) }
        for (position, word) in text.enumerated() where !word.isStopWord {
            add(word, counting: 1, at: title.count + position)
        }
        var weights: [(key: String, value: Double)] = []
        weights.reserveCapacity(runs.count)
        for (hash, count, position) in runs {
            let position = Int(position)
            let term = position < title.count ? title[position].term : text[position - title.count].term
            guard !skipped.contains(hash), term.utf8.count >= 2,
                !term.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })  // numbers are keys
            else { continue }
            weights.append((term, (1 + log(Double(count))) * rarity.weight(ofHash: hash)))
        }
        return weights
    }

    /// The `count` heaviest entries with a positive weight, heaviest first, ties by key so the
    /// result does not depend on dictionary order.
    static func heaviest(
        _ weights: some Collection<(key: String, value: Double)>, count: Int
    ) -> [(key: String, value: Double)] {
        // Not `Dictionary.filter`, which hashes every kept key again into a new dictionary.
        weights.lazy.filter { $0.value > 0 }.prefixOfSorted(count) {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
    }

    /// The entries scaled to unit length.
    static func unitVector(_ entries: [(key: String, value: Double)]) -> [String: Float] {
        let norm = entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        guard norm > 0 else { return [:] }
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.key, Float($0.value / norm)) })
    }
}

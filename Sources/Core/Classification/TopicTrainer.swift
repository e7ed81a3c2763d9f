/// Trains a ``TopicModel``: one classifier per language of the examples.
///
/// The default, ``Algorithm/logisticRegression``, was chosen by 5-fold cross-validation on MasakhaNEWS
/// (David Adelani et al., 2023, AFL-3.0) English and French against multinomial and complement naive
/// Bayes: it had the best macro-F1 and the lowest log loss in both languages.
/// Every step is deterministic (sorted vocabularies, seeded shuffles, sums in a fixed order), so the
/// same examples and settings give a byte-identical model file.
public struct TopicTrainer: Sendable {
    /// The learning algorithms that can be trained and compared.
    public enum Algorithm: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Multinomial logistic regression by SGD with L2 regularisation (the default).
        case logisticRegression = "logistic-regression"

        /// Complement naive Bayes (Rennie et al., 2003).
        case complementNaiveBayes = "complement-naive-bayes"

        /// Multinomial naive Bayes.
        case multinomialNaiveBayes = "multinomial-naive-bayes"

        /// The name used on the command line ("logistic-regression").
        public var description: String { rawValue }
    }

    /// The learning algorithm.
    public var algorithm: Algorithm

    /// The seed of every shuffle, so that training is reproducible.
    public var seed: UInt64

    /// Whether pairs of adjacent words are features as well as words.
    ///
    /// Off by default: on MasakhaNEWS bigrams did not raise macro-F1 (within ±0.01 in both languages)
    /// and made the model 2.6 times larger and classification slower.
    public var usesBigrams: Bool

    /// The lengths of the character n-grams of words that are features too, or nil for words only.
    ///
    /// Off by default: on MasakhaNEWS, 3–5-grams of content words beside the stems did not raise macro-F1
    /// by 5-fold cross-validation (English 0.858–0.862 against 0.869 for stems alone, French 0.838–0.846
    /// against 0.843, with 20,000 or all grams and L2 penalties from 1e-5 to 1e-4; 2–4-grams 0.854 / 0.830),
    /// and they make the model larger and classification slower. The stems already join the
    /// inflections that grams would. Kept for taxonomies and languages where they may help.
    public var characterGrams: ClosedRange<Int>?

    /// The most character n-grams kept per language, apart from ``maximumFeatures``.
    public var maximumCharacterGrams: Int

    /// The L2 penalty of logistic regression.
    ///
    /// 1e-4 by default, the common value for unit-length TF-IDF vectors; on MasakhaNEWS 3e-5 and 3e-4
    /// gave the same macro-F1 within 0.003 by 5-fold cross-validation.
    public var regularization: Double

    /// How many times a headline word counts compared with a body word.
    public var titleWeight: Double

    /// Features seen in fewer training articles than this are dropped.
    public var minimumDocumentFrequency: Int

    /// The most features kept per language, which bounds the model file (about 38 bytes per feature
    /// with six labels).
    public var maximumFeatures: Int

    /// The number of folds whose held-out predictions calibrate the probabilities.
    public var calibrationFolds: Int

    /// Creates a trainer; the defaults are those of the shipped model.
    public init(
        algorithm: Algorithm = .logisticRegression,
        seed: UInt64 = 20_240_601,
        usesBigrams: Bool = false,
        characterGrams: ClosedRange<Int>? = nil,
        maximumCharacterGrams: Int = 20_000,
        regularization: Double = 1e-4,
        titleWeight: Double = 2,
        minimumDocumentFrequency: Int = 2,
        maximumFeatures: Int = 20_000,
        calibrationFolds: Int = 3
    ) {
        self.algorithm = algorithm
        self.seed = seed
        self.usesBigrams = usesBigrams
        self.characterGrams = characterGrams
        self.maximumCharacterGrams = maximumCharacterGrams
        self.regularization = regularization
        self.titleWeight = titleWeight
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.maximumFeatures = maximumFeatures
        self.calibrationFolds = calibrationFolds
    }

    /// The feature extraction the trained models will use.
    var features: TopicFeatures {
        TopicFeatures(
            titleWeight: titleWeight, usesBigrams: usesBigrams,
            characterGrams: characterGrams.flatMap {
                CharacterGrams(minimumLength: $0.lowerBound, maximumLength: $0.upperBound)
            })
    }

    /// Trains one classifier per language found in `examples`.
    ///
    /// Throws when a language has fewer than two labels, since there is nothing to choose between.
    public func train(on examples: [LabeledExample]) throws(CorpusError) -> TopicModel {
        guard !examples.isEmpty else {
            throw CorpusError(code: .tooSmall, message: "No labelled articles to train on (give at least two labels)")
        }
        var classifiers: [String: LinearTopicClassifier] = [:]
        for (language, group) in Self.byLanguage(examples) {
            try Self.checkLabels(of: group, language: language)
            classifiers[language] = train(documents: group.map(features.counts(of:)), labels: group.map(\.label))
        }
        return TopicModel(classifiers: classifiers)
    }

    /// Trains and calibrates one language's classifier from feature counts and their labels.
    ///
    /// The calibration factor is fitted on predictions for documents left out of training, in
    /// ``calibrationFolds`` stratified folds; the final weights are then trained on every document.
    func train(documents: [[String: Double]], labels: [String]) -> LinearTopicClassifier {
        var classifier = fit(documents: documents, labels: labels)
        let names = classifier.labels
        let indices = labels.map { names.firstIndex(of: $0)! }  // names are the distinct labels
        let folds = CrossValidation.stratifiedFolds(labels: indices, count: calibrationFolds, seed: seed)
        var scores: [[Float]] = []
        var truth: [Int] = []
        for fold in 0..<calibrationFolds {
            let training = folds.indices.filter { folds[$0] != fold }
            let held = folds.indices.filter { folds[$0] == fold }
            guard !held.isEmpty, Set(training.map { labels[$0] }).count == names.count else { continue }
            let partial = fit(documents: training.map { documents[$0] }, labels: training.map { labels[$0] })
            for document in held {
                scores.append(partial.scores(partial.vocabulary.vector(documents[document])))
                truth.append(indices[document])
            }
        }
        classifier.scale = TemperatureScaling.fitScale(scores: scores, labels: truth)
        return classifier
    }

    /// Trains one language's classifier without calibration (a scale of 1).
    func fit(documents: [[String: Double]], labels: [String]) -> LinearTopicClassifier {
        let names = Array(Set(labels)).sorted()
        let indices = labels.map { names.firstIndex(of: $0)! }  // names are the distinct labels
        let vocabulary = TopicVocabulary(
            documents: documents, minimumDocumentFrequency: minimumDocumentFrequency, maximumCount: maximumFeatures,
            maximumGramCount: features.characterGrams == nil ? 0 : maximumCharacterGrams)
        let vectors = documents.map(vocabulary.vector)
        let (weights, bias): ([Float], [Float])
        switch algorithm {
        case .logisticRegression:
            (weights, bias) = SoftmaxRegression(regularization: regularization, seed: seed)
                .fit(vectors, labels: indices, classCount: names.count, featureCount: vocabulary.count)
        case .complementNaiveBayes, .multinomialNaiveBayes:
            let variant: NaiveBayes.Variant = algorithm == .complementNaiveBayes ? .complement : .multinomial
            (weights, bias) = NaiveBayes(variant: variant)
                .fit(vectors, labels: indices, classCount: names.count, featureCount: vocabulary.count)
        }
        return LinearTopicClassifier(
            labels: names, features: features, vocabulary: vocabulary, weights: weights, bias: bias, scale: 1)
    }

    /// The examples grouped by normalised language code, in code order.
    static func byLanguage(_ examples: [LabeledExample]) -> [(String, [LabeledExample])] {
        Dictionary(grouping: examples) { TopicModel.normalized($0.language) }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Throws unless the examples of one language carry at least two labels.
    static func checkLabels(of examples: [LabeledExample], language: String) throws(CorpusError) {
        let labels = Set(examples.map(\.label))
        guard labels.count >= 2 else {
            throw CorpusError(
                code: .tooSmall,
                message:
                    "The '\(language)' articles carry \(labels.count) label(s) (\(labels.sorted().joined(separator: ", "))); "
                    + "a topic model needs articles of at least two labels")
        }
    }
}

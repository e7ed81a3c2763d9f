/// Measures a ``TopicTrainer`` by stratified k-fold cross-validation, one report per language.
///
/// Each language's articles are dealt into `folds` folds that keep the label proportions; each fold is
/// classified by a model trained (vocabulary, weights and calibration) on the other folds only, so
/// every article is predicted by a model that never saw it. The deal is seeded: the same corpus and
/// seed give the same folds and the same report. This is what `make eval` prints for MasakhaNEWS
/// (David Adelani et al., 2023, AFL-3.0).
public struct CrossValidation: Sendable {
    /// The number of folds.
    public var folds: Int

    /// The seed of the deal into folds.
    public var seed: UInt64

    /// Creates a cross-validation; 5 folds by default.
    public init(folds: Int = 5, seed: UInt64 = 20_240_601) {
        self.folds = folds
        self.seed = seed
    }

    /// Cross-validates `trainer` on `examples`, language by language in code order.
    ///
    /// Throws when a language has fewer than two labels or fewer articles than folds.
    public func evaluate(
        _ examples: [LabeledExample], trainer: TopicTrainer
    ) throws(CorpusError) -> CrossValidationReport {
        guard folds >= 2 else {
            throw CorpusError(code: .tooSmall, message: "Cross-validation needs at least 2 folds, not \(folds)")
        }
        var reports: [CrossValidationReport.LanguageReport] = []
        for (language, group) in TopicTrainer.byLanguage(examples) {
            try TopicTrainer.checkLabels(of: group, language: language)
            guard group.count >= folds else {
                throw CorpusError(
                    code: .tooSmall,
                    message: "The '\(language)' articles are \(group.count), fewer than the \(folds) folds "
                        + "(give more articles or fewer folds)")
            }
            let documents = group.map(trainer.features.counts(of:))
            reports.append(
                evaluate(documents: documents, labels: group.map(\.label), language: language, trainer: trainer))
        }
        return CrossValidationReport(algorithm: trainer.algorithm.description, folds: folds, languages: reports)
    }

    /// Cross-validates one language whose articles are already turned into feature counts.
    func evaluate(
        documents: [[String: Double]], labels: [String], language: String, trainer: TopicTrainer
    ) -> CrossValidationReport.LanguageReport {
        let names = Array(Set(labels)).sorted()
        let indices = labels.map { names.firstIndex(of: $0)! }  // names are the distinct labels
        let assignment = Self.stratifiedFolds(labels: indices, count: folds, seed: seed)
        var predicted = [String](repeating: "", count: labels.count)
        var truthProbability = [Double](repeating: 0, count: labels.count)
        var confidence = [Double](repeating: 0, count: labels.count)
        for fold in 0..<folds {
            let training = assignment.indices.filter { assignment[$0] != fold }
            let classifier = trainer.train(
                documents: training.map { documents[$0] }, labels: training.map { labels[$0] })
            for document in assignment.indices where assignment[document] == fold {
                let probabilities = classifier.probabilities(classifier.vocabulary.vector(documents[document]))
                let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
                predicted[document] = classifier.labels[best]
                confidence[document] = probabilities[best]
                truthProbability[document] =
                    classifier.labels.firstIndex(of: labels[document]).map { probabilities[$0] } ?? 0
            }
        }
        return CrossValidationReport.LanguageReport(
            language: language, labels: names, actual: labels, predicted: predicted,
            truthProbabilities: truthProbability, confidences: confidence)
    }

    /// The fold of each item, keeping each label's share the same in every fold.
    ///
    /// The items of each label are shuffled with a seeded generator, then dealt round-robin; the deal
    /// of each label starts where the previous label's stopped, so fold sizes differ by at most one.
    static func stratifiedFolds(labels: [Int], count: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        var next = 0
        for label in Set(labels).sorted() {
            let members = labels.indices.filter { labels[$0] == label }
            for position in generator.permutation(of: members.count) {
                assignment[members[position]] = next
                next = (next + 1) % count
            }
        }
        return assignment
    }
}

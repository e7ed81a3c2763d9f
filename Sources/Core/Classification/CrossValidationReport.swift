import Foundation

/// The result of a ``CrossValidation``: per language, each label's precision, recall and F1, the
/// macro-F1, and how well the probabilities are calibrated.
///
/// ``description`` renders it as the plain-text table `make eval` prints.
public struct CrossValidationReport: Sendable, CustomStringConvertible {
    /// How well one label was recognised.
    public struct ClassScore: Sendable, Equatable {
        /// The label.
        public var label: String

        /// Of the articles given the label, the share that carry it (0 when none was given it).
        public var precision: Double

        /// Of the articles that carry the label, the share given it.
        public var recall: Double

        /// The harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double

        /// The number of articles that carry the label.
        public var support: Int
    }

    /// The measures of one language.
    public struct LanguageReport: Sendable {
        /// The ISO 639-1 code.
        public var language: String

        /// The number of articles.
        public var count: Int

        /// Each label's scores, in label order.
        public var classes: [ClassScore]

        /// The unweighted mean of the labels' F1: every label counts the same, however rare.
        public var macroF1: Double

        /// The share of articles whose best topic is their label.
        public var accuracy: Double

        /// The mean of `−ln p(label)`, the cross-entropy of the probabilities.
        public var logLoss: Double

        /// The expected calibration error: over ten bins of best-topic probability, the mean gap
        /// between that probability and the share of right answers, weighted by the bin's size.
        public var calibrationError: Double

        /// Computes the measures from each article's label, best topic and probabilities.
        init(
            language: String, labels: [String], actual: [String], predicted: [String],
            truthProbabilities: [Double], confidences: [Double]
        ) {
            self.language = language
            count = actual.count
            classes = labels.map { label in
                let given = predicted.filter { $0 == label }.count
                let carried = actual.filter { $0 == label }.count
                let right = zip(actual, predicted).filter { $0 == label && $1 == label }.count
                let precision = given == 0 ? 0 : Double(right) / Double(given)
                let recall = carried == 0 ? 0 : Double(right) / Double(carried)
                let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
                return ClassScore(label: label, precision: precision, recall: recall, f1: f1, support: carried)
            }
            let total = Double(max(actual.count, 1))
            macroF1 = classes.isEmpty ? 0 : classes.map(\.f1).reduce(0, +) / Double(classes.count)
            accuracy = Double(zip(actual, predicted).filter { $0 == $1 }.count) / total
            logLoss = truthProbabilities.map { -log(max($0, 1e-12)) }.reduce(0, +) / total
            var gap = 0.0
            for bin in 0..<10 {
                let members = confidences.indices.filter { min(Int(confidences[$0] * 10), 9) == bin }
                guard !members.isEmpty else { continue }
                let meanConfidence = members.map { confidences[$0] }.reduce(0, +) / Double(members.count)
                let hits = Double(members.filter { actual[$0] == predicted[$0] }.count) / Double(members.count)
                gap += abs(meanConfidence - hits) * Double(members.count) / total
            }
            calibrationError = gap
        }
    }

    /// The name of the algorithm measured ("logistic-regression").
    public var algorithm: String

    /// The number of folds.
    public var folds: Int

    /// One report per language, in code order.
    public var languages: [LanguageReport]

    /// A table per language: each label's precision, recall, F1 and count, then macro-F1, accuracy
    /// and calibration.
    public var description: String {
        var lines = ["Topic classifier \(algorithm), \(folds)-fold stratified cross-validation"]
        for report in languages {
            lines.append("")
            lines.append("\(report.language): \(report.count) articles")
            lines.append(row("label", "precision", "recall", "F1", "articles"))
            for score in report.classes {
                lines.append(
                    row(
                        score.label, format(score.precision), format(score.recall), format(score.f1),
                        String(score.support)))
            }
            lines.append(row("macro-F1", "", "", format(report.macroF1), ""))
            lines.append(
                "  accuracy \(format(report.accuracy)), log loss \(format(report.logLoss)), "
                    + "calibration error \(format(report.calibrationError))")
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ columns: String...) -> String {
        let padded = label.padding(toLength: max(label.count, 16), withPad: " ", startingAt: 0)
        return "  " + padded + columns.map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }.joined()
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

import Testing

@testable import Core

/// Stratified folds and the arithmetic of precision, recall and F1.
struct ClassificationCrossValidationTests {
    @Test func measuresFollowAHandMadeConfusion() {
        // a: 3 articles, 2 found, 1 taken for b. b: 2 articles, both found. c: 1 article, taken for a,
        // and never predicted, so its precision is 0 by convention.
        let actual = ["a", "a", "a", "b", "b", "c"]
        let predicted = ["a", "a", "b", "b", "b", "a"]
        let report = CrossValidationReport.LanguageReport(
            language: "en", labels: ["a", "b", "c"], actual: actual, predicted: predicted,
            truthProbabilities: [0.9, 0.8, 0.3, 0.7, 0.6, 0.1], confidences: [0.9, 0.8, 0.6, 0.7, 0.6, 0.5])
        let a = CrossValidationReport.ClassScore(label: "a", precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3)
        let b = CrossValidationReport.ClassScore(label: "b", precision: 2 / 3, recall: 1, f1: 0.8, support: 2)
        let c = CrossValidationReport.ClassScore(label: "c", precision: 0, recall: 0, f1: 0, support: 1)
        #expect(report.classes.count == 3)
        for (measured, expected) in zip(report.classes, [a, b, c]) {
            #expect(measured.label == expected.label && measured.support == expected.support)
            #expect(abs(measured.precision - expected.precision) < 1e-12)
            #expect(abs(measured.recall - expected.recall) < 1e-12)
            #expect(abs(measured.f1 - expected.f1) < 1e-12)
        }
        #expect(abs(report.macroF1 - (2.0 / 3 + 0.8) / 3) < 1e-12)
        #expect(abs(report.accuracy - 4.0 / 6) < 1e-12)
    }

    @Test func foldsKeepEachLabelsShareAndRepeat() {
        let labels = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 5) + Array(repeating: 2, count: 7)
        let folds = CrossValidation.stratifiedFolds(labels: labels, count: 5, seed: 7)
        #expect(folds == CrossValidation.stratifiedFolds(labels: labels, count: 5, seed: 7))
        for label in 0...2 {
            let perFold = (0..<5).map { fold in labels.indices.filter { labels[$0] == label && folds[$0] == fold }.count
            }
            #expect(perFold.max()! - perFold.min()! <= 1)
        }
        let sizes = (0..<5).map { fold in folds.filter { $0 == fold }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test func aSeparableCorpusIsCrossValidatedPerfectly() throws {
        let report = try CrossValidation(folds: 3).evaluate(TopicFixtures.corpus(), trainer: TopicTrainer())
        #expect(report.languages.map(\.language) == ["en"])
        #expect(report.languages.first?.macroF1 == 1)
        #expect(report.description.contains("macro-F1"))
        #expect(report.description.contains("politics"))
    }

    @Test func tooFewArticlesForTheFoldsAreRejected() {
        let error = #expect(throws: CorpusError.self) {
            try CrossValidation(folds: 5).evaluate(TopicFixtures.corpus(perLabel: 1), trainer: TopicTrainer())
        }
        #expect(error?.code == .tooSmall)
    }
}

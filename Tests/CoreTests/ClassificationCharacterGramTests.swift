import Foundation
import Testing

@testable import Core

/// Character n-grams as topic features, and the model file that stores their lengths.
struct ClassificationCharacterGramTests {
    private static let threeToFive = CharacterGrams(minimumLength: 3, maximumLength: 5)!  // valid lengths

    @Test func gramsAreCutWithinWordBoundariesShortestFirst() {
        #expect(
            Self.threeToFive.grams(of: "vote")
                == ["# vo", "# vot", "# vote", "#vot", "#vote", "#vote ", "#ote", "#ote ", "#te "])
    }

    @Test func aShortWordGivesItsPaddedSelf() {
        #expect(Self.threeToFive.grams(of: "a") == ["# a "])
        #expect(CharacterGrams(minimumLength: 2, maximumLength: 2)!.grams(of: "ok") == ["# o", "#ok", "#k "])
    }

    @Test func gramsCountCharactersNotBytes() {
        #expect(Self.threeToFive.grams(of: "мир").first == "# ми")
        #expect(Self.threeToFive.grams(of: "мир").count == 6)
    }

    @Test(arguments: [(0, 3), (4, 3), (1, 256)])
    func impossibleLengthsAreRefused(minimum: Int, maximum: Int) {
        #expect(CharacterGrams(minimumLength: minimum, maximumLength: maximum) == nil)
    }

    @Test func gramsOfAWordCountAsOftenAsTheWordAndStopWordsGiveNone() {
        let features = TopicFeatures(titleWeight: 2, usesBigrams: false, characterGrams: Self.threeToFive)
        let counts = features.counts(
            title: "Vaccine", text: "The vaccine and the vaccine", analyzer: Analyzer(language: "en"))
        #expect(counts["vaccin"] == 4)  // twice in the headline (weight 2), twice in the body
        #expect(counts["#ccine"] == 4)
        #expect(counts["# th"] == nil)  // "the" is a stop word
    }

    @Test func noGramsWithoutCharacterGrams() {
        let features = TopicFeatures(titleWeight: 2, usesBigrams: false)
        let counts = features.counts(title: "", text: "vaccine", analyzer: Analyzer(language: "en"))
        #expect(counts == ["vaccin": 1])
    }

    @Test func gramsAndWordsAreCappedApart() {
        let documents: [[String: Double]] = [
            ["a": 1, "b": 1, "#x": 1, "#y": 1], ["a": 1, "b": 1, "#x": 1, "#y": 1], ["a": 1, "#x": 1],
        ]
        let vocabulary = TopicVocabulary(
            documents: documents, minimumDocumentFrequency: 1, maximumCount: 1, maximumGramCount: 1)
        #expect(vocabulary.terms == ["#x", "a"])
    }

    @Test func aModelWithGramsSavesItsLengths() throws {
        let trainer = TopicTrainer(characterGrams: 2...4)
        let model = try trainer.train(on: TopicFixtures.corpus())
        let loaded = try TopicModel(data: model.data())
        #expect(loaded == model)
        #expect(loaded.classifiers["en"]?.features.characterGrams == CharacterGrams(minimumLength: 2, maximumLength: 4))
    }

    @Test func aVersionOneFileIsStillRead() throws {
        var writer = ModelByteWriter()
        writer.write(bytes: TopicModel.magic)
        writer.write(UInt32(1))
        writer.write(UInt32(1))
        writer.write("en")
        writer.write(UInt32(2))
        writer.write("politics")
        writer.write("sports")
        writer.write([Float(2)])
        writer.write(UInt8(0))
        writer.write([Float(1)])
        writer.write(UInt32(1))
        writer.write("goal")
        writer.write([Float(1)])
        writer.write([Float(-1), Float(1)])
        writer.write([Float(0), Float(0)])
        writer.write(ModelByteWriter.checksum(writer.bytes))
        let model = try TopicModel(data: Data(writer.bytes))
        #expect(model.classifiers["en"]?.features.characterGrams == nil)
        #expect(model.classify(title: "Goal", text: "", language: "en").best == "sports")
    }
}

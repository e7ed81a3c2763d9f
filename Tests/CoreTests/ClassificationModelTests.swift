import Foundation
import Testing

@testable import Core

/// Training, classifying, and the model file.
struct ClassificationModelTests {
    private static let model = try! TopicTrainer().train(on: TopicFixtures.corpus())  // the fixture always trains

    @Test(arguments: [
        ("Striker scores", "The coach praised the goal and the referee gave a penalty at the stadium.", "sports"),
        ("Senate vote", "The minister lost the ballot; the coalition policy angered voters.", "politics"),
        ("Hospital strain", "Doctors and nurses treat patients as the virus spreads; vaccine soon.", "health"),
    ])
    func aTinyCorpusIsLearnt(title: String, text: String, label: String) {
        let prediction = Self.model.classify(title: title, text: text, language: "en")
        #expect(prediction.best == label)
        #expect(prediction.topics.first.map { $0.score > 0.5 } == true)
    }

    @Test func scoresAreProbabilitiesBestFirst() {
        let topics = Self.model.classify(title: "Election", text: "The vaccine vote in parliament", language: "en")
            .topics
        #expect(!topics.isEmpty)
        #expect(topics.allSatisfy { (0...1).contains($0.score) })
        #expect(topics.map(\.score) == topics.map(\.score).sorted(by: >))
    }

    @Test func theModelKnowsItsLanguagesAndLabels() {
        #expect(Self.model.languages == ["en"])
        #expect(Self.model.labels(for: "EN-gb") == ["health", "politics", "sports"])
        #expect(Self.model.labels(for: "de").isEmpty)
    }

    @Test func aLanguageWithoutAModelIsUnavailableWithTheReason() {
        let prediction = Self.model.classify(title: "Tor", text: "Der Stürmer schießt ein Tor", language: "de")
        #expect(prediction == .unavailable(reason: "no topic model for language 'de'"))
    }

    @Test(arguments: ["", "zzz qqq xxyy"])
    func textWithoutAKnownWordIsUnavailable(text: String) {
        let prediction = Self.model.classify(title: "", text: text, language: "en")
        #expect(prediction.topics.isEmpty)
        #expect(prediction.reason != nil)
    }

    @Test func closeTopicsAreKeptAndFarOnesDropped() {
        let labels = ["business", "politics", "sports"]
        let close = TopicPrediction.choosing(labels: labels, probabilities: [0.40, 0.05, 0.55])
        #expect(
            close == .topics([TopicScore(label: "sports", score: 0.55), TopicScore(label: "business", score: 0.4)]))
        let far = TopicPrediction.choosing(labels: labels, probabilities: [0.08, 0.02, 0.90])
        #expect(far.topics.map(\.label) == ["sports"])
        // Within the ratio but under the floor: a 0.2 beside a 0.3 is noise among many labels.
        let low = TopicPrediction.choosing(labels: labels, probabilities: [0.2, 0.5, 0.3])
        #expect(low.topics.map(\.label) == ["politics", "sports"])
    }

    @Test func aSavedModelPredictsExactlyAsTheTrainedOne() throws {
        let folder = try TopicFixtures.Folder()
        let file = folder.url.appendingPathComponent("topics.model")
        try Self.model.data().write(to: file)
        let loaded = try TopicModel(contentsOf: file)
        #expect(loaded == Self.model)
        for example in TopicFixtures.corpus(perLabel: 4) {
            let text = example.text.uppercased()
            #expect(
                loaded.classify(title: example.title, text: text, language: "en")
                    == Self.model.classify(title: example.title, text: text, language: "en"))
        }
    }

    @Test func trainingTwiceGivesTheSameBytes() throws {
        let again = try TopicTrainer().train(on: TopicFixtures.corpus())
        #expect(again.data() == Self.model.data())
    }

    @Test func aDamagedFileIsRejected() {
        var bytes = Self.model.data()
        bytes[bytes.count / 2] ^= 0x40
        let error = #expect(throws: TopicModelError.self) { try TopicModel(data: bytes) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("make model") == true)
    }

    @Test func aTruncatedFileIsRejected() {
        let error = #expect(throws: TopicModelError.self) { try TopicModel(data: Self.model.data().prefix(100)) }
        #expect(error?.code == .corrupt)
    }

    @Test func aForeignFileIsRejectedNamingItsPath() throws {
        let folder = try TopicFixtures.Folder()
        let file = folder.url.appendingPathComponent("notes.txt")
        try Data("category\theadline\ttext\n".utf8).write(to: file)
        let error = #expect(throws: TopicModelError.self) { try TopicModel(contentsOf: file) }
        #expect(error?.code == .foreign)
        #expect(error?.message.hasPrefix("'\(file.path)':") == true)
    }

    @Test func aNewerFormatIsRejectedAsSuch() {
        var bytes = Self.model.data()
        bytes[TopicModel.magic.count] = 9
        let error = #expect(throws: TopicModelError.self) { try TopicModel(data: bytes) }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test func aLanguageWithOneLabelCannotBeTrained() {
        let single = TopicFixtures.corpus().filter { $0.label == "sports" }
        let error = #expect(throws: CorpusError.self) { try TopicTrainer().train(on: single) }
        #expect(error?.code == .tooSmall)
    }
}

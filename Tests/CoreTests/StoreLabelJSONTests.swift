import Foundation
import Testing

@testable import Core

/// The topics and entities stored as JSON: written by hand, read back by `JSONDecoder`.
struct StoreLabelJSONTests {
    static let awkwardNames = [
        "", "politics", "a/b", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{01}\u{08}\u{0C}\u{1F}\u{7F}",
        "Zelensky — Зеленський", "emoji 😀 and \u{2028}",
    ]

    @Test(arguments: awkwardNames)
    func topicsReadBackAsWritten(label: String) throws {
        let topics = [
            TopicScore(label: label, score: 0.875), TopicScore(label: "x", score: 1), TopicScore(label: "y", score: 0),
            TopicScore(label: "z", score: 1e-5), TopicScore(label: "w", score: 0.333),
        ]
        let text = try LabelJSON.text(of: topics)
        #expect(try JSONDecoder().decode([TopicScore].self, from: Data(text.utf8)) == topics)
        // Numbers as JSONEncoder writes them.
        #expect(text.contains("\"score\":1}") && text.contains("\"score\":0.875}") && text.contains("1e-05"))
    }

    @Test(arguments: awkwardNames)
    func entitiesReadBackAsWritten(name: String) throws {
        let entities = [
            Entity(id: "person:\(name)", name: name, kind: .person, mentions: 3),
            Entity(id: "city:kyiv", name: "Kyiv", kind: .place), Entity(id: "NATO", name: "OTAN", kind: .organisation),
        ]
        let text = LabelJSON.text(of: entities)
        #expect(try JSONDecoder().decode([Entity].self, from: Data(text.utf8)) == entities)
    }

    @Test func noLabelsIsAnEmptyArray() throws {
        #expect(try LabelJSON.text(of: [TopicScore]()) == "[]")
        #expect(LabelJSON.text(of: [Entity]()) == "[]")
    }

    @Test func aScoreJSONCannotHoldIsRefusedAsJSONEncoderRefusesIt() {
        #expect(throws: (any Error).self) { try LabelJSON.text(of: [TopicScore(label: "x", score: .nan)]) }
    }
}

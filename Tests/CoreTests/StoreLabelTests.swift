import Core
import Foundation
import Testing

/// Topics, entities and languages as searchable labels, and alert rules evaluated at commit.
struct StoreLabelTests {
    let store: Store

    init() throws {
        store = try Store.temporary("labels")
    }

    static let nato = Entity(id: "NATO", name: "NATO", kind: .organisation)
    static let russia = Entity(id: "RU", name: "Russia", kind: .place)
    static let lavrov = Entity(id: "person:sergei-lavrov", name: "Sergei Lavrov", kind: .person)

    func file(_ name: String, _ title: String, language: String, topic: String, entities: [Entity]) -> FileOutcome {
        var article = Article(
            title: title, text: title + ". " + title, language: language, languageConfidence: 0.9, format: "text")
        article.topics = [TopicScore(label: topic, score: 0.9)]
        article.entities = entities
        return FileOutcome(
            path: "/in/" + name, sha256: name, size: 1, modificationTime: 1, result: .articles([article]))
    }

    func paths(_ query: String, known: [String: [String]] = [:]) throws -> [String] {
        try store.search(SearchQuery(parsing: query), knownEntityIDs: { known[$0] ?? [] }).map(\.path).sorted()
    }

    func ingestThree(alerts: [AlertRule] = []) throws -> [StoredEvent] {
        try store.commit(
            [
                file(
                    "fr.txt", "L'OTAN répond à la Russie", language: "fr", topic: "politics",
                    entities: [Self.nato, Self.russia, Self.lavrov]),
                file("en.txt", "NATO summit opens", language: "en", topic: "politics", entities: [Self.nato]),
                file("sport.txt", "Russia wins the final", language: "en", topic: "sports", entities: [Self.russia]),
            ], alerts: alerts, knownEntityIDs: { $0 == "OTAN" ? ["NATO"] : [] })
    }

    @Test func labelsAreSearchableAloneAndWithWords() throws {
        _ = try ingestThree()
        #expect(try paths("entity:NATO") == ["/in/en.txt", "/in/fr.txt"])
        #expect(try paths("entity:OTAN", known: ["OTAN": ["NATO"]]) == ["/in/en.txt", "/in/fr.txt"])
        #expect(try paths("entity:NATO AND entity:RU") == ["/in/fr.txt"])
        #expect(try paths("entity:RU -topic:sports") == ["/in/fr.txt"])
        #expect(try paths("topic:sports OR lang:fr") == ["/in/fr.txt", "/in/sport.txt"])
        #expect(try paths("summit entity:NATO") == ["/in/en.txt"])
        #expect(try paths("entity:Lavrov") == ["/in/fr.txt"])
        // A person is found by any whole word of the name, in any case and accents, not by a part
        #expect(try paths("entity:SERGEÏ") == ["/in/fr.txt"])
        #expect(try paths("entity:Lavr").isEmpty)
        #expect(try paths("entity:Nobody").isEmpty)
    }

    @Test func aLabelIsNotAWord() throws {
        _ = try ingestThree()
        #expect(try paths("politics").isEmpty)
        #expect(try paths("entity").isEmpty)
    }

    @Test func alertRulesFireForMatchingArrivalsAtTheirPriority() throws {
        let rule = AlertRule(
            name: "nato-russia", query: try SearchQuery(parsing: "entity:OTAN AND entity:RU"), priority: 2)
        let other = AlertRule(name: "sport", query: try SearchQuery(parsing: "topic:sports"), priority: 5)
        let events = try ingestThree(alerts: [rule, other])
        let alerts = events.filter { $0.kind == .alert }
        #expect(alerts.map(\.alert) == ["nato-russia", "sport"])
        #expect(alerts.map(\.path) == ["/in/fr.txt", "/in/sport.txt"])
        #expect(alerts.map(\.alertPriority) == [2, 5])
        #expect(alerts[0].topics == "politics")
        #expect(try store.unsentEvents().filter { $0.kind == .alert }.map(\.alert) == ["nato-russia", "sport"])
    }

    @Test func anUnchangedFileFiresNoAlertAgain() throws {
        let rule = AlertRule(name: "nato", query: try SearchQuery(parsing: "entity:NATO"), priority: 4)
        _ = try ingestThree(alerts: [rule])
        #expect(try ingestThree(alerts: [rule]).isEmpty)
    }
}

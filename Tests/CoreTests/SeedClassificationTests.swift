import Core
import Foundation
import Testing

/// The committed topic model and entity tables on the seeds, through the whole pipeline.
struct SeedClassificationTests {
    static let pipeline: Pipeline = {
        do {
            let data = EntityTestData.dataDirectory
            let model = try TopicModel(contentsOf: data.appendingPathComponent("topics.model"))
            return Pipeline(classifier: Classifier(topicModel: model, recognizer: EntityTestData.recognizer))
        } catch {
            fatalError("Cannot load data/topics.model: \(error) (run `make model`)")  // every test needs it
        }
    }()

    func article(_ prefix: String) throws -> Article {
        let text = try EntityTestData.seed(prefix)
        return try #require(try Self.pipeline.articles(from: Array(text.utf8), fileName: prefix + ".txt").first)
    }

    @Test func seed001HasItsHeadlineAndACleanText() throws {
        let article = try article("001")
        #expect(
            article.title
                == "Nous ne pouvons pas faire de compromis, et nous ne le ferons pas. Qu'ont dit les États-Unis et l'OTAN à la Russie ?"
        )
        for boilerplate in ["Bbabo NET", "Actualités", "Retour aux actualités »"] {
            #expect(!article.text.contains(boilerplate))
        }
        #expect(!article.text.hasSuffix(article.title))
    }

    @Test func seed002IsDatedDecember2021AndItsTextDoesNotStartWithTheDate() throws {
        let article = try article("002")
        #expect(article.date?.hasPrefix("2021-12") == true)
        #expect(!article.text.lowercased().hasPrefix("date"))
        #expect(!article.text.hasPrefix("2021"))
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everySeedIsPolitics(prefix: String) throws {
        let article = try article(prefix)
        #expect(article.topics.first?.label == "politics")
        #expect(article.topicsNote == nil)
    }

    @Test func englishAndFrenchReportsShareTheirMainEntities() throws {
        let english = Set(try article("000").entities.map(\.id))
        let french = Set(try article("001").entities.map(\.id))
        #expect(english.isSuperset(of: ["NATO", "RU", "US", "UA"]))
        #expect(french.isSuperset(of: ["NATO", "RU", "US", "UA"]))
        #expect(try article("001").entities.contains { $0.id == "person:maria-zakharova" && $0.kind == .person })
    }

    @Test func aLanguageWithoutAModelGetsNoTopicsAndTheReason() throws {
        let text =
            "Die Verhandlungen zwischen der NATO und Russland wurden am Montag in Genf fortgesetzt. "
            + "Beide Seiten sprachen von einem offenen Austausch über Sicherheitsgarantien in Europa."
        let article = try #require(try Self.pipeline.articles(from: Array(text.utf8), fileName: "de.txt").first)
        #expect(article.language == "de")
        #expect(article.topics.isEmpty)
        #expect(article.topicsNote?.contains("'de'") == true)
        #expect(article.entities.map(\.id).contains("NATO"))
    }
}

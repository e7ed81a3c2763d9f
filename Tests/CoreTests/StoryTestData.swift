import Core
import Foundation

/// Articles for the story tests: the seeds, the English report of seed 001's event, and the
/// labelled corpus, with real entities and the shipped rarity table.
enum StoryTestData {
    /// The rarity table shipped in `data/idf.tsv`, loaded once.
    static let rarity: TermRarity = {
        do {
            return try TermRarity(contentsOf: EntityTestData.dataDirectory)
        } catch {
            fatalError("Cannot load \(EntityTestData.dataDirectory.path)/idf.tsv: \(error)")  // every test needs it
        }
    }()

    /// The labelled corpus: `/work/shared/corpus/labeled` on the build machine.
    static let corpusDirectory = EntityTestData.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/labeled")

    /// The hand-written English report of seed 001's event (the Kremlin and the leaked answers).
    static let englishReportURL = EntityTestData.packageRoot.appendingPathComponent(
        "Tests/Fixtures/stories/kremlin-el-pais-en.txt")

    /// An article with its entities recognised, its title the first line of four words or more (as
    /// the plain-text extractor takes it) unless `title` is given.
    static func article(_ raw: String, language: String, title: String? = nil) -> Article {
        var body = raw
        var headline = title ?? ""
        if title == nil {
            let lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.firstIndex(where: { $0.split(separator: " ").count >= 4 }) {
                headline = lines[first].trimmingCharacters(in: .whitespaces)
                body = lines[(first + 1)...].joined(separator: "\n")
            }
        }
        var article = Article(title: headline, text: body, language: language, languageConfidence: 1, format: "text")
        article.entities = EntityTestData.recognizer.entities(title: headline, text: body, language: language)
        return article
    }

    /// Seed `prefix` ("001"): 000 is English, the others French.
    static func seed(_ prefix: String) throws -> Article {
        article(try EntityTestData.seed(prefix), language: prefix == "000" ? "en" : "fr")
    }

    /// The English report of seed 001's event.
    static func englishReport() throws -> Article {
        article(try String(contentsOf: englishReportURL, encoding: .utf8), language: "en")
    }

    /// The first `count` articles of each of `eng.tsv` and `fra.tsv`, English first.
    static func corpus(perLanguage count: Int) throws -> [Article] {
        try ["eng.tsv", "fra.tsv"].flatMap { name in
            try LabeledCorpus.examples(tsvAt: corpusDirectory.appendingPathComponent(name)).prefix(count).map {
                article($0.text, language: $0.language, title: $0.title)
            }
        }
    }

    /// The features of an article, with the real rarity table and gazetteer.
    static func features(_ article: Article) -> StoryFeatures {
        StoryFeatures(article: article, rarity: rarity, recognizer: EntityTestData.recognizer)
    }

    /// A fixed instant for the first article, 27 January 2022, 08:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_643_270_400)
}

import Core
import Foundation
import Testing

/// No single input can make ingest of the others slow: long words, long texts, huge feeds.
struct IngestLimitTests {
    @Test func aWordLongerThanTheLimitIsSkippedWhole() {
        let long = String(repeating: "a", count: 5_000)
        let terms = Analyzer(language: "en").terms(in: "Ministers met \(long) in Brussels")
        #expect(terms.contains("brussel") || terms.contains("brussels"))
        #expect(terms.allSatisfy { $0.utf8.count <= Analyzer.maximumWordLength })
        #expect(!terms.contains { $0.hasPrefix("aaaa") })
    }

    @Test func aTextPastTheWordLimitIsCutWithANote() throws {
        let pipeline = Pipeline(limits: IngestLimits(maxArticlesPerFile: 100, maxWordsPerArticle: 50))
        let text =
            "Ministers met in Brussels to agree the budget\n\n"
            + String(repeating: "The talks went on late into the night and ended without a deal. ", count: 40)
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "long.txt").first)
        #expect(article.text.split(whereSeparator: \.isWhitespace).count <= 51)
        #expect(article.text.hasSuffix("…"))
        #expect(article.note?.contains("max_words_per_article") == true)
    }

    @Test func aFeedPastTheArticleLimitKeepsTheFirstWithANote() throws {
        let pipeline = Pipeline(limits: IngestLimits(maxArticlesPerFile: 3, maxWordsPerArticle: 1000))
        let feed = (0..<10).map {
            "{\"id\":\"n\($0)\",\"title\":\"Bulletin \($0) of the wire\",\"text\":\"Report \($0) says grain left port.\"}"
        }.joined(separator: "\n")
        let articles = try pipeline.articles(from: Array(feed.utf8), fileName: "feed.ndjson")
        #expect(articles.map(\.item) == ["n0", "n1", "n2"])
        #expect(articles[0].note?.contains("only the first 3 of the file's 10 articles") == true)
        #expect(articles[1].note == nil)
    }

    @Test func aFileCommittedInPartsIsRecordedWithItsLastPart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store(stateDirectory: directory, create: true)
        func article(_ item: String) -> Article {
            Article(
                item: item, title: "Bulletin \(item)", text: "Report \(item) says grain left port \(item).",
                language: "en", languageConfidence: 0.9, format: "json")
        }
        func part(_ items: [String], last: Bool) -> FileOutcome {
            FileOutcome(
                path: "/in/feed.ndjson", sha256: "2", size: 10, modificationTime: 1,
                result: .part(FilePart(articles: items.map(article), allItems: last ? ["a", "b", "c"] : nil)))
        }
        // Given a feed stored with an item that has since left it
        _ = try store.commit([
            FileOutcome(
                path: "/in/feed.ndjson", sha256: "1", size: 10, modificationTime: 1,
                result: .articles([article("a"), article("gone")]))
        ])
        // When its new version is committed in two parts
        let first = try store.commit([part(["a", "b"], last: false)])
        // Then the first part adds what is new, and the file still has its old identity
        #expect(first.map(\.kind) == [.ingested])
        #expect(try store.knownFile(at: "/in/feed.ndjson")?.sha256 == "1")
        // And the last part records the file and removes the item that left
        let last = try store.commit([part(["c"], last: true)])
        #expect(last.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.ingested, .removed])
        #expect(try store.knownFile(at: "/in/feed.ndjson")?.sha256 == "2")
        #expect(try store.status().documents == 3)
    }
}

import Foundation
import Testing

@testable import Core

/// Stories as the store keeps them: placed in the ingest transaction, and taken apart again when
/// their articles are removed.
struct StoreStoryTests {
    let store: Store

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stories-\(UUID().uuidString)")
        store = try Store(stateDirectory: directory.path, create: true)
    }

    func outcome(_ path: String, _ article: Article) -> FileOutcome {
        var article = article
        article.storyFeatures = StoryTestData.features(article)
        return FileOutcome(path: path, sha256: path, size: 10, modificationTime: 1, result: .articles([article]))
    }

    @Test func removingArticlesShrinksTheirStoryAndFinallyDeletesIt() throws {
        // Given 001, the English report of the same event and a copy of 001, in one story
        let original = try StoryTestData.seed("001")
        let report = try StoryTestData.englishReport()
        let events = try store.commit([
            outcome("/in/001.txt", original), outcome("/in/report.txt", report), outcome("/in/copy.txt", original),
        ])
        #expect(events.map(\.kind) == [.ingested, .ingested, .duplicate])
        let storyIDs = Set(events.compactMap(\.storyID))
        #expect(storyIDs.count == 1)
        var story = try #require(try store.stories().first)
        #expect((story.size, story.duplicates) == (2, 1))

        // When 001 goes, the story has one article left, and a headline that still exists
        _ = try store.remove(paths: ["/in/001.txt"])
        story = try #require(try store.stories().first)
        #expect(story.size == 1)
        #expect(story.headline == report.title)
        #expect(story.documents.count == 2)

        // When the copy and the report go too, the story is gone
        _ = try store.remove(paths: ["/in/copy.txt"])
        story = try #require(try store.stories().first)
        #expect((story.size, story.duplicates) == (1, 0))
        #expect(story.headline == report.title)
        _ = try store.remove(paths: ["/in/report.txt"])
        #expect(try store.stories().isEmpty)
    }

    @Test func aNewArticleAfterItsStoryWasDeletedStartsANewStory() throws {
        let report = try StoryTestData.englishReport()
        let first = try store.commit([outcome("/in/report.txt", report)])
        _ = try store.remove(paths: ["/in/report.txt"])
        let second = try store.commit([outcome("/in/again.txt", report)])
        let before = try #require(first.first?.storyID)
        let after = try #require(second.first?.storyID)
        // Story ids are never reused, so journal entries keep naming one story.
        #expect(after > before)
        #expect(second.map(\.kind) == [.ingested])
    }
}

import Foundation
import GRDB
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

    @Test func aStoryClosesOnceItLeavesTheWindowAndALaterReportStartsAnother() throws {
        // Given 001 ingested eight days ago, and 004 (the same event) within the hour after it
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try store.commit([outcome("/in/001.txt", try StoryTestData.seed("001"))], at: start)
        let sameDay = try store.commit(
            [outcome("/in/004.txt", try StoryTestData.seed("004"))], at: start.addingTimeInterval(600))
        #expect(first.first?.storyID == sameDay.first?.storyID)
        // When the English report arrives eight days later
        let later = try store.commit(
            [outcome("/in/report.txt", try StoryTestData.englishReport())], at: start.addingTimeInterval(8 * 86_400))
        // Then it starts a story of its own, and the old story's key rows are gone
        let laterStory = try #require(later.first?.storyID)
        #expect(laterStory != first.first?.storyID)
        let oldKeys = try store.pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM story_keys WHERE story_id = ?", arguments: [first.first?.storyID])
        }
        #expect(oldKeys == 0)
    }
}

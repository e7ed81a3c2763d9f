import Foundation
import GRDB
import Testing

@testable import Core

/// Stories as the store keeps them: placed in the ingest transaction, and taken apart again when
/// their articles are removed.
struct StoreStoryTests {
    let directory: String
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stories-\(UUID().uuidString)").path
        store = try Store(stateDirectory: directory, create: true)
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
        // Then it starts a story of its own, and the old story's index row and fingerprints are gone
        let laterStory = try #require(later.first?.storyID)
        #expect(laterStory != first.first?.storyID)
        let oldRows = try store.pool.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT (SELECT count(*) FROM story_index WHERE story_id = ?1) + "
                    + "(SELECT count(*) FROM fingerprints WHERE story_id = ?1)",
                arguments: [first.first?.storyID])
        }
        #expect(oldRows == 0)
        // and a copy of 001 now is new, not a duplicate of the closed story's article
        let copy = try store.commit(
            [outcome("/in/001-copy.txt", try StoryTestData.seed("001"))], at: start.addingTimeInterval(8 * 86_400 + 60))
        #expect(copy.map(\.kind) == [.ingested])
    }

    @Test func aSecondStoreOnTheSameArchiveSeesTheFirstOnesStories() throws {
        // Given 001 committed by one store (the service, say)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try store.commit([outcome("/in/001.txt", try StoryTestData.seed("001"))], at: start)
        // and a second store on the same archive that placed an article before (its index loaded)
        let other = try Store(stateDirectory: directory, create: false)
        _ = try other.commit([outcome("/in/000.txt", try StoryTestData.seed("000"))], at: start)
        // When the first store places 004 and then the second one places a copy of 004
        let sameEvent = try store.commit([outcome("/in/004.txt", try StoryTestData.seed("004"))], at: start)
        let copy = try other.commit([outcome("/in/004-copy.txt", try StoryTestData.seed("004"))], at: start)
        // Then the second store sees what the first one wrote since: the copy is a duplicate of 004
        #expect(sameEvent.first?.storyID == first.first?.storyID)
        #expect(copy.map(\.kind) == [.duplicate])
        #expect(copy.first?.duplicateOf == sameEvent.first?.documentID)
    }

    @Test func aStoryChangedByASecondStoreIsReadAgainBeforeTheFirstOneWritesIt() throws {
        // Given 001 and then a copy of it placed by one store, which knows its story's version
        // since it wrote it (the copy's batch, after the first one closed the window's old stories)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try store.commit([outcome("/in/001.txt", try StoryTestData.seed("001"))], at: start)
        let copy = try store.commit([outcome("/in/001-copy.txt", try StoryTestData.seed("001"))], at: start)
        #expect(copy.map(\.kind) == [.duplicate])
        // and a second store that adds the English report to that story (a new version of it)
        let other = try Store(stateDirectory: directory, create: false)
        let joined = try other.commit([outcome("/in/report.txt", try StoryTestData.englishReport())], at: start)
        #expect(joined.first?.storyID == first.first?.storyID)
        // When the first store places 004, the same event
        let third = try store.commit([outcome("/in/004.txt", try StoryTestData.seed("004"))], at: start)
        // Then it joined the story as the second store left it: three articles and the copy, none lost
        #expect(third.first?.storyID == first.first?.storyID)
        let story = try #require(try store.stories().first)
        #expect((story.size, story.duplicates) == (3, 1))
    }

    @Test func anArchiveOfTheKeyTablesKeepsItsOpenStoriesWhenUpgraded() throws {
        // Given an archive at the schema before the open-story index, holding 001 in an open story
        let old = FileManager.default.temporaryDirectory.appendingPathComponent("v3-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        let original = try StoryTestData.seed("001")
        let profile = StoryProfile(
            id: 0, features: StoryTestData.features(original), docID: 1, title: original.title, at: Date())
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: NewsTokenizer.self) }
        let queue = try DatabaseQueue(path: old + "/" + Store.databaseName, configuration: configuration)
        try Store.migrator.migrate(queue, upTo: "v3-stories-digests")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stories (id, headline, headline_doc, first_seen, last_seen, size, languages, version, profile)
                    VALUES (7, ?, 1, ?, ?, 1, 'fr', 1, ?)
                    """,
                arguments: [
                    profile.headline, Date().timeIntervalSince1970, Date().timeIntervalSince1970,
                    Data(profile.encoded()),
                ])
        }
        try queue.close()
        // When the store opens it (and upgrades it) and 004, the same event, arrives
        let upgraded = try Store(stateDirectory: old, create: false)
        var report = try StoryTestData.seed("004")
        report.storyFeatures = StoryTestData.features(report)
        let events = try upgraded.commit([
            FileOutcome(path: "/in/004.txt", sha256: "4", size: 1, modificationTime: 1, result: .articles([report]))
        ])
        // Then 004 joins the old story
        #expect(events.first?.storyID == 7)
    }

    @Test func anArchiveWithoutSimilarityRecordsGetsThemWhenUpgraded() throws {
        // Given 001 in an open story of an archive made to look older than the similarity records
        let original = try StoryTestData.seed("001")
        let first = try store.commit([outcome("/in/001.txt", original)])
        let story = try #require(first.first?.storyID)
        try store.pool.write { db in
            try db.execute(sql: "ALTER TABLE story_index DROP COLUMN similarity")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-story-similarity-records'")
        }
        // When the store opens it again (and upgrades it)
        let upgraded = try Store(stateDirectory: directory, create: false)
        // Then the open story's row holds what comparing reads of its stored record
        let (stored, compared) = try upgraded.pool.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db,
                    sql: "SELECT s.profile, i.similarity FROM stories s JOIN story_index i ON i.story_id = s.id"))
            return ([UInt8](row["profile"] as Data), (row["similarity"] as Data?).map { [UInt8]($0) })
        }
        #expect(compared == StoryProfile.similarityRecord(of: stored))
        // And 004, a report of the same event, joins it
        let next = try upgraded.commit([outcome("/in/004.txt", try StoryTestData.seed("004"))])
        #expect(next.first?.storyID == story)
    }
}

import Foundation
import GRDB
import Testing

@testable import Core

/// What the outbox keeps of an event beyond its columns: a note, a published digest, and what
/// older archives stored in their place (their journal fields). On ``StoreTests``' archive.
extension StoreTests {
    @Test func aPublishedDigestComesBackFromTheOutboxWithItsMarkdownAndCounts() throws {
        var digest = DigestHTMLTests.sample()
        digest.totals.rejected = 2
        let recorded = try store.recordPublished(digest, path: "/state/digests/2026-11-22.md")
        let sent = try #require(try store.unsentEvents().first { $0.id == recorded.id })
        let published = try #require(sent.digest)
        #expect(published.markdown == digest.markdown)
        #expect(published.date == "2026-11-22")
        #expect(published.totals.ingested == 4 && published.totals.rejected == 2)
        #expect(published.storyCount == 1)
        #expect(published.topStory == "Talks <b>resume</b> & \"end\"")
        #expect(sent.note == nil)
    }

    @Test func anArticleCutByALimitCarriesItsNoteAndOthersNoPayload() throws {
        var cut = Article(
            item: "", title: "Long", text: "Un texte coupé.", language: "fr", languageConfidence: 0.9, format: "text")
        cut.note = "the text was cut after 20000 words (max_words_per_article)"
        let whole = Article(
            item: "", title: "Court", text: "Un texte entier.", language: "fr", languageConfidence: 0.9, format: "text")
        _ = try store.commit([
            FileOutcome(path: "/in/long.txt", sha256: "a", size: 1, modificationTime: 1, result: .articles([cut])),
            FileOutcome(path: "/in/short.txt", sha256: "b", size: 1, modificationTime: 1, result: .articles([whole])),
        ])
        let events = try store.unsentEvents()
        #expect(events.first { $0.path == "/in/long.txt" }?.note == cut.note)
        #expect(events.first { $0.path == "/in/short.txt" }?.note == nil)
        let payloads = try store.pool.read { db in
            try String?.fetchAll(db, sql: "SELECT payload FROM events ORDER BY id")
        }
        #expect(payloads.compactMap { $0 }.count == 1)
    }

    @Test func anEventAnOlderArchiveStoredWithItsJournalFieldsIsReadWhole() throws {
        let legacyDigest = """
            {"MESSAGE":"# Digest","NEWSDROP_DATE":"2026-11-20","NEWSDROP_INGESTED":"7","NEWSDROP_UPDATED":"1",\
            "NEWSDROP_REMOVED":"0","NEWSDROP_DUPLICATES":"2","NEWSDROP_REJECTED":"3","NEWSDROP_ALERTS":"4",\
            "NEWSDROP_STORIES":"5","NEWSDROP_TOP_STORY":"Talks resume"}
            """
        let legacyNote = #"{"NEWSDROP_NOTE":"only the first 10 of the file's 12 articles were kept"}"#
        try store.pool.write { db in
            for (kind, payload) in [("digest", legacyDigest), ("ingested", legacyNote)] {
                try db.execute(
                    sql: "INSERT INTO events (kind, path, payload, created_at) VALUES (?, '/old', ?, 1)",
                    arguments: [kind, payload])
            }
        }
        let events = try store.unsentEvents()
        let digest = try #require(events.first { $0.kind == .digest }?.digest)
        #expect(digest.markdown == "# Digest" && digest.date == "2026-11-20")
        #expect(digest.totals.ingested == 7 && digest.totals.duplicates == 2 && digest.totals.alerts == 4)
        #expect(digest.storyCount == 5 && digest.topStory == "Talks resume")
        #expect(events.first { $0.kind == .ingested }?.note == "only the first 10 of the file's 12 articles were kept")
    }

    @Test func anUnreadablePayloadLeavesTheEventWithoutOne() {
        #expect(EventPayload(json: "not json") == EventPayload(note: nil, digest: nil))
        #expect(EventPayload(json: nil) == EventPayload(note: nil, digest: nil))
    }
}

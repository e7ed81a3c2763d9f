import Core
import Foundation
import Testing

/// What every archive does, run against each implementation: the SQLite file and a real
/// PostgreSQL 15 (``TestDatabase``). The daemon sees no difference between them.
struct ArchiveContractTests {
    typealias Backend = ArchiveFixtures.Backend

    @Test(arguments: Backend.allCases)
    func committedFilesAreKnownAndTheirEventsWaitInTheOutbox(_ backend: Backend) throws {
        // Given the five seeds committed in one batch
        let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
        let outcomes = try ArchiveFixtures.seeds().map { ArchiveFixtures.outcome("/in/" + $0.name, $0.text) }
        let events = try archive.commit(outcomes)
        // Then each file is known with its digest, and each article has an event in the outbox
        #expect(events.count == 5)
        #expect(Set(events.map(\.kind)).isSubset(of: [.ingested, .duplicate]))
        #expect(Set(events.compactMap(\.documentID)).count == 5)
        let known = try archive.knownFiles(at: outcomes.map(\.path) + ["/in/unknown.txt"])
        #expect(known.count == 5)
        #expect(known[outcomes[2].path]?.sha256 == outcomes[2].sha256)
        #expect(try archive.knownFiles(below: "/in").count == 5)
        #expect(try archive.knownFiles(below: "/i").isEmpty)
        var status = try archive.status()
        #expect(status.documents == 5)
        #expect(status.files == 5)
        #expect(status.languages == ["en": 1, "fr": 4])
        #expect(status.unsentEvents == 5)
        let unsent = try archive.unsentEvents()
        #expect(unsent.map(\.id) == events.map(\.id))
        #expect(unsent.map(\.title) == events.map(\.title))
        #expect(unsent.map(\.storyID) == events.map(\.storyID))
        // When they are sent, then none is left
        try archive.markSent(unsent.map(\.id))
        #expect(try archive.unsentEvents().isEmpty)
        status = try archive.status()
        #expect(status.unsentEvents == 0)
        try archive.setMeta("queued", "3")
        #expect(try archive.meta("queued") == "3")
        #expect(try archive.status().pending == 3)
        try archive.ping()
    }

    @Test(arguments: Backend.allCases)
    func anUnchangedFileIsANoOpAChangedOneIsUpdatedARejectedOneLosesItsDocuments(_ backend: Backend) throws {
        let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
        let seeds = try ArchiveFixtures.seeds()
        let first = ArchiveFixtures.outcome("/in/a.txt", seeds[1].text)
        let ingested = try archive.commit([first])
        #expect(ingested.map(\.kind) == [.ingested])
        // The same content again: nothing happens
        #expect(try archive.commit([first]).isEmpty)
        // A new text in the same file: the document is updated in place, in its story
        let changed = ArchiveFixtures.outcome(
            "/in/a.txt", seeds[1].text + "\nUne phrase ajoutée à la fin de l'article.")
        let updated = try archive.commit([changed])
        #expect(updated.map(\.kind) == [.updated])
        #expect(updated.first?.documentID == ingested.first?.documentID)
        #expect(updated.first?.storyID == ingested.first?.storyID)
        // Rejected: its document goes, and the file is known as rejected
        let rejected = FileOutcome(
            path: "/in/a.txt", sha256: "other", size: 0, modificationTime: 2,
            result: .rejected(Rejection(.empty, "the file is empty")))
        let events = try archive.commit([rejected])
        #expect(events.map(\.kind) == [.removed, .rejected])
        #expect(try archive.knownFiles(at: ["/in/a.txt"])["/in/a.txt"]?.isRejected == true)
        let status = try archive.status()
        #expect(status.documents == 0)
        #expect(status.rejected == 1)
        // Removed: the file is forgotten
        #expect(try archive.remove(paths: ["/in"]).isEmpty)
        #expect(try archive.knownFiles(below: "/in").isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func removingAFolderRemovesItsFilesAndTheirDocuments(_ backend: Backend) throws {
        let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
        let seeds = try ArchiveFixtures.seeds()
        _ = try archive.commit([
            ArchiveFixtures.outcome("/in/sub/a.txt", seeds[0].text),
            ArchiveFixtures.outcome("/in/sub/b.txt", seeds[2].text),
            ArchiveFixtures.outcome("/in/subway.txt", seeds[3].text),
        ])
        let events = try archive.remove(paths: ["/in/sub"])
        #expect(events.map(\.kind) == [.removed, .removed])
        #expect(Set(events.map(\.path)) == ["/in/sub/a.txt", "/in/sub/b.txt"])
        #expect(try archive.knownFiles(below: "/in").keys.sorted() == ["/in/subway.txt"])
        #expect(try archive.status().documents == 1)
    }

    @Test(arguments: Backend.allCases)
    func anAlertRuleReportsTheArticlesItMatches(_ backend: Backend) throws {
        let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
        let seeds = try ArchiveFixtures.seeds()
        let rule = AlertRule(name: "otan", query: try SearchQuery(parsing: "OTAN lang:fr"), priority: 4)
        let events = try archive.commit(
            seeds.map { ArchiveFixtures.outcome("/in/" + $0.name, $0.text) }, at: Date(), alerts: [rule],
            knownEntityIDs: { _ in [] }, progress: {})
        let alerts = events.filter { $0.kind == .alert }
        #expect(alerts.count == 4)
        #expect(alerts.allSatisfy { $0.alert == "otan" && $0.alertPriority == 4 && $0.language == "fr" })
    }

    /// The same day gives the same digest in both, and publishing it is recorded with its event.
    @Test func bothArchivesMakeTheSameDigest() throws {
        let files = try ArchiveFixtures.seeds() + ArchiveFixtures.corpus(perLanguage: 40)
        let outcomes = files.map { ArchiveFixtures.outcome("/in/" + $0.name, $0.text) }
        let utc = DigestSchedule(hour: 7, minute: 0, timeZone: TimeZone(identifier: "UTC")!)
        let morning = Date(timeIntervalSince1970: 1_764_576_000)  // 2025-12-01 08:00 UTC
        var digests: [Digest] = []
        for backend in Backend.allCases {
            let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
            for (round, batch) in stride(from: 0, to: outcomes.count, by: 16).enumerated() {
                _ = try archive.commit(
                    Array(outcomes[batch..<min(batch + 16, outcomes.count)]), at: morning + Double(round * 1800),
                    alerts: [], knownEntityIDs: { _ in [] }, progress: {})
            }
            let digest = try #require(try archive.digest(of: "2025-12-01", schedule: utc, topStories: 5))
            #expect(try archive.lastPublishedDigest() == nil)
            let event = try archive.recordPublished(digest, path: "/state/digests/2025-12-01.md", at: morning + 86_400)
            #expect(event.kind == .digest)
            #expect(try archive.lastPublishedDigest() == "2025-12-01")
            #expect(try archive.unsentEvents(limit: 1000).last?.id == event.id)
            digests.append(digest)
        }
        #expect(digests[0] == digests[1])
        #expect(digests[0].totals.ingested + digests[0].totals.duplicates == outcomes.count)
        #expect(digests[0].stories.count == 5)
    }

    /// Placement decides the same in both: the same articles, committed in the same rounds, make
    /// the same stories (the seeds' event among them).
    @Test func bothArchivesMakeTheSameStories() throws {
        let files =
            try ArchiveFixtures.seeds() + [("en-report.txt", try ArchiveFixtures.englishReport())]
            + ArchiveFixtures.corpus(perLanguage: 100)
        let outcomes = files.map { ArchiveFixtures.outcome("/in/" + $0.name, $0.text) }
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var partitions: [[[String]]] = []
        var listings: [[StoryListing]] = []
        var shown: [[StoredDocument]] = []
        for backend in Backend.allCases {
            let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
            var storyOf: [String: Int64] = [:]
            for (round, batch) in stride(from: 0, to: outcomes.count, by: 32).enumerated() {
                let events = try archive.commit(
                    Array(outcomes[batch..<min(batch + 32, outcomes.count)]), at: start + Double(round * 60),
                    alerts: [], knownEntityIDs: { _ in [] }, progress: {})
                for event in events { storyOf[event.path] = event.storyID }
            }
            let stories = Dictionary(grouping: storyOf.keys, by: { storyOf[$0] ?? -1 }).values.map { $0.sorted() }
            partitions.append(stories.sorted { $0[0] < $1[0] })
            listings.append(try archive.stories(limit: 30, minimumSize: 2))
            shown.append(try archive.documents(matching: "7") + archive.documents(matching: "/in/en-report.txt"))
        }
        #expect(partitions[0] == partitions[1])
        #expect(listings[0] == listings[1])
        #expect(!listings[0].isEmpty)
        #expect(shown[0] == shown[1])
        #expect(shown[0].count == 2)
        #expect(partitions[0].count < outcomes.count)
        let event = try #require(partitions[0].first { $0.contains("/in/001_9d6cfca3353c35ad.txt") })
        #expect(event.contains("/in/004_9589c315cefd5b80.txt"))
        #expect(event.contains("/in/en-report.txt"))
    }
}

import Core
import Foundation
import PostgresNIO
import Testing

@testable import PostgresArchive

/// Several hosts on one PostgreSQL archive: files and events are each host's, documents and
/// stories the archive's.
struct SharedArchiveTests {
    /// The archive at `location` as each of the hosts `names`.
    static func hosts(_ names: [String], on location: PostgresLocation) throws -> [PostgresArchive] {
        try names.map {
            try PostgresArchive.open(location: location, password: nil, host: $0, logger: TestDatabase.logger)
        }
    }

    @Test func eachHostKnowsItsOwnFilesAndEventsAndTheirArticlesShareAStory() throws {
        // Given two hosts on one database, each with a file at the same path
        let hosts = try Self.hosts(["a", "b"], on: TestDatabase.fresh(#function))
        defer { hosts.forEach { $0.close() } }
        let (first, second) = (hosts[0], hosts[1])
        let seeds = try ArchiveFixtures.seeds()
        // When the first commits seed 001 and the second seed 004 (the same event)
        let a = try first.commit([ArchiveFixtures.outcome("/in/x.txt", seeds[1].text)])
        let b = try second.commit([ArchiveFixtures.outcome("/in/x.txt", seeds[4].text)])
        // Then they are one story, and each host knows its own file and has its own event
        #expect(a.first?.storyID != nil)
        #expect(b.first?.storyID == a.first?.storyID)
        #expect(
            try first.knownFiles(at: ["/in/x.txt"])["/in/x.txt"]?.sha256
                == a.first.map { _ in
                    ArchiveFixtures.outcome("/in/x.txt", seeds[1].text).sha256
                })
        #expect(try first.unsentEvents().map(\.id) == a.map(\.id))
        #expect(try second.unsentEvents().map(\.id) == b.map(\.id))
        #expect(try first.status().documents == 2)
        #expect(try first.status().files == 1)
        // And removing one host's file leaves the other's
        _ = try second.remove(paths: ["/in/x.txt"])
        #expect(try first.knownFiles(below: "/in").count == 1)
        #expect(try second.knownFiles(below: "/in").isEmpty)
        #expect(try first.status().documents == 1)
    }

    /// Two hosts committing halves of one event at the same moment: the commits take turns, and
    /// the articles that belong together end in one story, whichever went first.
    @Test func hostsCommittingAtOnceStillPlaceAgainstEachOther() async throws {
        let hosts = try Self.hosts(["a", "b"], on: TestDatabase.fresh(#function))
        defer { hosts.forEach { $0.close() } }
        let seeds = try ArchiveFixtures.seeds()
        let report = try ArchiveFixtures.englishReport()
        let halves = [
            [ArchiveFixtures.outcome("/in/001.txt", seeds[1].text)],
            [ArchiveFixtures.outcome("/in/004.txt", seeds[4].text), ArchiveFixtures.outcome("/in/en.txt", report)],
        ]
        let events = try await withThrowingTaskGroup(of: [StoredEvent].self) { group in
            for (host, half) in zip(hosts, halves) {
                group.addTask { try host.commit(half) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(events.count == 3)
        #expect(Set(events.compactMap(\.storyID)).count == 1)
    }

    /// A writer whose in-memory index of open stories was made before another host committed
    /// loads it again: the other host's stories are candidates.
    @Test func aWriterSeesStoriesAnotherHostStartedSinceItsLastCommit() throws {
        let hosts = try Self.hosts(["a", "b"], on: TestDatabase.fresh(#function))
        defer { hosts.forEach { $0.close() } }
        let (first, second) = (hosts[0], hosts[1])
        let seeds = try ArchiveFixtures.seeds()
        // The first host has its index loaded by a commit of an unrelated article
        _ = try first.commit([ArchiveFixtures.outcome("/in/other.txt", seeds[0].text)])
        // The second starts the story; the first then commits the other half
        let started = try second.commit([ArchiveFixtures.outcome("/in/001.txt", seeds[1].text)])
        let joined = try first.commit([ArchiveFixtures.outcome("/in/004.txt", seeds[4].text)])
        #expect(joined.first?.storyID == started.first?.storyID)
    }

    /// Hosts whose digest schedules fall due together: one publishes the day, the others skip it.
    @Test func aDaysDigestIsPublishedByOneHostOnly() async throws {
        let hosts = try Self.hosts(["a", "b", "c"], on: TestDatabase.fresh(#function))
        defer { hosts.forEach { $0.close() } }
        let seeds = try ArchiveFixtures.seeds()
        let morning = Date(timeIntervalSince1970: 1_764_576_000)  // 2025-12-01 08:00 UTC
        _ = try hosts[0].commit(
            [ArchiveFixtures.outcome("/in/001.txt", seeds[1].text)], at: morning, alerts: [],
            knownEntityIDs: { _ in [] },
            progress: {})
        let utc = DigestSchedule(hour: 7, minute: 0, timeZone: TimeZone(identifier: "UTC")!)
        let published = try await withThrowingTaskGroup(of: String?.self) { group in
            for host in hosts {
                group.addTask {
                    try host.publishingOnce("2025-12-01") {
                        let digest = try #require(try host.digest(of: "2025-12-01", schedule: utc, topStories: 3))
                        _ = try host.recordPublished(digest, path: "/digests/2025-12-01.md", at: morning + 86_400)
                        return "\(host.hostID)"
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(published.compactMap { $0 }.count == 1)
        #expect(try hosts[1].publishingOnce("2025-12-01") { "again" } == nil)
        #expect(try hosts[1].publishingOnce("2025-12-02") { "next day" } == "next day")
        let events = try hosts.flatMap { try $0.unsentEvents() }.filter { $0.kind == .digest }
        #expect(events.count == 1)
    }

    /// The server ends the connection in the middle of a commit (a restart, an administrator):
    /// the commit fails at once rather than waiting for ever, and the next one connects again.
    @Test func aConnectionLostInTheMiddleOfACommitFailsItAndTheNextOneReconnects() throws {
        let archive = try PostgresArchive.open(
            location: TestDatabase.fresh(#function), password: nil, host: "a", logger: TestDatabase.logger)
        defer { archive.close() }
        let seeds = try ArchiveFixtures.seeds()
        _ = try archive.commit([ArchiveFixtures.outcome("/in/000.txt", seeds[0].text)])
        #expect(throws: (any Error).self) {
            try archive.writing(at: Date()) { write in
                let pid = try #require(try write.session.value("SELECT pg_backend_pid()", as: Int32.self))
                try archive.execute("SELECT pg_terminate_backend(\(pid))")
                try write.session.execute("SELECT 1")
            }
        }
        let events = try archive.commit([ArchiveFixtures.outcome("/in/001.txt", seeds[1].text)])
        #expect(events.map(\.kind) == [.ingested])
        #expect(try archive.status().documents == 2)
    }

    /// A statement that gets no answer in time (a connection that died unnoticed looks the same)
    /// fails, and the next one gets a new connection.
    @Test func aStatementWithoutAnswerFailsInTimeAndTheNextOneReconnects() throws {
        let archive = PostgresArchive(
            location: try TestDatabase.fresh(#function), password: nil, logger: TestDatabase.logger,
            statementTimeout: 1)
        defer { archive.close() }
        #expect(throws: PostgresConnectionLost.self) {
            try archive.reader.withSession { try $0.execute("SELECT pg_sleep(30)") }
        }
        #expect(try archive.reader.withSession { try $0.value("SELECT 41 + 1", as: Int32.self) } == 42)
    }

    /// What ranking reads follows every write (new articles, a rewritten one, a file rejected
    /// after it was indexed, a removal): the document count and total length in `archive_state`,
    /// and the postings, which equal those the migration derives from the documents' `tsvector`s.
    @Test func theArchiveTotalsAndPostingsFollowEveryWrite() throws {
        let archive = try PostgresArchive.open(
            location: TestDatabase.fresh(#function), password: nil, host: "a", logger: TestDatabase.logger)
        defer { archive.close() }
        let seeds = try ArchiveFixtures.seeds()
        // What `check --database` compares: the totals with the documents counted, the postings
        // and title lengths with those the documents' tsvectors give
        func expectTotalsCounted() throws {
            #expect(try archive.integrityProblems() == [])
            let written = try archive.reader.withSession {
                try $0.value("SELECT count(*) FROM postings", as: Int64.self)
            }
            #expect((written ?? 0) > 0)
        }
        _ = try archive.commit(seeds.enumerated().map { ArchiveFixtures.outcome("/in/\($0).txt", $1.text) })
        try expectTotalsCounted()
        #expect(try archive.status().documents == seeds.count)
        _ = try archive.commit([ArchiveFixtures.outcome("/in/0.txt", seeds[0].text + "\n\nA paragraph added later.")])
        try expectTotalsCounted()
        // An empty file is rejected
        _ = try archive.commit([ArchiveFixtures.outcome("/in/1.txt", "")])
        try expectTotalsCounted()
        _ = try archive.remove(paths: ["/in/2.txt"])
        try expectTotalsCounted()
        // A file rewritten twice in one commit: its postings still pending the second time
        _ = try archive.commit([
            ArchiveFixtures.outcome("/in/3.txt", seeds[3].text + "\n\nOne more paragraph."),
            ArchiveFixtures.outcome("/in/3.txt", seeds[3].text + "\n\nAnother paragraph instead."),
        ])
        try expectTotalsCounted()
        #expect(try archive.status().documents == seeds.count - 2)
    }
}

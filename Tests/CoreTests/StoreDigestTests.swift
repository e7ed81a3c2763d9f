import Foundation
import Testing

@testable import Core

/// What ``Store/digest(of:schedule:topStories:)`` counts.
struct StoreDigestTests {
    @Test func articlesAreCountedByTheHourTheyArrivedInTheDigestsTimeZone() throws {
        // Given two articles that arrive at 06:30 and 17:10 UTC, a Paris digest (UTC+1 in November)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory.path, create: true)
        let morning = Date(timeIntervalSince1970: 1_795_329_000)  // 2026-11-22 06:30 UTC
        for (prefix, time) in [("000", morning), ("002", morning.addingTimeInterval(10 * 3600 + 40 * 60))] {
            let article = try StoryTestData.seed(prefix)
            let outcome = FileOutcome(
                path: "/in/\(prefix).txt", sha256: prefix, size: 1, modificationTime: 1, result: .articles([article]))
            _ = try store.commit([outcome], at: time)
        }
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        // When the day's digest is made
        let digest = try #require(
            try store.digest(of: "2026-11-22", schedule: DigestSchedule(hour: 7, minute: 0, timeZone: paris)))
        // Then each article is in its local hour
        #expect(digest.hours.count == 24)
        #expect(digest.hours[7] == 1)
        #expect(digest.hours[18] == 1)
        #expect(digest.hours.reduce(0, +) == 2)
    }
}

import Foundation
import Testing

/// A large input does not hold the others up: it goes in by parts, and a file dropped meanwhile
/// joins the next part. Latency figures: Benchmarks/latency_under_load.py.
@Suite(.serialized)
struct FairnessEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    @Test func aFileDroppedDuringATwentyThousandItemFeedIsReportedWithinOnePart() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // Given a 20,000-item feed being ingested
        var feed = ""
        for item in 0..<20_000 {
            feed +=
                "{\"id\":\"n\(item)\",\"title\":\"Bulletin \(item) of the wire\",\"text\":\"Report number \(item) "
                + "says that \(item * 7) tonnes of grain left port \(item % 97) on day \(item % 365).\"}\n"
        }
        try feed.write(toFile: root + "/feed.ndjson", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: root + "/feed.ndjson", toPath: inbox + "/feed.ndjson")
        // Polled without suspending: a test task that sleeps can wait for a free thread of the
        // test runner's pool for many seconds while other tests block theirs, and the feed would
        // be over before the drop.
        try #require(
            try waitBlocking(seconds: 120) { try documents(state: state) > 0 }, "the feed's first part committed")

        // When a single article is dropped while the daemon is held still, so the drop falls
        // between two known parts of the feed whatever the load of the machine
        try #require(kill(daemon.pid, SIGSTOP) == 0)
        defer { kill(daemon.pid, SIGCONT) }
        let afterDrop = try documents(state: state)
        let text = "Harbour strike stops the cranes at dawn\n\nDockers walked out over pay; ships wait at anchor.\n"
        try text.write(toFile: root + "/single.txt", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: root + "/single.txt", toPath: inbox + "/single.txt")
        #expect(kill(daemon.pid, SIGCONT) == 0)
        try #require(afterDrop < 20_000 - 3 * 256, "the feed was still going on at the drop: \(afterDrop) committed")

        // Then it goes first in the round after the feed's parts in progress at the drop (the one
        // committing, the one being read: 256 articles each; a third part is the test's margin),
        // long before the feed's end: its document id counts what was committed in between
        let entry = try #require(
            try await eventually(seconds: 120) {
                try JournalReader.events("ingested", pid: daemon.pid).first {
                    $0["NEWSDROP_PATH"] == inbox + "/single.txt"
                }
            }, "the single file's ingested entry")
        let documentID = try #require(Int(entry["NEWSDROP_DOC_ID"] ?? ""))
        let feedArticlesBefore = documentID - 1 - afterDrop
        #expect(feedArticlesBefore < 3 * 256, "feed articles committed before the single file: \(feedArticlesBefore)")
        #expect(daemon.stop() == 0)
    }

    /// Polls `condition` every 100 ms on this thread until it holds or `seconds` pass.
    private func waitBlocking(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(100_000)
        }
        return try condition()
    }

    private func documents(state: String) throws -> Int {
        let result = try newsdrop(["status", "--state-dir", state, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return object?["documents"] as? Int ?? 0
    }
}

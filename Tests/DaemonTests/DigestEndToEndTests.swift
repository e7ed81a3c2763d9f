import Foundation
import Testing

/// `newsdrop digest`: printed as Markdown or JSON, and published as files and a journal entry.
struct DigestEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    @Test func publishingWritesBothFilesAndOneJournalEntry() async throws {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        let (root, _, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "time_zone = \"UTC\"\n".write(toFile: root + "/newsdrop.toml", atomically: true, encoding: .utf8)
        let ingest = try newsdrop(["ingest", "--state-dir", state] + seeds.map(\.path))
        #expect(ingest.status == 0, "\(ingest.error)")

        let result = try newsdrop([
            "digest", "--state-dir", state, "--config", root + "/newsdrop.toml", "--format", "json", "--publish",
        ])
        #expect(result.status == 0, "\(result.error)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let date = try #require(printed["date"] as? String)
        for key in ["totals", "languages", "topics", "alerts", "rejected", "stories"] {
            #expect(printed[key] != nil, "key \(key)")
        }
        #expect((printed["totals"] as? [String: Any])?["ingested"] as? Int == 5)
        #expect((printed["topics"] as? [String: Any])?["politics"] as? Int == 5)
        let stories = try #require(printed["stories"] as? [[String: Any]])
        let articles = stories.flatMap { $0["articles"] as? [[String: Any]] ?? [] }
        #expect(articles.count == 5)
        #expect(articles.allSatisfy { $0.keys.contains("duplicate_of") && $0["doc_id"] is Int })
        #expect(stories.allSatisfy { !($0["summary"] as? String ?? "").isEmpty })

        // The files hold the same digest
        let markdownPath = state + "/digests/\(date).md"
        let markdown = try String(contentsOfFile: markdownPath, encoding: .utf8)
        #expect(markdown.hasPrefix("# Newsdrop digest for \(date)"))
        let file = try Data(contentsOf: URL(fileURLWithPath: state + "/digests/\(date).json"))
        let written = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        #expect(written["date"] as? String == date)
        #expect(!FileManager.default.fileExists(atPath: markdownPath + ".tmp"))

        // And the journal has one digest entry whose message is the Markdown
        let entry = try #require(
            try await eventually {
                try JournalReader.entries(matching: "NEWSDROP_EVENT=digest").first {
                    $0["NEWSDROP_PATH"] == markdownPath
                }
            })
        #expect(entry["MESSAGE"] == markdown)
        #expect(entry["NEWSDROP_DATE"] == date)
        #expect(entry["NEWSDROP_INGESTED"] == "5")
        #expect(entry["NEWSDROP_REJECTED"] == "0")
        #expect(entry["NEWSDROP_STORIES"] == String(stories.count))
        #expect(entry["NEWSDROP_TOP_STORY"] == stories.first?["headline"] as? String)
        #expect(entry["MESSAGE_ID"] == "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a57")
    }

    @Test func anArticleCutByTheWordLimitSaysSoInItsJournalEntry() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = inbox + "/long-\(UUID().uuidString).txt"
        let words = (0..<20_050).map { "mot\($0 % 97)" }.joined(separator: " ")
        try ("Un article trop long\n\n" + words + ".\n").write(toFile: path, atomically: true, encoding: .utf8)
        let ingest = try newsdrop(["ingest", "--state-dir", state, path])
        #expect(ingest.status == 0, "\(ingest.error)")
        let entry = try #require(
            try await eventually {
                // By path: a journal that benchmarks filled holds millions of `ingested` entries.
                try JournalReader.entries(matching: "NEWSDROP_PATH=\(path)").first {
                    $0["NEWSDROP_EVENT"] == "ingested"
                }
            })
        #expect(entry["NEWSDROP_NOTE"]?.contains("max_words_per_article") == true, "\(entry)")
    }

    @Test func aDateThatIsNotADateIsAUsageError() throws {
        let (root, _, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try newsdrop(["ingest", "--state-dir", state] + NewsdropBinary.seeds.prefix(1).map(\.path))
        let result = try newsdrop(["digest", "--state-dir", state, "--date", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.error.contains("2026-02-30"))
    }
}

import Foundation
import Testing

/// Stories and duplicates through the real binary: the scenario, read from the digest.
struct StoryEndToEndTests {
    /// The first `count` articles of a labelled-corpus TSV (quoted fields may hold tabs, newlines
    /// and doubled quotes), as (headline, text).
    static func corpusArticles(_ name: String, count: Int) throws -> [(String, String)] {
        let url = NewsdropBinary.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/corpus/labeled/" + name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                inQuotes = true
            } else if character == "\t" {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
                if records.count > count { break }
            } else {
                field.append(character)
            }
        }
        return records.dropFirst().filter { $0.count == 3 }.prefix(count).map { ($0[1], $0[2]) }
    }

    @Test func reportsOfOneEventShareAStoryAndACopyIsADuplicate() throws {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Names sort in the order of arrival: the seeds, the English report, the copy, then the rest.
        for seed in seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        let report = NewsdropBinary.packageRoot.appendingPathComponent("Tests/Fixtures/stories/kremlin-el-pais-en.txt")
        try FileManager.default.copyItem(atPath: report.path, toPath: inbox + "/005_english_report.txt")
        let original = try #require(seeds.first { $0.lastPathComponent.hasPrefix("001") })
        try FileManager.default.copyItem(atPath: original.path, toPath: inbox + "/006_copy_of_001.txt")
        let unrelated = try Self.corpusArticles("eng.tsv", count: 150) + Self.corpusArticles("fra.tsv", count: 150)
        #expect(unrelated.count == 300)
        for (index, article) in unrelated.enumerated() {
            try (article.0 + "\n\n" + article.1).write(
                toFile: inbox + String(format: "/corpus_%03d.txt", index), atomically: false, encoding: .utf8)
        }
        try "digest_stories = 1000\ntime_zone = \"UTC\"\n".write(
            toFile: root + "/newsdrop.toml", atomically: true, encoding: .utf8)

        let ingest = try newsdrop(["ingest", "--state-dir", state, inbox])
        #expect(ingest.status == 0, "\(ingest.error)")
        let digest = try newsdrop([
            "digest", "--state-dir", state, "--config", root + "/newsdrop.toml", "--format", "json",
        ])
        #expect(digest.status == 0, "\(digest.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(digest.output.utf8)) as? [String: Any])
        let stories = try #require(object["stories"] as? [[String: Any]])
        func names(_ story: [String: Any]) -> [String] {
            (story["articles"] as? [[String: Any]] ?? []).compactMap {
                ($0["path"] as? String)?.split(separator: "/").last.map(String.init)
            }
        }
        let story = try #require(stories.first { names($0).contains(original.lastPathComponent) })
        let members = names(story)
        #expect(members.contains { $0.hasPrefix("004") }, "004 joins 001: \(members)")
        #expect(members.contains("005_english_report.txt"), "the English report joins 001: \(members)")
        for other in stories where names(other).contains(where: { !$0.hasPrefix("corpus_") }) {
            #expect(names(other).allSatisfy { !$0.hasPrefix("corpus_") }, "no mixing: \(names(other))")
        }
        #expect(Set(story["languages"] as? [String] ?? []) == ["fr", "en"])
        let articles = story["articles"] as? [[String: Any]] ?? []
        let originalID = articles.first { ($0["path"] as? String)?.hasSuffix(original.lastPathComponent) == true }?[
            "doc_id"]
        let copy = articles.first { ($0["path"] as? String)?.hasSuffix("006_copy_of_001.txt") == true }
        #expect(copy?["duplicate_of"] as? Int == originalID as? Int, "the copy is a duplicate of 001")
        let totals = object["totals"] as? [String: Any]
        #expect(totals?["duplicates"] as? Int == 1)
        #expect(totals?["ingested"] as? Int == 306)
        #expect(ingest.output.contains("Duplicate of document"))

        // `stories` lists it with its size and duplicate, and search results carry its id
        let listed = try newsdrop(["stories", "--state-dir", state, "--json", "--limit", "1000", "--min-size", "2"])
        let listings = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let listing = try #require(listings.first { $0["id"] as? Int == story["id"] as? Int })
        #expect(listing["size"] as? Int == members.count - 1)
        #expect(listing["duplicates"] as? Int == 1)
        let search = try newsdrop(["search", "--state-dir", state, "--json", "Zakharova"])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [String: Any])
        let results = found["results"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["story_id"] as? Int == story["id"] as? Int })
    }
}

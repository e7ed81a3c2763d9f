import Foundation
import Testing

/// `newsdrop search` as a person reads it: results grouped by story, labels alone newest first.
struct SearchCommandTests {
    /// An archive of the five seeds and an English report of 001's event (which joins its story).
    static func archive() throws -> (root: String, state: String) {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        let (root, inbox, state) = try makeWorkspace()
        for seed in seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        let report = NewsdropBinary.packageRoot.appendingPathComponent("Tests/Fixtures/stories/kremlin-el-pais-en.txt")
        try FileManager.default.copyItem(atPath: report.path, toPath: inbox + "/005_english_report.txt")
        let ingest = try newsdrop(["ingest", "--state-dir", state, inbox])
        #expect(ingest.status == 0, "\(ingest.error)")
        return (root, state)
    }

    /// The `results` of `search --json`.
    static func results(_ arguments: [String], state: String) throws -> [[String: Any]] {
        let result = try newsdrop(["search", "--state-dir", state, "--json"] + arguments)
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return object["results"] as? [[String: Any]] ?? []
    }

    @Test func byStoryGroupsTheResultsUnderTheStoryOfTheirBestHit() throws {
        let (root, state) = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let query = "OTAN OR NATO OR Zakharova OR Russie OR Russia"
        // Given the results in rank order, grouped by story as a reader would: a story at the rank of
        // its best hit, a document without a story on its own
        let ranked = try Self.results([query], state: state)
        try #require(ranked.count >= 3, "the seeds and the report match '\(query)'")
        var expected: [(story: Int?, documents: [Int])] = []
        for hit in ranked {
            let story = hit["story_id"] as? Int
            let document = try #require(hit["doc_id"] as? Int)
            if let story, let index = expected.firstIndex(where: { $0.story == story }) {
                expected[index].documents.append(document)
            } else {
                expected.append((story, [document]))
            }
        }
        #expect(expected.contains { $0.documents.count >= 2 }, "001 and the report share a story: \(ranked)")

        // When the same query is grouped
        let grouped = try newsdrop(["search", "--state-dir", state, "--by-story", query])
        #expect(grouped.status == 0, "\(grouped.error)")

        // Then each group is a numbered heading naming its story and count, its documents listed under it
        var groups: [(heading: String, documents: [Int])] = []
        for line in grouped.output.split(separator: "\n").map(String.init) {
            if line.first?.isNumber == true {
                groups.append((line, []))
            } else if line.hasPrefix("   - "), let id = line.split(separator: "(document ").last?.dropLast() {
                groups[groups.count - 1].documents.append(try #require(Int(id)))
            }
        }
        #expect(groups.map(\.documents) == expected.map(\.documents))
        for (rank, (group, story)) in zip(groups, expected).enumerated() {
            #expect(group.heading.hasPrefix("\(rank + 1). "))
            let label = story.story.map { "story \($0)" } ?? "no story"
            #expect(group.heading.hasSuffix("[\(label), \(story.documents.count) match(es)]"), "\(group.heading)")
        }
    }

    @Test func labelsAloneListTheNewestDocumentsFirst() throws {
        let (root, state) = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // When a query has only labels, there is nothing to rank by
        let french = try Self.results(["lang:fr"], state: state)
        let ids = french.compactMap { $0["doc_id"] as? Int }
        // Then the documents come newest first, each with score 0, and a limit keeps the newest
        try #require(ids.count >= 2, "several seeds are French")
        #expect(ids == ids.sorted(by: >))
        #expect(french.allSatisfy { $0["score"] as? Double == 0 })
        let newest = try Self.results(["--limit", "1", "lang:fr"], state: state)
        #expect(newest.compactMap { $0["doc_id"] as? Int } == [ids[0]])
    }
}

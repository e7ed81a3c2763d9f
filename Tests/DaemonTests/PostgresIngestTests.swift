import Foundation
import Testing

/// `newsdrop ingest --database`: the real binary on a real PostgreSQL 15 (a throw-away cluster).
struct PostgresIngestTests {
    /// A new workspace whose drop folder holds the seeds.
    static func workspaceWithSeeds() throws -> (root: String, inbox: String) {
        let (root, inbox, _) = try makeWorkspace()
        for seed in NewsdropBinary.seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        return (root, inbox)
    }

    @Test func twoHostsIngestIntoOneArchiveShareTheStoryAndSearchIt() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let (root, inbox) = try Self.workspaceWithSeeds()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let other = root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: NewsdropBinary.packageRoot.path + "/Tests/Fixtures/stories/kremlin-el-pais-en.txt",
            toPath: other + "/report.txt")
        // Host a ingests the seeds, host b the English report of seed 001's event
        let first = try newsdrop(["ingest", "--database", cluster.url, "--host", "a", inbox])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.split(separator: "\n").filter { $0.hasPrefix("Ingested ") }.count == 5)
        let second = try newsdrop(["ingest", "--database", cluster.url, "--host", "b", other])
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.hasPrefix("Ingested report.txt"))
        // Then the report joined the seeds' story, and each host's files are its own
        let stories = try cluster.query(
            """
            SELECT count(DISTINCT story_id) FROM documents
            WHERE path LIKE '%/001_%' OR path LIKE '%/004_%' OR path LIKE '%/report.txt'
            """)
        #expect(stories == ["1"])
        #expect(
            try cluster.query(
                "SELECT h.name, count(*) FROM files f JOIN hosts h ON h.id = f.host_id GROUP BY 1 ORDER BY 1") == [
                    "a|5", "b|1",
                ])
        // And a search from either host finds the four French seeds, status counts each host's files
        for host in ["a", "b"] {
            let search = try newsdrop(["search", "--database", cluster.url, "--host", host, "--json", "OTAN"])
            #expect(search.status == 0, "\(search.error)")
            #expect(search.output.contains("\"count\":4"), "\(search.output)")
        }
        let status = try newsdrop(["status", "--database", cluster.url, "--host", "b", "--json"])
        #expect(status.output.contains("\"documents\":6"), "\(status.output)")
        #expect(status.output.contains("\"files\":1"), "\(status.output)")
        // And the day's digest counts both hosts' articles
        let digest = try newsdrop(["digest", "--database", cluster.url, "--date", "today", "--format", "json"])
        #expect(digest.status == 0, "\(digest.error)")
        #expect(digest.output.contains("\"ingested\" : 6"), "\(digest.output)")
        // And host a's second ingest finds its files unchanged
        let again = try newsdrop(["ingest", "--database", cluster.url, "--host", "a", inbox])
        #expect(again.status == 0)
        #expect(again.error.contains("nothing changed"))
    }

    /// What a host of an older newsdrop could leave (ranking rows missing, totals off): `check
    /// --database` says so and exits 1; `reindex --database` makes them again.
    @Test func checkFindsWhatTheRankingLacksAndReindexMendsIt() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let (root, inbox) = try Self.workspaceWithSeeds()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try newsdrop(["ingest", "--database", cluster.url, "--host", "a", inbox]).status == 0)
        let healthy = try newsdrop(["check", "--database", cluster.url])
        #expect(healthy.status == 0, "\(healthy.error)")
        #expect(healthy.output == "ok\n")
        _ = try cluster.query("DELETE FROM postings WHERE doc_id = (SELECT min(id) FROM documents)")
        _ = try cluster.query("UPDATE archive_state SET documents = documents + 3")
        _ = try cluster.query(
            "UPDATE documents SET title_length = title_length + 1 WHERE id = (SELECT max(id) FROM documents)")
        let damaged = try newsdrop(["check", "--database", cluster.url, "--json"])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("\"ok\":false"), "\(damaged.output)")
        #expect(damaged.output.contains("ranking rows"), "\(damaged.output)")
        #expect(damaged.output.contains("totals say 8 documents"), "\(damaged.output)")
        #expect(damaged.output.contains("1 documents' title lengths differ"), "\(damaged.output)")
        let mended = try newsdrop(["reindex", "--database", cluster.url])
        #expect(mended.status == 0, "\(mended.error)")
        #expect(mended.output.hasPrefix("Made the ranking of 5 documents again"), "\(mended.output)")
        #expect(try newsdrop(["check", "--database", cluster.url]).output == "ok\n")
    }

    @Test func aPasswordInTheURLIsRefusedWithWhereToPutIt() throws {
        let result = try newsdrop(["ingest", "--database", "postgresql://newsdrop:secret@db.example/news", "/tmp"])
        #expect(result.status == 1)
        #expect(result.error.contains("NEWSDROP_DATABASE_PASSWORD"))
        #expect(!result.error.contains("secret"))
    }

    @Test func anUnreachableServerIsNamedWithWhy() throws {
        let result = try newsdrop([
            "ingest", "--database", "postgresql://newsdrop@/newsdrop?host=/nonexistent-socket-folder", "/tmp",
        ])
        #expect(result.status == 1)
        #expect(result.error.contains("postgresql://newsdrop@/newsdrop?host=/nonexistent-socket-folder"))
        #expect(result.error.contains("cannot reach the server"))
    }

    @Test func theArchiveIsGivenOnce() throws {
        let result = try newsdrop(["ingest", "--state-dir", "/tmp/x", "--database", "postgresql://u@h/d", "/tmp"])
        #expect(result.status == 64)
        #expect(result.error.contains("either --state-dir DIR or --database URL"))
    }
}

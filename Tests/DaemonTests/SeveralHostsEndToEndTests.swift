import Foundation
import Testing

/// Two daemons, each with its own drop folder and state directory, on one PostgreSQL archive (a
/// throw-away cluster): issue 14's scenario.
struct SeveralHostsEndToEndTests {
    /// A daemon of host `name` on `cluster`, with a drop folder and state directory of its own.
    private static func startHost(_ name: String, cluster: PostgresCluster, root: String) throws -> RunningDaemon {
        let inbox = root + "/" + name + "-inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let config = root + "/" + name + ".toml"
        try "database = \"\(cluster.url)\"\nhost_name = \"\(name)\"\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        return try RunningDaemon(
            inbox: inbox, state: root + "/" + name + "-state", extraArguments: ["--config", config])
    }

    @Test func twoHostsShareStoriesAndSearchAndAnOutageLosesNothing() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-hosts-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try Self.startHost("desk-a", cluster: cluster, root: root)
        let second = try Self.startHost("desk-b", cluster: cluster, root: root)
        // The seeds dropped on one host, the English report of seed 001's event on the other
        for seed in NewsdropBinary.seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: first.inbox + "/" + seed.lastPathComponent)
        }
        try FileManager.default.copyItem(
            atPath: NewsdropBinary.packageRoot.path + "/Tests/Fixtures/stories/kremlin-el-pais-en.txt",
            toPath: second.inbox + "/report.txt")
        let count = { try cluster.query("SELECT count(*) FROM documents").first.flatMap { Int($0) } ?? 0 }
        let arrived = try await eventually(seconds: 60) { try count() >= 6 ? true : nil }
        #expect(arrived == true)
        // Then the report is in the seeds' story, and either host finds the four French seeds
        let stories = try cluster.query(
            """
            SELECT count(DISTINCT story_id) FROM documents
            WHERE path LIKE '%/001_%' OR path LIKE '%/004_%' OR path LIKE '%/report.txt'
            """)
        #expect(stories == ["1"])
        for host in ["desk-a", "desk-b"] {
            let search = try newsdrop(["search", "--database", cluster.url, "--host", host, "--json", "OTAN"])
            #expect(search.output.contains("\"count\":4"), "\(search.output)\(search.error)")
        }
        // When the server stops for ten seconds in the middle of a drop of 60 articles
        let articles = try StoryEndToEndTests.corpusArticles("eng.tsv", count: 60)
        for (index, article) in articles.enumerated() {
            if index == 20 { try cluster.pause() }
            try "\(article.0)\n\n\(article.1)\n".write(
                toFile: first.inbox + "/corpus-\(index).txt", atomically: true, encoding: .utf8)
            if index == 20 { try await Task.sleep(for: .seconds(10)) }
            if index == 21 { try cluster.resume() }
        }
        // Then every article is in the archive once the server is back, and each host's events were
        // sent. A commit whose connection died unnoticed fails after PostgresSession.timeout (60 s)
        // and is retried: the wait allows for it.
        let all = try await eventually(seconds: 150) { try count() >= 66 ? true : nil }
        #expect(all == true)
        #expect(try count() == 66)
        let status = try newsdrop(["status", "--database", cluster.url, "--host", "desk-a", "--json"])
        #expect(status.output.contains("\"files\":65"), "\(status.output)")
        let unsent = try await eventually(seconds: 30) {
            try cluster.query("SELECT count(*) FROM events WHERE sent_at IS NULL") == ["0"] ? true : nil
        }
        #expect(unsent == true)
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
    }
}

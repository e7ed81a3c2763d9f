import Foundation
import Glibc
import Testing

/// Faults around the daemon, on real components (a real full file system, a real journald that
/// stops, a drop folder that goes away): nothing lost, nothing half-written, one clear message.
@Suite(.serialized)
struct FaultEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    @Test func aFullDiskKeepsFilesWaitingLogsOnceAndRecoversByItself() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Given the state directory on a small file system of its own
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try run("/bin/mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", state])
        defer { _ = try? run("/bin/umount", ["-l", state]) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // When it fills up and articles arrive (one of them large enough to need new pages)
        let filler = state + "/filler"
        _ = try? run("/bin/dd", ["if=/dev/zero", "of=\(filler)", "bs=64k"])
        for seed in NewsdropBinary.seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        let paragraph = "The harbour authority counted the containers unloaded during the strike. "
        try ("Dockers strike for a third week\n\n" + String(repeating: paragraph, count: 8_000))
            .write(toFile: inbox + "/long.txt", atomically: true, encoding: .utf8)

        // Then one error says so, and stays alone over several retries (every 5 s)
        let failure = try await eventually(seconds: 60) {
            try JournalReader.entries(pid: daemon.pid).first { $0["MESSAGE"]?.contains("Cannot commit") == true }
        }
        #expect(failure?["PRIORITY"] == "3", "an error: \(String(describing: failure))")
        try await Task.sleep(for: .seconds(12))
        let failures = try JournalReader.entries(pid: daemon.pid).filter {
            $0["MESSAGE"]?.contains("Cannot commit") == true
        }
        #expect(failures.count == 1, "one error for the outage, not one per retry: \(failures.count)")
        #expect(try JournalReader.events("ingested", pid: daemon.pid).isEmpty)

        // And once space is freed, the files go in by themselves
        try FileManager.default.removeItem(atPath: filler)
        let ingested = try await eventually(seconds: 60) { () -> [[String: String]]? in
            let entries = try JournalReader.events("ingested", pid: daemon.pid)
            return entries.count >= 6 ? entries : nil
        }
        #expect(ingested?.count == 6)
        #expect(
            try JournalReader.entries(pid: daemon.pid).contains {
                $0["MESSAGE"]?.contains("The archive accepts commits again") == true
            })
        #expect(daemon.stop() == 0)
        let status = try statusJSON(state: state)
        #expect(status["documents"] as? Int == 6)
        #expect(status["unsent_events"] as? Int == 0)
    }

    @Test func eventsWaitWhileJournaldIsDownAndAllArriveAfterwards() throws {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-fault-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let script = NewsdropBinary.packageRoot.path + "/scripts/journald-restart-scenario.sh"
        // A private mount namespace with a journald of its own: the other tests keep theirs.
        let result = try run(
            "/usr/bin/unshare",
            ["--mount", "--propagation", "private", script, NewsdropBinary.path, work]
                + seeds.map(\.path), check: false)
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        let report = "\(result.output)\n\(result.error)"
        #expect(result.status == 0, "\(report)")
        #expect(values["DOCUMENTS"] == "5", "\(report)")
        #expect(values["UNSENT_WHILE_DOWN"] == "5", "the five events waited: \(report)")
        #expect(values["UNSENT_AFTER"] == "0", "\(report)")
        #expect(values["INGESTED_IN_JOURNAL"] == "5", "\(report)")
        #expect(values["DOWN_NOTES"] == "1", "one error for the outage, not one per event: \(report)")
        #expect(values["BACK_NOTES"] == "1", "\(report)")
        #expect(values["DAEMON_EXIT"] == "0", "\(report)")
    }

    @Test func theDropFolderDeletedRecreatedRenamedOrReplacedByALinkIsFollowed() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seeds = NewsdropBinary.seeds
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        try FileManager.default.copyItem(atPath: seeds[0].path, toPath: inbox + "/first.txt")
        _ = try await eventually { try ingested(daemon, inbox + "/first.txt") }

        // When the folder is moved away, the archive keeps its documents and one error says so
        try FileManager.default.moveItem(atPath: inbox, toPath: root + "/moved")
        let gone = try await eventually {
            try JournalReader.entries(pid: daemon.pid).first { $0["MESSAGE"]?.contains("was deleted or moved") == true }
        }
        #expect(gone != nil)
        #expect(try statusJSON(state: state)["documents"] as? Int == 1)

        // And when a new folder takes its place, it is watched: what is in it goes in, the rest goes
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: seeds[1].path, toPath: inbox + "/second.txt")
        #expect(try await eventually { try ingested(daemon, inbox + "/second.txt") } != nil)
        #expect(try await eventually { try removed(daemon, inbox + "/first.txt") } != nil)
        try FileManager.default.copyItem(atPath: seeds[2].path, toPath: inbox + "/third.txt")
        #expect(try await eventually { try ingested(daemon, inbox + "/third.txt") } != nil, "new drops are seen")

        // And when it is replaced by a symbolic link to another folder, that folder is watched
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: false)
        try FileManager.default.removeItem(atPath: inbox)
        try FileManager.default.createSymbolicLink(atPath: inbox, withDestinationPath: root + "/elsewhere")
        try FileManager.default.copyItem(atPath: seeds[3].path, toPath: root + "/elsewhere/fourth.txt")
        #expect(try await eventually { try ingested(daemon, inbox + "/fourth.txt") } != nil)
        try FileManager.default.copyItem(atPath: seeds[4].path, toPath: inbox + "/fifth.txt")
        #expect(try await eventually { try ingested(daemon, inbox + "/fifth.txt") } != nil)
        #expect(daemon.stop() == 0)
    }

    @Test func aFileRewrittenWhileItIsReadIsStoredAsItsLastVersion() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let path = inbox + "/live.txt"

        // When a file is rewritten and truncated over and over, without pause, then left alone
        let paragraph = "Dockers in the port walked out again over pay and the cranes stood still. "
        for round in 0..<300 {
            let text = "Harbour strike, version \(round)\n\n" + String(repeating: paragraph, count: round % 7 * 40 + 1)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        let last = "Harbour strike, final version\n\nThe strike ended at noon and the cranes moved again.\n"
        try last.write(toFile: path, atomically: false, encoding: .utf8)

        // Then the archive ends with the last version, and its text is the one the hash names
        let final = try await eventually { () -> [String: Any]? in
            let shown = try newsdrop(["show", "--state-dir", state, "--json", path])
            let object = try? JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
            return (object?["title"] as? String) == "Harbour strike, final version" ? object : nil
        }
        let document = try #require(final, "the last version is stored")
        #expect(document["sha256"] as? String == (try sha256(of: path)))
        #expect((document["text"] as? String)?.contains("The strike ended at noon") == true)
        #expect(try statusJSON(state: state)["documents"] as? Int == 1)
        #expect(daemon.stop() == 0)
    }

    @Test func renameStormsAndReusedInodesEndWithTheArchiveMatchingTheFolder() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seeds = NewsdropBinary.seeds
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        try FileManager.default.copyItem(atPath: seeds[0].path, toPath: inbox + "/a.txt")
        try FileManager.default.copyItem(atPath: seeds[1].path, toPath: inbox + "/keep.txt")

        // When a file is renamed back and forth 500 times, and another deleted and recreated at
        // once with new content (the kernel often gives the new file the old inode)
        for _ in 0..<500 {
            rename(inbox + "/a.txt", inbox + "/b.txt")
            rename(inbox + "/b.txt", inbox + "/a.txt")
        }
        rename(inbox + "/a.txt", inbox + "/b.txt")
        for index in 0..<50 {
            unlink(inbox + "/keep.txt")
            try FileManager.default.copyItem(atPath: seeds[index % 2 == 0 ? 2 : 3].path, toPath: inbox + "/keep.txt")
        }

        // Then, once it settles, the archive holds exactly b.txt and the last keep.txt (the paths
        // alone can match while the last recreation still waits to settle: the content must too)
        let lastKeep = try sha256(of: inbox + "/keep.txt")
        let settled = try await eventually(seconds: 60) { () -> [String]? in
            let status = try statusJSON(state: state)
            let paths = try documentPaths(state: state)
            let shown = try newsdrop(["show", "--state-dir", state, "--json", inbox + "/keep.txt"])
            let keep = try? JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
            let isLast = keep?["sha256"] as? String == lastKeep
            return paths == ["b.txt", "keep.txt"] && isLast && status["unsent_events"] as? Int == 0 ? paths : nil
        }
        #expect(settled == ["b.txt", "keep.txt"])
        #expect(daemon.stop() == 0)
    }

    @Test func aThousandNestedFoldersAndAHundredThousandFilesInOneFolderAreAllSeen() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Given a thousand folders nested in one another, with an article at the bottom, and a
        // folder of 100,000 files (empty, so each is a cheap rejection), present before start
        var deep = inbox
        for level in 0..<1000 { deep += "/\(level % 10)" }
        try run("/bin/mkdir", ["-p", deep])
        try run("/bin/cp", [NewsdropBinary.seeds[0].path, deep + "/bottom.txt"])
        try FileManager.default.createDirectory(atPath: inbox + "/many", withIntermediateDirectories: false)
        for index in 0..<100_000 { close(open(inbox + "/many/\(index).txt", O_WRONLY | O_CREAT, 0o644)) }
        let config = root + "/newsdrop.toml"
        try "journal_rate_limit_burst = 200000\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(inbox: inbox, state: state, extraArguments: ["--config", config])

        // Then every file gets an outcome: the article is ingested, the empty files rejected
        let done = try await eventually(seconds: 1200) { () -> [String: Any]? in
            let status = try statusJSON(state: state)
            return status["files"] as? Int == 100_001 ? status : nil
        }
        let status = try #require(done, "all 100,001 files known")
        #expect(status["documents"] as? Int == 1)
        #expect(status["rejected"] as? Int == 100_000)
        // And a file dropped at the bottom now is seen through the thousand watches
        try run("/bin/cp", [NewsdropBinary.seeds[1].path, deep + "/later.txt"])
        #expect(try await eventually { try ingested(daemon, deep + "/later.txt") } != nil)
        #expect(daemon.stop() == 0)
    }

    private func ingested(_ daemon: RunningDaemon, _ path: String) throws -> [String: String]? {
        try JournalReader.events("ingested", pid: daemon.pid).first { $0["NEWSDROP_PATH"] == path }
    }

    private func removed(_ daemon: RunningDaemon, _ path: String) throws -> [String: String]? {
        try JournalReader.events("removed", pid: daemon.pid).first { $0["NEWSDROP_PATH"] == path }
    }

    private func statusJSON(state: String) throws -> [String: Any] {
        let result = try newsdrop(["status", "--state-dir", state, "--json"])
        guard result.status == 0 else { throw TestFailure("status failed: \(result.error)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// The file names of the archive's documents, sorted: every seed names NATO, in English or French.
    private func documentPaths(state: String) throws -> [String] {
        let result = try newsdrop(["search", "--state-dir", state, "--json", "--limit", "50", "OTAN OR NATO"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let rows = object?["results"] as? [[String: Any]] ?? []
        return Set(rows.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }).sorted()
    }

    private func sha256(of path: String) throws -> String {
        let result = try run("/usr/bin/sha256sum", [path])
        return String(result.output.prefix(64))
    }

    /// Runs a program to completion; throws when it fails, unless `check` is false.
    @discardableResult
    private func run(_ program: String, _ arguments: [String], check: Bool = true) throws -> CommandResult {
        let result = try runToCompletion(program, arguments)
        if check && result.status != 0 {
            throw TestFailure("\(program) \(arguments.joined(separator: " ")) failed: \(result.error)")
        }
        return result
    }
}

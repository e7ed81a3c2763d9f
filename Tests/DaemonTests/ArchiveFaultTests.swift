import Foundation
import Glibc
import Testing

/// A damaged archive (truncated, overwritten): start-up refuses with one sentence naming the file
/// and the fix, `check` finds the damage, `reindex` rebuilds the archive from the drop folder.
/// Real binary, real SQLite files, real journald.
@Suite(.serialized)
struct ArchiveFaultTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
        guard FileManager.default.isExecutableFile(atPath: NewsdropBinary.path) else {
            throw TestFailure("no newsdrop binary at \(NewsdropBinary.path): run `swift build` first")
        }
    }

    /// A workspace whose drop folder holds the five seeds, ingested by `newsdrop ingest` into `state`.
    func seededArchive() throws -> (root: String, inbox: String, state: String) {
        let (root, inbox, state) = try makeWorkspace()
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        for seed in seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        let ingest = try newsdrop(["ingest", "--state-dir", state, inbox])
        try #require(ingest.status == 0, "\(ingest.error)")
        return (root, inbox, state)
    }

    /// Leaves the archive file on its own, as a copy of that file alone would be.
    ///
    /// The ingest checkpointed the archive when it closed it, but its write-ahead log is kept
    /// (SQLITE_FCNTL_PERSIST_WAL) with frames SQLite still reads on the next opening: they would
    /// mask damage done to the file (see `aTruncatedFileIsReadFromItsWriteAheadLog`).
    func dropCheckpointedWAL(state: String) throws {
        for suffix in ["-wal", "-shm"] {
            try FileManager.default.removeItem(atPath: state + "/newsdrop.sqlite" + suffix)
        }
        let check = try newsdrop(["check", "--state-dir", state])
        try #require(check.status == 0 && check.output == "ok\n", "the file alone is whole: \(check.output)")
    }

    /// The seeds' file names that `search` finds for `query`.
    func search(_ query: String, state: String) throws -> [String] {
        let result = try newsdrop(["search", "--state-dir", state, "--json", "--limit", "50", query])
        guard result.status == 0 else { throw TestFailure("search failed: \(result.error)") }
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let rows = object?["results"] as? [[String: Any]] ?? []
        return rows.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }.sorted()
    }

    func fileSize(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Cuts `path` to half its size, as a full disk or an interrupted copy would.
    func truncateToHalf(_ path: String) throws {
        let size = try fileSize(path)
        try #require(size > 8192, "an archive of more than two pages")
        #expect(truncate(path, off_t(size / 2)) == 0)
    }

    /// Overwrites `count` bytes of `path` from `offset` with a repeated pattern, as a bad disk block would.
    func overwrite(_ path: String, at offset: Int, count: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: count))
    }

    /// Runs `newsdrop` to completion like `newsdrop(_:)`, also returning its pid (to read its journal
    /// entries) and with `journalStream` set to stderr's pipe, as systemd sets JOURNAL_STREAM.
    func newsdropWithPid(_ arguments: [String], stderrIsJournal: Bool = false) throws -> (CommandResult, Int32) {
        var pid: Int32 = 0
        let binary = NewsdropBinary.path
        let result = try runToCompletion(
            binary, arguments,
            prepare: { process in
                guard stderrIsJournal, let error = process.standardError as? Pipe else { return }
                var status = stat()
                #expect(fstat(error.fileHandleForWriting.fileDescriptor, &status) == 0)
                process.environment = ProcessInfo.processInfo.environment.merging([
                    "JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"
                ]) { $1 }
            },
            started: { started in
                pid = started
                // A daemon that does not refuse would run on: end it, so the test fails instead of hanging.
                Thread {
                    sleep(60)
                    // Only if the pid is still this newsdrop (it may have been reaped and reused).
                    let command = (try? String(contentsOfFile: "/proc/\(started)/cmdline", encoding: .utf8)) ?? ""
                    if command.hasPrefix(binary) { kill(started, SIGKILL) }
                }.start()
            })
        return (result, pid)
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    @Test func aTruncatedArchiveStopsStartUpWithOneSentenceNamingTheFileAndTheFix() async throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try dropCheckpointedWAL(state: state)
        let archive = state + "/newsdrop.sqlite"
        // Given an archive cut to half its size
        try truncateToHalf(archive)

        // When the daemon starts on it
        let (result, pid) = try newsdropWithPid([
            "run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal",
        ])

        // Then it exits 1 with one sentence on stderr naming the file and the rebuild
        #expect(result.status == 1)
        let said = lines(result.error)
        #expect(said.count == 1, "one line on stderr: \(result.error)")
        let sentence = try #require(said.first)
        #expect(sentence.hasPrefix("newsdrop: The archive \(archive) is damaged ("), "\(sentence)")
        #expect(sentence.contains("'newsdrop reindex --inbox \(inbox) --state-dir \(state)'"), "\(sentence)")
        #expect(sentence.contains("newsdrop.sqlite.damaged-"), "\(sentence)")
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Stack"))
        // And the journal holds it once, as an error
        let entries = try #require(
            try await eventually {
                let found = try JournalReader.entries(pid: pid).filter { $0["MESSAGE"]?.contains("is damaged") == true }
                return found.isEmpty ? nil : found
            }, "the damage in the journal")
        #expect(entries.count == 1)
        #expect(entries.first?["PRIORITY"] == "3")
        #expect(entries.first?["NEWSDROP_ARCHIVE"] == archive)
        #expect(entries.first.map { "newsdrop: " + ($0["MESSAGE"] ?? "") } == sentence)
    }

    @Test func aTruncatedFileIsReadFromItsWriteAheadLog() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Given the file cut to half, with the write-ahead log the ingest left beside it (it holds every page)
        try truncateToHalf(state + "/newsdrop.sqlite")

        // Then SQLite reads the pages from the log: the archive is whole, and the daemon starts on it
        let check = try newsdrop(["check", "--state-dir", state])
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)\(check.error)")
        let french = NewsdropBinary.seeds.map(\.lastPathComponent).filter { !$0.hasPrefix("000") }.sorted()
        #expect(try search("OTAN", state: state) == french)
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        #expect(daemon.stop() == 0)
    }

    @Test func underSystemdTheDamageIsLoggedOnceAndNotAlsoOnStderr() async throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try dropCheckpointedWAL(state: state)
        try truncateToHalf(state + "/newsdrop.sqlite")

        // When the daemon starts with stderr connected to the journal, as systemd does
        let (result, pid) = try newsdropWithPid(
            ["run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"], stderrIsJournal: true)

        // Then it exits 1, writes nothing to stderr (it would reach the journal twice), and logs one error
        #expect(result.status == 1)
        #expect(result.error.isEmpty, "\(result.error)")
        let entries = try #require(
            try await eventually {
                let found = try JournalReader.entries(pid: pid).filter { $0["MESSAGE"]?.contains("is damaged") == true }
                return found.isEmpty ? nil : found
            }, "the damage in the journal")
        #expect(entries.count == 1)
        #expect(entries.first?["PRIORITY"] == "3")
    }

    @Test func theReadingCommandsAndIngestNameADamagedArchiveAndTheFix() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = state + "/newsdrop.sqlite"
        // Given a file that is not a database at all
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: archive + suffix) }
        try Data(repeating: 0x41, count: 65_536).write(to: URL(fileURLWithPath: archive))

        // The reading commands name the drop folder of their configuration; ingest has none, so says DIR
        let config = root + "/newsdrop.toml"
        try "inbox = \"\(inbox)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let commands = [["search", "OTAN"], ["show", "1"], ["status"], ["stories"], ["digest"]].map {
            ($0 + ["--config", config], inbox)
        }
        for (arguments, drop) in commands + [(["ingest", inbox], "DIR")] {
            let result = try newsdrop([arguments[0], "--state-dir", state] + arguments.dropFirst())
            #expect(result.status == 1, "\(arguments)")
            #expect(
                lines(result.error) == [
                    "newsdrop: The archive \(archive) is damaged (file is not a database); rebuild it from the drop "
                        + "folder with 'newsdrop reindex --inbox \(drop) --state-dir \(state)' (the damaged file is "
                        + "kept beside it as newsdrop.sqlite.damaged-TIME)"
                ], "\(arguments)")
        }
        // And check says what is wrong, on stdout, and exits 1
        let check = try newsdrop(["check", "--state-dir", state])
        #expect(check.status == 1)
        #expect(check.output == "file is not a database\n")
    }

    @Test func anArchiveOverwrittenInTheMiddleFailsCheckAndStartUp() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try dropCheckpointedWAL(state: state)
        let archive = state + "/newsdrop.sqlite"
        // Given four pages overwritten in the middle of the file (the ingest closed it: nothing is left in the WAL)
        let size = try fileSize(archive)
        try overwrite(archive, at: size / 2 / 4096 * 4096, count: 16_384)

        // Then check lists what SQLite finds, one per line, and exits 1 with the fix on stderr
        let check = try newsdrop(["check", "--state-dir", state])
        #expect(check.status == 1, "\(check.output)\(check.error)")
        let problems = lines(check.output)
        #expect(!problems.isEmpty && problems.count <= 20 && !problems.contains("ok"), "\(check.output)")
        #expect(lines(check.error).count == 1 && check.error.contains("'newsdrop reindex --inbox"), "\(check.error)")
        let json = try newsdrop(["check", "--state-dir", state, "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["archive"] as? String == archive)
        #expect((object["problems"] as? [String]) == problems)

        // And the daemon refuses to start on it, in one sentence
        let (run, _) = try newsdropWithPid(["run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"])
        #expect(run.status == 1)
        #expect(lines(run.error).count == 1, "\(run.error)")
        #expect(run.error.hasPrefix("newsdrop: The archive \(archive) is damaged ("), "\(run.error)")
    }

    @Test func damageThatStillOpensIsFoundByCheckAndStopsStartUp() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try dropCheckpointedWAL(state: state)
        let archive = state + "/newsdrop.sqlite"
        // Given the last two pages overwritten: the schema is intact, so the file opens
        let size = try fileSize(archive)
        try overwrite(archive, at: size - 8192, count: 8192)
        let status = try newsdrop(["status", "--state-dir", state])
        #expect(status.status == 0, "opening does not see it: \(status.error)")

        // Then check finds it, naming pages, rows or indexes
        let check = try newsdrop(["check", "--state-dir", state])
        #expect(check.status == 1)
        let problems = lines(check.output)
        #expect(!problems.isEmpty && !problems.contains("ok"), "\(check.output)")
        // And start-up's quick_check finds it too, and names the first problem
        let (run, _) = try newsdropWithPid(["run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"])
        #expect(run.status == 1)
        #expect(lines(run.error).count == 1, "\(run.error)")
        #expect(run.error.contains("is damaged (\(problems.first ?? "?"))"), "\(run.error)")
    }

    @Test func reindexRebuildsTheArchiveFromTheDropFolderAndKeepsTheDamagedFile() async throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try dropCheckpointedWAL(state: state)
        let archive = state + "/newsdrop.sqlite"
        let french = NewsdropBinary.seeds.map(\.lastPathComponent).filter { !$0.hasPrefix("000") }.sorted()
        #expect(try search("OTAN", state: state) == french)
        try truncateToHalf(archive)
        let damagedBytes = try Data(contentsOf: URL(fileURLWithPath: archive))

        // When the archive is rebuilt
        let started = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        let (reindex, pid) = try newsdropWithPid(["reindex", "--inbox", inbox, "--state-dir", state])

        // Then it says what it did, and search finds the seeds again
        #expect(reindex.status == 0, "\(reindex.error)")
        #expect(reindex.output.contains("5 files, 5 documents, 0 rejected"), "\(reindex.output)")
        #expect(try search("OTAN", state: state) == french)
        // And the damaged file is kept beside the new one, byte for byte
        let kept = try FileManager.default.contentsOfDirectory(atPath: state).filter {
            $0.hasPrefix("newsdrop.sqlite.damaged-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        }
        #expect(kept.count == 1, "\(kept)")
        let keptPath = state + "/" + (kept.first ?? "")
        #expect(reindex.output.contains("The old archive is kept as \(keptPath)"), "\(reindex.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: keptPath)) == damagedBytes)
        // And check says ok
        let check = try newsdrop(["check", "--state-dir", state])
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)\(check.error)")
        // And the rebuild reported no news: nothing unsent, no ingested entry of its own in the journal
        let status = try newsdrop(["status", "--state-dir", state, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        #expect(object?["unsent_events"] as? Int == 0)
        #expect(object?["documents"] as? Int == 5)
        // (process ids come round again: only entries written since the rebuild started are its own)
        let own = try JournalReader.entries(pid: pid).filter {
            UInt64($0["__REALTIME_TIMESTAMP"] ?? "") ?? 0 >= started
        }
        #expect(own.filter { $0["NEWSDROP_EVENT"] != nil }.isEmpty)
        // And the daemon starts on the rebuilt archive
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        #expect(daemon.stop() == 0)
    }

    @Test func reindexRefusesWhileTheServiceRunsAndLeavesTheArchiveAlone() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        let reindex = try newsdrop(["reindex", "--inbox", inbox, "--state-dir", state])

        #expect(reindex.status == 1)
        #expect(reindex.error.contains("Another newsdrop is already running"), "\(reindex.error)")
        #expect(reindex.error.contains("pid \(daemon.pid)"), "\(reindex.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).allSatisfy { !$0.contains(".damaged-") })
        #expect(daemon.stop() == 0)
    }

    @Test func checkSaysOkOnAHealthyArchiveAlsoWhileTheServiceRuns() throws {
        let (root, inbox, state) = try seededArchive()
        defer { try? FileManager.default.removeItem(atPath: root) }

        // Stopped: both checks run
        let stopped = try newsdrop(["check", "--state-dir", state, "--json"])
        #expect(stopped.status == 0, "\(stopped.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stopped.output.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == true)
        #expect((object["problems"] as? [String])?.isEmpty == true)
        #expect(object["full_text_index_checked"] as? Bool == true)
        #expect(stopped.error.isEmpty, "\(stopped.error)")

        // Running: the integrity check runs beside it, read-only; the full-text one is left out, and said so
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let running = try newsdrop(["check", "--state-dir", state])
        #expect(running.status == 0, "\(running.error)")
        #expect(running.output == "ok\n")
        #expect(running.error.contains("full-text index was not checked"), "\(running.error)")
        #expect(daemon.stop() == 0)
    }
}

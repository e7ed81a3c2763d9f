import Foundation
import Glibc
import Testing

/// The daemon as systemd runs it: watchdog, reload protocol, one daemon per archive, status of the
/// running service, and a journal flood that loses nothing. Real process, real notify socket, real journald.
@Suite(.serialized)
struct ServiceEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    @Test func watchdogIsPingedAtLeastTwicePerInterval() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Given systemd's watchdog at 2 s (WATCHDOG_USEC, no WATCHDOG_PID: meant for this process)
        let daemon = try RunningDaemon(inbox: inbox, state: state, environment: ["WATCHDOG_USEC": "2000000"])

        // When it has run for a while
        let pings = try #require(
            try await eventually(seconds: 30) { () -> [Date]? in
                let times = daemon.notify.arrivals(of: "WATCHDOG=1")
                return times.count >= 8 ? times : nil
            }, "eight WATCHDOG=1 pings")

        // Then no two pings are more than half the interval apart
        let gaps = zip(pings.dropFirst(), pings).map { $0.timeIntervalSince($1) }
        #expect(gaps.allSatisfy { $0 <= 1.0 }, "gaps between pings: \(gaps)")
        #expect(daemon.stop() == 0)
    }

    @Test func noWatchdogPingsWithoutWatchdogUsec() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        // A reload round-trip shows the daemon is past start-up and answering
        kill(daemon.pid, SIGHUP)
        #expect(daemon.notify.waitFor("RELOADING=1", seconds: 30))
        #expect(daemon.notify.arrivals(of: "WATCHDOG=1").isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test func reloadSendsReloadingWithItsMonotonicTimeThenReady() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // When systemctl reload sends SIGHUP
        kill(daemon.pid, SIGHUP)

        // Then RELOADING=1 arrives with MONOTONIC_USEC=, and READY=1 after it
        #expect(daemon.notify.waitFor("RELOADING=1", seconds: 30))
        #expect(
            try await eventually(seconds: 30) { () -> Bool? in
                let messages = daemon.notify.received
                guard let reloading = messages.firstIndex(where: { $0.contains("RELOADING=1") }) else { return nil }
                return messages[(reloading + 1)...].contains { $0.contains("READY=1") } ? true : nil
            } == true, "READY=1 after RELOADING=1")
        let reloading = try #require(daemon.notify.received.first { $0.contains("RELOADING=1") })
        let usec = reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
            .flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowUsec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        let sent = try #require(usec, "MONOTONIC_USEC= with a number in \(reloading)")
        #expect(sent > 0 && sent <= nowUsec, "MONOTONIC_USEC is CLOCK_MONOTONIC in microseconds")
        #expect(daemon.stop() == 0)
    }

    @Test func aSecondDaemonOnTheSameArchiveRefusesToStart() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // When a second daemon starts on the same state directory
        let second = try newsdrop(["run", "--inbox", inbox, "--state-dir", state, "--log-target", "stderr"])

        // Then it exits 1 with a sentence naming the running one
        #expect(second.status == 1)
        #expect(second.error.contains("Another newsdrop is already running"), "\(second.error)")
        #expect(second.error.contains("pid \(daemon.pid)"), "\(second.error)")
        #expect(daemon.stop() == 0)
    }

    @Test func statusShowsTheRunningServiceAndItsAbsenceAfterwards() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // While it runs, status names it
        let running = try statusJSON(state: state)
        let service = try #require(running["service"] as? [String: Any], "a service object: \(running)")
        #expect(service["running"] as? Bool == true)
        #expect(service["pid"] as? Int == Int(daemon.pid))
        #expect(service["inbox"] as? String == inbox)
        #expect(service["queued"] as? Int == 0)
        #expect((service["data_dir"] as? String)?.hasSuffix("data") == true)
        #expect((service["model"] as? String)?.contains("en, fr") == true)
        #expect(service["since"] is String && service["last_rescan"] is String)
        let text = try newsdrop(["status", "--state-dir", state])
        #expect(text.output.contains("Service:     running since"), "\(text.output)")
        #expect(text.output.contains("Watching:    \(inbox)"))

        // After it stopped, the service is null and the text says so
        #expect(daemon.stop() == 0)
        let stopped = try statusJSON(state: state)
        #expect(stopped["service"] is NSNull, "\(stopped)")
        #expect(try newsdrop(["status", "--state-dir", state]).output.contains("Service:     not running"))
    }

    @Test func aTwentyThousandItemFeedLosesNoJournalEntry() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Given a pace under one round's commit (256 articles), so the outbox must hold entries back
        // from the first round on and send them later
        let config = root + "/newsdrop.toml"
        try "journal_rate_limit_burst = 250\njournal_rate_limit_interval = 1\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(inbox: inbox, state: state, extraArguments: ["--config", config])

        // When a 20,000-item NDJSON feed is dropped
        let items = 20_000
        var feed = ""
        for item in 0..<items {
            feed +=
                "{\"id\":\"n\(item)\",\"title\":\"Bulletin \(item) of the wire\",\"text\":\"Report number \(item) "
                + "says that \(item * 7) tonnes of grain left port \(item % 97) on day \(item % 365).\"}\n"
        }
        try feed.write(toFile: root + "/feed.ndjson", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: root + "/feed.ndjson", toPath: inbox + "/feed.ndjson")

        // Then the archive holds them and has sent every event (a cheap question, asked often)
        let drained = try await eventually(seconds: 900) { () -> Bool? in
            let status = try statusJSON(state: state)
            return status["documents"] as? Int == items && status["unsent_events"] as? Int == 0 ? true : nil
        }
        #expect(drained == true, "20,000 documents, no unsent event")
        // And all 20,000 entries are in the journal (read back once journald has written them)
        var count = 0
        for _ in 0..<30 {
            count = try JournalReader.entries(pid: daemon.pid).filter {
                $0["NEWSDROP_EVENT"] == "ingested" || $0["NEWSDROP_EVENT"] == "duplicate"
            }.count
            if count >= items { break }
            try await Task.sleep(for: .seconds(1))
        }
        #expect(count == items)
        let notices = try JournalReader.entries(pid: daemon.pid).filter {
            $0["MESSAGE"]?.hasPrefix("Pacing the journal") == true
        }
        #expect(notices.count >= 1)
        #expect(daemon.stop() == 0)
    }

    @Test func ingestOnATerminalShowsAProgressBar() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for seed in NewsdropBinary.seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        // script(1) gives the command a terminal, as a person typing it would have
        let command = [NewsdropBinary.path, "ingest", "--state-dir", state, inbox].map { "'\($0)'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("/5 files ·"), "a bar counting the five seeds: \(text)")
        #expect(text.contains("files/s"))
        #expect(text.contains("5 files in"), "the summary line: \(text)")

        // Without a terminal, no bar
        let piped = try newsdrop(["ingest", "--state-dir", root + "/state2", inbox])
        #expect(!piped.error.contains("·"), "\(piped.error)")
        #expect(piped.error.contains("5 files in"))
    }

    /// Members of group newsdrop only read the service's archive: the reading commands must not need to write.
    @Test func aUserWhoMayOnlyReadTheArchiveCanSearchIt() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for seed in NewsdropBinary.seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        // Given an archive written by its owner and closed, readable but not writable by others
        #expect(try newsdrop(["ingest", "--state-dir", state, inbox]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: state) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: state + "/" + name)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: state)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)

        // When another user, who may only read, searches, lists stories and asks for the status
        for arguments in [["search", "OTAN"], ["stories"], ["status"], ["digest"], ["show", "1"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", NewsdropBinary.path]
                + [arguments[0], "--state-dir", state] + arguments.dropFirst()
            let output = Pipe()
            let error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problem = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            // Then each works, without writing
            #expect(process.terminationStatus == 0, "\(arguments): \(problem)")
            #expect(!text.isEmpty, "\(arguments) printed nothing")
        }
    }

    private func statusJSON(state: String) throws -> [String: Any] {
        let result = try newsdrop(["status", "--state-dir", state, "--json"])
        guard result.status == 0 else { throw TestFailure("status failed: \(result.error)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }
}

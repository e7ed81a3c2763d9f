import Foundation
import Glibc
import Testing

/// Alert rules in a running daemon: entries at the rule's priority, and SIGHUP reloading them.
@Suite(.serialized)
struct AlertEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    func alertConfig(name: String, query: String, priority: String) -> String {
        """
        [[alert]]
        name = "\(name)"
        query = '\(query)'
        priority = "\(priority)"
        """
    }

    func alerts(pid: Int32) throws -> [[String: String]] {
        try JournalReader.events("alert", pid: pid)
    }

    @Test func reloadingTheConfigurationAppliesNewAlertsToWhatArrivesNext() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = root + "/newsdrop.toml"
        try alertConfig(name: "climate", query: "climat OR climate", priority: "warning")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(inbox: inbox, state: state, extraArguments: ["--config", config])

        // Given the first rule, an article about the climate raises it at priority 4
        try "Le sommet sur le climat s'ouvre à Genève.\nLes délégations négocient les objectifs de réduction."
            .write(toFile: inbox + "/a.txt", atomically: false, encoding: .utf8)
        let first = try await eventually { try alerts(pid: daemon.pid).first }
        #expect(first?["NEWSDROP_ALERT"] == "climate")
        #expect(first?["PRIORITY"] == "4")
        #expect(first?["NEWSDROP_PATH"] == inbox + "/a.txt")

        // When the configuration is replaced and the daemon gets SIGHUP
        try alertConfig(name: "geneva", query: "Genève OR Geneva", priority: "crit")
            .write(toFile: config, atomically: true, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        let reloaded = try await eventually {
            try JournalReader.entries(pid: daemon.pid).first { $0["MESSAGE"]?.hasPrefix("Reloaded") == true }
        }
        #expect(reloaded?["MESSAGE"]?.contains("geneva") == true)

        // Then the next article raises the new rule only, and the daemon still runs
        try "Nouvelle réunion à Genève sur le climat.\nLes ministres se retrouvent jeudi pour conclure."
            .write(toFile: inbox + "/b.txt", atomically: false, encoding: .utf8)
        let second = try await eventually {
            try alerts(pid: daemon.pid).first { $0["NEWSDROP_PATH"] == inbox + "/b.txt" }
        }
        #expect(second?["NEWSDROP_ALERT"] == "geneva")
        #expect(second?["PRIORITY"] == "2")
        #expect(try alerts(pid: daemon.pid).filter { $0["NEWSDROP_PATH"] == inbox + "/b.txt" }.count == 1)
        #expect(daemon.stop() == 0)
    }

    @Test func anEntityAlertFiresForTheFrenchSeedsNamingNATOAndRussia() async throws {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = root + "/newsdrop.toml"
        try alertConfig(name: "nato-russia", query: "entity:NATO AND entity:RU", priority: "warning")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(inbox: inbox, state: state, extraArguments: ["--config", config])

        let french = seeds.filter { !$0.lastPathComponent.hasPrefix("000") }
        for seed in french {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }
        let fired = try #require(
            try await eventually { () -> [[String: String]]? in
                let entries = try alerts(pid: daemon.pid)
                return entries.count >= french.count ? entries : nil
            }, "an alert for each French seed")
        #expect(Set(fired.compactMap { $0["NEWSDROP_PATH"] }) == Set(french.map { inbox + "/" + $0.lastPathComponent }))
        for entry in fired {
            #expect(entry["NEWSDROP_ALERT"] == "nato-russia")
            #expect(entry["PRIORITY"] == "4")
            let entities = entry["NEWSDROP_ENTITIES"]?.split(separator: ",").map(String.init) ?? []
            #expect(entities.contains("NATO") && entities.contains("RU"))
        }
        let ingested = try JournalReader.events("ingested", pid: daemon.pid)
        let first = try #require(ingested.first { $0["NEWSDROP_PATH"]?.hasSuffix(french[0].lastPathComponent) == true })
        #expect(first["NEWSDROP_ENTITIES"]?.contains("person:maria-zakharova") == true)
        #expect(daemon.stop() == 0)
    }

    @Test func aBrokenConfigurationOnReloadKeepsTheRunningOne() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = root + "/newsdrop.toml"
        try alertConfig(name: "climate", query: "climat", priority: "notice")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(inbox: inbox, state: state, extraArguments: ["--config", config])
        try "[[alert]]\nname = \"bad\"\nquery = \"(\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        let failed = try await eventually {
            try JournalReader.entries(pid: daemon.pid).first { $0["MESSAGE"]?.hasPrefix("Reload failed") == true }
        }
        #expect(failed?["MESSAGE"]?.contains("parenthesis") == true)
        try "Le climat change vite.\nLes scientifiques alertent sur les conséquences."
            .write(toFile: inbox + "/a.txt", atomically: false, encoding: .utf8)
        let alert = try await eventually { try alerts(pid: daemon.pid).first }
        #expect(alert?["NEWSDROP_ALERT"] == "climate")
        #expect(daemon.stop() == 0)
    }
}

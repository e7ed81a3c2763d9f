import Foundation
import Glibc
import Testing

/// The real daemon on a real folder, read back from the real journal.
///
/// Serialized: one test lowers the system-wide inotify queue limit.
@Suite(.serialized)
struct EndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
        guard FileManager.default.isExecutableFile(atPath: NewsdropBinary.path) else {
            throw TestFailure("no newsdrop binary at \(NewsdropBinary.path): run `swift build` first")
        }
    }

    func search(_ query: String, state: String) throws -> [String] {
        let result = try newsdrop(["search", "--state-dir", state, "--json", "--limit", "50", query])
        guard result.status == 0 else { throw TestFailure("search failed: \(result.error)") }
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let rows = object?["results"] as? [[String: Any]] ?? []
        return rows.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }.sorted()
    }

    func documentCount(state: String) throws -> Int? {
        let result = try newsdrop(["status", "--state-dir", state, "--json"])
        let object = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return object?["documents"] as? Int
    }

    @Test func seedsAreIngestedReportedSearchedUpdatedAndRemoved() async throws {
        let seeds = NewsdropBinary.seeds
        try #require(seeds.count == 5, "the five seeds are expected in ../shared/seeds")
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)

        // When the five seeds are dropped
        for seed in seeds {
            try FileManager.default.copyItem(atPath: seed.path, toPath: inbox + "/" + seed.lastPathComponent)
        }

        // Then five ingested entries arrive with path, document id and language
        let ingested = try #require(
            try await eventually { () -> [[String: String]]? in
                let entries = try JournalReader.events("ingested", pid: daemon.pid)
                return entries.count >= 5 ? entries : nil
            }, "five ingested entries in the journal")
        #expect(ingested.count == 5)
        for entry in ingested {
            let name = try #require(entry["NEWSDROP_PATH"]?.split(separator: "/").last.map(String.init))
            #expect(entry["NEWSDROP_PATH"]?.hasPrefix(inbox) == true)
            #expect(Int(entry["NEWSDROP_DOC_ID"] ?? "") != nil)
            #expect(entry["NEWSDROP_LANGUAGE"] == (name.hasPrefix("000") ? "en" : "fr"), "language of \(name)")
            #expect(entry["MESSAGE"]?.hasPrefix("Ingested \(name)") == true)
            #expect(entry["NEWSDROP_EVENT_ID"] != nil && entry["MESSAGE_ID"] != nil)
            #expect(entry["NEWSDROP_TOPIC"] == "politics", "topic of \(name)")
            #expect(entry["NEWSDROP_ENTITIES"]?.split(separator: ",").contains("NATO") == true)
        }

        // And search finds them across accents and word endings
        let french = seeds.map(\.lastPathComponent).filter { !$0.hasPrefix("000") }.sorted()
        #expect(try search("OTAN", state: state) == french)
        let sayGaranties = try seeds.filter { try String(contentsOf: $0, encoding: .utf8).contains("garanties") }
        #expect(try search("garantie", state: state) == sayGaranties.map(\.lastPathComponent).sorted())
        let sayNegociations = try seeds.filter {
            try String(contentsOf: $0, encoding: .utf8).contains("négociations")
        }
        #expect(!sayNegociations.isEmpty)
        #expect(try search("negociations", state: state) == sayNegociations.map(\.lastPathComponent).sorted())

        // When one file is deleted, it is removed and no longer found
        let deleted = french[0]
        try FileManager.default.removeItem(atPath: inbox + "/" + deleted)
        let removed = try await eventually {
            try JournalReader.events("removed", pid: daemon.pid).first { $0["NEWSDROP_PATH"] == inbox + "/" + deleted }
        }
        #expect(removed != nil, "a removed entry for \(deleted)")
        #expect(try !search("OTAN", state: state).contains(deleted))

        // When another is rewritten with new content, it is updated
        let rewritten = inbox + "/" + french[1]
        try "Un tout nouveau texte sur le zeppelin de Lausanne.\nLe zeppelin survole le lac Léman ce matin."
            .write(toFile: rewritten, atomically: false, encoding: .utf8)
        let updated = try await eventually {
            try JournalReader.events("updated", pid: daemon.pid).first { $0["NEWSDROP_PATH"] == rewritten }
        }
        #expect(updated != nil, "an updated entry for \(rewritten)")
        #expect(try search("zeppelin", state: state) == [french[1]])

        // And SIGTERM stops it cleanly
        #expect(daemon.stop() == 0)
    }

    @Test func aBinaryFileIsRejectedWithItsReasonAndTheServiceGoesOn() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        try Data(png).write(to: URL(fileURLWithPath: inbox + "/photo.txt"))
        try "Une dépêche arrive après l'image.\nElle parle de la conférence de Genève sur le climat."
            .write(toFile: inbox + "/after.txt", atomically: false, encoding: .utf8)
        let rejected = try await eventually { try JournalReader.events("rejected", pid: daemon.pid).first }
        #expect(rejected?["NEWSDROP_REASON"]?.contains("PNG image") == true)
        #expect(rejected?["PRIORITY"] == "4")
        let after = try await eventually {
            try JournalReader.events("ingested", pid: daemon.pid).first { $0["NEWSDROP_PATH"] == inbox + "/after.txt" }
        }
        #expect(after != nil)
        #expect(FileManager.default.fileExists(atPath: inbox + "/photo.txt"), "a rejected file stays where it was")
        #expect(daemon.stop() == 0)
    }

    @Test func aRedeliveredFeedOnlyReportsItsNewAndChangedItems() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        func feed(_ items: [(guid: String, title: String, text: String)]) -> String {
            let entries = items.map {
                "<item><guid>\($0.guid)</guid><title>\($0.title)</title><description>\($0.text)</description></item>"
            }
            return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + entries.joined() + "</channel></rss>"
        }
        let english = (
            guid: "a", title: "Talks on European security open in Geneva",
            text: "Diplomats from Russia and the United States met in Geneva on Monday to discuss security guarantees."
        )
        let french = (
            guid: "b", title: "Les négociations sur la sécurité s'ouvrent à Genève",
            text: "Les diplomates russes et américains se sont retrouvés lundi à Genève pour parler de sécurité."
        )
        // Write elsewhere, then rename over the old copy: the way feed fetchers deliver.
        func deliver(_ xml: String) throws {
            try xml.write(toFile: root + "/feed.tmp", atomically: false, encoding: .utf8)
            guard rename(root + "/feed.tmp", inbox + "/wire.rss") == 0 else { throw TestFailure("rename failed") }
        }

        // When a feed of two items in two languages is dropped, then two documents are ingested
        try deliver(feed([english, french]))
        let first = try #require(
            try await eventually {
                let entries = try JournalReader.events("ingested", pid: daemon.pid)
                return entries.count >= 2 ? entries : nil
            })
        #expect(Set(first.compactMap { $0["NEWSDROP_LANGUAGE"] }) == ["en", "fr"])
        #expect(Set(first.compactMap { $0["NEWSDROP_DOC_ID"] }).count == 2)

        // When it is re-delivered with the English item unchanged, the French one edited and a new one
        var edited = french
        edited.text += " Aucun accord n'a été trouvé."
        let added = (
            guid: "c", title: "NATO answers Moscow in writing",
            text: "The alliance sent its written answer to the Russian proposals on Wednesday evening."
        )
        try deliver(feed([english, edited, added]))

        // Then the new item is ingested, the edited one updated, and nothing is said of the unchanged one
        let second = try #require(
            try await eventually { () -> [[String: String]]? in
                let ingested = try JournalReader.events("ingested", pid: daemon.pid)
                let updated = try JournalReader.events("updated", pid: daemon.pid)
                return ingested.count >= 3 && !updated.isEmpty ? ingested + updated : nil
            })
        #expect(
            second.filter { $0["NEWSDROP_EVENT"] == "ingested" }.compactMap { $0["NEWSDROP_TITLE"] }.last == added.title
        )
        #expect(
            second.filter { $0["NEWSDROP_EVENT"] == "updated" }.compactMap { $0["NEWSDROP_TITLE"] } == [french.title])
        #expect(try JournalReader.events("ingested", pid: daemon.pid).count == 3)
        #expect(try documentCount(state: state) == 3)
        #expect(try search("Genève", state: state) == ["wire.rss"])
        #expect(daemon.stop() == 0)
        #expect(try JournalReader.events("removed", pid: daemon.pid).isEmpty)
    }

    @Test func aFloodIntoATinyInotifyQueueIsFullyIndexed() async throws {
        let limitPath = "/proc/sys/fs/inotify/max_queued_events"
        let original = try String(contentsOfFile: limitPath, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The limit is taken when the daemon's inotify instance is created, so it is restored right after start.
        try "16".write(toFile: limitPath, atomically: false, encoding: .utf8)
        let daemon: RunningDaemon
        do {
            daemon = try RunningDaemon(inbox: inbox, state: state)
            try original.write(toFile: limitPath, atomically: false, encoding: .utf8)
        } catch {
            try? original.write(toFile: limitPath, atomically: false, encoding: .utf8)
            throw error
        }

        // Given 1,300 files prepared outside, in the folder and a sub-subfolder
        let staging = root + "/staging"
        try FileManager.default.createDirectory(atPath: staging + "/desk/2024", withIntermediateDirectories: true)
        for index in 0..<1_300 {
            let folder = index % 2 == 0 ? staging : staging + "/desk/2024"
            try
                "Dispatch \(index): the harbour authority reported ship number \(index) arriving at dawn.\nCrews unloaded cargo \(index * 7) while officials counted containers."
                .write(toFile: "\(folder)/dispatch-\(index).txt", atomically: false, encoding: .utf8)
        }
        // When they are copied in at once
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-r", staging + "/.", inbox + "/"]
        try copy.run()
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)

        // Then every one ends up indexed, and the overflow was noticed
        let count = try await eventually(seconds: 120) { () -> Int? in
            let count = try documentCount(state: state)
            return count == 1_300 ? count : nil
        }
        #expect(count == 1_300)
        // and the status line, sent at most once a second, ends on the final counts
        #expect(daemon.notify.waitFor("STATUS=1300 documents, 0 rejected, 0 waiting", seconds: 30))
        #expect(daemon.stop() == 0)
    }

    @Test func changesWhileStoppedAreCaughtUpOnStart() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "Le premier article parle du port de Marseille et de ses navires.\nLes dockers ont travaillé toute la nuit."
            .write(toFile: inbox + "/one.txt", atomically: false, encoding: .utf8)
        try "Le deuxième article parle de la gare de Lyon et de ses trains.\nLes voyageurs ont attendu toute la nuit."
            .write(toFile: inbox + "/two.txt", atomically: false, encoding: .utf8)
        let first = try RunningDaemon(inbox: inbox, state: state)
        #expect(try await eventually { try documentCount(state: state) == 2 ? true : nil } == true)
        #expect(first.stop() == 0)

        // While stopped: one file deleted, one added
        try FileManager.default.removeItem(atPath: inbox + "/one.txt")
        try FileManager.default.createDirectory(atPath: inbox + "/late", withIntermediateDirectories: true)
        try "Le troisième article parle de l'aéroport de Nantes et de ses avions.\nLes pilotes ont attendu le matin."
            .write(toFile: inbox + "/late/three.txt", atomically: false, encoding: .utf8)

        let second = try RunningDaemon(inbox: inbox, state: state)
        let removed = try await eventually { try JournalReader.events("removed", pid: second.pid).first }
        #expect(removed?["NEWSDROP_PATH"] == inbox + "/one.txt")
        let ingested = try await eventually { try JournalReader.events("ingested", pid: second.pid).first }
        #expect(ingested?["NEWSDROP_PATH"] == inbox + "/late/three.txt")
        #expect(try documentCount(state: state) == 2)
        #expect(try search("aeroport", state: state) == ["three.txt"])
        #expect(second.stop() == 0)
    }
}

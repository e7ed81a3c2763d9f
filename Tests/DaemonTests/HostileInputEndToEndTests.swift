import Foundation
import Glibc
import Testing

/// Hostile names and contents through the real daemon: every file gets an outcome, and nothing it
/// holds can act on the terminal of whoever reads the journal.
@Suite(.serialized)
struct HostileInputEndToEndTests {
    init() throws {
        guard JournalReader.isAvailable else {
            throw TestFailure("no journald is listening: run `make journald` (or start /lib/systemd/systemd-journald)")
        }
    }

    @Test func aFileNamedWithInvalidUTF8IsIngestedFoundAndRemoved() async throws {
        let seed = try #require(NewsdropBinary.seeds.first)
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let name: [UInt8] = Array("raw-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        let path = Array(inbox.utf8) + [0x2F] + name

        // When a file whose name is Latin-1, not UTF-8, is dropped
        try writeFile(path, Array(try Data(contentsOf: seed)))

        // Then the journal names it with its exact bytes and a readable message
        let ingested = try #require(
            try await eventually { try pathEntries(daemon.pid, event: "ingested", path: path).first },
            "an ingested entry whose NEWSDROP_PATH holds the raw bytes")
        #expect(String(decoding: ingested["MESSAGE"] ?? [], as: UTF8.self).hasPrefix("Ingested raw-\\xFF\\xFE.txt"))

        // And search finds it, shown escaped
        let result = try newsdrop(["search", "--state-dir", state, "--json", "NATO"])
        #expect(result.status == 0)
        #expect(result.output.contains("raw-\\\\xFF\\\\xFE.txt"), "\(result.output)")

        // And deleting it removes it from the archive
        #expect(unlink(path.map { CChar(bitPattern: $0) } + [0]) == 0)
        let removed = try await eventually { try pathEntries(daemon.pid, event: "removed", path: path).first }
        #expect(removed != nil, "a removed entry for the raw name")
        #expect(daemon.stop() == 0)
    }

    @Test func aBinaryFileWithARawNameIsRejectedWithAReadableReason() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let path = Array(inbox.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)

        try writeFile(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))

        let rejected = try #require(
            try await eventually { try pathEntries(daemon.pid, event: "rejected", path: path).first })
        let reason = String(decoding: rejected["NEWSDROP_REASON"] ?? [], as: UTF8.self)
        #expect(reason.contains("caf\\xE9.txt"), "\(reason)")
        #expect(daemon.stop() == 0)
    }

    @Test func escapeSequencesInATitleNeverReachTheJournal() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let daemon = try RunningDaemon(inbox: inbox, state: state)
        let text =
            "\u{1B}]0;pwned\u{07}\u{1B}[2JTalks in Geneva end without a deal on Ukraine\n\n"
            + "Diplomats from both sides met for eight hours on Monday and agreed only to keep talking.\n"
            + "The next round is planned for January, in Vienna, with observers from the OSCE.\n"
        try text.write(toFile: inbox + "/escape.txt", atomically: true, encoding: .utf8)

        let entry = try #require(
            try await eventually { try JournalReader.events("ingested", pid: daemon.pid).first },
            "an ingested entry")
        #expect(entry["NEWSDROP_TITLE"] == "Talks in Geneva end without a deal on Ukraine")
        for (field, value) in entry where field.hasPrefix("NEWSDROP_") || field == "MESSAGE" {
            #expect(!value.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(field)")
        }
        #expect(daemon.stop() == 0)
    }

    /// Writes `bytes` to the file whose path is the raw bytes `path`.
    private func writeFile(_ path: [UInt8], _ bytes: [UInt8]) throws {
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw TestFailure("cannot create the raw-named file: errno \(errno)") }
        defer { close(descriptor) }
        guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw TestFailure("short write")
        }
    }

    /// The `event` entries of `pid` whose NEWSDROP_PATH is exactly the bytes `path`.
    private func pathEntries(_ pid: Int32, event: String, path: [UInt8]) throws -> [[String: [UInt8]]] {
        try JournalReader.byteEntries(pid: pid).filter {
            $0["NEWSDROP_EVENT"] == Array(event.utf8) && $0["NEWSDROP_PATH"] == path
        }
    }
}

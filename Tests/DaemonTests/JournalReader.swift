import Foundation
import Glibc

/// Reads the real journal back with `journalctl -o json`.
enum JournalReader {
    /// Whether a journald is listening (the end-to-end tests need one: `make journald` starts it).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: "/run/systemd/journal/socket")
    }

    /// When this test process started, in microseconds since the epoch (the journal's
    /// `__REALTIME_TIMESTAMP`). Pids are recycled (pid_max is 32768 here) and a long-lived journal
    /// holds entries of earlier processes that had a daemon's pid; none of them is newer than this.
    static let testRunStart: UInt64 = {
        // /proc/self/stat field 22 is the start in clock ticks after boot; /proc/stat's btime is
        // the boot in whole seconds (rounded down, so the start found is never too late).
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let afterName = stat.range(of: ")", options: .backwards),
            let system = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let bootLine = system.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
            let boot = UInt64(bootLine.dropFirst(6))
        else { return 0 }
        let fields = stat[afterName.upperBound...].split(separator: " ")
        // Field 22 overall is the 20th after the name (fields 3... follow the closing parenthesis).
        guard fields.count > 19, let ticks = UInt64(fields[19]) else { return 0 }
        let ticksPerSecond = UInt64(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        return boot * 1_000_000 + ticks * 1_000_000 / ticksPerSecond
    }()

    /// Entries written by process `pid` through newsdrop since this test run started, oldest first,
    /// as string fields.
    static func entries(pid: Int32) throws -> [[String: String]] {
        try entries(matching: "_PID=\(pid)")
    }

    /// Newsdrop's entries since this test run started that have the field `match` (`NAME=value`),
    /// oldest first.
    static func entries(matching match: String) throws -> [[String: String]] {
        try objects(matching: match).filter(isOfThisRun).map { $0.compactMapValues { $0 as? String } }
    }

    private static func isOfThisRun(_ object: [String: Any]) -> Bool {
        guard let stamp = (object["__REALTIME_TIMESTAMP"] as? String).flatMap({ UInt64($0) }) else { return true }
        return stamp >= testRunStart
    }

    /// The entries of `pid` with every field as bytes: `journalctl -o json` writes a value that is
    /// not UTF-8 as an array of numbers, which `entries` leaves out.
    static func byteEntries(pid: Int32) throws -> [[String: [UInt8]]] {
        try objects(matching: "_PID=\(pid)").filter(isOfThisRun).map { object in
            object.compactMapValues { value in
                if let text = value as? String { return Array(text.utf8) }
                return (value as? [Int]).map { $0.map { UInt8(truncatingIfNeeded: $0) } }
            }
        }
    }

    private static func objects(matching match: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        process.arguments = ["-o", "json", "--no-pager", "--all", match, "SYSLOG_IDENTIFIER=newsdrop"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: 0x0A).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return nil
            }
            return object
        }
    }

    /// The `NEWSDROP_EVENT=kind` entries of `pid`.
    static func events(_ kind: String, pid: Int32) throws -> [[String: String]] {
        try entries(pid: pid).filter { $0["NEWSDROP_EVENT"] == kind }
    }
}

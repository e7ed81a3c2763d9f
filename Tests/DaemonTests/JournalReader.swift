import Foundation

/// Reads the real journal back with `journalctl -o json`.
enum JournalReader {
    /// Whether a journald is listening (the end-to-end tests need one: `make journald` starts it).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: "/run/systemd/journal/socket")
    }

    /// Entries written by process `pid` through newsdrop, oldest first, as string fields.
    static func entries(pid: Int32) throws -> [[String: String]] {
        try entries(matching: "_PID=\(pid)")
    }

    /// Newsdrop's entries that have the field `match` (`NAME=value`), oldest first.
    static func entries(matching match: String) throws -> [[String: String]] {
        try objects(matching: match).map { $0.compactMapValues { $0 as? String } }
    }

    /// The entries of `pid` with every field as bytes: `journalctl -o json` writes a value that is
    /// not UTF-8 as an array of numbers, which `entries` leaves out.
    static func byteEntries(pid: Int32) throws -> [[String: [UInt8]]] {
        try objects(matching: "_PID=\(pid)").map { object in
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

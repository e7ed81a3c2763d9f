import CSystemd
import Core
import Foundation
import Glibc
import Synchronization

/// Where log lines and events go.
enum LogTarget: String, Sendable {
    /// The journal when journald listens, else stderr.
    case auto
    /// The systemd journal.
    case journal
    /// JSON lines on standard error.
    case stderr
}

/// Writes entries to the systemd journal with `sd_journal_sendv`, or JSON lines to stderr when no journald listens.
final class Journal: Sendable {
    /// journald's native socket.
    static let socketPath = "/run/systemd/journal/socket"

    /// Whether entries go to journald (rather than stderr).
    let isJournald: Bool
    /// Why the last send to journald failed, for the outbox's message.
    let lastError = Mutex("")

    /// Chooses the target; `auto` probes the journald socket by connecting to it.
    init(target: LogTarget) {
        switch target {
        case .journal: isJournald = true
        case .stderr: isJournald = false
        case .auto: isJournald = Self.journaldListens()
        }
    }

    /// Sends one entry; `SYSLOG_IDENTIFIER=newsdrop` is added unless present.
    ///
    /// Wraps `sd_journal_sendv(3)`. When it fails (journald went away), false is returned and, with
    /// `fallingBackToStderr`, the entry is written to stderr as a JSON line instead (log lines);
    /// events pass false, since they stay in the outbox and are sent again.
    @discardableResult
    func send(_ fields: [(name: String, value: String)], fallingBackToStderr: Bool = true) -> Bool {
        var fields = fields
        if !fields.contains(where: { $0.name == "SYSLOG_IDENTIFIER" }) {
            fields.append(("SYSLOG_IDENTIFIER", "newsdrop"))
        }
        guard isJournald else {
            Self.writeJSONLine(fields)
            return true
        }
        // sd_journal_sendv reports success when journald's socket is missing (it "fails silently"):
        // a log line would be lost, so it goes to stderr then. Events ask `isAccepting` themselves.
        if fallingBackToStderr, !Self.journaldListens() {
            Self.writeJSONLine(fields + [("NEWSDROP_JOURNAL_ERROR", "journald is not listening")])
            return false
        }
        let result = Self.sendv(fields.map(Self.line))
        if result < 0 {
            lastError.withLock { $0 = String(cString: strerror(-result)) }
            if fallingBackToStderr {
                Self.writeJSONLine(fields + [("NEWSDROP_JOURNAL_ERROR", String(cString: strerror(-result)))])
            }
            return false
        }
        return true
    }

    /// `NAME=value` as the journal stores it: the path with its exact bytes (a name need not be UTF-8),
    /// every other value without control characters and escape sequences (line breaks stay, for the
    /// digest's MESSAGE), so `journalctl` cannot be made to act on a terminal.
    static func line(_ field: (name: String, value: String)) -> [UInt8] {
        if field.name == "NEWSDROP_PATH" { return Array("NEWSDROP_PATH=".utf8) + RawPath.bytes(field.value) }
        return Array("\(field.name)=\(ControlCharacters.removing(field.value))".utf8)
    }

    /// Whether entries sent now reach their target: always for stderr, and for the journal when
    /// journald listens on its socket. Asked around a batch of events, since `send` cannot tell
    /// a missing journald from a working one.
    var isAccepting: Bool {
        guard isJournald else { return true }
        if Self.journaldListens() { return true }
        lastError.withLock { $0 = "nothing listens on \(Self.socketPath)" }
        return false
    }

    /// Wraps `sd_journal_sendv(3)`: all lines in one buffer, one `iovec` per line pointing into it.
    private static func sendv(_ lines: [[UInt8]]) -> Int32 {
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(1, lines.reduce(0) { $0 + $1.count }), alignment: 1)
        defer { buffer.deallocate() }
        var vectors: [iovec] = []
        vectors.reserveCapacity(lines.count)
        var offset = 0
        for line in lines {
            let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + line.count)])
            slice.copyBytes(from: line)
            vectors.append(iovec(iov_base: slice.baseAddress, iov_len: line.count))
            offset += line.count
        }
        return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }

    /// Whether a datagram socket connects to journald's socket.
    static func journaldListens() -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// One JSON object per line, written with a single `write(2)` so concurrent lines never interleave.
    static func writeJSONLine(_ fields: [(name: String, value: String)]) {
        var object: [String: String] = ["TIMESTAMP": Date().formatted(.iso8601)]
        for field in fields {
            object[field.name] =
                field.name == "NEWSDROP_PATH" ? RawPath.readable(field.value) : ControlCharacters.removing(field.value)
        }
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

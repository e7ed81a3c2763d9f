import Foundation
import Glibc

/// The real `newsdrop` binary, built by `swift build` next to the tests.
enum NewsdropBinary {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `.build/debug/newsdrop`, or `NEWSDROP_BIN` when set.
    static var path: String {
        ProcessInfo.processInfo.environment["NEWSDROP_BIN"]
            ?? packageRoot.appendingPathComponent(".build/debug/newsdrop").path
    }

    /// The five seed articles beside the repository (`../shared/seeds`).
    static var seeds: [URL] {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// The output of a finished command.
struct CommandResult {
    var status: Int32
    var output: String
    var error: String
}

/// Runs `newsdrop` with `arguments` to completion.
func newsdrop(_ arguments: [String]) throws -> CommandResult {
    try runToCompletion(NewsdropBinary.path, arguments)
}

/// Runs `program` to completion, collecting its output and error.
///
/// `prepare` sees the process before it starts (its `standardError` is the error pipe); `started`
/// gets its pid once it runs.
func runToCompletion(
    _ program: String, _ arguments: [String], prepare: (Process) -> Void = { _ in },
    started: (Int32) -> Void = { _ in }
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    prepare(process)
    try process.run()
    started(process.processIdentifier)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        error: String(decoding: errorData, as: UTF8.self))
}

/// A running daemon on a temporary drop folder, with its own notify socket.
final class RunningDaemon {
    let process = Process()
    let notify: NotifySocket
    let inbox: String
    let state: String
    private let errorPipe = Pipe()

    /// Starts `newsdrop run` and waits until it sends READY=1.
    init(
        inbox: String, state: String, extraArguments: [String] = [],
        environment extraEnvironment: [String: String] = [:]
    ) throws {
        self.inbox = inbox
        self.state = state
        notify = try NotifySocket(path: state + ".notify")
        process.executableURL = URL(fileURLWithPath: NewsdropBinary.path)
        process.arguments = ["run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = notify.path
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        process.standardError = errorPipe
        try process.run()
        guard notify.waitFor("READY=1", seconds: 60) else {
            process.terminate()
            throw TestFailure("the daemon did not send READY=1 within 60 s")
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends SIGTERM and returns the exit status.
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        notify.close()
    }
}

/// A datagram socket standing in for systemd's notify socket.
///
/// A thread keeps reading it, as systemd does: only 10 datagrams queue on a Unix socket by
/// default (net.unix.max_dgram_qlen), and a full queue would block the daemon's sd_notify.
final class NotifySocket: @unchecked Sendable {  // mutable state is only touched under `lock`
    let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var messages: [String] = []
    private var arrivalTimes: [Date] = []
    private var isClosed = false

    init(path: String) throws {
        self.path = path
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, bound == 0 else { throw TestFailure("cannot bind a notify socket at \(path)") }
        Thread { [self] in readUntilClosed() }.start()
    }

    private func readUntilClosed() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !lock.withLock({ isClosed }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                let message = String(decoding: buffer[..<count], as: UTF8.self)
                lock.withLock {
                    messages.append(message)
                    arrivalTimes.append(Date())
                }
            }
        }
        Glibc.close(descriptor)
        unlink(path)
    }

    /// Waits until a message containing `text` has arrived; bounded by `seconds`.
    func waitFor(_ text: String, seconds: Int) -> Bool {
        let deadline = Date().addingTimeInterval(Double(seconds))
        repeat {
            if lock.withLock({ messages.contains { $0.contains(text) } }) { return true }
            usleep(50_000)
        } while Date() < deadline
        return false
    }

    /// When each message containing `text` arrived, oldest first.
    func arrivals(of text: String) -> [Date] {
        lock.withLock { zip(messages, arrivalTimes).filter { $0.0.contains(text) }.map(\.1) }
    }

    /// Every message received so far, oldest first.
    var received: [String] {
        lock.withLock { messages }
    }

    /// Stops the reading thread, which closes the socket.
    func close() {
        lock.withLock { isClosed = true }
    }
}

/// A failed precondition of a test, with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `body` every 100 ms until it returns a value, for at most `seconds`.
func eventually<T>(seconds: Double = 30, _ body: () throws -> T?) async throws -> T? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if let value = try body() { return value }
        try await Task.sleep(for: .milliseconds(100))
    } while Date() < deadline
    return try body()
}

/// A fresh temporary folder with `inbox/` and a `state` path beside it.
func makeWorkspace() throws -> (root: String, inbox: String, state: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    return (root, root + "/inbox", root + "/state")
}

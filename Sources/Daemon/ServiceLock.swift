import Foundation
import Glibc

/// What the running daemon says about itself in its lock file, for `newsdrop status`.
struct ServiceInfo: Codable, Equatable {
    /// The daemon's process id.
    var pid: Int32
    /// When it started, ISO 8601.
    var since: String
    /// The drop folder it watches.
    var inbox: String
    /// The data folder its topic model and entity tables come from, or nil when none was found.
    var dataDirectory: String?
    /// The topic model in use: its file and languages, or why there is none.
    var model: String
    /// The release running.
    var version: String

    enum CodingKeys: String, CodingKey {
        case pid, since, inbox, model, version
        case dataDirectory = "data_dir"
    }
}

/// The state directory's lock file (`STATE/newsdrop.lock`), held with `flock(2)` by the running
/// daemon for its whole life.
///
/// It makes a second `newsdrop run` on the same archive refuse to start (two writers would each
/// think they own the outbox and the digest), and lets `newsdrop status` tell a running service
/// from a stopped one without trusting a pid that may have been reused: the kernel drops the lock
/// when the process ends, however it ends.
final class ServiceLock {
    /// The lock file's name inside the state directory.
    static let fileName = "newsdrop.lock"

    private let descriptor: Int32

    /// Takes the lock of `stateDirectory` and writes `info` into the file.
    ///
    /// Wraps `open(2)` and `flock(2)` with `LOCK_EX | LOCK_NB`. Throws a sentence naming the other
    /// daemon when one holds the lock.
    init(stateDirectory: String, info: ServiceInfo) throws(ServiceLockError) {
        let path = stateDirectory + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw ServiceLockError("Cannot open the lock file '\(path)': \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let other = Self.readInfo(descriptor)
            close(descriptor)
            let who = other.map { "pid \($0.pid), since \($0.since)" } ?? "another process"
            throw ServiceLockError(
                "Another newsdrop is already running on the state directory '\(stateDirectory)' (\(who)): "
                    + "stop it first (systemctl stop newsdrop), or give this one another --state-dir")
        }
        self.descriptor = descriptor
        var data = (try? JSONEncoder().encode(info)) ?? Data()
        data.append(0x0A)
        _ = ftruncate(descriptor, 0)
        _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        close(descriptor)
    }

    /// The running daemon's info when one holds the lock of `stateDirectory`, else nil.
    ///
    /// Probes with a shared, non-blocking `flock(2)` on a read-only descriptor, so any user who
    /// may read the state directory can ask, and the probe never blocks the daemon.
    static func holder(stateDirectory: String) -> ServiceInfo? {
        let descriptor = open(stateDirectory + "/" + fileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            // Nobody holds it: the service is not running (the file is left from an earlier run).
            flock(descriptor, LOCK_UN)
            return nil
        }
        return errno == EWOULDBLOCK ? readInfo(descriptor) : nil
    }

    private static func readInfo(_ descriptor: Int32) -> ServiceInfo? {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(ServiceInfo.self, from: Data(buffer[..<count]))
    }
}

/// Why the lock could not be taken, as a sentence.
struct ServiceLockError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

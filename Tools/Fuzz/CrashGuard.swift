import Glibc

/// Keeps the input being run on disk, so that a trap or a hang leaves it behind in the crash folder.
///
/// Before each input the bytes are written to `.current-input` in the crash folder and the name
/// the input would get as a crash is set aside; a signal handler renames the one to the other,
/// says so on standard error and dies of the signal. `rename(2)` and `write(2)` are
/// async-signal-safe, which is why the handler only uses those and preformatted paths.
enum CrashGuard {
    /// The signals of a trap (`SIGILL`, `SIGTRAP`), a bad access and an abort, and the watchdog's `SIGALRM`.
    static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGALRM]

    /// Seconds an input may run before the watchdog stops the run and keeps it as a hang.
    static let hangSeconds: UInt32 = 60

    /// Starts guarding: the current input is kept in `folder`, which must exist.
    static func install(folder: String) {
        store(folder + "/.current-input", in: currentPath)
        for signalNumber in signals {
            signal(signalNumber, handle)
        }
    }

    /// Writes `bytes` as the current input, which goes to `path` if the process dies while running it.
    static func willRun(_ bytes: [UInt8], keptAs path: String) {
        store(path, in: crashPath)
        let descriptor = open(currentPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            written += count
        }
        alarm(hangSeconds)
    }

    /// Stops the watchdog after an input.
    static func didRun() {
        alarm(0)
    }

    /// Copies `path` with its terminating NUL into a preallocated buffer, cut to fit.
    private static func store(_ path: String, in buffer: UnsafeMutablePointer<CChar>) {
        let bytes = Array(path.utf8.prefix(pathCapacity - 1))
        for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
    }
}

/// Room for a path in the buffers below.
private let pathCapacity = 4096

// Both buffers are written only between inputs on the fuzzing thread and read only by the signal
// handler, which runs on that same thread, so no two accesses ever overlap.
/// Where the current input is kept.
nonisolated(unsafe) private let currentPath = UnsafeMutablePointer<CChar>.allocate(capacity: pathCapacity)
/// Where the current input goes if the process dies while running it.
nonisolated(unsafe) private let crashPath = UnsafeMutablePointer<CChar>.allocate(capacity: pathCapacity)

/// The signal handler: keeps the input, says where, and dies of the signal with its default action.
private func handle(_ signalNumber: Int32) {
    rename(currentPath, crashPath)
    let prefix: StaticString =
        signalNumber == SIGALRM ? "fuzz: an input hung; it is in " : "fuzz: an input crashed the run; it is in "
    write(2, prefix.utf8Start, prefix.utf8CodeUnitCount)
    write(2, crashPath, strlen(crashPath))
    let newline: StaticString = "\n"
    write(2, newline.utf8Start, 1)
    signal(signalNumber, SIG_DFL)
    raise(signalNumber == SIGALRM ? SIGABRT : signalNumber)
}

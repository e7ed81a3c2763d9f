import Core
import Foundation
import Glibc

/// Reads one file and runs the pipeline on it: the intake rules of DESIGN.md, then bytes to articles.
struct FileProcessor: Sendable {
    /// Symbolic links must lead inside this folder (the drop folder); nil allows any target.
    var root: String?
    /// Larger files are rejected without being read.
    var maxFileSize: Int64
    /// The pipeline every file goes through, with the classifier loaded at start.
    var pipeline = Pipeline()

    /// The outcome for the file at `path`, every article analysed, or nil when it no longer exists.
    ///
    /// For one-shot commands (`classify`): a file that keeps changing while read is tried three
    /// times, then rejected; the daemon instead waits for it to settle (see ``read(path:)``).
    func process(path: String) -> FileOutcome? {
        for _ in 0..<3 {
            switch read(path: path) {
            case nil: return nil
            case .finished(let outcome): return outcome
            case .extracted(var file): return file.outcome(analysing: file.remaining, with: pipeline)
            case .changing: usleep(200_000)
            }
        }
        return FileOutcome(
            path: path, sha256: "", size: 0, modificationTime: 0,
            result: .rejected(
                Rejection(.unreadable, "'\(RawPath.readable(path))' kept changing while it was read; try again")))
    }

    /// What reading a file gives: an outcome ready to commit, or articles still to be analysed.
    enum Reading {
        /// A rejection.
        case finished(FileOutcome)
        /// The file split into articles, none analysed yet.
        case extracted(FileInProgress)
        /// The file changed while it was read: what was read may mix two versions, so nothing is
        /// kept and the file is read again once it settles.
        case changing
    }

    /// Reads the file at `path` and splits it into articles, or nil when it no longer exists.
    func read(path: String) -> Reading? {
        guard let link = FileStatus.of(path) else { return nil }
        var status = link
        if link.kind == .symlink {
            guard let target = FileStatus.resolved(path), let targetStatus = FileStatus.of(target) else {
                return .finished(
                    rejected(
                        path, link, .notRegularFile, "'\(RawPath.readable(path))' is a symbolic link to nothing"))
            }
            if let root, let realRoot = FileStatus.resolved(root), !target.hasPrefix(realRoot + "/") {
                return .finished(
                    rejected(
                        path, link, .notRegularFile,
                        "'\(RawPath.readable(path))' is a symbolic link leading outside the drop folder (to '\(RawPath.readable(target))'); copy the file in instead"
                    ))
            }
            status = targetStatus
        }
        if case .other(let kind) = status.kind {
            return .finished(
                rejected(path, status, .notRegularFile, "'\(RawPath.readable(path))' is \(kind), not a regular file"))
        }
        guard status.kind != .folder else { return nil }
        if status.size > maxFileSize {
            return .finished(
                rejected(
                    path, status, .tooLarge,
                    "'\(RawPath.readable(path))' is \(status.size) bytes, over the limit of \(maxFileSize) bytes (max_file_size)"
                ))
        }
        let bytes: [UInt8]
        switch Self.readAll(path, limit: maxFileSize, expectedSize: status.size) {
        case .success(let read): bytes = read
        case .failure(let error) where error.number == ENOENT: return nil
        case .failure(let error):
            return .finished(
                rejected(
                    path, status, .unreadable,
                    "Cannot read '\(RawPath.readable(path))': \(String(cString: strerror(error.number))) (the service runs as user \(Self.userName))"
                ))
        }
        if let after = FileStatus.of(path, followingLinks: true),
            after.size != status.size || after.modificationTime != status.modificationTime
        {
            return .changing
        }
        let digest = ContentDigest.sha256(bytes)
        let name = RawPath.readable(RawPath.fileName(path))
        do {
            let file = try pipeline.extract(
                from: bytes, fileName: name, modified: Date(timeIntervalSince1970: status.modificationTime))
            return .extracted(
                FileInProgress(
                    path: path, sha256: digest, size: Int64(bytes.count), modificationTime: status.modificationTime,
                    file: file))
        } catch {
            return .finished(
                FileOutcome(
                    path: path, sha256: digest, size: Int64(bytes.count), modificationTime: status.modificationTime,
                    result: .rejected(error)))
        }
    }

    private func rejected(_ path: String, _ status: FileStatus, _ code: Rejection.Code, _ message: String)
        -> FileOutcome
    {
        // Unread files get an identity from size and time, so an unchanged one is not rejected twice.
        FileOutcome(
            path: path, sha256: "unread:\(code):\(status.size):\(status.modificationTime)", size: status.size,
            modificationTime: status.modificationTime, result: .rejected(Rejection(code, message)))
    }

    /// Reads the whole file; `O_NONBLOCK` so a FIFO that slipped through cannot hang the service.
    ///
    /// `expectedSize` (the size `stat` gave) sizes the buffer, which is read into directly: a 64 KB
    /// chunk zeroed and copied for each file was 4% of an ingest of small articles. A file that
    /// changed size meanwhile is still read whole, in more steps (and then read again, as changing).
    static func readAll(_ path: String, limit: Int64, expectedSize: Int64 = 0) -> Result<[UInt8], SystemError> {
        let descriptor = RawPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(SystemError(number: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // One byte more than expected, so that the end of a file of that size is seen in this part.
        var room = Int(max(0, min(expectedSize, limit))) + 1
        while true {
            var failure: Int32 = 0
            var reachedEnd = false
            let part = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
                while initialized < buffer.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if count == 0 {
                        reachedEnd = true
                        return
                    }
                    initialized += count
                }
            }
            if failure != 0 { return .failure(SystemError(number: failure)) }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            // A file that grew past the limit while being read is cut; the next change re-reads it.
            if reachedEnd || Int64(bytes.count) > limit { break }
            room = max(bytes.count, 64 * 1024)
        }
        return .success(bytes)
    }

    static let userName: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
        return String(cString: name)
    }()
}

/// An `errno` value from a failed system call.
struct SystemError: Error {
    /// The `errno` value.
    var number: Int32
}

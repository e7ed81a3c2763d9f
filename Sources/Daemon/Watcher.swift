import Core
import Foundation
import Glibc
import Synchronization

/// One change seen in the drop folder.
struct WatchEvent: Sendable, Equatable {
    /// What happened.
    enum Kind: Sendable, Equatable {
        /// `IN_CLOSE_WRITE` or `IN_MOVED_TO` of a file: complete, read it now.
        case closed
        /// `IN_CREATE` / `IN_MODIFY` of a file, or a file found in a new folder: may still be written.
        case changed
        /// `IN_DELETE` or `IN_MOVED_FROM` of a file.
        case removed
        /// A folder deleted or moved away: everything below `path` is gone.
        case folderRemoved
        /// `IN_Q_OVERFLOW` or a failed watch: events were lost, rescan everything.
        case overflow
        /// The watched folder itself was deleted or moved away: nothing below it is watched any more.
        case rootGone
    }

    /// What happened.
    var kind: Kind
    /// The absolute path it happened to.
    var path: String
}

/// A watch that cannot be set up, with a sentence naming the path and the fix.
struct WatcherError: Error, CustomStringConvertible {
    var description: String
}

/// Recursive inotify watcher over a folder tree, reading on a dedicated thread.
///
/// Wraps `inotify(7)`. The thread waits in `poll(2)` on the inotify descriptor and a pipe that
/// `stop()` writes to, so it never blocks Swift's cooperative pool.
final class Watcher: Sendable {
    let root: String
    let skipsFolder: @Sendable (String) -> Bool
    private let inotifyDescriptor: Int32
    /// Read and write ends of the pipe that wakes the thread for shutdown.
    private let wakeDescriptors: (read: Int32, write: Int32)
    /// Watch descriptor → folder path. Written by `init` and then only by the reading thread.
    private let folders = Mutex<[Int32: String]>([:])
    private let isStopped = Atomic<Bool>(false)
    /// The watch descriptor of `root` itself.
    private let rootDescriptor = Atomic<Int32>(-1)

    static let folderMask = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY | IN_DELETE_SELF
            | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

    /// Watches `root` and every folder below it, except those `skipsFolder` names.
    init(root: String, skipsFolder: @escaping @Sendable (String) -> Bool) throws {
        self.root = root
        self.skipsFolder = skipsFolder
        inotifyDescriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotifyDescriptor >= 0 else {
            throw WatcherError(
                description: "Cannot watch '\(root)': inotify_init1 failed (\(String(cString: strerror(errno)))); "
                    + "raise fs.inotify.max_user_instances")
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(inotifyDescriptor)
            throw WatcherError(description: "Cannot watch '\(root)': pipe failed (\(String(cString: strerror(errno))))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeDescriptors = (ends[0], ends[1])
        if let failure = addTree(root, reportingFiles: nil) {
            close(inotifyDescriptor)
            close(ends[0])
            close(ends[1])
            throw WatcherError(description: failure)
        }
    }

    /// Events in order. The reading thread starts with the first call; the stream ends at `stop()`.
    func events() -> AsyncStream<WatchEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self)
        let thread = Thread { [self] in
            readLoop(continuation)
        }
        thread.name = "newsdrop-watcher"
        thread.start()
        return stream
    }

    /// Wakes the reading thread, which closes the descriptors and ends the stream. Safe to call twice.
    func stop() {
        guard !isStopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var one: UInt8 = 1
        _ = write(wakeDescriptors.write, &one, 1)
    }

    private func readLoop(_ continuation: AsyncStream<WatchEvent>.Continuation) {
        defer {
            close(inotifyDescriptor)
            close(wakeDescriptors.read)
            close(wakeDescriptors.write)
            continuation.finish()
        }
        // At least 16 + NAME_MAX + 1 bytes or read() fails with EINVAL.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        var waiting = [
            pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptors.read, events: Int16(POLLIN), revents: 0),
        ]
        while !isStopped.load(ordering: .acquiring) {
            let count = poll(&waiting, 2, -1)
            if count < 0 && errno == EINTR { continue }
            if count < 0 || isStopped.load(ordering: .acquiring) { return }
            while true {
                let length = read(inotifyDescriptor, buffer.baseAddress, buffer.count)
                if length < 0 && errno == EINTR { continue }
                if length <= 0 { break }  // EAGAIN: drained
                parse(UnsafeRawBufferPointer(rebasing: buffer[..<length]), continuation)
            }
        }
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, _ continuation: AsyncStream<WatchEvent>.Continuation) {
        var offset = 0
        while offset + 16 <= bytes.count {
            let descriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + 16)..<min(bytes.count, offset + 16 + nameLength)]
            let name = RawPath.decode(nameBytes.prefix(while: { $0 != 0 }))
            offset += 16 + nameLength
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Folders created during the overflow were never watched: walk again, then rescan.
                _ = addTree(root, reportingFiles: nil)
                continuation.yield(WatchEvent(kind: .overflow, path: root))
                continue
            }
            if descriptor == rootDescriptor.load(ordering: .relaxed),
                mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0
            {
                rootDescriptor.store(-1, ordering: .relaxed)
                continuation.yield(WatchEvent(kind: .rootGone, path: root))
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders.withLock { _ = $0.removeValue(forKey: descriptor) }
                continue
            }
            guard let folder = folders.withLock({ $0[descriptor] }), !name.isEmpty else { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !skipsFolder(path) {
                    if addTree(path, reportingFiles: continuation) != nil {
                        continuation.yield(WatchEvent(kind: .overflow, path: path))
                    }
                } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                    forgetTree(path)
                    continuation.yield(WatchEvent(kind: .folderRemoved, path: path))
                }
                continue
            }
            if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                continuation.yield(WatchEvent(kind: .closed, path: path))
            } else if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
                continuation.yield(WatchEvent(kind: .changed, path: path))
            } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                continuation.yield(WatchEvent(kind: .removed, path: path))
            }
        }
    }

    /// Watches `folder` and every folder below it, first the watch then the listing so nothing
    /// written in between is lost; files found are reported as `.changed` when `continuation` is given.
    /// Returns a sentence describing the first failure, or nil.
    private func addTree(_ folder: String, reportingFiles continuation: AsyncStream<WatchEvent>.Continuation?)
        -> String?
    {
        var pending = [folder]
        var failure: String?
        while let current = pending.popLast() {
            // The drop folder itself may be a symbolic link to a folder: it is followed, nothing below is.
            let mask = current == root ? Self.folderMask & ~UInt32(IN_DONT_FOLLOW) : Self.folderMask
            let descriptor = RawPath.withCString(current) { inotify_add_watch(inotifyDescriptor, $0, mask) }
            if descriptor < 0 {
                let reason = String(cString: strerror(errno))
                let hint = errno == ENOSPC ? "; raise the sysctl fs.inotify.max_user_watches" : ""
                failure = failure ?? "Cannot watch '\(RawPath.readable(current))': \(reason)\(hint)"
                continue
            }
            folders.withLock { $0[descriptor] = current }
            if current == root { rootDescriptor.store(descriptor, ordering: .relaxed) }
            guard let directory = RawPath.withCString(current, { opendir($0) }) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = DirectoryEntry.name(of: entry)
                if name == "." || name == ".." { continue }
                let path = current + "/" + name
                var info = stat()
                guard RawPath.withCString(path, { lstat($0, &info) }) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    if !skipsFolder(path) { pending.append(path) }
                } else {
                    continuation?.yield(WatchEvent(kind: .changed, path: path))
                }
            }
        }
        return failure
    }

    /// Drops the watches of `folder` and everything below it (the kernel drops deleted ones itself).
    private func forgetTree(_ folder: String) {
        let prefix = folder + "/"
        let gone = folders.withLock { map in
            map.filter { $0.value == folder || $0.value.hasPrefix(prefix) }.map(\.key)
        }
        for descriptor in gone {
            inotify_rm_watch(inotifyDescriptor, descriptor)
            folders.withLock { _ = $0.removeValue(forKey: descriptor) }
        }
    }
}

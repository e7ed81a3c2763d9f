import Core
import Glibc

/// What `stat(2)` says of a path: its kind, size and modification time.
struct FileStatus: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case regular, folder, symlink, other(String) }

    var kind: Kind
    var size: Int64
    /// Seconds since 1970, with nanoseconds.
    var modificationTime: Double

    /// Wraps `lstat(2)` (or `stat(2)` when `followingLinks`); nil when the path does not exist.
    static func of(_ path: String, followingLinks: Bool = false) -> FileStatus? {
        var info = stat()
        let result = RawPath.withCString(path) { followingLinks ? stat($0, &info) : lstat($0, &info) }
        guard result == 0 else { return nil }
        return FileStatus(
            kind: kind(of: info.st_mode), size: Int64(info.st_size),
            modificationTime: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    static func kind(of mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .folder
        case S_IFLNK: .symlink
        case S_IFIFO: .other("a named pipe (FIFO)")
        case S_IFSOCK: .other("a socket")
        case S_IFCHR, S_IFBLK: .other("a device")
        default: .other("not a regular file")
        }
    }

    /// The canonical absolute path, links resolved; wraps `realpath(3)`.
    static func resolved(_ path: String) -> String? {
        guard let pointer = RawPath.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(pointer) }
        return RawPath.decode(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }
}

import Core
import Glibc

/// Reading a `readdir(3)` entry's name.
enum DirectoryEntry {
    /// The name of `entry`, exact bytes kept (``RawPath``).
    ///
    /// Read in place up to its NUL: glibc's entries are only as long as their name (`d_reclen`), so
    /// copying the whole 256-byte `d_name` reads past the last entry of the buffer (found by the
    /// address sanitizer).
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!  // a stored property: never nil
        let start = UnsafeRawPointer(entry).advanced(by: offset)
        let length = strlen(start.assumingMemoryBound(to: CChar.self))
        return RawPath.decode(UnsafeRawBufferPointer(start: start, count: length))
    }
}

import Core
import Glibc

/// Walks a folder tree with `opendir(3)`/`readdir(3)`, listing the files to consider.
///
/// Names matched by the ignore rules are skipped, folders included. Symbolic links are listed
/// with their target's size and time; where they lead is checked when the file is read.
enum FolderScanner {
    /// Every file below `root` by absolute path, with its size and modification time.
    static func scan(root: String, ignore: IgnoreRules) -> [String: FileStatus] {
        var found: [String: FileStatus] = [:]
        var folders = [root]
        while let folder = folders.popLast() {
            guard let directory = RawPath.withCString(folder, { opendir($0) }) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = DirectoryEntry.name(of: entry)
                if name == "." || name == ".." || ignore.ignores(name: name) { continue }
                let path = folder + "/" + name
                guard let status = FileStatus.of(path) else { continue }
                switch status.kind {
                case .folder:
                    folders.append(path)
                case .symlink:
                    if let target = FileStatus.of(path, followingLinks: true), target.kind != .folder {
                        found[path] = FileStatus(
                            kind: .symlink, size: target.size, modificationTime: target.modificationTime)
                    }
                default:
                    found[path] = status
                }
            }
        }
        return found
    }
}

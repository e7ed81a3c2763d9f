import GRDB

extension Store {
    /// Calls `body` with the path, size and modification time of every file the archive knows below
    /// `root` (a folder path without trailing slash), in path order.
    ///
    /// For the rescan of a large drop folder: one pass over the rows, without the dictionary of
    /// every known file that ``knownFiles(below:)`` builds (with each file's digest, tens of
    /// megabytes at 100,000 files, all of it resident at once).
    public func forEachKnownFile(
        below root: String, _ body: (_ path: String, _ size: Int64, _ modificationTime: Double) throws -> Void
    ) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, size, mtime FROM files WHERE path > ? AND path < ?",
                arguments: [root + "/", root + "0"])  // '0' sorts right after '/': everything under root/
            while let row = try rows.next() {
                try body(row[0], row[1], row[2])
            }
        }
    }
}

import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// The archive's counts: documents of every host; files, rejections, the queue and the unsent
    /// events of this host.
    public func status() throws -> ArchiveStatus {
        try reader.withSession { session in
            let documents = try session.value("SELECT count(*) FROM documents", as: Int64.self) ?? 0
            let files = try session.value("SELECT count(*) FROM files WHERE host_id = \(hostID)", as: Int64.self) ?? 0
            let rejected =
                try session.value(
                    "SELECT count(*) FROM files WHERE host_id = \(hostID) AND state = 'rejected'", as: Int64.self) ?? 0
            let unsent =
                try session.value(
                    "SELECT count(*) FROM events WHERE host_id = \(hostID) AND sent_at IS NULL", as: Int64.self) ?? 0
            let queued = try session.value(
                "SELECT value FROM meta WHERE host_id = \(hostID) AND key = 'queued'", as: String.self
            ).flatMap { Int($0) }
            let last = try session.value("SELECT max(updated_at) FROM documents", as: Double.self)
            var languages: [String: Int] = [:]
            for row in try session.query("SELECT language, count(*) FROM documents GROUP BY language") {
                let (language, count) = try row.decode((String, Int64).self)
                languages[language] = Int(count)
            }
            return ArchiveStatus(
                documents: Int(documents), rejected: Int(rejected), pending: (queued ?? 0) + Int(unsent),
                lastIngest: last.map { Date(timeIntervalSince1970: $0).formatted(.iso8601) }, files: Int(files),
                languages: languages, unsentEvents: Int(unsent))
        }
    }

    /// Asks the server for one row, to show that the archive answers (the watchdog's health check).
    public func ping() throws {
        try reader.withSession { try $0.execute("SELECT 1") }
    }
}

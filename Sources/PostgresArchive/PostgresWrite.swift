import Core
import Foundation
import PostgresNIO

/// One write transaction of a ``PostgresArchive``: its session, the time it records, and the
/// `archive_state.version` it started from (the in-memory index of open stories is current for
/// the transaction when it was stamped with that version).
struct PostgresWrite {
    let session: PostgresSession
    /// Seconds since 1970.
    let time: Double
    let version: Int64
}

extension PostgresArchive {
    /// Runs `body` in a write transaction that holds the archive's commit lock to its end, so that
    /// hosts commit one at a time and each sees every story committed before its own.
    ///
    /// At the end the archive's version moves on; the open-story index, current at the version
    /// read at the start (nobody else committed since this writer's last commit), is stamped
    /// with the new one once committed. When anything fails, the caches are dropped: they may hold
    /// what was rolled back.
    func writing<T>(at now: Date, _ body: (PostgresWrite) throws -> T) throws -> T {
        do {
            return try writer.withSession { session in
                try session.execute("BEGIN")
                do {
                    try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.commitLock))")
                    let version = try session.value("SELECT version FROM archive_state", as: Int64.self) ?? 0
                    let result = try body(
                        PostgresWrite(session: session, time: now.timeIntervalSince1970, version: version))
                    try session.execute("UPDATE archive_state SET version = version + 1")
                    try session.execute("COMMIT")
                    openStories.restamp(from: version, to: version + 1)
                    return result
                } catch {
                    try? session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            profiles.removeAll()
            openStories.reset()
            throw error
        }
    }
}

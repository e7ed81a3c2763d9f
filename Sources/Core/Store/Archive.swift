import Foundation

/// What the daemon and the commands ask of an archive, whichever database holds it: the SQLite
/// file of one machine (``Store``) or a PostgreSQL server that several hosts share.
///
/// Synchronous, as SQLite is: a call waits for the disk or for the server on the caller's
/// thread. One shared test suite runs against every implementation.
public protocol Archive: Sendable {
    /// What the archive knows of each of the files at `paths` that it knows, by path.
    func knownFiles(at paths: [String]) throws -> [String: KnownFile]

    /// Every known file below `root` (a folder path without trailing slash), by path.
    func knownFiles(below root: String) throws -> [String: KnownFile]

    /// Calls `body` with the path, size and modification time of every file the archive knows below
    /// `root`, in path order, without holding them all at once (the rescan of a large drop folder).
    func forEachKnownFile(
        below root: String, _ body: (_ path: String, _ size: Int64, _ modificationTime: Double) throws -> Void
    ) throws

    /// Commits the outcomes of a batch of files in one transaction and returns the events it
    /// recorded (see ``Store/commit(_:at:alerts:knownEntityIDs:progress:)``).
    func commit(
        _ outcomes: [FileOutcome], at now: Date, alerts rules: [AlertRule],
        knownEntityIDs: (String) -> [String], progress: () -> Void
    ) throws -> [StoredEvent]

    /// Removes the files at `paths`, or every file below a path that is a folder, with their
    /// documents; returns the events recorded.
    func remove(paths: [String], at now: Date) throws -> [StoredEvent]

    /// The oldest events not yet sent to the journal, at most `limit`, oldest first.
    func unsentEvents(limit: Int) throws -> [StoredEvent]

    /// Marks events as written to the journal.
    func markSent(_ ids: [Int64], at now: Date) throws

    /// Writes a value the daemon shares with the commands, such as the number of files waiting.
    func setMeta(_ key: String, _ value: String) throws

    /// A value written by ``setMeta(_:_:)``, or nil.
    func meta(_ key: String) throws -> String?

    /// Documents matching `query`, best first (see ``Store/search(_:limit:knownEntityIDs:)``).
    func search(_ query: SearchQuery, limit: Int, knownEntityIDs: (String) -> [String]) throws -> [SearchHit]

    /// The digest of `day` (`YYYY-MM-DD` in `schedule`'s time zone), with at most `topStories` stories.
    func digest(of day: String, schedule: DigestSchedule, topStories: Int) throws -> Digest?

    /// The newest day whose digest was published, or nil.
    func lastPublishedDigest() throws -> String?

    /// Records that `digest` was published (its files written at `path`), with its event.
    func recordPublished(_ digest: Digest, path: String, at now: Date) throws -> StoredEvent

    /// Runs `body`, which publishes the digest of `day`, unless that digest is published already
    /// by another host of a shared archive (then nil): hosts publishing at once take turns.
    func publishingOnce<T>(_ day: String, _ body: () throws -> T) throws -> T?

    /// The documents with id `reference`, or from the file at path `reference`.
    func documents(matching reference: String) throws -> [StoredDocument]

    /// The stories seen most recently, at most `limit`, the latest first, of `minimumSize` articles or more.
    func stories(limit: Int, minimumSize: Int) throws -> [StoryListing]

    /// The archive's counts.
    func status() throws -> ArchiveStatus

    /// Reads one row, to show that the archive answers (the watchdog's health check).
    func ping() throws
}

extension Archive {
    /// Commits `outcomes` now, without alert rules.
    public func commit(_ outcomes: [FileOutcome]) throws -> [StoredEvent] {
        try commit(outcomes, at: Date(), alerts: [], knownEntityIDs: { _ in [] }, progress: {})
    }

    /// Removes the files at `paths` now.
    public func remove(paths: [String]) throws -> [StoredEvent] {
        try remove(paths: paths, at: Date())
    }

    /// The oldest 500 events not yet sent.
    public func unsentEvents() throws -> [StoredEvent] {
        try unsentEvents(limit: 500)
    }

    /// Marks events as written to the journal now.
    public func markSent(_ ids: [Int64]) throws {
        try markSent(ids, at: Date())
    }
}

extension Store: Archive {}

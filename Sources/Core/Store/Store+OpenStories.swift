import Foundation
import GRDB
import Synchronization

/// The writer's ``OpenStoryIndex``, kept in step with `story_index` and `fingerprints`, and the
/// stored versions of the stories it has read or written since.
///
/// Loaded inside a write transaction when placement first needs it; every write of a story or a
/// fingerprint then updates both the tables and the index. It is dropped, and loaded again next
/// time, when a transaction fails (its changes were rolled back) or when another connection wrote
/// (`PRAGMA data_version` moved: a `newsdrop ingest` beside the service, say).
///
/// The versions spare reading `stories.version` for an article's 50 candidate stories: while
/// nobody else wrote, a story's version only moves when this writer saves it, which records the
/// new one here. They are forgotten with the index, and when stories close (so they stay few).
package final class OpenStoriesState: Sendable {
    private struct Loaded {
        var index: OpenStoryIndex
        /// By the story id's bits: read for every candidate of every article.
        var versions = HashValueMap<Int64>()
        var dataVersion: Int64
    }

    private let state = Mutex<Loaded?>(nil)

    package init() {}

    /// Whether the index is loaded and current for a connection at `dataVersion`.
    package func isCurrent(at dataVersion: Int64) -> Bool {
        state.withLock { $0?.dataVersion == dataVersion }
    }

    /// Runs `body` on the loaded index, in place (a copy would copy every table of it).
    package func mutate<T: Sendable>(_ body: (inout OpenStoryIndex) throws -> T) throws -> T? {
        try state.withLock { state in
            guard state != nil else { return nil }
            return try body(&state!.index)  // checked just above
        }
    }

    /// Runs `body` on the index if it is loaded and current for a connection at `dataVersion`;
    /// else drops it.
    package func update(ifCurrentAt dataVersion: Int64, _ body: (inout OpenStoryIndex) -> Void) {
        state.withLock { state in
            guard state?.dataVersion == dataVersion else {
                state = nil
                return
            }
            body(&state!.index)  // checked just above
        }
    }

    /// The stored version of each of `stories`, in their order, where known and the index is
    /// current for a connection at `dataVersion`; nil otherwise.
    package func versions(of stories: [Int64], ifCurrentAt dataVersion: Int64) -> [Int64?] {
        state.withLock { state in
            guard let state, state.dataVersion == dataVersion else {
                return Array(repeating: nil, count: stories.count)
            }
            return stories.map { state.versions[UInt64(bitPattern: $0)] }
        }
    }

    /// Records the stored version of `story` (nil: it was deleted) if the index is current for a
    /// connection at `dataVersion`; else drops it, as ``update(ifCurrentAt:_:)`` does.
    package func setVersion(_ version: Int64?, of story: Int64, ifCurrentAt dataVersion: Int64) {
        state.withLock { state in
            guard state?.dataVersion == dataVersion else {
                state = nil
                return
            }
            state!.versions[UInt64(bitPattern: story)] = version  // checked just above
        }
    }

    /// Forgets the versions recorded (stories closed: most of them will not be read again).
    package func forgetVersions() {
        state.withLock { $0?.versions = HashValueMap() }
    }

    /// Installs a freshly loaded index.
    package func install(_ index: OpenStoryIndex, dataVersion: Int64) {
        state.withLock { $0 = Loaded(index: index, dataVersion: dataVersion) }
    }

    /// Stamps the index current at `old` with `new` (the PostgreSQL archive's version moved on with
    /// this writer's own commit); one stamped otherwise is left, to be loaded again.
    package func restamp(from old: Int64, to new: Int64) {
        state.withLock { state in
            if state?.dataVersion == old { state!.dataVersion = new }  // checked just here
        }
    }

    /// Forgets the index (after a rolled-back transaction).
    package func reset() {
        state.withLock { $0 = nil }
    }
}

extension Store {
    /// Runs `body` on the open-story index, loading it first when it is missing or out of date.
    func withOpenStories<T: Sendable>(
        db: Database, opensAfter: Double, _ body: (inout OpenStoryIndex) throws -> T
    ) throws -> T {
        let version = try Self.dataVersion(db)
        if !openStories.isCurrent(at: version) {
            openStories.install(try loadOpenStories(db: db, opensAfter: opensAfter), dataVersion: version)
        }
        // Installed just above when it was missing; only this writer changes it.
        return try openStories.mutate(body)!
    }

    /// Applies `body` to the open-story index when it is loaded and current; a missing one is
    /// loaded from the tables when next needed, so there is nothing to keep in step.
    func updateOpenStories(db: Database, _ body: (inout OpenStoryIndex) -> Void) throws {
        openStories.update(ifCurrentAt: try Self.dataVersion(db), body)
    }

    /// Records that `story` is now stored at `version` (nil: deleted), beside the open-story index.
    func recordStoryVersion(_ version: Int64?, of story: Int64, db: Database) throws {
        openStories.setVersion(version, of: story, ifCurrentAt: try Self.dataVersion(db))
    }

    /// Reads the open stories' keys and their articles' fingerprints.
    private func loadOpenStories(db: Database, opensAfter: Double) throws -> OpenStoryIndex {
        var index = OpenStoryIndex()
        let scanned = StoryClusteringOptions.standard.storiesPerKey
        let stories = try Row.fetchCursor(
            db,
            sql: """
                SELECT story_id, last_seen, keys, event_start, event_end FROM story_index
                WHERE last_seen >= ? ORDER BY last_seen
                """,
            arguments: [opensAfter])
        while let row = try stories.next() {
            let keys = (row["keys"] as String).split(separator: "\n").map(String.init)
            let start: Double? = row["event_start"]
            let end: Double? = row["event_end"]
            let span = start.flatMap { start in end.map { EventSpan(start: start, end: $0) } }
            index.index(story: row["story_id"], under: keys, lastSeen: row["last_seen"], span: span, scanned: scanned)
        }
        let fingerprints = try Row.fetchCursor(
            db,
            sql: """
                SELECT f.doc_id, f.exact, f.signature, f.story_id FROM fingerprints f
                JOIN story_index s ON s.story_id = f.story_id WHERE s.last_seen >= ? ORDER BY f.doc_id
                """, arguments: [opensAfter])
        while let row = try fingerprints.next() {
            let fingerprint = DuplicateFingerprint(
                exactHash: UInt64(bitPattern: row["exact"]), signature: Self.signature(from: row["signature"]))
            index.remember(fingerprint, document: row["doc_id"], story: row["story_id"])
        }
        return index
    }

    /// The connection's `PRAGMA data_version`: it changes when another connection commits.
    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// The archive: documents, their full-text index, the files they came from and the outbox of events.
///
/// SQLite through a GRDB `DatabasePool` in WAL mode, so the CLI reads while the daemon writes.
/// Everything that persists goes through this one type, so a second backend can later sit behind it.
public struct Store: Sendable {
    /// The file name of the database inside the state directory.
    public static let databaseName = "newsdrop.sqlite"

    let pool: DatabasePool

    /// The profile records placement used recently, so that an article's 50 candidate stories are
    /// not read from the database every time.
    let profiles = StoryProfileCache()

    /// The open stories' keys and fingerprints, in memory, for the writer's story placement.
    let openStories = OpenStoriesState()

    /// Opens the store in `stateDirectory`, creating the folder and database when `create` is true.
    ///
    /// `readOnly` is for the commands that only read (`search`, `show`, `status`, `stories`,
    /// `digest`): they then work for any user who may read the state directory, such as members of
    /// the service's group, while the service writes. Such a store never migrates: an archive whose
    /// schema is older than this binary's is refused with a sentence saying how to upgrade it.
    public init(stateDirectory: String, create: Bool, readOnly: Bool = false) throws(StoreError) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: stateDirectory, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw StoreError(.missing, "State directory '\(stateDirectory)' is a file, not a folder")
        }
        let path = (stateDirectory as NSString).appendingPathComponent(Self.databaseName)
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(
                .missing,
                "No archive in '\(stateDirectory)': the state directory does not exist or holds no "
                    + "\(Self.databaseName) (run 'newsdrop ingest' or 'newsdrop run' with this --state-dir first)")
        }
        if readOnly && !FileManager.default.isReadableFile(atPath: path) {
            throw StoreError(
                .unusable,
                "Cannot read the archive at '\(path)': permission denied (the service's archive is readable by "
                    + "group newsdrop: `sudo usermod -aG newsdrop $USER`, then log in again)")
        }
        let isCurrent: Bool
        do {
            if !readOnly {
                try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.readonly = readOnly
            configuration.prepareDatabase { db in
                db.add(tokenizer: NewsTokenizer.self)
                try BM25Ranking.register(on: db)
                // WAL with NORMAL sync is durable against process crashes (kill -9), which is what the daemon needs.
                if !readOnly {
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                    // Pages back into the archive every 4,000 pages of log (16 MB), not SQLite's 1,000:
                    // a page that several rounds of an ingest change is copied back once, not each time.
                    try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
                    // 8 MB of pages rather than SQLite's 2 MB: at 20,000 open stories placement reads
                    // candidate profiles that its own cache lacks, and a page read from the file was
                    // 3.6% of an ingest. Traded against the profile cache, halved (StoryProfileCache):
                    // 20,000 files took 3.6% less CPU at the same peak RSS; 16 MB gained nothing more.
                    try db.execute(sql: "PRAGMA cache_size = -8000")
                    // Keep the -wal and -shm files when the last writer closes: a read-only reader
                    // (a member of group newsdrop, say) cannot create them, and without them cannot read.
                    var persist: Int32 = 1
                    sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
                }
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            if readOnly {
                isCurrent = try pool.read { try Self.migrator.hasCompletedMigrations($0) }
            } else {
                try Self.migrator.migrate(pool)
                isCurrent = true
            }
        } catch {
            if let damage = Self.damage(error, path: path) { throw damage }
            throw StoreError(.unusable, "Cannot open the archive at '\(path)': \(error)", cause: error)
        }
        if !isCurrent {
            throw StoreError(
                .unusable,
                "The archive at '\(path)' was written by an older newsdrop: restart the service (or run "
                    + "`newsdrop ingest --state-dir \(stateDirectory)` once) to upgrade it, then try again")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE files (
                        path TEXT PRIMARY KEY,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        mtime REAL NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('indexed', 'rejected')),
                        reason TEXT,
                        seen_at REAL NOT NULL
                    );
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        path TEXT NOT NULL,
                        item TEXT NOT NULL DEFAULT '',
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        language TEXT NOT NULL,
                        language_confidence REAL NOT NULL,
                        format TEXT NOT NULL,
                        date TEXT,
                        source TEXT,
                        sha256 TEXT NOT NULL,
                        ingested_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        UNIQUE (path, item)
                    );
                    CREATE INDEX documents_language ON documents(language);
                    CREATE VIRTUAL TABLE documents_fts USING fts5(
                        title, body, content='documents', content_rowid='id', tokenize='newsdrop'
                    );
                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        path TEXT NOT NULL,
                        doc_id INTEGER,
                        language TEXT,
                        title TEXT,
                        reason TEXT,
                        created_at REAL NOT NULL,
                        sent_at REAL
                    );
                    CREATE INDEX events_unsent ON events(id) WHERE sent_at IS NULL;
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        migrator.registerMigration("v2-labels") { db in
            try migrateToLabels(db)
        }
        migrator.registerMigration("v3-stories-digests") { db in
            try migrateToStories(db)
        }
        migrator.registerMigration("v4-open-story-index") { db in
            try migrateToOpenStoryIndex(db)
        }
        migrator.registerMigration("v5-status-indexes") { db in
            try migrateToStatusIndexes(db)
        }
        migrator.registerMigration("v6-story-event-spans") { db in
            try migrateToEventSpans(db)
        }
        migrator.registerMigration("v7-document-lengths") { db in
            try migrateToDocumentLengths(db)
        }
        migrator.registerMigration("v8-document-filters") { db in
            try migrateToFilterIndex(db)
        }
        migrator.registerMigration("v9-story-similarity-records") { db in
            try migrateToSimilarityRecords(db)
        }
        return migrator
    }

    /// Topics, entities and alerts: label columns, an entity table, and a full-text index with a
    /// `tags` column (see ``LabelTags``), rebuilt from the documents with the analysers of today
    /// (CJK bigrams).
    static func migrateToLabels(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE documents ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE documents ADD COLUMN topics_note TEXT;
                ALTER TABLE documents ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE documents ADD COLUMN tags TEXT NOT NULL DEFAULT '';
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL
                );
                ALTER TABLE events ADD COLUMN topics TEXT;
                ALTER TABLE events ADD COLUMN entities TEXT;
                ALTER TABLE events ADD COLUMN alert TEXT;
                ALTER TABLE events ADD COLUMN priority INTEGER;
                DROP TABLE documents_fts;
                CREATE VIRTUAL TABLE documents_fts USING fts5(
                    title, body, tags, content='documents', content_rowid='id', tokenize='newsdrop'
                );
                """)
        // An external-content index cannot 'rebuild': the stored text carries no language marker.
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, body, language FROM documents")
        while let row = try rows.next() {
            let language: String = row["language"]
            let tags = LabelTags.text(language: language, topics: [], entityIDs: [])
            try db.execute(sql: "UPDATE documents SET tags = ? WHERE id = ?", arguments: [tags, row["id"]])
            try db.execute(
                sql: "INSERT INTO documents_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                arguments: [
                    row["id"], NewsTokenizer.marked(row["title"], language: language),
                    NewsTokenizer.marked(row["body"], language: language), tags,
                ])
        }
    }
}

/// A failure of the archive itself (not of one input file).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable {
        /// The state directory or its database does not exist.
        case missing
        /// The database cannot be opened, migrated, read or written.
        case unusable
        /// The database file is not a database, is truncated or is corrupt: only a rebuild helps.
        case damaged
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence naming the path and the problem.
    public var message: String
    /// The underlying error, when there is one.
    public var cause: (any Error)?
    /// What is wrong, in a few words ("file is not a database"), for ``Code/damaged``; else the message.
    public var reason: String

    init(_ code: Code, _ message: String, cause: (any Error)? = nil, reason: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
        self.reason = reason ?? message
    }

    /// The message.
    public var description: String { message }
}

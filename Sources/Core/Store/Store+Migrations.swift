import Foundation
import GRDB

extension Store {
    /// Stories, duplicates and digests: each document's story and original, the stories with their
    /// profiles (JSON), the keys that find candidate stories, the fingerprints and MinHash band keys
    /// that find duplicates, the digests published,
    /// and extra journal fields on events (a digest's Markdown and counts).
    static func migrateToStories(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE documents ADD COLUMN story_id INTEGER;
                ALTER TABLE documents ADD COLUMN duplicate_of INTEGER;
                CREATE INDEX documents_ingested_at ON documents(ingested_at);
                CREATE INDEX documents_story ON documents(story_id);
                CREATE TABLE stories (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    headline TEXT NOT NULL,
                    headline_doc INTEGER,
                    first_seen REAL NOT NULL,
                    last_seen REAL NOT NULL,
                    size INTEGER NOT NULL,
                    languages TEXT NOT NULL,
                    -- Before the profile: reading a column after a large blob walks its overflow pages.
                    version INTEGER NOT NULL DEFAULT 0,
                    profile BLOB NOT NULL
                );
                CREATE TABLE story_keys (
                    key TEXT NOT NULL,
                    story_id INTEGER NOT NULL,
                    last_seen REAL NOT NULL,
                    PRIMARY KEY (key, story_id)
                ) WITHOUT ROWID;
                CREATE INDEX story_keys_story ON story_keys(story_id);
                CREATE INDEX story_keys_recent ON story_keys(key, last_seen DESC);
                CREATE TABLE fingerprints (
                    doc_id INTEGER PRIMARY KEY,
                    exact INTEGER NOT NULL,
                    signature BLOB NOT NULL,
                    story_id INTEGER NOT NULL,
                    seen REAL NOT NULL
                );
                CREATE INDEX fingerprints_exact ON fingerprints(exact);
                CREATE INDEX fingerprints_seen ON fingerprints(seen);
                CREATE TABLE doc_bands (
                    key TEXT NOT NULL,
                    doc_id INTEGER NOT NULL,
                    PRIMARY KEY (key, doc_id)
                ) WITHOUT ROWID;
                CREATE INDEX doc_bands_doc ON doc_bands(doc_id);
                CREATE TABLE digests (
                    date TEXT PRIMARY KEY,
                    published_at REAL NOT NULL
                );
                ALTER TABLE events ADD COLUMN story_id INTEGER;
                ALTER TABLE events ADD COLUMN duplicate_of INTEGER;
                ALTER TABLE events ADD COLUMN payload TEXT;
                CREATE INDEX events_created_at ON events(created_at);
                """)
    }

    /// Open stories found in memory (``OpenStoryIndex``), no longer through index tables: one
    /// `story_index` row per story (its index keys and last time, to load the index from) replaces
    /// the `story_keys` and `doc_bands` rows, and exact copies are found in memory too. The open
    /// stories of an older archive get their row from their profile.
    static func migrateToOpenStoryIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE story_keys;
                DROP TABLE doc_bands;
                DROP INDEX fingerprints_exact;
                CREATE TABLE story_index (
                    story_id INTEGER PRIMARY KEY,
                    last_seen REAL NOT NULL,
                    keys TEXT NOT NULL
                );
                CREATE INDEX story_index_last_seen ON story_index(last_seen);
                """)
        let opensAfter = Date().timeIntervalSince1970 - StoryClusteringOptions.standard.window
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, last_seen, profile FROM stories WHERE last_seen >= ?", arguments: [opensAfter])
        while let row = try rows.next() {
            guard let data = row["profile"] as Data?, let profile = StoryProfile(id: row["id"], encoded: [UInt8](data))
            else { continue }
            try db.execute(
                sql: "INSERT INTO story_index (story_id, last_seen, keys) VALUES (?, ?, ?)",
                arguments: [profile.id, row["last_seen"], profile.indexKeys.joined(separator: "\n")])
        }
    }

    /// Indexes for the counts the service reports when it is ready and in every status line: the
    /// time of the last ingest and the number of rejected files were each a walk over the whole
    /// table (the documents', with their texts: 9 s from a cold disk at 100,000 articles).
    static func migrateToStatusIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX documents_updated_at ON documents(updated_at);
                CREATE INDEX files_rejected ON files(path) WHERE state = 'rejected';
                """)
    }

    /// Stories are events: each open story's row in `story_index` holds its event span (the dates
    /// its articles happened, ``EventSpan``), so that the open-story index offers an article only
    /// the stories near its own date. Rows of an older archive have none (NULL), as their
    /// profiles have none: they are placed by arrival alone.
    static func migrateToEventSpans(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE story_index ADD COLUMN event_start REAL;
                ALTER TABLE story_index ADD COLUMN event_end REAL;
                """)
    }

    /// Document lengths packed for ranking (``DocumentLengths``, ``BM25Ranking``), filled from the
    /// index's docsize table: ranking a common word read one docsize row per match.
    static func migrateToDocumentLengths(_ db: Database) throws {
        try db.execute(sql: DocumentLengths.creation)
        try DocumentLengths.rebuild(db: db)
    }

    /// The columns search filters on (`after:`, `before:`, `source:`) in an index of their own,
    /// keyed by document id: checking a match's date read its whole row, about one page per
    /// article at 100,000 of them, most of them outside SQLite's page cache.
    static func migrateToFilterIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX documents_filters ON documents(id, date, source)")
    }

    /// Each open story's row in `story_index` keeps what comparing reads of its record
    /// (``StoryProfile/comparedRecord(of:)``), which placement reads for the candidates its cache
    /// lacks: a third of the whole record in `stories`, so SQLite's page cache holds three times
    /// as many (at 20,000 open stories most candidates were read from the disk's cache).
    static func migrateToSimilarityRecords(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE story_index ADD COLUMN similarity BLOB")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT s.id, s.profile FROM stories s JOIN story_index i ON i.story_id = s.id")
        while let row = try rows.next() {
            guard let data = row["profile"] as Data? else { continue }
            try db.execute(
                sql: "UPDATE story_index SET similarity = ? WHERE story_id = ?",
                arguments: [Data(StoryProfile.comparedRecord(of: [UInt8](data))), row["id"]])
        }
    }
}

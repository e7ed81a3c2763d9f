/// The schema of a PostgreSQL archive, as migrations applied in order and never changed once
/// released (a change is a new migration), as `Store`'s migrator does for SQLite.
enum PostgresSchema {
    /// One step of the schema.
    struct Migration {
        /// Its name, recorded in `newsdrop_migrations` once applied.
        let name: String
        /// Its statements, run in one transaction.
        let statements: [String]
    }

    /// The key of the advisory lock that serialises migrations: "newsdrop" in ASCII, so that it does
    /// not collide with another application's lock on a shared server by chance.
    static let migrationLock: Int64 = 0x6E65_7773_6472_6F70

    /// The key of the advisory lock that each commit holds to its end, so that hosts commit one at
    /// a time and each places its articles among every story committed before (one more than
    /// ``migrationLock``).
    static let commitLock: Int64 = 0x6E65_7773_6472_6F71

    /// The `postings` rows of every document, derived from its `tsvector` (what a commit writes
    /// from ``TermPostings``).
    static let postingsOfTerms = """
        SELECT t.lexeme, d.id, sum(CASE x.weight WHEN 'A' THEN 5 ELSE 1 END)::real, d.length,
            array_agg(x.position * 2 + CASE x.weight WHEN 'A' THEN 1 ELSE 0 END ORDER BY x.position)
        FROM documents d, unnest(d.terms) t, unnest(t.positions, t.weights) AS x(position, weight)
        WHERE x.weight IN ('A', 'B')
        GROUP BY t.lexeme, d.id, d.length
        """

    static let migrations: [Migration] = [
        Migration(
            name: "v1-hosts",
            statements: [
                """
                CREATE TABLE hosts (
                    id serial PRIMARY KEY,
                    name text UNIQUE NOT NULL,
                    first_seen timestamptz NOT NULL,
                    last_seen timestamptz NOT NULL
                )
                """
            ]),
        // The archive, as the SQLite one holds it (`Store`'s migrations up to v9), with three
        // differences: files and events belong to a host; the search terms are a `tsvector` (with
        // each document's length, for ranking) in the documents' rows; `archive_state.version`
        // moves at every commit, so that a writer knows whether its in-memory index of open
        // stories is current (SQLite's `PRAGMA data_version`).
        Migration(
            name: "v2-archive",
            statements: [
                """
                CREATE TABLE files (
                    host_id integer NOT NULL REFERENCES hosts(id),
                    path text NOT NULL,
                    sha256 text NOT NULL,
                    size bigint NOT NULL,
                    mtime double precision NOT NULL,
                    state text NOT NULL CHECK (state IN ('indexed', 'rejected')),
                    reason text,
                    seen_at double precision NOT NULL,
                    PRIMARY KEY (host_id, path)
                )
                """,
                "CREATE INDEX files_rejected ON files (host_id, path) WHERE state = 'rejected'",
                """
                CREATE TABLE documents (
                    id bigserial PRIMARY KEY,
                    host_id integer NOT NULL REFERENCES hosts(id),
                    path text NOT NULL,
                    item text NOT NULL DEFAULT '',
                    title text NOT NULL,
                    body text NOT NULL,
                    language text NOT NULL,
                    language_confidence double precision NOT NULL,
                    format text NOT NULL,
                    date text,
                    source text,
                    sha256 text NOT NULL,
                    ingested_at double precision NOT NULL,
                    updated_at double precision NOT NULL,
                    topics text NOT NULL,
                    topics_note text,
                    entities text NOT NULL,
                    tags text NOT NULL,
                    story_id bigint,
                    duplicate_of bigint,
                    terms tsvector NOT NULL,
                    length integer NOT NULL,
                    UNIQUE (host_id, path, item)
                )
                """,
                "CREATE INDEX documents_terms ON documents USING gin (terms)",
                "CREATE INDEX documents_story ON documents (story_id)",
                "CREATE INDEX documents_ingested_at ON documents (ingested_at)",
                "CREATE INDEX documents_updated_at ON documents (updated_at)",
                "CREATE INDEX documents_language ON documents (language)",
                "CREATE TABLE entities (id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL)",
                """
                CREATE TABLE stories (
                    id bigserial PRIMARY KEY,
                    headline text NOT NULL,
                    headline_doc bigint,
                    first_seen double precision NOT NULL,
                    last_seen double precision NOT NULL,
                    size integer NOT NULL,
                    languages text NOT NULL,
                    version bigint NOT NULL DEFAULT 1,
                    profile bytea NOT NULL
                )
                """,
                """
                CREATE TABLE story_index (
                    story_id bigint PRIMARY KEY,
                    last_seen double precision NOT NULL,
                    keys text NOT NULL,
                    event_start double precision,
                    event_end double precision,
                    similarity bytea NOT NULL
                )
                """,
                "CREATE INDEX story_index_last_seen ON story_index (last_seen)",
                """
                CREATE TABLE fingerprints (
                    doc_id bigint PRIMARY KEY,
                    exact bigint NOT NULL,
                    signature bytea NOT NULL,
                    story_id bigint NOT NULL,
                    seen double precision NOT NULL
                )
                """,
                "CREATE INDEX fingerprints_seen ON fingerprints (seen)",
                """
                CREATE TABLE events (
                    id bigserial PRIMARY KEY,
                    host_id integer NOT NULL REFERENCES hosts(id),
                    kind text NOT NULL,
                    path text NOT NULL,
                    doc_id bigint,
                    language text,
                    title text,
                    reason text,
                    topics text,
                    entities text,
                    alert text,
                    priority integer,
                    story_id bigint,
                    duplicate_of bigint,
                    payload text,
                    created_at double precision NOT NULL,
                    sent_at double precision
                )
                """,
                "CREATE INDEX events_unsent ON events (host_id, id) WHERE sent_at IS NULL",
                "CREATE INDEX events_created_at ON events (created_at)",
                "CREATE TABLE digests (date text PRIMARY KEY, published_at double precision NOT NULL)",
                // Host 0 is the archive as a whole ("stories_closed_before").
                """
                CREATE TABLE meta (
                    host_id integer NOT NULL, key text NOT NULL, value text NOT NULL, PRIMARY KEY (host_id, key)
                )
                """,
                """
                CREATE TABLE archive_state (
                    one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL
                )
                """,
                "INSERT INTO archive_state (version) VALUES (0)",
            ]),
        // The archive's document count and total length, which every ranked search divides by,
        // kept up to date by each write (`DocumentTotals`) rather than counted by each search.
        // A host of an older newsdrop would write without moving them: upgrade every host.
        Migration(
            name: "v3-totals",
            statements: [
                """
                ALTER TABLE archive_state ADD COLUMN documents bigint NOT NULL DEFAULT 0,
                    ADD COLUMN tokens bigint NOT NULL DEFAULT 0
                """,
                """
                UPDATE archive_state
                SET documents = (SELECT count(*) FROM documents), tokens = (SELECT coalesce(sum(length), 0) FROM documents)
                """,
            ]),
        // What ranks a search: per term and document, the term's weighted frequency and places in
        // the title and body (``TermPostings``) with the document's length (and the documents'
        // title lengths, for snippets), so that ranking reads
        // an index range per term rather than the `tsvector` of every matching document (3 s for a
        // common word among 100,000 articles). Filled from the documents' `tsvector`s, as a
        // commit writes them; "C" ordering, so that a prefix is a range of the index.
        Migration(
            name: "v4-postings",
            statements: [
                """
                CREATE TABLE postings (
                    lexeme text COLLATE "C" NOT NULL,
                    doc_id bigint NOT NULL,
                    frequency real NOT NULL,
                    length integer NOT NULL,
                    places integer[] NOT NULL
                )
                """,
                "INSERT INTO postings (lexeme, doc_id, frequency, length, places) \(postingsOfTerms)",
                "CREATE UNIQUE INDEX postings_lexeme ON postings (lexeme, doc_id) INCLUDE (frequency, length)",
                // How many positions each title takes, where a snippet's positions start from.
                "ALTER TABLE documents ADD COLUMN title_length integer NOT NULL DEFAULT 0",
                "UPDATE documents SET title_length = \(PostgresArchive.titleLengthOfTerms)",
            ]),
    ]
}

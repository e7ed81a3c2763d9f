import PostgresNIO

/// What a host's archive held of a batch's files when its commit began: each file's digest and
/// documents, read in two statements for the whole batch rather than two per file.
///
/// A file's entry is taken once: a file that comes back later in the same batch (a part of a
/// large file, say) is read again, since the commit has changed it since.
struct StoredFiles {
    /// A stored document of one of the files.
    struct Document {
        let id: Int64
        let item: String
        let title: String
        let body: String
        let language: String
        let tags: String
        let storyID: Int64?
        let duplicateOf: Int64?
        /// Its length in tokens (see ``TextSearchVector``), counted in the archive's totals.
        let length: Int64
    }

    private let host: Int
    private let session: PostgresSession
    private var digests: [String: String] = [:]
    private var documents: [String: [String: Document]] = [:]
    private var taken: Set<String> = []

    /// Reads the digests and documents of `paths` of `host`.
    init(paths: [String], host: Int, session: PostgresSession) throws {
        self.host = host
        self.session = session
        guard !paths.isEmpty else { return }
        for row in try session.query("SELECT path, sha256 FROM files WHERE host_id = \(host) AND path = ANY(\(paths))")
        {
            let (path, digest) = try row.decode((String, String).self)
            digests[path] = digest
        }
        for (path, document) in try Self.documents(of: paths, host: host, session: session) {
            documents[path, default: [:]][document.item] = document
        }
    }

    /// The digest and documents (by item) of the file at `path`, as stored now.
    mutating func take(_ path: String) throws -> (digest: String?, documents: [String: Document]) {
        guard taken.insert(path).inserted else {
            let digest = try session.value(
                "SELECT sha256 FROM files WHERE host_id = \(host) AND path = \(path)", as: String.self)
            let documents = try Self.documents(of: [path], host: host, session: session)
            return (digest, Dictionary(documents.map { ($1.item, $1) }, uniquingKeysWith: { $1 }))
        }
        return (digests[path], documents[path] ?? [:])
    }

    private static func documents(
        of paths: [String], host: Int, session: PostgresSession
    ) throws -> [(String, Document)] {
        try session.query(
            """
            SELECT path, id, item, title, body, language, tags, story_id, duplicate_of, length FROM documents
            WHERE host_id = \(host) AND path = ANY(\(paths))
            """
        ).map { row in
            let (path, id, item, title, body, language, tags, story, duplicateOf, length) = try row.decode(
                (String, Int64, String, String, String, String, String, Int64?, Int64?, Int32).self)
            return (
                path,
                Document(
                    id: id, item: item, title: title, body: body, language: language, tags: tags, storyID: story,
                    duplicateOf: duplicateOf, length: Int64(length))
            )
        }
    }
}

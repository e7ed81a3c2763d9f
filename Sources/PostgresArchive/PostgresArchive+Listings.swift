import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// The documents with id `reference`, or from a file at path `reference` (of any host).
    public func documents(matching reference: String) throws -> [StoredDocument] {
        try reader.withSession { session in
            let rows =
                if let id = Int64(reference) {
                    try session.query("\(unescaped: Self.documentColumns) WHERE id = \(id) ORDER BY id")
                } else {
                    try session.query("\(unescaped: Self.documentColumns) WHERE path = \(reference) ORDER BY id")
                }
            return try rows.map { row in
                let (
                    id, path, item, title, body, language, confidence, format, date, source, sha256, ingested, updated
                ) =
                    try row.decode(
                        (
                            Int64, String, String, String, String, String, Double, String, String?, String?, String,
                            Double, Double
                        ).self)
                return StoredDocument(
                    id: id, path: path, item: item, title: title, text: body, language: language,
                    languageConfidence: confidence, format: format, date: date, source: source, sha256: sha256,
                    ingestedAt: Date(timeIntervalSince1970: ingested).formatted(.iso8601),
                    updatedAt: Date(timeIntervalSince1970: updated).formatted(.iso8601))
            }
        }
    }

    private static let documentColumns = """
        SELECT id, path, item, title, body, language, language_confidence, format, date, source, sha256,
            ingested_at, updated_at FROM documents
        """

    /// The stories seen most recently, at most `limit`, the latest first; only those with at least
    /// `minimumSize` articles (as `Store` lists them).
    public func stories(limit: Int = 20, minimumSize: Int = 1) throws -> [StoryListing] {
        try reader.withSession { session in
            let rows = try session.query(
                """
                SELECT s.id, s.headline, s.languages, s.size, s.first_seen, s.last_seen,
                    (SELECT count(*) FROM documents d WHERE d.story_id = s.id AND d.duplicate_of IS NOT NULL),
                    ARRAY(SELECT d.id FROM documents d WHERE d.story_id = s.id ORDER BY d.id)
                FROM stories s WHERE s.size >= \(minimumSize) ORDER BY s.last_seen DESC, s.id DESC LIMIT \(limit)
                """)
            let formatter = ISO8601DateFormatter()
            return try rows.map { row in
                let (id, headline, languages, size, first, last, duplicates, documents) = try row.decode(
                    (Int64, String, String, Int32, Double, Double, Int64, [Int64]).self)
                return StoryListing(
                    id: id, headline: headline, languages: languages.split(separator: ",").map(String.init),
                    size: Int(size), duplicates: Int(duplicates),
                    firstSeen: formatter.string(from: Date(timeIntervalSince1970: first)),
                    lastSeen: formatter.string(from: Date(timeIntervalSince1970: last)), documents: documents)
            }
        }
    }
}

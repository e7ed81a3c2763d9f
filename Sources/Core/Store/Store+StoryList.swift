import Foundation
import GRDB

/// One story as `newsdrop stories` lists it.
public struct StoryListing: Sendable, Codable, Equatable {
    public var id: Int64
    /// The title of the story's most central article.
    public var headline: String
    public var languages: [String]
    /// Articles in the story, duplicates left out.
    public var size: Int
    /// Copies of its articles that were received too.
    public var duplicates: Int
    /// When its first and latest articles arrived, ISO 8601 UTC.
    public var firstSeen: String
    public var lastSeen: String
    /// Its documents, oldest first.
    public var documents: [Int64]

    enum CodingKeys: String, CodingKey {
        case id, headline, languages, size, duplicates, firstSeen = "first_seen", lastSeen = "last_seen", documents
    }

    package init(
        id: Int64, headline: String, languages: [String], size: Int, duplicates: Int, firstSeen: String,
        lastSeen: String, documents: [Int64]
    ) {
        self.id = id
        self.headline = headline
        self.languages = languages
        self.size = size
        self.duplicates = duplicates
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.documents = documents
    }
}

extension Store {
    /// The stories seen most recently, at most `limit`, the latest first; only those with at least
    /// `minimumSize` articles.
    public func stories(limit: Int = 20, minimumSize: Int = 1) throws -> [StoryListing] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.headline, s.languages, s.size, s.first_seen, s.last_seen,
                        (SELECT COUNT(*) FROM documents d WHERE d.story_id = s.id AND d.duplicate_of IS NOT NULL)
                            AS duplicates
                    FROM stories s WHERE s.size >= ? ORDER BY s.last_seen DESC, s.id DESC LIMIT ?
                    """, arguments: [minimumSize, limit])
            let formatter = ISO8601DateFormatter()
            return try rows.map { row in
                let id: Int64 = row["id"]
                let documents = try Int64.fetchAll(
                    db, sql: "SELECT id FROM documents WHERE story_id = ? ORDER BY id", arguments: [id])
                let languages: String = row["languages"]
                return StoryListing(
                    id: id, headline: row["headline"], languages: languages.split(separator: ",").map(String.init),
                    size: row["size"], duplicates: row["duplicates"],
                    firstSeen: formatter.string(from: Date(timeIntervalSince1970: row["first_seen"])),
                    lastSeen: formatter.string(from: Date(timeIntervalSince1970: row["last_seen"])),
                    documents: documents)
            }
        }
    }
}

import Foundation
import GRDB

/// A stored document with its metadata, as `newsdrop show` prints it.
public struct StoredDocument: Sendable, Codable, Equatable {
    /// The document id.
    public var id: Int64
    /// The file it came from.
    public var path: String
    /// Its key inside the file (empty for a one-article file).
    public var item: String
    /// The headline.
    public var title: String
    /// The cleaned body.
    public var text: String
    /// Language code and confidence.
    public var language: String
    /// How sure the language guess is.
    public var languageConfidence: Double
    /// The format it was extracted from.
    public var format: String
    /// Publication date, when known.
    public var date: String?
    /// Source, when known.
    public var source: String?
    /// SHA-256 of the file content it came from.
    public var sha256: String
    /// When it was first ingested and last updated, ISO 8601.
    public var ingestedAt: String
    /// When it was last updated, ISO 8601.
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, path, item, title, text, language, format, date, source, sha256
        case languageConfidence = "language_confidence"
        case ingestedAt = "ingested_at"
        case updatedAt = "updated_at"
    }

    package init(
        id: Int64, path: String, item: String, title: String, text: String, language: String,
        languageConfidence: Double, format: String, date: String?, source: String?, sha256: String,
        ingestedAt: String, updatedAt: String
    ) {
        self.id = id
        self.path = path
        self.item = item
        self.title = title
        self.text = text
        self.language = language
        self.languageConfidence = languageConfidence
        self.format = format
        self.date = date
        self.source = source
        self.sha256 = sha256
        self.ingestedAt = ingestedAt
        self.updatedAt = updatedAt
    }
}

extension Store {
    /// The documents with id `reference`, or from the file at path `reference`.
    public func documents(matching reference: String) throws -> [StoredDocument] {
        try pool.read { db in
            let sql = "SELECT * FROM documents WHERE " + (Int64(reference) != nil ? "id = ?" : "path = ?")
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: [reference]).map { row in
                StoredDocument(
                    id: row["id"], path: row["path"], item: row["item"], title: row["title"], text: row["body"],
                    language: row["language"], languageConfidence: row["language_confidence"], format: row["format"],
                    date: row["date"], source: row["source"], sha256: row["sha256"],
                    ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]).formatted(.iso8601),
                    updatedAt: Date(timeIntervalSince1970: row["updated_at"]).formatted(.iso8601))
            }
        }
    }
}

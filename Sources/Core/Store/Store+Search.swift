import Foundation
import GRDB

/// One search result.
public struct SearchHit: Sendable, Codable, Equatable {
    /// The document id.
    public var docID: Int64
    /// The file the document came from.
    public var path: String
    /// The headline.
    public var title: String
    /// ISO 639-1 language code.
    public var language: String
    /// Publication date, when known.
    public var date: String?
    /// Source, when known.
    public var source: String?
    /// Relevance, higher is better (BM25 with the title weighted five times the body).
    public var score: Double
    /// A passage around the match, matched words between `**`.
    public var snippet: String

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id"
        case path, title, language, date, source, score, snippet
    }
}

extension Store {
    /// Documents matching `query`, best first.
    public func search(_ query: SearchQuery, limit: Int = 20) throws -> [SearchHit] {
        try pool.read { db in
            let languages = try String.fetchAll(db, sql: "SELECT DISTINCT language FROM documents")
            guard let match = query.matchExpression(languages: languages.isEmpty ? ["und"] : languages) else {
                return []
            }
            var sql = """
                SELECT d.id, d.path, d.title, d.language, d.date, d.source,
                    bm25(documents_fts, 5.0, 1.0) AS rank,
                    snippet(documents_fts, 1, '**', '**', '…', 24) AS snippet
                FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                WHERE documents_fts MATCH ?
                """
            var arguments: StatementArguments = [match]
            if let language = query.language {
                sql += " AND d.language = ?"
                arguments += [language]
            }
            if let after = query.after {
                sql += " AND d.date >= ?"
                arguments += [after]
            }
            if let before = query.before {
                sql += " AND d.date < ?"
                arguments += [before]
            }
            if let source = query.source {
                sql += " AND d.source LIKE '%' || ? || '%'"
                arguments += [source]
            }
            sql += " ORDER BY rank LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SearchHit(
                    docID: row["id"], path: row["path"], title: row["title"], language: row["language"],
                    date: row["date"], source: row["source"], score: -(row["rank"] as Double),
                    snippet: row["snippet"])
            }
        }
    }
}

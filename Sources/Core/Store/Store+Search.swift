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
    /// The story the document belongs to, when it was placed in one.
    public var storyID: Int64?

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id"
        case storyID = "story_id"
        case path, title, language, date, source, score, snippet
    }

    /// `hits` story by story, as `search --by-story` shows them: stories in the rank of their best
    /// hit, a document without a story a story of its own.
    public static func groupedByStory(_ hits: [SearchHit]) -> [[SearchHit]] {
        var order: [Int64] = []
        var groups: [Int64: [SearchHit]] = [:]
        for hit in hits {
            // A document without a story is told apart by a negative key.
            let key = hit.storyID ?? -hit.docID
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(hit)
        }
        return order.map { groups[$0] ?? [] }
    }
}

extension Store {
    /// Documents matching `query`, best first.
    ///
    /// `knownEntityIDs` resolves an `entity:` value through the gazetteer ("OTAN" → ["NATO"]); a
    /// value it does not know is looked up among the people the archive has seen ("Lavrov" →
    /// "person:sergei-lavrov"), else matched as an id.
    public func search(
        _ query: SearchQuery, limit: Int = 20, knownEntityIDs: (String) -> [String] = { _ in [] }
    ) throws -> [SearchHit] {
        try pool.read { db in
            let languages = try String.fetchAll(db, sql: "SELECT DISTINCT language FROM documents")
            var resolved: [String: [String]] = [:]
            for name in query.entityNames {
                resolved[name] = try Self.entityIDs(named: name, known: knownEntityIDs(name), db: db)
            }
            let match = query.matchExpression(
                languages: languages.isEmpty ? ["und"] : languages, entityIDs: { resolved[$0] ?? [$0] })
            guard let match else { return [] }
            var sql = """
                SELECT d.id, d.path, d.title, d.language, d.date, d.source, d.story_id,
                    bm25(documents_fts, 5.0, 1.0, 0.0) AS rank,
                    snippet(documents_fts, 1, '**', '**', '…', 24) AS snippet
                FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                WHERE documents_fts MATCH ?
                """
            var arguments: StatementArguments = [match]
            Self.appendFilters(of: query, to: &sql, arguments: &arguments)
            sql += " ORDER BY rank, d.id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SearchHit(
                    docID: row["id"], path: row["path"], title: row["title"], language: row["language"],
                    date: row["date"], source: row["source"], score: -(row["rank"] as Double),
                    snippet: row["snippet"], storyID: row["story_id"])
            }
        }
    }

    /// Adds the date and source filters of `query` to a statement over documents aliased `d`.
    static func appendFilters(of query: SearchQuery, to sql: inout String, arguments: inout StatementArguments) {
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
    }

    /// The ids an `entity:` value stands for: the gazetteer's, and the people of the archive whose
    /// name has the value's words ("Lavrov" → "person:sergei-lavrov"), else the value as an id.
    static func entityIDs(named name: String, known: [String], db: Database) throws -> [String] {
        let words = Analyzer.fold(name).split(separator: " ")
        guard !words.isEmpty else { return known.isEmpty ? [name] : known }
        var sql = "SELECT id FROM entities WHERE kind = 'person'"
        var arguments: StatementArguments = []
        for word in words {
            sql += " AND ('-' || substr(id, 8) || '-') LIKE ?"
            arguments += ["%-" + word + "-%"]
        }
        let people = try String.fetchAll(db, sql: sql + " LIMIT 50", arguments: arguments)
        let ids = known + people.filter { !known.contains($0) }
        return ids.isEmpty ? [name] : ids
    }
}

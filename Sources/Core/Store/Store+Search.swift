import Foundation
import GRDB
import GRDBSQLite

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

    package init(
        docID: Int64, path: String, title: String, language: String, date: String?, source: String?, score: Double,
        snippet: String, storyID: Int64?
    ) {
        self.docID = docID
        self.path = path
        self.title = title
        self.language = language
        self.date = date
        self.source = source
        self.score = score
        self.snippet = snippet
        self.storyID = storyID
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
    /// A query with words, phrases or prefixes among what it requires or allows is ranked by BM25
    /// (the title weighing five times the body, labels nothing), ties newest first. A query of
    /// labels alone (`lang:fr`, `topic:sports entity:RU`) has nothing to rank by: its documents
    /// come newest first (the last archived first), each with score 0.
    ///
    /// `knownEntityIDs` resolves an `entity:` value through the gazetteer ("OTAN" → ["NATO"]); a
    /// value it does not know is looked up among the people the archive has seen ("Lavrov" →
    /// "person:sergei-lavrov"), else matched as an id.
    public func search(
        _ query: SearchQuery, limit: Int = 20, knownEntityIDs: (String) -> [String] = { _ in [] }
    ) throws -> [SearchHit] {
        try pool.read { db in
            let languages = try Self.languages(db)
            var resolved: [String: [String]] = [:]
            for name in query.entityNames {
                resolved[name] = try Self.entityIDs(named: name, known: knownEntityIDs(name), db: db)
            }
            let match = query.matchExpression(
                languages: languages.isEmpty ? ["und"] : languages, entityIDs: { resolved[$0] ?? [$0] })
            guard let match else { return [] }
            // The body's matches in the best rows, kept while ranking, make their snippets.
            let collector = MatchCollector(limit: limit, column: 1)
            let ranked = try Self.rankedMatches(of: query, match: match, limit: limit, collector: collector, db: db)
            return try Self.hits(for: ranked, match: match, matches: Self.isRanked(query) ? collector : nil, db: db)
        }
    }

    /// The ids and BM25 ranks (lower is better) of the best `limit` documents matching `match`.
    ///
    /// Only ids and ranks here, so that the sort of every match reads no document row (the
    /// columns after the body would walk its overflow pages) and builds no snippet (which
    /// tokenises the body again): those are for the few rows returned. Labels alone are answered
    /// in the index's own rowid order, newest first, which FTS5 walks backwards and stops after
    /// `limit` rows instead of scoring and sorting every match.
    ///
    /// A ranked query with a `collector` leaves the choice of the best rows to it: the ranking
    /// function keeps the `limit` best, in this order, with their matches (see ``MatchCollector``),
    /// so SQLite only has to call it on each match, not to sort them; without one, SQLite sorts.
    static func rankedMatches(
        of query: SearchQuery, match: String, limit: Int, collector: MatchCollector? = nil, db: Database
    ) throws -> [(id: Int64, rank: Double)] {
        let isRanked = isRanked(query)
        let filtered = query.after != nil || query.before != nil || query.source != nil
        // bm25() as FTS5 computes it, with the lengths of documents read in bulk (see BM25Ranking);
        // the collector's pointer is the first parameter, bound below.
        let rank = "\(BM25Ranking.name)(documents_fts, 5.0, 1.0, 0.0, ?)"
        let isCollected = isRanked && collector != nil
        var sql =
            isCollected
            ? "SELECT \(rank) FROM documents_fts"
            : "SELECT documents_fts.rowid, \(isRanked ? rank : "0.0") AS relevance FROM documents_fts"
        // The filters are on documents' columns; without them the index alone answers. With them,
        // each match is looked up in the small index of those columns, not in the table, whose
        // rows hold the texts (one page or more per row), and the matches drive the join.
        if filtered {
            sql += " CROSS JOIN documents d INDEXED BY documents_filters ON d.id = documents_fts.rowid"
        }
        sql += " WHERE documents_fts MATCH ?"
        var arguments: StatementArguments = isRanked ? [nil, match] : [match]
        appendFilters(of: query, to: &sql, arguments: &arguments)
        if !isCollected {
            sql +=
                isRanked
                ? " ORDER BY relevance, documents_fts.rowid DESC LIMIT ?"
                : " ORDER BY documents_fts.rowid DESC LIMIT ?"
            arguments += [limit]
        }
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        guard isRanked, let collector else {
            return try Row.fetchAll(statement).map { ($0[0], $0[1]) }
        }
        // Every match of the index reaches the ranking unless a filter on documents' columns drops it.
        collector.seesEveryMatch = !filtered
        // GRDB binds values only: the pointer goes in by hand over the NULL placeholder, and is
        // taken out again so that the cached statement keeps no pointer to the collector.
        let sqliteStatement = statement.sqliteStatement
        defer { sqlite3_bind_null(sqliteStatement, 1) }
        // Stepped by hand: each row's value is of no use, only the collector's rows are.
        let code = withExtendedLifetime(collector) {
            sqlite3_bind_pointer(
                sqliteStatement, 1, Unmanaged.passUnretained(collector).toOpaque(), MatchCollector.pointerType, nil)
            defer { sqlite3_reset(sqliteStatement) }
            var code = sqlite3_step(sqliteStatement)
            while code == SQLITE_ROW { code = sqlite3_step(sqliteStatement) }
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
        }
        collector.applyDeferredIDF()
        return collector.rows.map { ($0.rowid, $0.rank) }
    }

    /// Whether `query` has words, phrases or prefixes to rank by (else only labels).
    package static func isRanked(_ query: SearchQuery) -> Bool {
        query.positiveTerms.contains { term in
            if case .label = term { false } else { true }
        }
    }

    /// The hits of `ranked`, in its order: each document's metadata and a snippet of its body
    /// around the matches of `match`.
    ///
    /// The snippets come from the matches `matches` kept while ranking (see ``MatchSnippet``); a
    /// query of labels alone has no match in the body, so its snippets are the start of the text.
    /// A row the collector does not know (none should be missing) gets FTS5's `snippet()`.
    static func hits(
        for ranked: [(id: Int64, rank: Double)], match: String, matches: MatchCollector?, db: Database
    ) throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        // The ids are integers read from the archive, safe to inline.
        let idList = ranked.map { String($0.id) }.joined(separator: ",")
        var documents: [Int64: Row] = [:]
        // The body as stored, bytes and all, as FTS5 reads it for its snippets.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, path, title, language, date, source, story_id, CAST(body AS BLOB) AS body
                FROM documents WHERE id IN (\(idList))
                """)
        {
            documents[row["id"]] = row
        }
        return try ranked.compactMap { id, rank in
            guard let row = documents[id] else { return nil }
            let body = MatchSnippet(text: [UInt8]((row["body"] as Data?) ?? Data()))
            let snippet: String
            if let matches {
                if let found = matches.matches(of: id) {
                    snippet = body.text(matches: found, phraseCount: matches.phraseCount)
                } else {
                    snippet = try Self.snippet(of: id, match: match, db: db)
                }
            } else {
                snippet = body.text(matches: [], phraseCount: 0)
            }
            return SearchHit(
                docID: id, path: row["path"], title: row["title"], language: row["language"], date: row["date"],
                source: row["source"], score: rank == 0 ? 0 : -rank, snippet: snippet, storyID: row["story_id"])
        }
    }

    /// FTS5's own snippet of the document `id` for `match`, which evaluates the query at that row.
    static func snippet(of id: Int64, match: String, db: Database) throws -> String {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT snippet(documents_fts, 1, '**', '**', '…', 24) FROM documents_fts
                    WHERE documents_fts MATCH ? AND rowid = ?
                    """),
            arguments: [match, id]) ?? ""
    }

    /// The languages of the archive's documents, from the language index: one seek per language
    /// rather than a walk over every document (`SELECT DISTINCT` reads the whole index).
    static func languages(_ db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: languagesSQL))
    }

    /// The statement of ``languages(_:)``, which PostgreSQL runs as it is.
    package static let languagesSQL = """
        WITH RECURSIVE found(language) AS (
            SELECT min(language) FROM documents
            UNION ALL
            SELECT (SELECT min(language) FROM documents WHERE language > found.language)
            FROM found WHERE found.language IS NOT NULL
        )
        SELECT language FROM found WHERE language IS NOT NULL
        """

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
        // People's ids start with "person:": the key range visits them alone.
        var sql = "SELECT id FROM entities WHERE id > 'person:' AND id < 'person;'"
        var arguments: StatementArguments = []
        // Ids are folded, like the words: an id without a word as it stands cannot match, and
        // instr() rules it out first, without building the string LIKE compares (most of the time
        // of a walk over thousands of people). A word with LIKE's wildcards gets LIKE alone.
        for word in words where !word.contains(where: { $0 == "%" || $0 == "_" }) {
            sql += " AND instr(id, ?) > 0"
            arguments += [String(word)]
        }
        sql += " AND kind = 'person'"
        for word in words {
            sql += " AND ('-' || substr(id, 8) || '-') LIKE ?"
            arguments += ["%-" + word + "-%"]
        }
        let people = try String.fetchAll(db, sql: sql + " LIMIT 50", arguments: arguments)
        let ids = known + people.filter { !known.contains($0) }
        return ids.isEmpty ? [name] : ids
    }
}

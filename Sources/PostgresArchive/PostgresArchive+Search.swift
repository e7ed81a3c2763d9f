import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// Documents matching `query`, best first, ranked as the SQLite archive ranks them (`Store`'s
    /// search): BM25 over the query's phrases as FTS5 numbers them, the title weighing five times
    /// the body and labels nothing, with FTS5's constants and IDF, ties newest first; a query of
    /// labels alone newest first, each with score 0. The snippets are made the same way, from the
    /// body's matches.
    ///
    /// The `tsquery` finds the documents (its GIN index); a ranked query ranks them from the
    /// archive's postings (``PostingsRanking``).
    public func search(
        _ query: SearchQuery, limit: Int = 20, knownEntityIDs: (String) -> [String] = { _ in [] }
    ) throws -> [SearchHit] {
        try reader.withSession { session in
            let languages = try session.values(PostgresQuery(unsafeSQL: Store.languagesSQL), as: String.self)
            var resolved: [String: [String]] = [:]
            for name in query.entityNames {
                resolved[name] = try entityIDs(named: name, known: knownEntityIDs(name), session: session)
            }
            let searched = languages.isEmpty ? ["und"] : languages
            guard let match = query.textSearchQuery(languages: searched, entityIDs: { resolved[$0] ?? [$0] })
            else { return [] }
            guard Store.isRanked(query) else {
                var newest: PostgresQuery = "SELECT d.id FROM documents d WHERE d.terms @@ \(match)::tsquery"
                Self.appendFilters(of: query, to: &newest)
                newest.sql += " ORDER BY d.id DESC LIMIT \(limit)"
                let ids = try session.values(newest, as: Int64.self)
                return try hits(for: ids.map { ($0, 0, []) }, phraseCount: 0, session: session)
            }
            let phrases = query.phrases(languages: searched, entityIDs: { resolved[$0] ?? [$0] })
            guard let totals = try session.query("SELECT documents, tokens FROM archive_state").first else { return [] }
            let (rowCount, tokens) = try totals.decode((Int64, Int64).self)
            var ranking = PostingsRanking(
                phrases: phrases, rowCount: rowCount, averageLength: Double(tokens) / Double(rowCount), session: session
            )
            let ranked = try ranking.best(matching: match, query: query, limit: limit, firstPage: firstRankedPage)
            return try hits(for: ranked, phraseCount: phrases.count, session: session)
        }
    }

    /// The hits of `ranked`, in its order: each document's metadata and a snippet of its body
    /// around its matches, whose positions count from the start of the `tsvector`.
    private func hits(
        for ranked: [(id: Int64, rank: Double, matches: [MatchSnippet.Match])], phraseCount: Int,
        session: PostgresSession
    ) throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        var rows: [Int64: PostgresRow] = [:]
        for row in try session.query(
            """
            SELECT id, path, title, language, date, source, story_id, body, title_length
            FROM documents WHERE id = ANY(\(ranked.map(\.id)))
            """)
        {
            rows[try row.decode((Int64, String).self).0] = row
        }
        return try ranked.compactMap { id, rank, matches in
            guard let row = rows[id] else { return nil }
            let (_, path, title, language, date, source, story, body, titleLength) = try row.decode(
                (Int64, String, String, String, String?, String?, Int64?, String, Int32).self)
            // The body's first position is the title's length plus two (a gap between the parts);
            // the snippet counts from 0.
            let offset = Int(titleLength) + 2
            let bodyMatches = matches.map {
                MatchSnippet.Match(phrase: $0.phrase, position: $0.position - offset, length: $0.length)
            }.sorted { ($0.position, $0.phrase) < ($1.position, $1.phrase) }
            let snippet = MatchSnippet(text: Array(body.utf8)).text(matches: bodyMatches, phraseCount: phraseCount)
            return SearchHit(
                docID: id, path: path, title: title, language: language, date: date, source: source,
                score: rank == 0 ? 0 : -rank, snippet: snippet, storyID: story)
        }
    }
}

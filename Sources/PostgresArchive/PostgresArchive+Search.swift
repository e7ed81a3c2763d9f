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
    /// The `tsquery` finds the documents (its GIN index); their positions of the query's terms,
    /// read from their `tsvector`s, give each phrase's frequency per column.
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
            let ranked = try rankedMatches(match, phrases: phrases, query: query, limit: limit, session: session)
            return try hits(for: ranked, phraseCount: phrases.count, session: session)
        }
    }

    /// The best `limit` documents matching `match`, with their BM25 ranks (lower is better) and the
    /// body's instances of the phrases (for their snippets).
    private func rankedMatches(
        _ match: String, phrases: [QueryPhrase], query: SearchQuery, limit: Int, session: PostgresSession
    ) throws -> [(id: Int64, rank: Double, matches: [MatchSnippet.Match])] {
        guard let totals = try session.query("SELECT count(*), coalesce(sum(length), 0) FROM documents").first
        else { return [] }
        let (rowCount, tokens) = try totals.decode((Int64, Int64).self)
        let averageLength = Double(tokens) / Double(rowCount)
        let exact = Array(Set(phrases.filter { $0.kind == .text }.flatMap(\.terms)))
        let prefixes = Array(Set(phrases.filter { $0.kind == .prefix }.compactMap(\.terms.first)))
        var positions: PostgresQuery = """
            SELECT d.id, d.length, u.lexeme, u.positions, u.weights FROM documents d
            LEFT JOIN LATERAL (
                SELECT * FROM unnest(d.terms) t
                WHERE t.lexeme = ANY(\(exact)) OR EXISTS (SELECT 1 FROM unnest(\(prefixes)::text[]) p WHERE starts_with(t.lexeme, p))
            ) u ON true
            WHERE d.terms @@ \(match)::tsquery
            """
        Self.appendFilters(of: query, to: &positions)
        var documents: [Int64: DocumentTerms] = [:]
        for row in try session.query(positions) {
            let (id, length, lexeme, places, weights) = try row.decode(
                (Int64, Int32, String?, [Int16]?, [String]?).self)
            documents[id, default: DocumentTerms(length: Double(length))].add(
                lexeme: lexeme, positions: places ?? [], weights: weights ?? [])
        }
        var idf = [Double](repeating: .nan, count: phrases.count)
        var ranked: [(id: Int64, rank: Double, matches: [MatchSnippet.Match])] = []
        ranked.reserveCapacity(documents.count)
        for (id, terms) in documents {
            var score = 0.0
            var matches: [MatchSnippet.Match] = []
            for (index, phrase) in phrases.enumerated() {
                let instances = terms.instances(of: phrase)
                let frequency = instances.reduce(0.0) { $0 + Self.columnWeight($1.weight) }
                for instance in instances where instance.weight == "B" {
                    matches.append(
                        MatchSnippet.Match(phrase: index, position: instance.position, length: phrase.terms.count))
                }
                // As in BM25Ranking: a phrase the row lacks in its weighted columns adds exactly 0.
                guard frequency != 0 else { continue }
                if idf[index].isNaN {
                    let having = try session.value(
                        "SELECT count(*) FROM documents WHERE terms @@ \(phrase.textSearchQuery)::tsquery",
                        as: Int64.self)
                    idf[index] = BM25Ranking.idf(rowCount: rowCount, matching: having ?? 0)
                }
                score += BM25Ranking.contribution(
                    idf: idf[index], frequency: frequency, length: terms.length, averageLength: averageLength)
            }
            ranked.append((id, -1.0 * score, matches))
        }
        ranked.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id > $1.id }
        return Array(ranked.prefix(limit))
    }

    /// A column's weight in ranks, by its `tsvector` weight (``TextSearchVector``): the title 5, the
    /// body 1, the labels 0.
    private static func columnWeight(_ weight: Character) -> Double {
        switch weight {
        case "A": 5
        case "B": 1
        default: 0
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
        // The title's length: its positions, weighted A, are the first of the tsvector.
        for row in try session.query(
            """
            SELECT id, path, title, language, date, source, story_id, body,
                (SELECT count(*) FROM unnest(terms) t, unnest(t.weights) w WHERE w = 'A')
            FROM documents WHERE id = ANY(\(ranked.map(\.id)))
            """)
        {
            rows[try row.decode((Int64, String).self).0] = row
        }
        return try ranked.compactMap { id, rank, matches in
            guard let row = rows[id] else { return nil }
            let (_, path, title, language, date, source, story, body, titleLength) = try row.decode(
                (Int64, String, String, String, String?, String?, Int64?, String, Int64).self)
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

/// The positions of the query's terms in one document's `tsvector`, for its phrases' frequencies.
struct DocumentTerms {
    let length: Double
    /// Per lexeme: its positions (from 1) with their weights, in order.
    private var places: [String: [(position: Int, weight: Character)]] = [:]

    init(length: Double) {
        self.length = length
    }

    mutating func add(lexeme: String?, positions: [Int16], weights: [String]) {
        guard let lexeme else { return }
        places[lexeme] = zip(positions, weights).map { (Int($0), $1.first ?? "D") }
    }

    /// Where `phrase` occurs: the position and weight of its first term at each instance.
    func instances(of phrase: QueryPhrase) -> [(position: Int, weight: Character)] {
        switch phrase.kind {
        case .label:
            return []
        case .prefix:
            guard let prefix = phrase.terms.first else { return [] }
            return places.filter { $0.key.hasPrefix(prefix) }.values.flatMap { $0 }.sorted { $0.position < $1.position }
        case .text:
            guard let first = phrase.terms.first, let starts = places[first] else { return [] }
            let rest = phrase.terms.dropFirst().map { term in Set((places[term] ?? []).map(\.position)) }
            return starts.filter { start in
                rest.enumerated().allSatisfy { offset, positions in positions.contains(start.position + offset + 1) }
            }
        }
    }
}

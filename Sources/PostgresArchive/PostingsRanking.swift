import Core
import PostgresNIO

/// The ranking of a search on a PostgreSQL archive, from its `postings` table (``TermPostings``):
/// BM25 as FTS5 computes it over the query's phrases (``BM25Ranking``), each phrase's frequency
/// per document read from an index range of its terms rather than from every matching document's
/// `tsvector`, which a server reads from disk and decompresses.
///
/// Documents are taken best first and kept when they match the whole query (its `tsquery` and
/// filters), which only the few taken are checked against.
struct PostingsRanking {
    /// A document that has at least one of the phrases, with its frequency of each.
    struct Candidate {
        let id: Int64
        let length: Double
        /// Per phrase (by index) that the document has: its frequency, title weighing five.
        let frequencies: [(phrase: Int, frequency: Double)]
    }

    let phrases: [QueryPhrase]
    let session: PostgresSession
    let rowCount: Int64
    let averageLength: Double
    /// Per phrase: its IDF (1e-6 for one no document has, as FTS5's; labels' are never used).
    private(set) var idf: [Double] = []

    /// The ranking of `phrases` in an archive of `rowCount` documents of `averageLength` tokens.
    init(phrases: [QueryPhrase], rowCount: Int64, averageLength: Double, session: PostgresSession) {
        self.phrases = phrases
        self.session = session
        self.rowCount = rowCount
        self.averageLength = averageLength
    }

    /// The best `limit` documents matching `match` and `query`'s filters, best first, with their
    /// BM25 ranks (lower is better) and each one's body instances of the phrases (for snippets).
    /// `firstPage` documents are checked first (default twice `limit`, 20 at least).
    mutating func best(
        matching match: String, query: SearchQuery, limit: Int, firstPage: Int? = nil
    ) throws -> [(id: Int64, rank: Double, matches: [MatchSnippet.Match])] {
        guard limit > 0 else { return [] }
        // Taken best first, in pages that grow, each checked against the whole query at once.
        // When two pages do not give enough, the query is selective (a word with labels or dates
        // few of its documents have): its matches are found first (the GIN index) and ranked.
        var kept: [(id: Int64, rank: Double)] = []
        var offset = 0
        var page = firstPage ?? max(2 * limit, 20)
        var matches: [Int64]?
        while kept.count < limit {
            let candidates = try ranked(offset: offset, count: page, among: matches)
            let matching =
                matches == nil ? try matchingIDs(candidates.map(\.id), match: match, query: query) : nil
            for candidate in candidates where matching?.contains(candidate.id) ?? true {
                kept.append((candidate.id, -1.0 * score(candidate)))
            }
            guard candidates.count == page else { break }
            if matches == nil && kept.count < limit && offset > 0 {
                matches = try allMatchingIDs(match: match, query: query)
                kept = []
                offset = 0
                continue
            }
            offset += page
            page *= 8
        }
        kept.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id > $1.id }
        kept = Array(kept.prefix(limit))
        if kept.count < limit {
            // Every document with a phrase is ranked: the others that match weigh nothing (a label
            // alone in one branch of an OR), newest first, as FTS5 orders equal ranks.
            let ranked = Set(kept.map(\.id))
            let others =
                try matches.map { all in
                    Array(all.filter { !ranked.contains($0) }.sorted(by: >).prefix(limit - kept.count))
                }
                ?? unranked(match: match, query: query, besides: kept.map(\.id), limit: limit - kept.count)
            kept += others.map { ($0, 0) }
        }
        let instances = try bodyMatches(of: kept.map(\.id))
        return kept.map { ($0.id, $0.rank, instances[$0.id] ?? []) }
    }

    /// `candidate`'s BM25 score, its phrases added in their order, as `Store`'s ranking adds them.
    private func score(_ candidate: Candidate) -> Double {
        var score = 0.0
        for (phrase, frequency) in candidate.frequencies where frequency != 0 {
            score += BM25Ranking.contribution(
                idf: idf[phrase], frequency: frequency, length: candidate.length, averageLength: averageLength)
        }
        return score
    }

    /// Candidates `offset` to `offset + count`, in the order of their scores, in one statement:
    /// each phrase's documents with its frequency in each (``appendFrequencies(of:index:to:)``),
    /// how many documents have each phrase (for its IDF), the scores summed per document. Sets
    /// ``idf``; the scores the search keeps are computed again here, the order of their terms
    /// fixed (``score(_:)``). Only documents among `matches` are, when given.
    private mutating func ranked(offset: Int, count: Int, among matches: [Int64]?) throws -> [Candidate] {
        // A label weighs nothing; an excluded phrase adds nothing to a match's rank, and its
        // documents are no candidates.
        let scored = phrases.indices.filter { phrases[$0].kind != .label && !phrases[$0].isExcluded }
        guard !scored.isEmpty else { return [] }
        var query: PostgresQuery = "WITH h AS MATERIALIZED ("
        for (position, index) in scored.enumerated() {
            query.sql += position == 0 ? "" : " UNION ALL "
            appendFrequencies(of: phrases[index], index: index, to: &query)
        }
        query.binds.append(Double(rowCount))
        let rows = query.binds.count
        query.binds.append(averageLength)
        let average = query.binds.count
        query.sql += "), counts AS (SELECT "
        query.sql += scored.map { "count(*) FILTER (WHERE phrase = \($0)) AS n\($0)" }.joined(separator: ", ")
        query.sql += " FROM h), idf AS (SELECT "
        // BM25Ranking.idf: 1e-6 where the logarithm is not above 0.
        query.sql += scored.map { "ln(($\(rows) - n\($0) + 0.5::float8) / (n\($0) + 0.5::float8)) AS i\($0)" }
            .joined(separator: ", ")
        query.sql += " FROM counts) SELECT h.doc_id, "
        // BM25Ranking.contribution, without the IDF when there is one phrase: only the order counts.
        let term =
            "((h.frequency * 2.2::float8) / (h.frequency + 1.2::float8 * (0.25::float8 + 0.75::float8 * h.length / $\(average))))"
        if scored.count == 1, let index = scored.first {
            query.sql += "h.length, h.frequency, counts.n\(index) FROM h, counts"
            appendRestriction(among: matches, to: &query)
            query.sql += " ORDER BY \(term) DESC, h.doc_id DESC"
        } else {
            query.sql += "max(h.length), "
            query.sql += scored.map { "sum(h.frequency) FILTER (WHERE h.phrase = \($0))" }.joined(separator: ", ")
            query.sql += ", " + scored.map { "max(counts.n\($0))" }.joined(separator: ", ")
            query.sql += " FROM h, counts, idf"
            appendRestriction(among: matches, to: &query)
            query.sql += " GROUP BY h.doc_id ORDER BY sum(CASE h.phrase "
            query.sql += scored.map { "WHEN \($0) THEN greatest(idf.i\($0), 1e-6::float8)" }.joined(separator: " ")
            query.sql += " END * \(term)) DESC, h.doc_id DESC"
        }
        query.sql += " LIMIT \(count) OFFSET \(offset)"
        var candidates: [Candidate] = []
        for row in try session.query(query) {
            let cells = Array(row)
            let frequencies = try cells[2..<(2 + scored.count)].map { try $0.decode(Double?.self) }
            if idf.isEmpty {
                let counts = try cells[(2 + scored.count)...].map { try $0.decode(Int64.self) }
                idf = [Double](repeating: 0, count: phrases.count)
                for (index, having) in zip(scored, counts) {
                    idf[index] = BM25Ranking.idf(rowCount: rowCount, matching: having)
                }
            }
            candidates.append(
                Candidate(
                    id: try cells[0].decode(Int64.self), length: Double(try cells[1].decode(Int32.self)),
                    frequencies: zip(scored, frequencies).compactMap { index, frequency in
                        frequency.map { (index, $0) }
                    }))
        }
        return candidates
    }

    /// Appends the condition that the documents be among `matches`, when given.
    private func appendRestriction(among matches: [Int64]?, to query: inout PostgresQuery) {
        guard let matches else { return }
        query.binds.append(matches)
        query.sql += " WHERE h.doc_id = ANY($\(query.binds.count))"
    }

    /// Appends a statement giving `phrase`'s documents (`doc_id`, `length`), each with its
    /// frequency of the phrase (`frequency`, the title weighing five) and the phrase's `index`: a
    /// word's postings; a prefix's, summed per document; for several words, the instances of
    /// the first whose place plus 2, 4, … is the next ones' (a place counts positions twice).
    private func appendFrequencies(of phrase: QueryPhrase, index: Int, to query: inout PostgresQuery) {
        let title = Int(TermPostings.titleWeight)
        switch phrase.kind {
        case .prefix:
            query.sql +=
                "SELECT doc_id, max(length) AS length, \(index) AS phrase, sum(frequency)::float8 AS frequency "
            query.sql += "FROM postings WHERE "
            Self.appendTerm(of: phrase, to: &query)
            query.sql += " GROUP BY doc_id"
        case .text where phrase.terms.count > 1:
            query.sql += "SELECT p0.doc_id, p0.length, \(index) AS phrase, q.frequency FROM postings p0"
            for (offset, term) in phrase.terms.enumerated().dropFirst() {
                query.binds.append(term)
                query.sql +=
                    " JOIN postings p\(offset) ON p\(offset).doc_id = p0.doc_id AND p\(offset).lexeme = $\(query.binds.count)"
            }
            query.sql +=
                " CROSS JOIN LATERAL (SELECT sum(CASE WHEN x % 2 = 1 THEN \(title) ELSE 1 END)::float8 AS frequency"
            query.sql += " FROM unnest(p0.places) x WHERE "
            query.sql += phrase.terms.indices.dropFirst().map { "x + \(2 * $0) = ANY(p\($0).places)" }.joined(
                separator: " AND ")
            query.binds.append(phrase.terms[0])
            query.sql += ") q WHERE p0.lexeme = $\(query.binds.count) AND q.frequency > 0"
        default:
            query.sql +=
                "SELECT doc_id, length, \(index) AS phrase, frequency::float8 AS frequency FROM postings WHERE "
            Self.appendTerm(of: phrase, to: &query)
        }
    }

    /// Those of `ids` that match the whole query.
    private func matchingIDs(_ ids: [Int64], match: String, query: SearchQuery) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        var check: PostgresQuery =
            "SELECT d.id FROM documents d WHERE d.id = ANY(\(ids)) AND d.terms @@ \(match)::tsquery"
        PostgresArchive.appendFilters(of: query, to: &check)
        return Set(try session.values(check, as: Int64.self))
    }

    /// Every document that matches the whole query.
    private func allMatchingIDs(match: String, query: SearchQuery) throws -> [Int64] {
        var all: PostgresQuery = "SELECT d.id FROM documents d WHERE d.terms @@ \(match)::tsquery"
        PostgresArchive.appendFilters(of: query, to: &all)
        return try session.values(all, as: Int64.self)
    }

    /// The newest `limit` documents that match the whole query, but those of `ranked`.
    private func unranked(match: String, query: SearchQuery, besides ranked: [Int64], limit: Int) throws -> [Int64] {
        var newest: PostgresQuery =
            "SELECT d.id FROM documents d WHERE d.terms @@ \(match)::tsquery AND d.id <> ALL(\(ranked))"
        PostgresArchive.appendFilters(of: query, to: &newest)
        newest.sql += " ORDER BY d.id DESC LIMIT \(limit)"
        return try session.values(newest, as: Int64.self)
    }

    /// The body's instances of the phrases in each of the documents `ids`, by document.
    private func bodyMatches(of ids: [Int64]) throws -> [Int64: [MatchSnippet.Match]] {
        // FTS5 reports no instance of an excluded phrase (``QueryPhrase/isExcluded``).
        let searched = phrases.filter { $0.kind != .label && !$0.isExcluded }
        guard !ids.isEmpty, !searched.isEmpty else { return [:] }
        var query: PostgresQuery = "SELECT doc_id, lexeme, places FROM postings WHERE doc_id = ANY(\(ids)) AND ("
        for (index, phrase) in searched.enumerated() {
            query.sql += index == 0 ? "" : " OR "
            if phrase.kind == .prefix {
                Self.appendTerm(of: phrase, to: &query)
            } else {
                query.binds.append(phrase.terms)
                query.sql += "lexeme = ANY($\(query.binds.count))"
            }
        }
        query.sql += ")"
        var documents: [Int64: DocumentTerms] = [:]
        for row in try session.query(query) {
            let (id, lexeme, places) = try row.decode((Int64, String, [Int32]).self)
            documents[id, default: DocumentTerms()].add(lexeme: lexeme, places: places)
        }
        return documents.mapValues { terms in
            phrases.enumerated().filter { !$1.isExcluded }.flatMap { index, phrase in
                terms.instances(of: phrase).filter { $0.weight == "B" }.map {
                    MatchSnippet.Match(phrase: index, position: $0.position, length: phrase.terms.count)
                }
            }
        }
    }

    /// Appends the condition on `postings.lexeme` of `phrase`'s first term: equal to it, or for a
    /// prefix, in its range of the index ("C" order) and starting with it.
    private static func appendTerm(of phrase: QueryPhrase, to query: inout PostgresQuery) {
        let term = phrase.terms.first ?? ""
        query.binds.append(term)
        let start = query.binds.count
        guard phrase.kind == .prefix else {
            query.sql += "lexeme = $\(start)"
            return
        }
        query.binds.append(term + "\u{10FFFF}")
        query.sql += "(lexeme >= $\(start) AND lexeme < $\(start + 1) AND starts_with(lexeme, $\(start)))"
    }
}

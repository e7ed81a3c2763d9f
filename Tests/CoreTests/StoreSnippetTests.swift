import Foundation
import GRDB
import Testing

@testable import Core

/// Search snippets (MatchSnippet, from the matches MatchCollector keeps while ranking) against
/// FTS5's own `snippet()`, on a real archive in a temporary folder.
struct StoreSnippetTests {
    let store: Store

    init() throws {
        store = try Store.temporary("snippet")
    }

    /// Long and short texts in both languages: matches at the start, the end and the middle, in
    /// several sentences, repeated, next to each other, and before a sentence break.
    static let articles: [TestArticle] = [
        (
            "long-en.txt", "Election night",
            "Voters went to the polls on a cold morning. Turnout was high in the north and lower in the "
                + "south, officials said. The prime minister conceded before midnight: the opposition had "
                + "won the election by a wide margin. Electors in the capital queued for hours. Analysts "
                + "expect the new government to form a coalition within weeks, and the prime minister to "
                + "resign as party leader.",
            "en", "2022-03-01"
        ),
        (
            "long-fr.txt", "Le premier ministre démissionne",
            "Le premier ministre a présenté sa démission ce soir au président de la République. Les "
                + "négociations entre les partis ont échoué après trois semaines de discussions. Le "
                + "gouvernement reste en place pour expédier les affaires courantes. Selon l'AFP, les "
                + "élections législatives anticipées pourraient avoir lieu en juin, et le premier ministre "
                + "ne sera pas candidat.",
            "fr", "2021-05-02"
        ),
        ("short.txt", "Electricity prices", "Electricity prices rose again.", "en", "2022-06-01"),
        (
            "end.txt", "A long day",
            String(repeating: "Nothing happened in the morning and nothing in the afternoon. ", count: 4)
                + "Then the election results came in.",
            "en", "2022-07-01"
        ),
        (
            "cup.txt", "La coupe du monde",
            "La coupe du monde de football commence demain. Le monde entier regarde la coupe, et la "
                + "coupe du monde féminine suivra l'an prochain. Le football reste le sport le plus suivi.",
            "fr", "2020-01-01"
        ),
        (
            "repeat.txt", "Government, government",
            "Government spending: the government said the government would cut government spending. "
                + String(repeating: "Other words fill the text here. ", count: 6),
            "en", nil
        ),
    ]

    /// Two articles of the same length with the word once: equal scores, the newer first.
    static let ties: [TestArticle] = [
        ("tie1.txt", "Harbour news", "The harbour opened early today.", "en", nil),
        ("tie2.txt", "Harbour views", "The harbour closed late today.", "en", nil),
    ]

    static let queries = [
        "election", "elect*", "\"prime minister\"", "\"premier ministre\"", "\"coupe du monde\"", "coupe monde",
        "government", "gouvernement OR government", "négo*", "\"prime minister\" minister", "football -ballon",
        "election after:2022-01-01", "coupe lang:fr", "lang:fr", "lang:en -election", "electricity OR élections",
        "harbour",
    ]

    func commitAll() throws {
        try store.commitEach(Self.articles + Self.ties)
    }

    /// FTS5's snippet of each row matching `match`, by id.
    func fts5Snippets(_ match: String) throws -> [Int64: String] {
        try store.pool.read { db in
            var snippets: [Int64: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, snippet(documents_fts, 1, '**', '**', '…', 24) FROM documents_fts
                    WHERE documents_fts MATCH ?
                    """,
                arguments: [match])
            {
                snippets[row[0]] = row[1]
            }
            return snippets
        }
    }

    @Test func snippetsAreThoseOfFTS5() throws {
        // Given articles whose matches fall in different places
        try commitAll()
        for text in Self.queries {
            // When each query is searched
            let query = try SearchQuery(parsing: text)
            let match = try #require(query.matchExpression(languages: ["en", "fr"]))
            let hits = try store.search(query)
            // Then it finds something, and each hit's snippet is the one FTS5 makes
            #expect(!hits.isEmpty, "\(text)")
            let expected = try fts5Snippets(match)
            for hit in hits {
                #expect(hit.snippet == expected[hit.docID], "\(text): \(hit.path)")
            }
        }
    }

    @Test func snippetsMarkPrefixesAndPhrases() throws {
        // Given the articles
        try commitAll()
        // When a prefix is searched, then every word starting with it is marked where it stands
        let prefix = try #require(
            try store.search(SearchQuery(parsing: "elect*")).first { $0.path == "/in/long-en.txt" })
        #expect(prefix.snippet.contains("won the **election** by a wide margin. **Electors** in the capital"))
        #expect(prefix.snippet.hasPrefix("…") && prefix.snippet.hasSuffix("…"))
        // And a phrase is marked whole, the text before it cut off
        let phrase = try #require(try store.search(SearchQuery(parsing: "\"coupe du monde\"")).first)
        #expect(phrase.snippet.hasPrefix("La **coupe du monde** de football commence demain."))
        // And a short text is shown whole, with no ellipsis
        let short = try #require(try store.search(SearchQuery(parsing: "electricity")).first)
        #expect(short.snippet == "**Electricity** prices rose again.")
    }

    @Test func theCollectorRanksAsSQLiteSorts() throws {
        // Given the articles
        try commitAll()
        var onePhraseQueries = 0
        for text in Self.queries where Store.isRanked(try SearchQuery(parsing: text)) {
            let query = try SearchQuery(parsing: text)
            let match = try #require(query.matchExpression(languages: ["en", "fr"]))
            for limit in [1, 2, 20] {
                // When the ranking runs with a collector, and with SQLite's ORDER BY … LIMIT
                let collector = MatchCollector(limit: limit, column: 1)
                let (collected, sorted) = try store.pool.read { db in
                    (
                        try Store.rankedMatches(of: query, match: match, limit: limit, collector: collector, db: db),
                        try Store.rankedMatches(of: query, match: match, limit: limit, db: db)
                    )
                }
                // Then both give the same rows and ranks (a filtered-out row does not push one of them
                // out), and the collector holds the matches of each
                #expect(!sorted.isEmpty, "\(text)")
                #expect(collected.map(\.id) == sorted.map(\.id), "\(text) limit \(limit)")
                #expect(collected.map(\.rank) == sorted.map(\.rank), "\(text) limit \(limit)")
                #expect(collector.rows.map(\.rowid) == sorted.map(\.id), "\(text) limit \(limit)")
                // (a query of one phrase and no filter counts its rows for its IDF: see BM25Ranking)
                if collector.phraseCount == 1, query.after == nil, query.before == nil { onePhraseQueries += 1 }
            }
        }
        #expect(onePhraseQueries > 0)
    }
}

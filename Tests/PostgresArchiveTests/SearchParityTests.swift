import Core
import Foundation
import PostgresArchive
import Testing

/// Search gives the same hits, in the same order, with the same scores and snippets, from the same
/// articles in the SQLite archive and in PostgreSQL.
struct SearchParityTests {
    static let queries = [
        "otan", "OTAN OR nato", "russie", "\"secrétaire général\"", "government", "police army", "elect*",
        "minist*", "football -coupe", "(president OR président) lang:fr", "topic:sports", "lang:en",
        "entity:NATO", "\"world cup\"", "the", "économie banque", "health OR santé", "président*",
        "after:2020-01-01 government", "gouvernement source:xyz", "biden", "covid",
        // Ranked from the postings: a filter that most of the best fail (pages taken further), a
        // label alone in a branch (documents of rank 0 after the ranked ones), phrases of several
        // words beside words.
        "government lang:fr", "football OR lang:fr", "\"coupe du monde\"", "\"prime minister\" OR government",
        "\"world cup\" elect*", "football -(coupe monde)", "police -(army -football)", "government -president",
        "government before:2021-06-01", "government after:2100-01-01",
    ]

    @Test func everyQueryGivesTheSameHitsInBothArchives() throws {
        let files =
            try ArchiveFixtures.seeds() + [("en-report.txt", try ArchiveFixtures.englishReport())]
            + ArchiveFixtures.corpus(perLanguage: 150)
        let outcomes = files.map { ArchiveFixtures.outcome("/in/" + $0.name, $0.text) }
        var results: [[String: [SearchHit]]] = []
        for backend in ArchiveFixtures.Backend.allCases {
            let archive = try ArchiveFixtures.archive(backend, #function + backend.rawValue)
            for batch in stride(from: 0, to: outcomes.count, by: 64) {
                _ = try archive.commit(Array(outcomes[batch..<min(batch + 64, outcomes.count)]))
            }
            var searchers: [any Archive] = [archive]
            if let shared = archive as? PostgresArchive {
                // The same archive checking one ranked document first, then 8: the pages a
                // selective query goes through, and its matches ranked among themselves after.
                searchers.append(
                    PostgresArchive(
                        location: shared.location, password: nil, logger: TestDatabase.logger, firstRankedPage: 1))
            }
            for searcher in searchers {
                var hits: [String: [SearchHit]] = [:]
                for text in Self.queries {
                    hits[text] = try searcher.search(SearchQuery(parsing: text), limit: 20, knownEntityIDs: { _ in [] })
                }
                results.append(hits)
            }
        }
        #expect(results.count == 3)
        for text in Self.queries {
            for postgres in results.dropFirst().map({ $0[text] ?? [] }) {
                expectSameHits(results[0][text] ?? [], postgres, text)
            }
        }
        #expect(Self.queries.filter { results[0][$0]?.isEmpty == false }.count >= Self.queries.count - 4)
    }

    /// The same hits of `text` in the same order, with the same scores, snippets and stories.
    func expectSameHits(_ sqlite: [SearchHit], _ postgres: [SearchHit], _ text: String) {
        #expect(postgres.map(\.path) == sqlite.map(\.path), "\(text)")
        #expect(postgres.map(\.docID) == sqlite.map(\.docID), "\(text)")
        for (a, b) in zip(sqlite, postgres) {
            #expect(abs(a.score - b.score) <= 1e-9 * max(1, abs(a.score)), "\(text): \(a.path)")
            #expect(a.snippet == b.snippet, "\(text): \(a.path)")
            #expect(a.storyID == b.storyID, "\(text): \(a.path)")
        }
    }
}

import Foundation
import GRDB
import Testing

@testable import Core

/// The order of search results and what each carries, on a real archive in a temporary folder.
struct StoreSearchTests {
    let directory: String
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(UUID().uuidString)").path
        store = try Store(stateDirectory: directory, create: true)
    }

    /// Commits one file per article, in the order given (so later ones are newer).
    func commit(_ articles: [TestArticle]) throws {
        try store.commitEach(articles)
    }

    func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        try store.search(SearchQuery(parsing: query), limit: limit)
    }

    @Test func labelsAloneComeNewestFirstWithScoreZero() throws {
        // Given French and English articles archived one after the other
        try commit([
            ("a.txt", "Le marché", "Les prix montent au marché de Lyon.", "fr", nil),
            ("b.txt", "The market", "Prices rise at the market in Leeds.", "en", nil),
            ("c.txt", "La banque", "La banque centrale relève ses taux.", "fr", nil),
            ("d.txt", "Le port", "Le port de Marseille accueille un navire.", "fr", nil),
        ])
        // When only a label is asked for, then the newest come first, each with score 0
        let french = try search("lang:fr")
        #expect(french.map(\.path) == ["/in/d.txt", "/in/c.txt", "/in/a.txt"])
        #expect(french.allSatisfy { $0.score == 0 && !$0.snippet.isEmpty })
        // And a limit keeps the newest, a negated label and a filter still apply
        #expect(try search("lang:fr", limit: 2).map(\.path) == ["/in/d.txt", "/in/c.txt"])
        #expect(try search("lang:fr -lang:en").map(\.path) == ["/in/d.txt", "/in/c.txt", "/in/a.txt"])
        #expect(try search("lang:en OR lang:fr", limit: 1).map(\.path) == ["/in/d.txt"])
    }

    @Test func wordsAreRankedBestFirstAndTiesNewestFirst() throws {
        // Given two articles with the word in the body, then one with it in the title, then a tie
        try commit([
            ("body1.txt", "Une journée", "Le gouvernement a parlé hier soir.", "fr", nil),
            ("title.txt", "Le gouvernement tombe", "Une crise politique éclate.", "fr", nil),
            ("body2.txt", "Une journée", "Le gouvernement a parlé lundi soir.", "fr", nil),
        ])
        // When it is searched, then the title match leads and the two equal ones follow newest first
        let hits = try search("gouvernement")
        #expect(hits.map(\.path) == ["/in/title.txt", "/in/body2.txt", "/in/body1.txt"])
        #expect(hits[0].score > hits[1].score && hits[1].score == hits[2].score && hits[2].score > 0)
        // And each hit's snippet marks the match; a smaller limit returns the same first hits
        #expect(hits[1].snippet.contains("**gouvernement**"))
        #expect(try search("gouvernement", limit: 2) == Array(hits.prefix(2)))
    }

    @Test func wordsWithLabelsAreRankedByTheWordsAndFiltered() throws {
        // Given an older and a newer article, English and French, dated
        try commit([
            ("old.txt", "Bank news", "The bank opened a branch.", "en", "2021-06-01"),
            ("fr.txt", "La bank", "Une bank ouvre à Paris.", "fr", "2022-06-01"),
            ("new.txt", "Bank bank news", "The bank closed a branch.", "en", "2022-06-01"),
        ])
        // When words meet a label and a date filter, then both narrow and the words rank
        #expect(try search("bank lang:en").map(\.path) == ["/in/new.txt", "/in/old.txt"])
        #expect(try search("bank lang:en after:2022-01-01").map(\.path) == ["/in/new.txt"])
        #expect(try search("lang:en before:2022-01-01").map(\.path) == ["/in/old.txt"])
        #expect(try search("bank lang:en").allSatisfy { $0.score > 0 })
    }

    @Test func filtersWorkOnAnArchiveUpgradedToTheirIndex() throws {
        // Given dated articles from two sources, in an archive made to look older than the index
        // of the filtered columns
        var articles: [(String, String, String, String, String?)] = []
        for (index, date) in ["2021-03-01", "2022-02-01", "2022-09-01", "2023-01-15"].enumerated() {
            articles.append(("bank\(index).txt", "Bank \(index)", "The bank opened branch \(index).", "en", date))
        }
        try commit(articles)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE documents SET source = 'BBC News' WHERE path LIKE '%bank1.txt'")
            try db.execute(sql: "DROP INDEX documents_filters")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-document-filters'")
        }
        // When it is opened again
        let upgraded = try Store(stateDirectory: directory, create: false)
        // Then it has the index, and the date and source filters narrow as before
        let hasIndex = try upgraded.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'documents_filters'")
        }
        #expect(hasIndex == true)
        func paths(_ query: String) throws -> [String] {
            try upgraded.search(SearchQuery(parsing: query)).map(\.path).sorted()
        }
        #expect(try paths("bank after:2022-01-01") == ["/in/bank1.txt", "/in/bank2.txt", "/in/bank3.txt"])
        #expect(try paths("bank after:2022-01-01 before:2023-01-01") == ["/in/bank1.txt", "/in/bank2.txt"])
        #expect(try paths("bank source:bbc") == ["/in/bank1.txt"])
        #expect(try paths("lang:en before:2022-01-01") == ["/in/bank0.txt"])
    }
}

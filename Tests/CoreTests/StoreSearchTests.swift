import Core
import Foundation
import Testing

/// The order of search results and what each carries, on a real archive in a temporary folder.
struct StoreSearchTests {
    let store: Store

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(UUID().uuidString)")
        store = try Store(stateDirectory: directory.path, create: true)
    }

    /// Commits one file per article, in the order given (so later ones are newer).
    func commit(_ articles: [(name: String, title: String, text: String, language: String, date: String?)]) throws {
        for entry in articles {
            var article = Article(
                title: entry.title, text: entry.text, language: entry.language, languageConfidence: 0.9,
                format: "text")
            article.date = entry.date
            _ = try store.commit([
                FileOutcome(
                    path: "/in/" + entry.name, sha256: entry.name, size: 1, modificationTime: 1,
                    result: .articles([article]))
            ])
        }
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
}

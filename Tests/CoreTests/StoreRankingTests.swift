import Foundation
import GRDB
import Testing

@testable import Core

/// `newsdrop_bm25` (BM25Ranking) against FTS5's own `bm25()`, and the length table it reads
/// (DocumentLengths) following the index, on a real archive in a temporary folder.
struct StoreRankingTests {
    let directory: String
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ranking-\(UUID().uuidString)").path
        store = try Store(stateDirectory: directory, create: true)
    }

    /// Articles of varied lengths sharing words, in both languages.
    static let articles: [(name: String, title: String, text: String, language: String)] = [
        ("a.txt", "Le gouvernement tombe", "Le premier ministre a démissionné ce soir.", "fr"),
        ("b.txt", "Une journée au marché", String(repeating: "Le gouvernement parle du marché. ", count: 12), "fr"),
        ("c.txt", "Bank news", "The government bank opened a branch in Leeds.", "en"),
        ("d.txt", "The prime minister speaks", "The prime minister said the government would act.", "en"),
        ("e.txt", "Gouvernement, gouvernement", "Le gouvernement et le premier ministre.", "fr"),
        ("f.txt", "Markets", String(repeating: "Markets fell as the government bank raised rates. ", count: 30), "en"),
    ]

    static let queries = [
        "gouvernement", "government", "\"premier ministre\"", "\"prime minister\"", "gouv*", "bank OR marché",
        "government -bank", "gouvernement lang:fr", "\"prime minister\" -bank lang:en", "(bank OR markets) -leeds",
    ]

    func commit(_ name: String, title: String, text: String, language: String, sha: String = "1") throws {
        let article = Article(title: title, text: text, language: language, languageConfidence: 0.9, format: "text")
        _ = try store.commit([
            FileOutcome(
                path: "/in/" + name, sha256: name + sha, size: 1, modificationTime: 1, result: .articles([article]))
        ])
    }

    /// Commits the articles, and others on other subjects so that their words are not in most
    /// documents (BM25's IDF is then more than its floor, and lengths weigh).
    func commitAll() throws {
        for article in Self.articles {
            try commit(article.name, title: article.title, text: article.text, language: article.language)
        }
        for index in 0..<8 {
            try commit(
                "other\(index).txt", title: "Weather \(index)", text: "Rain and wind in the north, day \(index).",
                language: "en")
        }
    }

    /// Each matching row's `bm25()` and `newsdrop_bm25()` for `query`, in `bm25()`'s order.
    func ranks(_ query: String, db: Database) throws -> [(id: Int64, bm25: Double, ours: Double)] {
        let match = try #require(try SearchQuery(parsing: query).matchExpression(languages: ["en", "fr"]))
        return try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, bm25(documents_fts, 5.0, 1.0, 0.0) AS r, newsdrop_bm25(documents_fts, 5.0, 1.0, 0.0)
                FROM documents_fts WHERE documents_fts MATCH ? ORDER BY r, rowid DESC
                """,
            arguments: [match]
        ).map { ($0[0], $0[1], $0[2]) }
    }

    /// Checks that both functions agree on every query, on a reader and on the writer.
    func expectSameRanks(_ comment: Comment? = nil) throws {
        for query in Self.queries {
            for ranked in [
                try store.pool.read { try ranks(query, db: $0) }, try store.pool.write { try ranks(query, db: $0) },
            ] {
                #expect(!ranked.isEmpty, comment)
                for row in ranked { #expect(row.ours == row.bm25, "\(query): \(row.id)") }
            }
            let hits = try store.search(SearchQuery(parsing: query), limit: 20)
            let expected = try store.pool.read { try ranks(query, db: $0) }
            #expect(hits.map(\.docID) == expected.map(\.id), "\(query)")
            #expect(hits.map(\.score) == expected.map { -$0.bm25 }, "\(query)")
        }
    }

    /// The table's length of every indexed document against FTS5's docsize record, and 0 for `gone`.
    func expectLengthsFollowTheIndex(gone: [Int64] = []) throws {
        try store.pool.read { db in
            let chunks = try Row.fetchAll(db, sql: "SELECT chunk, sizes FROM document_lengths")
            var lengths: [Int64: Int] = [:]
            for chunk in chunks {
                let sizes = [UInt8](chunk["sizes"] as Data)
                for offset in stride(from: 0, to: sizes.count - 1, by: 2) {
                    let id = (chunk["chunk"] as Int64) << DocumentLengths.chunkShift + Int64(offset / 2)
                    lengths[id] = Int(sizes[offset]) | Int(sizes[offset + 1]) << 8
                }
            }
            let indexed = try Row.fetchAll(db, sql: "SELECT id, sz FROM documents_fts_docsize")
            #expect(!indexed.isEmpty)
            for row in indexed {
                let length = Int(DocumentLengths.length(ofDocsize: row["sz"]))
                #expect(length > 0 && lengths[row["id"]] == length)
            }
            for id in gone { #expect(lengths[id] ?? 0 == 0) }
        }
    }

    func documentID(_ name: String) throws -> Int64 {
        try #require(
            try store.pool.read {
                try Int64.fetchOne($0, sql: "SELECT id FROM documents WHERE path = ?", arguments: ["/in/" + name])
            })
    }

    @Test func rankingEqualsFTS5BM25() throws {
        // Given articles of varied lengths sharing words
        try commitAll()
        // When both functions rank typical queries, then they give the same scores, and search
        // returns bm25's order with bm25's scores
        try expectSameRanks()
    }

    @Test func lengthsFollowInsertsReplacementsAndDeletions() throws {
        // Given an archive searched once (a reader then holds its lengths)
        try commitAll()
        try expectSameRanks()
        try expectLengthsFollowTheIndex()
        // When an article is rewritten longer, one removed, one rejected and one added
        let rewritten = try documentID("a.txt")
        try commit(
            "a.txt", title: "Le gouvernement tombe", text: String(repeating: "Le gouvernement parle. ", count: 40),
            language: "fr", sha: "2")
        let removed = try documentID("c.txt")
        _ = try store.remove(paths: ["/in/c.txt"])
        let rejected = try documentID("e.txt")
        _ = try store.commit([
            FileOutcome(
                path: "/in/e.txt", sha256: "bad", size: 1, modificationTime: 1,
                result: .rejected(Rejection(.binary, "'e.txt' is a PNG image")))
        ])
        try commit("g.txt", title: "Le premier ministre", text: "Le gouvernement du premier ministre.", language: "fr")
        // Then the table follows the index, the rewritten article keeps its id, and ranks still agree
        #expect(try documentID("a.txt") == rewritten)
        try expectLengthsFollowTheIndex(gone: [removed, rejected])
        try expectSameRanks()
    }

    @Test func theMigrationRebuildsTheLengths() throws {
        // Given an archive whose length table is empty: ranks come from FTS5's docsize then
        try commitAll()
        try store.pool.write { db in try db.execute(sql: "DELETE FROM document_lengths") }
        try expectSameRanks()
        // When it is made to look older than the table and opened again
        try store.pool.write { db in
            try db.execute(sql: "DROP TABLE document_lengths")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-document-lengths'")
        }
        let upgraded = try Store(stateDirectory: directory, create: false)
        // Then the migration fills the table from the index
        let reopened = StoreRankingTests(directory: directory, store: upgraded)
        try reopened.expectLengthsFollowTheIndex()
        try reopened.expectSameRanks()
    }

    @Test(arguments: [([0x05, 0x81, 0x00], 133), ([0x83, 0xff, 0x7e, 0x01], 65_535), ([0x84, 0x80, 0x00], 0)])
    func aDocsizeRecordIsTheSumOfItsVarints(record: [UInt8], length: Int) {
        // 5 + 128, then 65,534 + 1, then 65,536: too long for the table
        #expect(DocumentLengths.length(ofDocsize: Data(record)) == length)
    }
}

extension StoreRankingTests {
    init(directory: String, store: Store) {
        self.directory = directory
        self.store = store
    }
}

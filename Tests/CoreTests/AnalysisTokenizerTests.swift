import Foundation
import GRDB
import Testing

@testable import Core

/// The "newsdrop" FTS5 tokenizer on a real SQLite database: indexing, MATCH, snippet and highlight.
struct AnalysisTokenizerTests {
    let sentence = "Les négociations sur les garanties de l'OTAN"

    /// An in-memory database with the tokenizer registered as the Store registers it.
    func makeDatabase() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: NewsTokenizer.self) }
        return try DatabaseQueue(configuration: configuration)
    }

    /// A MATCH expression ORing the quoted alternatives of `word`, as the search code builds it.
    func match(_ word: String, languages: [String] = ["en", "fr"]) -> String {
        QueryAnalysis.alternatives(for: word, languages: languages).map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    @Test(arguments: ["negociations", "négociation", "garantie", "GARANTIES", "OTAN", "l'otan"])
    func analysedQueriesFindAMarkedDocument(word: String) throws {
        // Given a French document indexed with its language marker
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            try db.execute(
                sql: "INSERT INTO t(body) VALUES (?)", arguments: [NewsTokenizer.marked(sentence, language: "fr")])
        }
        // When a user's word is analysed in English and French
        let count = try dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH ?", arguments: [match(word)])
        }
        // Then the document matches
        #expect(count == 1)
    }

    @Test func unrelatedWordsDoNotMatch() throws {
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            try db.execute(
                sql: "INSERT INTO t(body) VALUES (?)", arguments: [NewsTokenizer.marked(sentence, language: "fr")])
        }
        for word in ["Russie", "garage", "l"] {
            let count = try dbQueue.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH ?", arguments: [match(word)])
            }
            #expect(count == 0, "\(word)")
        }
    }

    @Test func prefixQueriesUseTheFoldedWord() throws {
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            try db.execute(
                sql: "INSERT INTO t(body) VALUES (?)", arguments: [NewsTokenizer.marked(sentence, language: "fr")])
        }
        let count = try dbQueue.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM t WHERE t MATCH ?", arguments: ["\"\(Analyzer.fold("NÉGO"))\"*"])
        }
        #expect(count == 1)
    }

    @Test func snippetAndHighlightWrapTheMatchedWords() throws {
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            try db.execute(
                sql: "INSERT INTO t(body) VALUES (?)", arguments: [NewsTokenizer.marked(sentence, language: "fr")])
        }
        let expression = "(\(match("garantie"))) OR (\(match("otan")))"
        let row = try #require(
            try dbQueue.read { db in
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT highlight(t, 0, '[', ']') AS h, snippet(t, 0, '[', ']', '…', 4) AS s FROM t WHERE t MATCH ?",
                    arguments: [expression])
            })
        let highlighted: String = row["h"]
        let snippet: String = row["s"]
        // The stored text of a plain FTS5 table keeps its marker; the words are wrapped all the same.
        #expect(highlighted == NewsTokenizer.marked("Les négociations sur les [garanties] de l'[OTAN]", language: "fr"))
        #expect(snippet.contains("[garanties] de l'[OTAN]"))
    }

    @Test func externalContentTableHighlightsTheUnmarkedText() throws {
        // Given documents stored plain, and indexed with their language marker
        let dbQueue = try makeDatabase()
        let texts = [
            (1, "fr", sentence),
            (2, "en", "NATO's guarantees: negotiations in Geneva, d'après l'AFP."),
            (3, "ru", "Переговоры о гарантиях России и НАТО."),
        ]
        try dbQueue.write { db in
            try db.execute(sql: "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            try db.execute(
                sql: "CREATE VIRTUAL TABLE t USING fts5(body, content='docs', content_rowid='id', tokenize='newsdrop')")
            for (id, language, text) in texts {
                try db.execute(sql: "INSERT INTO docs(id, body) VALUES (?, ?)", arguments: [id, text])
                try db.execute(
                    sql: "INSERT INTO t(rowid, body) VALUES (?, ?)",
                    arguments: [id, NewsTokenizer.marked(text, language: language)])
            }
        }
        // When searching in the language of each document
        func highlights(_ word: String, _ languages: [String]) throws -> [String] {
            try dbQueue.read { db in
                try String.fetchAll(
                    db, sql: "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? ORDER BY rowid",
                    arguments: [match(word, languages: languages)])
            }
        }
        // Then highlight() re-tokenises the plain text and wraps the right words
        #expect(try highlights("OTAN", ["fr"]) == ["Les négociations sur les garanties de l'[OTAN]"])
        #expect(try highlights("garantie", ["fr"]) == ["Les négociations sur les [garanties] de l'OTAN"])
        #expect(try highlights("guarantee", ["en"]) == ["NATO's [guarantees]: negotiations in Geneva, d'après l'AFP."])
        #expect(try highlights("AFP", ["en"]) == ["NATO's guarantees: negotiations in Geneva, d'après l'[AFP]."])
        #expect(try highlights("гарантия", ["ru"]) == ["Переговоры о [гарантиях] России и НАТО."])
        #expect(try highlights("Россия", ["ru"]) == ["Переговоры о гарантиях [России] и НАТО."])
    }

    @Test func textWithoutMarkerIsFoldedOnly() throws {
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            try db.execute(sql: "INSERT INTO t(body) VALUES (?)", arguments: ["Négociations à Genève"])
        }
        let counts = try dbQueue.read { db in
            try ["\"negociations\"", "\"negoci\"", "\"geneve\""].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH ?", arguments: [$0]) ?? -1
            }
        }
        #expect(counts == [1, 0, 1])
    }

    @Test func documentTokensCarryOffsetsInTheMarkedInput() throws {
        let dbQueue = try makeDatabase()
        let tokens = try dbQueue.read { db in
            try db.makeTokenizer(NewsTokenizer.tokenizerDescriptor())
                .tokenize(document: NewsTokenizer.marked("de l'OTAN", language: "fr")).map(\.token)
        }
        #expect(tokens == ["de", "otan"])
    }

    @Test func queryPiecesPassThroughUnchanged() throws {
        let dbQueue = try makeDatabase()
        let tokens = try dbQueue.read { db in
            try db.makeTokenizer(NewsTokenizer.tokenizerDescriptor()).tokenize(query: "  negoci  北 京\tOTAN ").map(
                \.token)
        }
        #expect(tokens == ["negoci", "北", "京", "OTAN"])
    }

    @Test func markerLanguageIsSanitised() {
        #expect(NewsTokenizer.marked("x", language: "pt-BR") == "\u{1}pt-BR\u{1}x")
        #expect(NewsTokenizer.marked("x", language: "") == "\u{1}und\u{1}x")
        #expect(NewsTokenizer.marked("x", language: "f\u{1}r") == "\u{1}und\u{1}x")
    }

    @Test func invalidUTF8IsIndexedWithoutFailing() throws {
        let dbQueue = try makeDatabase()
        try dbQueue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsdrop')")
            // Raw bytes with a stray 0xFF in the middle, bound as text without validation.
            try db.execute(sql: "INSERT INTO t(body) VALUES (CAST(X'6F74616EFF2067656E657665' AS TEXT))")
        }
        let count = try dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH '\"geneve\"'")
        }
        #expect(count == 1)
    }
}

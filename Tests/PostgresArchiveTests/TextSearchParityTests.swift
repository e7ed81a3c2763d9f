import Core
import Foundation
import PostgresNIO
import Testing

@testable import PostgresArchive

/// The same articles in the SQLite archive and as `tsvector`s on a real PostgreSQL 15: every query
/// finds the same documents in both (issue 14: the same query syntax and results).
struct TextSearchParityTests {
    /// Articles in English and French with labels, quotes, elisions, accents, hyphens and numbers.
    static let articles:
        [(name: String, title: String, text: String, language: String, topics: [String], entities: [String])] = [
            (
                "otan.txt", "L’OTAN répond à la Russie",
                "Le secrétaire général de l'OTAN a déclaré mardi que l'Alliance « ne fera pas de compromis » sur l'élargissement.",
                "fr", ["politics"], ["NATO", "RU", "person:jens-stoltenberg"]
            ),
            (
                "nato.txt", "NATO answers Russia",
                "NATO's secretary general said on Tuesday that the alliance would make no compromise on enlargement.",
                "en", ["politics"], ["NATO", "RU"]
            ),
            (
                "coupe.txt", "Coupe du monde : la France en demi-finale",
                "Les Bleus ont battu le Maroc 2-0 et joueront la finale de la coupe du monde dimanche.",
                "fr", ["sports"], ["FR", "MA"]
            ),
            (
                "cup.txt", "World Cup: France reach the semi-final",
                "France beat Morocco 2-0 and will play the World Cup final on Sunday, the prime minister said.",
                "en", ["sports"], ["FR", "MA"]
            ),
            (
                "banque.txt", "La banque centrale relève ses taux",
                "Le gouvernement et la banque négocient ; le premier ministre parle d'une « négociation difficile ».",
                "fr", ["business"], ["FR"]
            ),
            (
                "police.txt", "Police and army deployed before the election",
                "The government sent police to polling stations; the army stayed in barracks. Elections are on Sunday.",
                "en", ["politics"], ["GB"]
            ),
        ]

    static let queries = [
        "otan", "OTAN OR nato", "russie", "compromis", "\"coupe du monde\"", "\"world cup\"", "final*", "négo*",
        "elect*", "france -maroc", "(police OR army) -football", "lang:fr", "topic:sports", "topic:politics lang:en",
        "entity:NATO", "entity:FR -topic:sports", "\"premier ministre\"", "\"prime minister\"", "gouvernement banque",
        "the", "l'alliance", "2-0", "demi-finale", "entity:person:jens-stoltenberg", "Stoltenberg OR lang:en",
    ]

    @Test func everyQueryFindsTheSameDocumentsInBothArchives() throws {
        // Given the articles archived in SQLite
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(stateDirectory: folder, create: true)
        let articles = Self.articles.map { entry in
            var article = Article(
                title: entry.title, text: entry.text, language: entry.language, languageConfidence: 0.9, format: "text")
            article.topics = entry.topics.map { TopicScore(label: $0, score: 0.9) }
            article.entities = entry.entities.map { Entity(id: $0, name: $0, kind: .organisation) }
            return (entry.name, article)
        }
        for (name, article) in articles {
            _ = try store.commit([
                FileOutcome(
                    path: "/in/" + name, sha256: name, size: 1, modificationTime: 1, result: .articles([article]))
            ])
        }
        // And as tsvectors in PostgreSQL
        let archive = PostgresArchive(
            location: try TestDatabase.fresh(#function), password: nil, logger: TestDatabase.logger)
        defer { archive.close() }
        try archive.execute("CREATE TABLE parity (name text PRIMARY KEY, terms tsvector NOT NULL)")
        for (name, article) in articles {
            let vector = TextSearchVector.literal(of: article)
            try archive.execute("INSERT INTO parity VALUES (\(name), \(vector)::tsvector)")
        }
        var results: [String: [String]] = [:]
        for text in Self.queries {
            let query = try SearchQuery(parsing: text)
            let tsquery = try #require(query.textSearchQuery(languages: ["en", "fr"]), "\(text)")
            results[text] = try archive.reader.withSession { session in
                try session.values(
                    "SELECT name FROM parity WHERE terms @@ \(tsquery)::tsquery ORDER BY name", as: String.self)
            }
        }
        // When each query runs in both, then both find the same documents, and some find any
        for text in Self.queries {
            let hits = try store.search(SearchQuery(parsing: text), limit: 100)
            let sqlite = hits.map { String($0.path.dropFirst("/in/".count)) }.sorted()
            #expect(results[text] == sqlite, "\(text)")
        }
        #expect(Self.queries.filter { results[$0]?.isEmpty == false }.count >= Self.queries.count - 2)
    }
}

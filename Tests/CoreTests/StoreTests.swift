import Core
import Foundation
import Testing

/// Store behaviour on a real SQLite database in a temporary folder, with the real migrations.
struct StoreTests {
    let directory: String
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        store = try Store(stateDirectory: directory, create: true)
    }

    func article(_ title: String, _ text: String, language: String = "fr", item: String = "") -> Article {
        Article(item: item, title: title, text: text, language: language, languageConfidence: 0.9, format: "text")
    }

    func outcome(_ path: String, _ articles: [Article], sha: String) -> FileOutcome {
        FileOutcome(path: path, sha256: sha, size: 10, modificationTime: 1, result: .articles(articles))
    }

    @Test func missingStateDirectoryIsAnErrorNamingIt() {
        #expect {
            try Store(stateDirectory: directory + "/nope", create: false)
        } throws: { error in
            (error as? StoreError)?.message.contains(directory + "/nope") == true
        }
    }

    @Test func newFileIsIngestedWithOneEventAndIsSearchable() throws {
        // Given a new file, when it is committed
        let events = try store.commit([
            outcome("/in/a.txt", [article("Le sommet de l'OTAN", "Les négociations continuent à Genève.")], sha: "1")
        ])
        // Then one ingested event, and the words are found
        #expect(events.map(\.kind) == [.ingested])
        #expect(events.first?.documentID != nil)
        #expect(try store.search(SearchQuery(parsing: "Genève")).map(\.path) == ["/in/a.txt"])
        #expect(try store.status().documents == 1)
    }

    @Test func chineseAndJapaneseAreFoundByTheirWords() throws {
        _ = try store.commit([
            outcome("/in/zh.txt", [article("北京会谈", "北京市政府今天宣布了新的计划。", language: "zh")], sha: "1"),
            outcome("/in/ja.txt", [article("東京", "東京都は新しい計画を発表した。", language: "ja")], sha: "2"),
        ])
        #expect(try store.search(SearchQuery(parsing: "北京")).map(\.path) == ["/in/zh.txt"])
        #expect(try store.search(SearchQuery(parsing: "新的计划")).map(\.path) == ["/in/zh.txt"])
        #expect(try store.search(SearchQuery(parsing: "計画")).map(\.path) == ["/in/ja.txt"])
        #expect(try store.search(SearchQuery(parsing: "京都")).map(\.path) == ["/in/ja.txt"])
        let snippet = try #require(try store.search(SearchQuery(parsing: "政府")).first?.snippet)
        #expect(snippet.contains("**政府**"))
    }

    @Test func unchangedContentIsANoOp() throws {
        let file = outcome("/in/a.txt", [article("Titre", "Texte du corps de l'article.")], sha: "1")
        _ = try store.commit([file])
        #expect(try store.commit([file]).isEmpty)
    }

    @Test func changedContentIsAnUpdateThatReplacesTheIndexedWords() throws {
        _ = try store.commit([outcome("/in/a.txt", [article("Titre", "Le mot ancien est ici.")], sha: "1")])
        let events = try store.commit([outcome("/in/a.txt", [article("Titre", "Le mot nouveau est ici.")], sha: "2")])
        #expect(events.map(\.kind) == [.updated])
        #expect(try store.search(SearchQuery(parsing: "ancien")).isEmpty)
        #expect(try store.search(SearchQuery(parsing: "nouveau")).count == 1)
        #expect(try store.status().documents == 1)
    }

    @Test func removedFileLeavesTheIndex() throws {
        let ingested = try store.commit([outcome("/in/sub/a.txt", [article("Titre", "Un texte unique.")], sha: "1")])
        let removed = try store.remove(paths: ["/in/sub"])
        #expect(removed.map(\.kind) == [.removed])
        #expect(removed.first?.documentID == ingested.first?.documentID)
        #expect(try store.search(SearchQuery(parsing: "unique")).isEmpty)
        #expect(try store.knownFile(at: "/in/sub/a.txt") == nil)
    }

    @Test func knownFilesAtPathsAnswersForEveryStoredPathInOneRead() throws {
        // Given one indexed file and one rejected file
        _ = try store.commit([outcome("/in/a.txt", [article("Titre", "Un texte.")], sha: "1")])
        let rejection = Rejection(.binary, "'b.txt' is a PNG image")
        _ = try store.commit([
            FileOutcome(path: "/in/b.txt", sha256: "2", size: 3, modificationTime: 2, result: .rejected(rejection))
        ])
        // When both are looked up with a path the store never saw, one of them twice
        let known = try store.knownFiles(at: ["/in/a.txt", "/in/new.txt", "/in/b.txt", "/in/a.txt"])
        // Then the known ones come back as the single lookup gives them, the unknown one not at all
        #expect(Set(known.keys) == ["/in/a.txt", "/in/b.txt"])
        #expect(known["/in/a.txt"] == (try store.knownFile(at: "/in/a.txt")))
        #expect(known["/in/a.txt"]?.sha256 == "1")
        #expect(known["/in/b.txt"]?.isRejected == true)
        #expect(try store.knownFiles(at: []).isEmpty)
    }

    @Test func rejectedFileIsCountedWithItsReasonAndLosesItsDocuments() throws {
        _ = try store.commit([outcome("/in/a.txt", [article("Titre", "Un texte.")], sha: "1")])
        let rejection = Rejection(.binary, "'a.txt' is a PNG image")
        let events = try store.commit([
            FileOutcome(path: "/in/a.txt", sha256: "2", size: 3, modificationTime: 2, result: .rejected(rejection))
        ])
        #expect(events.map(\.kind) == [.removed, .rejected])
        #expect(events.last?.reason == "'a.txt' is a PNG image")
        let status = try store.status()
        #expect(status.documents == 0 && status.rejected == 1)
    }

    @Test func eventsStayInTheOutboxUntilMarkedSent() throws {
        _ = try store.commit([outcome("/in/a.txt", [article("Titre", "Un texte.")], sha: "1")])
        let unsent = try store.unsentEvents()
        #expect(unsent.count == 1)
        try store.markSent(unsent.map(\.id))
        #expect(try store.unsentEvents().isEmpty)
    }

    @Test func articlesThatLeaveAFileAreRemoved() throws {
        _ = try store.commit([
            outcome(
                "/in/feed.xml", [article("Un", "Premier.", item: "1"), article("Deux", "Second.", item: "2")], sha: "1")
        ])
        let events = try store.commit([outcome("/in/feed.xml", [article("Deux", "Second.", item: "2")], sha: "2")])
        #expect(events.map(\.kind) == [.removed])
        #expect(try store.status().documents == 1)
    }

    @Test func knownFilesBelowAFolderExcludeItsNeighbours() throws {
        _ = try store.commit([
            outcome("/in/a.txt", [article("A", "Texte a.")], sha: "1"),
            outcome("/in2/b.txt", [article("B", "Texte b.")], sha: "2"),
        ])
        #expect(Set(try store.knownFiles(below: "/in").keys) == ["/in/a.txt"])
    }

    @Test func filtersNarrowTheResults() throws {
        _ = try store.commit([
            outcome("/in/a.txt", [article("Genève", "Réunion à Genève.", language: "fr")], sha: "1"),
            outcome("/in/b.txt", [article("Geneva", "Meeting in Genève.", language: "en")], sha: "2"),
        ])
        #expect(try store.search(SearchQuery(parsing: "genève lang:en")).map(\.path) == ["/in/b.txt"])
        #expect(try store.search(SearchQuery(parsing: "genève -meeting")).map(\.path) == ["/in/a.txt"])
    }
}

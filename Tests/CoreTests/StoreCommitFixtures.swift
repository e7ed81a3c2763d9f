import Core
import Foundation

/// An article of a store test: its file name, title, text, language and written date.
typealias TestArticle = (name: String, title: String, text: String, language: String, date: String?)

extension Store {
    /// A new archive in a folder of its own under the temporary directory, `PREFIX-UUID`.
    static func temporary(_ prefix: String) throws -> Store {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        return try Store(stateDirectory: directory.path, create: true)
    }

    /// Commits one file per article (`/in/NAME`), one commit each, in the order given (so later
    /// ones are newer).
    func commitEach(_ articles: [TestArticle]) throws {
        for entry in articles {
            var article = Article(
                title: entry.title, text: entry.text, language: entry.language, languageConfidence: 0.9,
                format: "text")
            article.date = entry.date
            _ = try commit([
                FileOutcome(
                    path: "/in/" + entry.name, sha256: entry.name, size: 1, modificationTime: 1,
                    result: .articles([article]))
            ])
        }
    }
}

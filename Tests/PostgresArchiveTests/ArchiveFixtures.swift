import Core
import Foundation
import PostgresArchive
import Testing

/// The archives the shared tests run against, and real articles to commit to them.
enum ArchiveFixtures {
    /// An archive implementation.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgresql
        var testDescription: String { rawValue }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A new, empty archive of `backend` for the test `test`, on host "host-a".
    static func archive(_ backend: Backend, _ test: String, host: String = "host-a") throws -> any Archive {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
            return try Store(stateDirectory: folder.path, create: true)
        case .postgresql:
            return try PostgresArchive.open(
                location: TestDatabase.fresh(test), password: nil, host: host, logger: TestDatabase.logger)
        }
    }

    /// The pipeline of the daemon, with the shipped models.
    static let pipeline: Pipeline = {
        do {
            return Pipeline(classifier: try Classifier(dataFolder: packageRoot.appendingPathComponent("data")))
        } catch {
            fatalError("Cannot load the models in data/: \(error)")  // every test needs them
        }
    }()

    /// The outcome of a file at `path` holding `text`, analysed by the daemon's pipeline.
    static func outcome(_ path: String, _ text: String) -> FileOutcome {
        let bytes = Array(text.utf8)
        let result: FileOutcome.Result
        do {
            result = .articles(try pipeline.articles(from: bytes, fileName: (path as NSString).lastPathComponent))
        } catch {
            result = .rejected(error)
        }
        return FileOutcome(
            path: path, sha256: String(text.hashValue, radix: 16), size: Int64(bytes.count), modificationTime: 1,
            result: result)
    }

    /// The seeds (`/work/shared/seeds` on the build machine), by file name, in order.
    static func seeds() throws -> [(name: String, text: String)] {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The English report of seed 001's event.
    static func englishReport() throws -> String {
        try String(
            contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/stories/kremlin-el-pais-en.txt"),
            encoding: .utf8)
    }

    /// The first `count` articles of each of the labelled corpus's `eng.tsv` and `fra.tsv` (the
    /// MasakhaNEWS dataset, AFL-3.0), as the text of a file each: headline, blank line, text.
    static func corpus(perLanguage count: Int) throws -> [(name: String, text: String)] {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/labeled")
        return try ["eng", "fra"].flatMap { language in
            try LabeledCorpus.examples(tsvAt: folder.appendingPathComponent(language + ".tsv")).prefix(count)
                .enumerated().map { index, example in
                    ("\(language)-\(index).txt", example.title + "\n\n" + example.text)
                }
        }
    }
}

import ArgumentParser
import Core

/// `newsdrop classify`: what the pipeline makes of files, without touching any archive.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Show what the pipeline understands of files, without storing anything.",
        discussion: "Exit status 65 when some file could not be understood (the reason goes to stderr).")

    @Flag(help: "Print one JSON object per article per line.")
    var json = false

    @Option(name: .customLong("max-file-size"), help: "Reject files larger than this many bytes.")
    var maxFileSize: Int64 = Config().maxFileSize

    @Option(
        name: .customLong("data-dir"),
        help: "The folder with the topic model and entity tables (default: beside the binary, else the source tree).")
    var dataDirectory: String?

    @Argument(help: "Files to classify.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to classify.") }
    }

    /// The `classify --json` contract of DESIGN.md, plus `text`.
    struct Classified: Encodable {
        struct Topic: Encodable { var label: String; var score: Double }
        struct Entity: Encodable { var id: String; var name: String; var kind: String }
        var path: String
        var title: String
        var language: String
        var language_confidence: Double
        var topics: [Topic]
        var entities: [Entity]
        var date: String?
        var format: String
        var source: String?
        var text: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(title, forKey: .title)
            try container.encode(language, forKey: .language)
            try container.encode(language_confidence, forKey: .language_confidence)
            try container.encode(topics, forKey: .topics)
            try container.encode(entities, forKey: .entities)
            try container.encode(date, forKey: .date)  // null, not absent: the contract names the key
            try container.encode(format, forKey: .format)
            try container.encode(source, forKey: .source)
            try container.encode(text, forKey: .text)
        }

        enum CodingKeys: String, CodingKey {
            case path, title, language, language_confidence, topics, entities, date, format, source, text
        }
    }

    func run() throws {
        let (classifier, problems) = DataDirectory.loadClassifier(configured: dataDirectory)
        for problem in problems { printError("newsdrop: warning: \(problem)") }
        let processor = FileProcessor(root: nil, maxFileSize: maxFileSize, pipeline: Pipeline(classifier: classifier))
        var failed = false
        for file in files {
            let path = Config.absolute(file)
            guard let outcome = processor.process(path: path) else {
                printError("newsdrop: Cannot classify '\(file)': no such file")
                failed = true
                continue
            }
            switch outcome.result {
            case .rejected(let rejection):
                printError("newsdrop: \(rejection.message)")
                failed = true
            case .articles, .part:
                for article in outcome.articles {
                    let classified = Classified(
                        path: path, title: article.title, language: article.language,
                        language_confidence: article.languageConfidence,
                        topics: article.topics.map { Classified.Topic(label: $0.label, score: $0.score) },
                        entities: article.entities.map {
                            Classified.Entity(id: $0.id, name: $0.name, kind: $0.kind.rawValue)
                        },
                        date: article.date, format: article.format, source: article.source, text: article.text)
                    if json {
                        printJSON(classified)
                    } else {
                        print(Self.summary(of: article, path: path))
                    }
                }
            }
        }
        if failed { throw Exit.badInput }
    }

    /// The readable form: one line per field.
    static func summary(of article: Article, path: String) -> String {
        let topics =
            article.topics.isEmpty
            ? "none (\(article.topicsNote ?? "no model"))"
            : article.topics.map { "\($0.label) \($0.score)" }.joined(separator: ", ")
        let entities = article.entities.prefix(12).map { "\($0.name) [\($0.id)]" }.joined(separator: ", ")
        return """
            \(path)
              title:    \(article.title)
              language: \(article.language) (\(article.languageConfidence))
              format:   \(article.format)
              date:     \(article.date ?? "unknown")
              topics:   \(topics)
              entities: \(entities.isEmpty ? "none" : entities)
            """
    }
}

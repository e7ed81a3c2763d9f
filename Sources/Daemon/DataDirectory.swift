import Core
import Foundation
import Synchronization

/// Finds the folder holding the topic model and the entity tables.
///
/// In order: `data_dir` from the configuration, `$NEWSDROP_DATA_DIR`, `../share/newsdrop` beside
/// the binary (an installed copy: /usr/local/bin/newsdrop and /usr/local/share/newsdrop), and the
/// `data/` folder of the source tree the binary was built from (a development build).
enum DataDirectory {
    /// The topic model's file name.
    static let topicModelName = "topics.model"
    /// The file that marks a data folder: the country table of the entity data.
    static let markerName = "countries.tsv"

    /// The folders to try, most specific first.
    static func candidates(configured: String?) -> [String] {
        var folders: [String] = []
        if let configured { folders.append(configured) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["NEWSDROP_DATA_DIR"], !fromEnvironment.isEmpty {
            folders.append(fromEnvironment)
        }
        // The running binary itself: argv[0] is only a name ("newsdrop") when it was found on PATH.
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let executable = URL(fileURLWithPath: running ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        folders.append(executable.deletingLastPathComponent().appendingPathComponent("../share/newsdrop").path)
        // This file is Sources/Daemon/DataDirectory.swift: the repository is two folders up.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        folders.append(source.deletingLastPathComponent().appendingPathComponent("data").path)
        return folders
    }

    /// The first candidate that holds the entity tables, or nil, with the folders tried.
    static func locate(configured: String?) -> (path: String?, tried: [String]) {
        let tried = candidates(configured: configured)
        let found = tried.first { FileManager.default.fileExists(atPath: $0 + "/" + markerName) }
        return (found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, tried)
    }
}

extension DataDirectory {
    /// The classifier made from the data folder, and what is missing from it, for the log.
    ///
    /// A missing or broken data folder is not fatal: articles are still indexed, without labels.
    static func loadClassifier(configured: String?) -> (classifier: Classifier, problems: [String]) {
        let (found, tried) = locate(configured: configured)
        guard let folder = found else {
            let problem =
                "No data folder with \(markerName) in \(tried.joined(separator: ", ")): articles get no topics "
                + "and no entities (set data_dir, or install the data/ folder as ../share/newsdrop beside the binary)"
            return (
                Classifier(topicModel: nil, recognizer: nil, missingModelNote: "no topic model is installed"), [problem]
            )
        }
        let modelPath = folder + "/" + topicModelName
        let hasModel = FileManager.default.fileExists(atPath: modelPath)
        let hasRarity = FileManager.default.fileExists(atPath: folder + "/idf.tsv")
        // The three load at once, on every core: one after the other they took 36 + 5 + 20 ms of
        // the start of every command.
        let loadedRecognizer = Mutex<Result<EntityRecognizer, any Error>?>(nil)
        let loadedModel = Mutex<Result<TopicModel, any Error>?>(nil)
        let loadedRarity = Mutex<Result<TermRarity, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                let result = Result { try EntityRecognizer(contentsOf: URL(fileURLWithPath: folder)) }
                loadedRecognizer.withLock { $0 = result }
            case 1:
                guard hasModel else { return }
                let result = Result { try TopicModel(contentsOf: URL(fileURLWithPath: modelPath)) }
                loadedModel.withLock { $0 = result }
            default:
                guard hasRarity else { return }
                let result = Result { try TermRarity(contentsOf: URL(fileURLWithPath: folder)) }
                loadedRarity.withLock { $0 = result }
            }
        }
        var problems: [String] = []
        var recognizer: EntityRecognizer?
        switch loadedRecognizer.withLock({ $0 }) {
        case .success(let loaded)?: recognizer = loaded
        case .failure(let error)?:
            problems.append("The entity tables in '\(folder)' cannot be used, articles get no entities: \(error)")
        case nil: break
        }
        var topicModel: TopicModel?
        switch loadedModel.withLock({ $0 }) {
        case .success(let loaded)?: topicModel = loaded
        case .failure(let error)?:
            problems.append("The topic model '\(modelPath)' cannot be used, articles get no topics: \(error)")
        case nil:
            problems.append("No topic model in '\(folder)' (build it with `make model`): articles get no topics")
        }
        var rarity = TermRarity.uniform
        switch loadedRarity.withLock({ $0 }) {
        case .success(let loaded)?: rarity = loaded
        case .failure(let error)?:
            problems.append(
                "The term rarity table in '\(folder)' cannot be used, stories weigh every word alike: \(error)")
        case nil: break
        }
        let classifier = Classifier(
            topicModel: topicModel, recognizer: recognizer, rarity: rarity,
            missingModelNote: "no topic model is installed (see `newsdrop train`)")
        return (classifier, problems)
    }
}

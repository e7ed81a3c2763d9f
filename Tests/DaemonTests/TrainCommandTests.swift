import Foundation
import Testing

/// `newsdrop train` on a user's own taxonomy, and the model it writes used by `classify`.
struct TrainCommandTests {
    /// A folder of label folders: harbour news versus weather news, eight short articles each.
    func makeCorpus(at root: String) throws -> String {
        let corpus = root + "/corpus"
        let words = [
            "harbour": ["ship", "port", "cargo", "dock", "crane", "container", "ferry", "quay"],
            "weather": ["rain", "storm", "wind", "snow", "forecast", "cloud", "frost", "thunder"],
        ]
        for (label, vocabulary) in words {
            try FileManager.default.createDirectory(atPath: corpus + "/" + label, withIntermediateDirectories: true)
            for index in 0..<8 {
                let picked = (0..<12).map { vocabulary[($0 * 3 + index) % vocabulary.count] }
                let text =
                    "News about the \(picked[0]) today\nThe \(picked.joined(separator: " and the ")) were seen "
                    + "this morning by people in the town, who talked about it at length."
                try text.write(toFile: "\(corpus)/\(label)/\(index).txt", atomically: false, encoding: .utf8)
            }
        }
        return corpus
    }

    @Test func aModelTrainedOnLabelFoldersClassifiesNewText() throws {
        let (root, _, _) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = try makeCorpus(at: root)
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let trained = try newsdrop(["train", "--from", corpus, "--out", data + "/topics.model"])
        #expect(trained.status == 0, "\(trained.error)")
        #expect(trained.error.contains("2 labels"))
        // The data folder also needs the entity tables: take the repository's.
        for table in ["countries.tsv", "places-extra.tsv", "organisations.tsv", "corpus-words.tsv"] {
            try FileManager.default.copyItem(
                atPath: NewsdropBinary.packageRoot.path + "/data/" + table, toPath: data + "/" + table)
        }
        try "A storm is coming\nRain, wind and thunder: the forecast says the storm and the snow arrive tonight."
            .write(toFile: root + "/new.txt", atomically: false, encoding: .utf8)
        let classified = try newsdrop(["classify", "--json", "--data-dir", data, root + "/new.txt"])
        #expect(classified.status == 0, "\(classified.error)")
        let object = try JSONSerialization.jsonObject(with: Data(classified.output.utf8)) as? [String: Any]
        let topics = object?["topics"] as? [[String: Any]]
        #expect(topics?.first?["label"] as? String == "weather")
    }

    @Test func crossValidationPrintsMacroF1() throws {
        let (root, _, _) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try newsdrop(["train", "--from", try makeCorpus(at: root), "--cross-validate", "2"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("macro-F1"))
        let grams = try newsdrop(
            ["train", "--from", try makeCorpus(at: root), "--cross-validate", "2", "--character-grams", "3-5"])
        #expect(grams.status == 0, "\(grams.error)")
        #expect(grams.output.contains("macro-F1"))
    }

    @Test(arguments: [
        (["train", "--from", "/nonexistent/corpus", "--out", "/tmp/x.model"], 65, "/nonexistent/corpus"),
        (["train", "--from", "/tmp"], 64, "--out"),
        (["train", "--from", "/tmp", "--out", "/tmp/x.model", "--algorithm", "forest"], 64, "forest"),
        (["train", "--from", "/tmp", "--out", "/tmp/x.model", "--character-grams", "5-3"], 64, "5-3"),
    ])
    func badTrainingRequestsSayWhy(arguments: [String], status: Int32, named: String) throws {
        let result = try newsdrop(arguments)
        #expect(result.status == status)
        #expect(result.error.contains(named))
    }
}

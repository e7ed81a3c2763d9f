import Foundation

@testable import Core

/// Shared material of the classification tests: a temporary folder and a small synthetic corpus.
enum TopicFixtures {
    /// A folder under the system's temporary directory, removed when the value is released.
    final class Folder {
        /// The folder.
        let url: URL

        /// Creates a new empty folder.
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("topics-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// Words that only articles of one topic use.
    static let vocabulary: [String: [String]] = [
        "sports": ["football", "goal", "striker", "stadium", "league", "coach", "referee", "penalty"],
        "politics": ["parliament", "election", "minister", "senate", "ballot", "coalition", "policy", "voters"],
        "health": ["hospital", "vaccine", "doctor", "patients", "disease", "nurse", "surgery", "virus"],
    ]

    /// Words every topic uses.
    static let filler = ["the", "said", "on", "today", "people", "new", "year", "after"]

    /// `perLabel` English articles per topic, each mixing six of its topic's words with filler.
    ///
    /// Built by fixed arithmetic, not randomness, so every run sees the same corpus.
    static func corpus(perLabel: Int = 12, language: String = "en") -> [LabeledExample] {
        vocabulary.keys.sorted().flatMap { label in
            (0..<perLabel).map { number in
                let words = vocabulary[label]!  // label is a key
                let own = (0..<6).map { words[(number + $0 * 3) % words.count] }
                let shared = (0..<6).map { filler[(number * 5 + $0) % filler.count] }
                let body = zip(own, shared).map { "\($0) \($1)" }.joined(separator: " ")
                return LabeledExample(
                    label: label, title: "\(words[number % words.count]) \(filler[number % filler.count])",
                    text: body + ".", language: language)
            }
        }
    }
}

import Foundation

extension Classifier {
    /// The classifier made from every part of a data folder: entity tables, topic model and term rarity.
    ///
    /// Unlike the daemon, which goes on without a part that is missing, this throws: a tool that
    /// names a data folder (the fuzzer, a benchmark) wants all of it. The folder is the repository's
    /// `data/` or an installed `share/newsdrop`.
    public init(dataFolder: URL) throws {
        let recognizer = try EntityRecognizer(contentsOf: dataFolder)
        let topicModel = try TopicModel(contentsOf: dataFolder.appendingPathComponent("topics.model"))
        let rarity = try TermRarity(contentsOf: dataFolder)
        self.init(topicModel: topicModel, recognizer: recognizer, rarity: rarity)
    }
}

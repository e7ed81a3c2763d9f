/// One topic of an article with its calibrated probability.
public struct TopicScore: Sendable, Equatable, Codable {
    /// The label: `politics`, `sports`…
    public var label: String
    /// How likely the label is, from 0 to 1.
    public var score: Double

    /// Creates a topic score.
    public init(label: String, score: Double) {
        self.label = label
        self.score = score
    }
}

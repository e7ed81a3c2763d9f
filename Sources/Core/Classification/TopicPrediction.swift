/// The topics of one article, or why there are none.
///
/// A prediction never guesses: an article in a language without a model, or without a word the
/// model knows, is ``unavailable(reason:)``, and the reason is a sentence to show.
public enum TopicPrediction: Sendable, Equatable {
    /// The article's topics, best first: the best always, then those whose probability is close to it.
    ///
    /// A topic beyond the best is kept when its probability is at least ``secondaryRatio`` of the best
    /// one's and at least ``secondaryFloor``: an article about a footballer's tax case may score
    /// sports 0.55 and business 0.40, and is about both; one scoring 0.90 and 0.05 is not.
    case topics([TopicScore])

    /// No topic, and why: "no topic model for language 'de'".
    case unavailable(reason: String)

    /// How close to the best a second topic's probability must be, as a fraction of the best one's.
    public static let secondaryRatio = 0.5

    /// The least probability of a topic other than the best.
    public static let secondaryFloor = 0.25

    /// The topics, best first; empty when unavailable.
    public var topics: [TopicScore] {
        if case .topics(let topics) = self { return topics }
        return []
    }

    /// The best topic's label, nil when unavailable.
    public var best: String? { topics.first?.label }

    /// The reason no topic was given, nil when there are topics.
    public var reason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }

    /// The prediction for calibrated probabilities of `labels`, applying the closeness rule.
    static func choosing(labels: [String], probabilities: [Double]) -> TopicPrediction {
        // Ties broken by label, so equal probabilities always come out in the same order.
        let ranked = zip(labels, probabilities).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard let best = ranked.first else { return .unavailable(reason: "the topic model has no label") }
        let kept = ranked.prefix { $0 == best || ($0.1 >= best.1 * secondaryRatio && $0.1 >= secondaryFloor) }
        return .topics(kept.map { TopicScore(label: $0.0, score: ($0.1 * 1000).rounded() / 1000) })
    }
}

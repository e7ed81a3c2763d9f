/// One article with its topic, for training and evaluating a ``TopicModel``.
///
/// The default corpus is MasakhaNEWS (David Adelani et al., 2023, AFL-3.0): news articles in English and
/// French (and African languages) labelled `business`, `entertainment`, `health`, `politics`, `sports`,
/// `technology`. Users may bring their own taxonomy; a label is any non-empty string.
public struct LabeledExample: Sendable, Equatable {
    /// The topic the article belongs to ("sports").
    public var label: String

    /// The headline, which ``TopicFeatures`` weighs more than body words; may be empty.
    public var title: String

    /// The body text.
    public var text: String

    /// The ISO 639-1 code of the article's language ("en", "fr"); one model is trained per language.
    public var language: String

    /// Creates an example.
    public init(label: String, title: String, text: String, language: String) {
        self.label = label
        self.title = title
        self.text = text
        self.language = language
    }
}

/// The labels the pipeline puts on an article: topics and named entities.
///
/// Built once at start from the data folder (the topic model and the entity tables) and shared by
/// every file; a missing part leaves its labels empty and says why in ``topicsNote``.
public struct Classifier: Sendable {
    /// Gives topics, one model per language; nil when no model is loaded.
    public var topicModel: TopicModel?

    /// Finds the people, organisations and places an article names; nil when its tables are missing.
    public var recognizer: EntityRecognizer?

    /// How rare terms and keys are, for story features; nil computes no story features.
    public var rarity: TermRarity?

    /// Why articles get no topics when there is no model at all.
    public var missingModelNote: String

    /// A classifier that labels nothing, for tools that need only the text.
    public static let none = Classifier(topicModel: nil, recognizer: nil)

    /// Creates a classifier from its parts.
    public init(
        topicModel: TopicModel?, recognizer: EntityRecognizer?, rarity: TermRarity? = nil,
        missingModelNote: String = "no topic model is loaded"
    ) {
        self.rarity = rarity
        self.topicModel = topicModel
        self.recognizer = recognizer
        self.missingModelNote = missingModelNote
    }

    /// Sets `article`'s topics (or the note saying why there are none), entities and story features.
    public func label(_ article: inout Article) {
        let analyzer = Analyzer(language: article.language)
        label(
            &article, title: AnalysedText(article.title, analyzer: analyzer),
            text: AnalysedText(article.text, analyzer: analyzer))
    }

    /// Labels `article` as ``label(_:)`` does, from its title and text analysed in its language.
    public func label(_ article: inout Article, title: AnalysedText, text: AnalysedText) {
        switch topicModel?.classify(title: title, text: text, language: article.language) {
        case .topics(let topics):
            article.topics = topics
            article.topicsNote = nil
        case .unavailable(let reason):
            article.topics = []
            article.topicsNote = reason
        case nil:
            article.topics = []
            article.topicsNote = missingModelNote
        }
        article.entities =
            recognizer?.entities(title: article.title, text: article.text, language: article.language) ?? []
        if let rarity {
            article.storyFeatures = StoryFeatures(
                article: article, title: title, text: text, rarity: rarity, recognizer: recognizer)
        }
    }

    /// The entity ids a name given in a query stands for ("OTAN" → ["NATO"]), [] when unknown.
    public func entityIDs(forName name: String) -> [String] {
        recognizer?.ids(forName: name) ?? []
    }
}

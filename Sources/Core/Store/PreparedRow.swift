/// What the archive writes for an article that depends on the article alone: its label tags, its
/// topics and entities as JSON, and its story features hashed for comparing.
///
/// Made by the parallel stage of an ingest (``Pipeline``) rather than by the single writer, which
/// bounds an ingest of 20,000 files: these were about 1.5% of it, on the writer's core.
public struct PreparedRow: Sendable, Equatable {
    /// The `tags` column (``LabelTags``).
    package let tags: String
    /// The `topics` column: the topics as JSON (``LabelJSON``).
    package let topics: String
    /// The `entities` column: the entities as JSON.
    package let entities: String
    /// The story features as placement compares them; nil for an article without features.
    package let storyQuery: StoryQuery?

    /// The row of `article` as it is now: made again if the article changes.
    ///
    /// - Throws: `EncodingError` for a topic score JSON cannot hold (not finite).
    public init(_ article: Article) throws {
        tags = LabelTags.text(
            language: article.language, topics: article.topics.map(\.label), entityIDs: article.entities.map(\.id))
        topics = try LabelJSON.text(of: article.topics)
        entities = LabelJSON.text(of: article.entities)
        storyQuery = article.storyFeatures.map(StoryQuery.init)
    }
}

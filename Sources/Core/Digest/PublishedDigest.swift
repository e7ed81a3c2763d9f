/// A digest as its `digest` event carries it: the Markdown people read and the day's counts.
public struct PublishedDigest: Sendable, Equatable, Codable {
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The digest in Markdown.
    public var markdown: String
    /// The day's counts.
    public var totals: Digest.Totals
    /// How many stories it lists.
    public var storyCount: Int
    /// The headline of its first story, if it lists any.
    public var topStory: String?

    /// The summary of `digest`.
    public init(_ digest: Digest) {
        self.init(
            date: digest.date, markdown: digest.markdown, totals: digest.totals, storyCount: digest.stories.count,
            topStory: digest.stories.first?.headline)
    }

    /// Creates a summary from its values.
    public init(date: String, markdown: String, totals: Digest.Totals, storyCount: Int, topStory: String?) {
        self.date = date
        self.markdown = markdown
        self.totals = totals
        self.storyCount = storyCount
        self.topStory = topStory
    }
}

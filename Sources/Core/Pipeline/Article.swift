/// One news article as the pipeline understands it.
///
/// A file usually holds one article; feeds and JSON arrays may hold several, told apart by `item`.
public struct Article: Sendable, Equatable {
    /// Key of the article inside its file: empty for a file that is one article.
    public var item: String
    /// The headline.
    public var title: String
    /// The cleaned body, as the author wrote it (no typographic normalisation).
    public var text: String
    /// Publication date as ISO 8601 (`2021-12` or `2021-12-17`), or nil when none is known.
    public var date: String?
    /// Site or agency name, when known.
    public var source: String?
    /// ISO 639-1 code of the language, or `und`.
    public var language: String
    /// How sure the language guess is, from 0 to 1.
    public var languageConfidence: Double
    /// The format the article was extracted from, such as `text`.
    public var format: String
    /// Topics, best first; empty when there is no model for the language (see ``topicsNote``).
    public var topics: [TopicScore] = []
    /// Why `topics` is empty, when it is.
    public var topicsNote: String?
    /// What was left out of the article or its file by the ingest limits, when something was.
    public var note: String?
    /// The people, organisations and places named, most mentioned first.
    public var entities: [Entity] = []
    /// What the article brings to story clustering and duplicate detection; nil when not computed.
    public var storyFeatures: StoryFeatures?
    /// The title's and text's full-text index terms, analysed ahead of the write (nil when not prepared).
    public var indexTerms: [PreparedIndexTerms]?
    /// The columns and story query the archive writes, made ahead of the write from the fields
    /// above (nil when not prepared; the archive makes them). Made last: it is not updated when
    /// they change.
    public var preparedRow: PreparedRow?

    /// Creates an article from its parts.
    public init(
        item: String = "", title: String, text: String, date: String? = nil, source: String? = nil,
        language: String, languageConfidence: Double, format: String
    ) {
        self.item = item
        self.title = title
        self.text = text
        self.date = date
        self.source = source
        self.language = language
        self.languageConfidence = languageConfidence
        self.format = format
    }
}

/// What an extractor found in one article of a file, before language detection.
///
/// Extractors fill in what the format states; the pipeline derives what is missing (a title from
/// the first line, a date from the text or the file's time) and adds the language.
public struct ExtractedArticle: Sendable, Equatable {
    /// Key of the article inside its file.
    ///
    /// Empty for a file that is one article; for feeds and JSON arrays the item's guid, id or URL,
    /// else its position counted from 1 ("1", "2", …).
    public var item: String
    /// The headline, or empty when the format gives none.
    public var title: String
    /// The cleaned body text, paragraphs separated by a blank line ("\n\n").
    public var text: String
    /// Publication date as ISO 8601: `2021-12-17`, `2021-12` when only the month is known, or
    /// `2021-12-17T10:00:00Z` (UTC) when a time is known; nil when the format gives none.
    public var date: String?
    /// Site or agency name, when known.
    public var source: String?
    /// The article's address, when known.
    public var url: String?

    /// Creates an extracted article from its parts.
    public init(
        item: String = "", title: String, text: String, date: String? = nil, source: String? = nil,
        url: String? = nil
    ) {
        self.item = item
        self.title = title
        self.text = text
        self.date = date
        self.source = source
        self.url = url
    }
}

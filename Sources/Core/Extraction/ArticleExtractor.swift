/// Runs the extractor for a format: the one call the pipeline needs after decoding.
public enum ArticleExtractor {
    /// The articles in `text`, read as `format`.
    ///
    /// Plain text goes through `PlainTextExtractor` and gives at most one article with no date;
    /// the caller fills in missing dates with `DateFinder.findDate(inText:reference:)`.
    public static func articles(in text: String, format: ArticleFormat) -> [ExtractedArticle] {
        switch format {
        case .text:
            guard let (title, body) = PlainTextExtractor.extract(text) else { return [] }
            return [ExtractedArticle(title: title, text: body)]
        case .html:
            return HTMLExtractor.extract(text).map { [$0] } ?? []
        case .json:
            return JSONArticleExtractor.extract(text, lineDelimited: false)
        case .ndjson:
            return JSONArticleExtractor.extract(text, lineDelimited: true)
        case .rss, .atom:
            return FeedExtractor.extract(text)
        }
    }
}

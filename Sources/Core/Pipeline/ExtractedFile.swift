/// A file decoded and split into articles, before any of them is analysed.
///
/// What ``Pipeline/extract(from:fileName:modified:)`` gives and ``Pipeline/analyse(_:of:)`` reads,
/// so the articles of a large feed can be analysed in parts, on several cores.
public struct ExtractedFile: Sendable {
    /// The articles, in file order.
    public var articles: [ExtractedArticle]
    /// For each article, what was cut from it or from the file (see ``IngestLimits``), or nil.
    var notes: [String?]
    /// The format the articles were extracted from.
    var format: ArticleFormat
    /// A date found in the file's text, for the articles that state none.
    var dateInText: String?
}

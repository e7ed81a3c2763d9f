/// An article's index terms as a PostgreSQL `tsvector` literal (cast with `::tsvector`): the same
/// terms as the SQLite archive's full-text index (``PreparedIndexTerms/indexTerms``), so that
/// ``SearchQuery/textSearchQuery(languages:entityIDs:)`` finds the same documents.
///
/// The title's terms are weighted ``titleWeight``, the body's ``bodyWeight``, the labels'
/// ``tagsWeight``, which is how a query keeps words to the text and labels to the tags
/// (``TSQuerySyntax``); each part starts one position after the last one ended, so that no phrase
/// runs from the title into the body.
///
/// PostgreSQL's limits, unlike FTS5's: positions stop at 16,383 (a phrase after that many words
/// of an article is not found), and a term keeps its first 256 positions.
public enum TextSearchVector {
    static let titleWeight = "A"
    static let bodyWeight = "B"
    static let tagsWeight = "D"
    /// The last position a `tsvector` holds.
    static let lastPosition = 16_383
    /// The most positions a `tsvector` keeps per term.
    static let positionsPerTerm = 256

    /// The `tsvector` of `article`, whose labels are its language, topics and entities.
    public static func literal(of article: Article) -> String {
        vector(of: article).literal
    }

    /// The `tsvector` of `article` and its length: how many terms its title, body and labels have
    /// (as FTS5 counts them, which ranking divides by).
    public static func vector(of article: Article) -> (literal: String, length: Int) {
        let tags = LabelTags.text(
            language: article.language, topics: article.topics.map(\.label), entityIDs: article.entities.map(\.id))
        // The title's and body's terms as the pipeline prepared them, else analysed here.
        let prepared =
            article.indexTerms
            ?? [
                PreparedIndexTerms(article.title, language: article.language),
                PreparedIndexTerms(article.text, language: article.language),
            ]
        let (title, body) = (prepared.first?.indexTerms ?? [], prepared.dropFirst().first?.indexTerms ?? [])
        let tagTerms = PreparedIndexTerms(tags, language: "und").indexTerms
        return (literal(title: title, body: body, tags: tagTerms), title.count + body.count + tagTerms.count)
    }

    /// The `tsvector` of three parts' terms, in order.
    static func literal(title: [String], body: [String], tags: [String]) -> String {
        var positions: [String: [String]] = [:]
        var order: [String] = []
        var position = 0
        for (terms, weight) in [(title, titleWeight), (body, bodyWeight), (tags, tagsWeight)] {
            for term in terms where !term.isEmpty {
                position = min(position + 1, lastPosition)
                if positions[term] == nil { order.append(term) }
                if positions[term, default: []].count < positionsPerTerm {
                    positions[term, default: []].append("\(position)\(weight)")
                }
            }
            position = min(position + 1, lastPosition)
        }
        return order.map { TSQuerySyntax.lexeme($0) + ":" + (positions[$0] ?? []).joined(separator: ",") }
            .joined(separator: " ")
    }
}

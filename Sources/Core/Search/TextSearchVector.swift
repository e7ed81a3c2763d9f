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
        let tags = LabelTags.text(
            language: article.language, topics: article.topics.map(\.label), entityIDs: article.entities.map(\.id))
        return vector(of: article, tags: tags).literal
    }

    /// The `tsvector` of `article`, whose labels' text (``LabelTags``) is `tags`, its length (how
    /// many terms its title, body and labels have, as FTS5 counts them, which ranking divides by),
    /// and its title's and body's terms as ranking rows. The archive passes the tags its prepared
    /// row holds, rather than making them again.
    public static func vector(
        of article: Article, tags: String
    ) -> (literal: String, length: Int, postings: TermPostings) {
        // The title's and body's terms as the pipeline prepared them, else analysed here.
        let prepared =
            article.indexTerms
            ?? [
                PreparedIndexTerms(article.title, language: article.language),
                PreparedIndexTerms(article.text, language: article.language),
            ]
        let (title, body) = (prepared.first?.indexTerms ?? [], prepared.dropFirst().first?.indexTerms ?? [])
        let tagTerms = PreparedIndexTerms(tags, language: "und").indexTerms
        let indexed = indexed(title: title, body: body, tags: tagTerms)
        return (indexed.literal, title.count + body.count + tagTerms.count, indexed.postings)
    }

    /// The `tsvector` of three parts' terms, in order.
    static func literal(title: [String], body: [String], tags: [String]) -> String {
        indexed(title: title, body: body, tags: tags).literal
    }

    /// The `tsvector` of three parts' terms, in order, and the title's and body's terms as ranking
    /// rows, from the same positions.
    ///
    /// Written as bytes, each term's positions gathered under the index of its first occurrence:
    /// built with dictionaries of strings and joined, this was a third of the CPU time of an
    /// ingest into PostgreSQL.
    static func indexed(title: [String], body: [String], tags: [String]) -> (literal: String, postings: TermPostings) {
        // Per distinct term, in order of first occurrence: its positions, each with its weight.
        var slotOfTerm: [String: Int] = [:]
        slotOfTerm.reserveCapacity(title.count + body.count)
        var terms: [String] = []
        var positions: [[(position: Int, weight: UInt8)]] = []
        var position = 0
        let titleMark = titleWeight.utf8.first ?? UInt8(ascii: "A")
        var titlePositions = 0
        for (part, weight) in [(title, titleWeight), (body, bodyWeight), (tags, tagsWeight)] {
            let weight = weight.utf8.first ?? UInt8(ascii: "D")
            for term in part where !term.isEmpty {
                position = min(position + 1, lastPosition)
                let slot: Int
                if let known = slotOfTerm[term] {
                    slot = known
                } else {
                    slot = terms.count
                    slotOfTerm[term] = slot
                    terms.append(term)
                    positions.append([])
                }
                guard positions[slot].count < positionsPerTerm else { continue }
                positions[slot].append((position, weight))
                if weight == titleMark { titlePositions += 1 }
            }
            position = min(position + 1, lastPosition)
        }
        let tag = tagsWeight.utf8.first ?? UInt8(ascii: "D")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(terms.count * 16)
        var postings = TermPostings()
        postings.titlePositions = titlePositions
        var places: [UInt8] = []
        for (slot, term) in terms.enumerated() {
            if slot > 0 { bytes.append(UInt8(ascii: " ")) }
            appendLexeme(term, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            var frequency: Float = 0
            places.removeAll(keepingCapacity: true)
            for (index, entry) in positions[slot].enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendDecimal(entry.position, to: &bytes)
                bytes.append(entry.weight)
                guard entry.weight != tag else { continue }
                if !places.isEmpty { places.append(UInt8(ascii: ",")) }
                appendDecimal(
                    TermPostings.place(position: entry.position, inTitle: entry.weight == titleMark), to: &places)
                frequency += entry.weight == titleMark ? TermPostings.titleWeight : 1
            }
            guard !places.isEmpty else { continue }
            postings.lexemes.append(term)
            postings.frequencies.append(frequency)
            postings.places.append(String(decoding: places, as: UTF8.self))
        }
        return (String(decoding: bytes, as: UTF8.self), postings)
    }

    /// Appends `term` in quotes, quotes inside doubled and backslashes escaped (``TSQuerySyntax/lexeme(_:)``).
    static func appendLexeme(_ term: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "'"))
        for byte in term.utf8 {
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "'"))
    }

    /// Appends the decimal digits of `value` (not negative).
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}

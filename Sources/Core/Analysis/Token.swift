/// One index term with its UTF-8 byte range in the analysed text.
///
/// The term is folded (lower case, no diacritics) and stemmed in the analyser's language; the range
/// covers the original word as written, so `text.utf8[range]` is what a highlight should wrap.
public struct Token: Sendable, Equatable {
    /// The index term: "otan", "negoci", "россi"...
    public var term: String

    /// The byte offsets of the word in the UTF-8 of the analysed text, end excluded.
    public var range: Range<Int>

    /// Creates a token.
    public init(term: String, range: Range<Int>) {
        self.term = term
        self.range = range
    }
}

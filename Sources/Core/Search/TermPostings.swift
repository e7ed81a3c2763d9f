/// An article's index terms with their places in its title and body, one entry per distinct term:
/// the rows a PostgreSQL archive ranks searches from (its `postings` table), made from the same
/// positions as the article's `tsvector` (``TextSearchVector``). The labels' terms have none:
/// they weigh nothing in ranks.
public struct TermPostings: Sendable, Equatable {
    /// The terms, in order of first occurrence.
    public var lexemes: [String] = []
    /// Per term: its title positions times ``titleWeight`` plus its body positions, the frequency
    /// that BM25 ranks a one-word phrase by.
    public var frequencies: [Float] = []
    /// Per term: its places, comma-separated, in order; a place is a position doubled, plus one in
    /// the title (``place(position:inTitle:)``).
    public var places: [String] = []

    /// How many positions the title's terms take: the body's first position is two after them
    /// (snippets count from it).
    public var titlePositions = 0

    /// How much more a term in the title weighs than one in the body.
    public static let titleWeight: Float = 5

    public init() {}

    /// The place of `position`: in one number, where the term is and whether in the title.
    public static func place(position: Int, inTitle: Bool) -> Int {
        position * 2 + (inTitle ? 1 : 0)
    }
}

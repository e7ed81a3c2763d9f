/// The character n-grams of a word that a topic model uses as features, within word boundaries.
///
/// The word is padded with a space on each side, as scikit-learn's `analyzer="char_wb"` does, so a
/// gram at the start or end of a word ("` vac`", "`ine `") differs from the same letters inside one;
/// every gram is prefixed with `#`, which no word term holds, so a three-letter word and the gram of
/// the same letters stay two features. Grams count Unicode scalars, so a Cyrillic or accented letter
/// is one character.
struct CharacterGrams: Sendable, Equatable {
    /// The shortest gram, in characters (at least 1).
    let minimumLength: Int

    /// The longest gram, in characters (at least ``minimumLength``).
    let maximumLength: Int

    /// The marker that starts every gram feature.
    static let marker: Unicode.Scalar = "#"

    /// Creates the gram lengths; nil unless `1 ≤ minimumLength ≤ maximumLength ≤ 255` (the file stores bytes).
    init?(minimumLength: Int, maximumLength: Int) {
        guard minimumLength >= 1, minimumLength <= maximumLength, maximumLength <= 255 else { return nil }
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// Calls `body` with each gram feature of `word`, from left to right, shortest first at each start.
    func forEachGram(of word: String, _ body: (String) -> Void) {
        var padded: [Unicode.Scalar] = [" "]
        padded.append(contentsOf: word.unicodeScalars)
        padded.append(" ")
        var gram = String.UnicodeScalarView()
        for start in padded.indices {
            gram.removeAll(keepingCapacity: true)
            gram.append(Self.marker)
            for end in start..<min(start + maximumLength, padded.count) {
                gram.append(padded[end])
                if end - start + 1 >= minimumLength { body(String(gram)) }
            }
        }
    }

    /// The grams of `word`, in the order ``forEachGram(of:_:)`` gives them.
    func grams(of word: String) -> [String] {
        var grams: [String] = []
        forEachGram(of: word) { grams.append($0) }
        return grams
    }
}

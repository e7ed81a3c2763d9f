/// How an article's labels (language, topics, entities) are indexed and matched.
///
/// The full-text index has a third column, `tags`, holding one two-word phrase per label:
/// "lang fr topic politics entity nato entity ru entity personsergeilavrov". A label in a query
/// becomes that phrase restricted to the column (`{tags} : "entity nato"`), so labels combine with
/// words under AND, OR and NOT inside one FTS5 expression. The value is squeezed into one word
/// (lower case, letters and digits only) so that a phrase cannot match part of a longer id.
public enum LabelTags {
    /// The `tags` text of an article.
    public static func text(language: String, topics: [String], entityIDs: [String]) -> String {
        var phrases = [phrase(.language, language)]
        phrases += topics.map { phrase(.topic, $0) }
        phrases += entityIDs.map { phrase(.entity, $0) }
        return phrases.joined(separator: " ")
    }

    /// The phrase of one label: "entity nato" for (`.entity`, "NATO").
    public static func phrase(_ label: SearchQuery.Label, _ value: String) -> String {
        // Not terms(_:_:) joined: built for every label of every article, without the array.
        label.rawValue + " " + squeezed(value)
    }

    /// The two words of one label's phrase: ["entity", "nato"] for (`.entity`, "NATO").
    static func terms(_ label: SearchQuery.Label, _ value: String) -> [String] {
        [label.rawValue, squeezed(value)]
    }

    /// `value` folded to one word: "person:sergei-lavrov" → "personsergeilavrov".
    ///
    /// The folded words written one after the other into one buffer: the same as joining
    /// `Analyzer.fold(value)`'s words, without the arrays of strings between (the tags of every
    /// article are built in the write transaction).
    static func squeezed(_ value: String) -> String {
        var value = value
        var squeezed: [UInt8] = []
        value.withUTF8 { bytes in
            squeezed.reserveCapacity(bytes.count)
            Analyzer.folding.forEachTerm(inUTF8: bytes) { term, _ in
                squeezed.append(contentsOf: term)
                return true
            }
        }
        return String(decoding: squeezed, as: UTF8.self)
    }
}

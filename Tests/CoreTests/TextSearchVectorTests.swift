import Testing

@testable import Core

/// The tsvector literal: weights, positions, quoting and PostgreSQL's limits.
struct TextSearchVectorTests {
    @Test func partsAreWeightedAndAPhraseCannotRunAcrossThem() {
        let literal = TextSearchVector.literal(
            title: ["nato", "answer"], body: ["answer", "it's"], tags: ["lang", "en"])
        #expect(literal == "'nato':1A 'answer':2A,4B 'it''s':5B 'lang':7D 'en':8D")
    }

    @Test func positionsStopAtPostgreSQLsLimits() {
        let literal = TextSearchVector.literal(
            title: [], body: Array(repeating: "word", count: 20_000), tags: ["end"])
        let positions = literal.split(separator: " ")[0].split(separator: ":")[1].split(separator: ",")
        #expect(positions.count == TextSearchVector.positionsPerTerm)
        #expect(literal.hasSuffix("'end':16383D"))
    }

    @Test func quotesAndBackslashesAreEscapedInBothVectorAndQuery() {
        #expect(TSQuerySyntax.lexeme(#"a\b'c"#) == #"'a\\b''c'"#)
        #expect(TextSearchVector.literal(title: [#"a\b'c"#], body: [], tags: []) == #"'a\\b''c':1A"#)
    }
}

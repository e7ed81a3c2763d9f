import Core
import Testing

/// The phrases of a query as FTS5 numbers them, and which of them no match can have.
struct QueryPhrasesTests {
    static func excluded(_ text: String) throws -> [Bool] {
        try SearchQuery(parsing: text).phrases(languages: ["en"]).map(\.isExcluded)
    }

    @Test func aPhraseOrAlternativesAfterAMinusAreExcluded() throws {
        #expect(try Self.excluded("football -ballon") == [false, true])
        #expect(try Self.excluded("football -\"world cup\"") == [false, true])
        #expect(try Self.excluded("football -(ballon OR coupe)") == [false, true, true])
    }

    /// A match of `a -(b c)` may have `b`, and one of `a -(b -c)` may have `c`; FTS5 ranks them by
    /// `a` alone all the same (`SearchParityTests` compares).
    @Test func everyPhraseOfAnExcludedPartIsExcluded() throws {
        #expect(try Self.excluded("football -(ballon coupe)") == [false, true, true])
        #expect(try Self.excluded("football -(ballon -coupe)") == [false, true, true])
    }

    @Test func phrasesKeepFTS5sOrderAndKinds() throws {
        let phrases = try SearchQuery(parsing: "elect* \"world cup\" -ballon").phrases(languages: ["en"])
        #expect(phrases.map(\.kind) == [.prefix, .text, .text])
        #expect(phrases.map(\.terms.count) == [1, 2, 1])
    }
}

import Foundation
import Testing

@testable import Core

/// Date words are folded byte by byte when ASCII and scalar by scalar otherwise, as the full-text
/// index folds them.
struct ExtractionDateFoldingTests {
    @Test(arguments: [
        "January", "JANVIER", "mArS", "Sept", "fevrier", "février", "Février", "DÉCEMBRE", "Août", "января",
        "Января", "März", "diciembre", "SÁBADO", "x", "Z", "Май", "MÄRZ",
    ])
    func aWordFoldsAsTheIndexFoldsIt(word: String) {
        let expected = AnalysedText(word, language: "und").words.map(\.folded)
        #expect([DateToken.fold(word)] == expected)
    }
}

/// The date tokenizer reads UTF-8 bytes: every kind of token, ASCII or not, comes out as written.
struct DateTokenizerTests {
    @Test func tokensKeepTheirKindSpacingAndCapital() {
        let text =
            "Le 26 Février 2022, à 10h30 — Москва: «Январь» e\u{301}te\u{301} 1er/02 Antidisestablishmentarianism x"
        let tokens = DateToken.tokens(in: text[...])
        let expected: [DateToken] = [
            DateToken(kind: .word("le"), isSpaced: true, isCapitalized: true),
            DateToken(kind: .number(26, digits: 2), isSpaced: true),
            DateToken(kind: .word("fevrier"), isSpaced: true, isCapitalized: true),
            DateToken(kind: .number(2022, digits: 4), isSpaced: true),
            DateToken(kind: .symbol(","), isSpaced: false),
            DateToken(kind: .word("a"), isSpaced: true),
            DateToken(kind: .number(10, digits: 2), isSpaced: true),
            DateToken(kind: .word("h"), isSpaced: false),
            DateToken(kind: .number(30, digits: 2), isSpaced: false),
            DateToken(kind: .symbol("—"), isSpaced: true),
            DateToken(kind: .word("москва"), isSpaced: true, isCapitalized: true),
            DateToken(kind: .symbol(":"), isSpaced: false),
            DateToken(kind: .symbol("«"), isSpaced: true),
            DateToken(kind: .word("январь"), isSpaced: false, isCapitalized: true),
            DateToken(kind: .symbol("»"), isSpaced: false),
            DateToken(kind: .word("ete"), isSpaced: true),
            DateToken(kind: .number(1, digits: 1), isSpaced: true),
            DateToken(kind: .word("er"), isSpaced: false),
            DateToken(kind: .symbol("/"), isSpaced: false),
            DateToken(kind: .number(2, digits: 2), isSpaced: false),
            DateToken(kind: .word(""), isSpaced: true, isCapitalized: true),
            DateToken(kind: .word("x"), isSpaced: true),
        ]
        #expect(tokens == expected)
    }
}

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
        #expect([DateToken.fold(word.unicodeScalars)] == expected)
    }
}

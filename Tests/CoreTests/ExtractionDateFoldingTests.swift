import Foundation
import Testing

@testable import Core

/// Date words are folded byte by byte when ASCII and by Foundation otherwise, with one result.
struct ExtractionDateFoldingTests {
    @Test(arguments: [
        "January", "JANVIER", "mArS", "Sept", "fevrier", "février", "Février", "DÉCEMBRE", "Août", "января",
        "Января", "März", "diciembre", "SÁBADO", "x", "Z",
    ])
    func aWordFoldsAsFoundationFoldsIt(word: String) {
        let expected = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        #expect(DateToken.fold(word.unicodeScalars) == expected)
    }
}

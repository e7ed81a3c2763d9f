import Testing

@testable import Core

/// ``TextLines`` splits lines on bytes exactly as Swift's Character-based split does.
struct TextLinesTests {
    static let texts = [
        "", "\n", "one line", "a\nb", "a\n", "\na", "a\r\nb\rc\u{0B}d\u{0C}e", "a\r\r\nb", "a\n\r\n\nb",
        "Titre\u{85}Corps\u{2028}suite\u{2029}fin", "e\u{301}\n\u{301}x", "👩‍👩‍👧\r\n🇫🇷 Paris\n",
        "« Négociations »\n\nLa Russie\u{A0}?\r\n", "\u{E2}", "x\u{C2}\u{A0}y", "tail\r",
    ]

    @Test(arguments: texts)
    func linesAreThoseOfTheCharacterSplit(text: String) {
        let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let lines = TextLines.split(text)
        #expect(lines == expected)
        // and each line is the same slice of the text, not only equal characters
        #expect(lines.map(\.startIndex) == expected.map(\.startIndex))
    }

    @Test func aLongGeneratedTextSplitsTheSame() {
        // Given text mixing every separator with accented and astral characters at random
        var generator = SeededGenerator(seed: 7)
        let pieces = ["word", "é", "\u{301}", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", " ", "😀", "\u{0B}"]
        let text = (0..<5_000).map { _ in pieces.randomElement(using: &generator)! }.joined()
        // Then both splits agree
        #expect(TextLines.split(text) == text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline))
    }
}

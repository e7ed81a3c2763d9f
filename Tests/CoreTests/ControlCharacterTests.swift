import Core
import Testing

/// Titles and text cannot act on a terminal: whole escape sequences go, not just the ESC byte.
struct ControlCharacterTests {
    @Test func escapeSequencesGoAsAWhole() {
        #expect(ControlCharacters.removing("\u{1B}]0;pwned\u{07}Title") == "Title")
        #expect(ControlCharacters.removing("a\u{1B}[1;31mred\u{1B}[0m b") == "ared b")
        #expect(ControlCharacters.removing("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y") == "xlinky")
        #expect(ControlCharacters.removing("a\u{1B}cb") == "ab")
        #expect(ControlCharacters.removing("alert\u{1B} issued") == "alert issued")
    }

    @Test func c1ControlsGoOneByOneWithoutSwallowingTheWordsAfterThem() {
        // Stray bytes of Windows-1252 text, not sequence introducers: the words after them stay.
        #expect(ControlCharacters.removing("a\u{9B}2Jb\u{9D}title\u{9C}c\u{90}d") == "a2Jbtitlecd")
    }

    @Test func lineBreaksAndTabsStayOtherControlsGo() {
        #expect(
            ControlCharacters.removing("one\r\ntwo\rthree\tfour\u{00}\u{7F}\u{85}five") == "one\ntwo\nthree\tfour\nfive"
        )
        #expect(ControlCharacters.removing("plain text") == "plain text")
    }

    @Test(arguments: [
        ("\u{01}", true), ("\u{1B}", true), ("\u{1F}", true), ("\u{7F}", true), ("\u{85}", true), ("\u{9F}", true),
        ("\n", false), ("\t", false), (" ", false), ("~", false), ("«", false), ("\u{A0}", false), ("é", false),
        ("’", false), ("€", false),
    ])
    func aControlIsFoundWhereverItStandsInTheText(inserted: String, isControl: Bool) {
        // The check reads eight bytes at a time: the control at every offset of such a word, and
        // straddling two.
        for offset in 0..<20 {
            let text = String(repeating: "a", count: offset) + inserted + String(repeating: "b", count: 19 - offset)
            #expect(
                ControlCharacters.occur(in: text) == isControl, "\(inserted.unicodeScalars.first!.value) at \(offset)")
        }
    }

    @Test func anUnterminatedStringEndsAtTheLine() {
        #expect(ControlCharacters.removing("\u{1B}]0;no end\nSecond line") == "\nSecond line")
    }

    @Test func theTitleIsTheFirstMeaningfulLineOnceSequencesAreRemoved() throws {
        let text =
            "\u{1B}]0;pwned\u{07}\u{1B}[2JTalks in Geneva end without a deal on Ukraine\n\n"
            + "Diplomats from both sides met for eight hours on Monday and agreed only to keep talking.\n"
        let article = try #require(try Pipeline().articles(from: Array(text.utf8), fileName: "x.txt").first)
        #expect(article.title == "Talks in Geneva end without a deal on Ukraine")
        #expect(!ControlCharacters.occur(in: article.title) && !ControlCharacters.occur(in: article.text))
    }

    @Test func controlsBroughtBackByMarkupEscapesAreRemoved() throws {
        let html =
            "<html><head><title>&#27;[31mRed &#x9b;2Jalert</title></head><body><p>"
            + String(repeating: "Ministers met in Brussels to discuss the budget for next year. ", count: 6)
            + "</p></body></html>"
        let article = try #require(try Pipeline().articles(from: Array(html.utf8), fileName: "x.html").first)
        #expect(!ControlCharacters.occur(in: article.title))
        #expect(!article.title.contains("[31m"))
    }
}

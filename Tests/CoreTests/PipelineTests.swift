import Core
import Testing

struct PipelineTests {
    let pipeline = Pipeline()

    @Test func headlineSkipsSiteNameAndSectionLabel() throws {
        let text = """
            Bbabo NET

            Actualités

            Les États-Unis ont répondu à la Russie sur les garanties de sécurité ?

            Les États-Unis et l'OTAN ont refusé de signer un traité sur les garanties de sécurité en Europe.
            Les partenaires occidentaux ne sont pas d'accord avec la demande de Moscou.

            Retour aux actualités »

            Les États-Unis ont répondu à la Russie sur les garanties de sécurité ?
            """
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == "Les États-Unis ont répondu à la Russie sur les garanties de sécurité ?")
        #expect(article.text.hasPrefix("Les États-Unis et l'OTAN ont refusé"))
        #expect(!article.text.contains("Retour aux actualités"))
        #expect(!article.text.contains("Bbabo NET"))
        #expect(article.format == "text")
    }

    @Test func aNavigationLinkInTheMiddleGoesAndAShortQuotationStays() throws {
        let text = """
            Les États-Unis ont répondu à la Russie sur les garanties de sécurité

            Les États-Unis et l'OTAN ont refusé de signer un traité sur les garanties de sécurité en Europe.

            Retour aux actualités »

            « Jamais »

            Read more ›

            Ce que l'OTAN a proposé

            L'Alliance a proposé à la Russie de reprendre le travail des bureaux de représentation.
            """
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(!article.text.contains("Retour aux actualités"))
        #expect(!article.text.contains("Read more"))
        #expect(article.text.contains("« Jamais »"))
        #expect(article.text.contains("Ce que l'OTAN a proposé"))
    }

    @Test(arguments: [
        ("Talks  resume\tin Geneva", "Talks resume in Geneva"),
        ("Russie\u{00A0}? Les pourparlers", "Russie ? Les pourparlers"),
        ("Talks resume in Geneva", "Talks resume in Geneva"),
    ])
    func titlesAreOneLineWithSingleSpaces(headline: String, title: String) throws {
        let text = headline + "\nDiplomats met on Monday to discuss the security guarantees in Europe."
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == title)
    }

    @Test func aFirstLineOfFewWordsAndNoSentenceEndIsNotTheHeadline() throws {
        let text = "Bbabo NET World\nTalks resume in Geneva on Monday\nDiplomats met on Monday."
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == "Talks resume in Geneva on Monday")
    }

    @Test func longFirstLineGivesItsFirstSentenceAsTitleAndStaysInTheBody() throws {
        let sentence = "Russia unveiled on Friday treaty proposals to limit NATO influence in its neighbourhood."
        let text =
            sentence
            + " And it called for talks on Saturday in order to prevent an escalation of tensions in Europe.\nMore."
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == sentence)
        #expect(article.text.hasPrefix(sentence))
    }

    @Test func windows1252IsDecoded() throws {
        // "Café à Noël: l’été" in Windows-1252: é=E9, à=E0, ë=EB, ’=92 (a byte Latin-1 lacks).
        let bytes: [UInt8] =
            Array("Caf".utf8) + [0xE9, 0x20, 0xE0] + Array(" No".utf8) + [0xEB] + Array("l: l".utf8)
            + [0x92, 0xE9, 0x74, 0xE9]
        #expect(TextDecoder.decode(bytes).encoding == .windows1252)
        #expect(TextDecoder.decode(bytes).text == "Café à Noël: l’été")
    }

    @Test func undefinedWindows1252BytesFallBackToLatin1() {
        #expect(TextDecoder.decode([0x41, 0x81, 0x42]).text.unicodeScalars.map(\.value) == [0x41, 0x81, 0x42])
    }

    @Test(arguments: [
        ([0xFF, 0xFE] as [UInt8], TextDecoder.Encoding.utf16LE), ([0xFE, 0xFF], .utf16BE),
    ])
    func utf16WithByteOrderMarkIsDecoded(mark: [UInt8], encoding: TextDecoder.Encoding) throws {
        let units = Array("Négociations à Genève".utf16)
        let body = units.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            return encoding == .utf16LE ? [low, high] : [high, low]
        }
        let decoded = TextDecoder.decode(mark + body)
        #expect(decoded.encoding == encoding)
        #expect(decoded.text == "Négociations à Genève")
    }

    @Test func utf8ByteOrderMarkIsDropped() {
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Été".utf8)).text == "Été")
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0] as [UInt8], "PNG image"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP archive"),
        ([0x41, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02], "NUL bytes"),
    ])
    func binaryFilesAreRejectedNamingWhatTheyAre(bytes: [UInt8], kind: String) {
        #expect {
            try pipeline.articles(from: bytes, fileName: "x.bin")
        } throws: { error in
            let rejection = error as? Rejection
            return rejection?.code == .binary && rejection?.message.contains(kind) == true
                && rejection?.message.contains("x.bin") == true
        }
    }

    @Test func emptyFileIsRejected() {
        #expect(throws: Rejection.self) { try pipeline.articles(from: Array(" \n\t\n".utf8), fileName: "e.txt") }
    }

    @Test func controlCharactersAreRemovedAndCarriageReturnsBecomeNewlines() throws {
        let text = "First headline of the day here\r\nBody line one has\u{7} words.\rSecond line of the body text."
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == "First headline of the day here")
        #expect(article.text == "Body line one has words.\nSecond line of the body text.")
    }

    // Found by `make fuzz`: bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) fell back
    // to Latin-1 C1 controls, and UTF-8 may encode them; NEL is a line break.
    @Test(
        arguments: [
            [0x81], [0x8D], [0x8F], [0x90], [0x9D], [0xC2, 0x9B], [0xC2, 0x80],
        ] as [[UInt8]])
    func c1ControlCharactersLeaveTitleAndText(control: [UInt8]) throws {
        let bytes =
            Array("Budget vote".utf8) + control + Array(" delayed again\n\nThe vote".utf8) + control
            + Array(" on the budget was delayed until Friday.".utf8)
        let article = try #require(try pipeline.articles(from: bytes, fileName: "a.txt").first)
        #expect(article.title == "Budget vote delayed again")
        #expect(article.text == "The vote on the budget was delayed until Friday.")
    }

    @Test func nextLineBecomesANewline() throws {
        let text = "First headline of the day here\u{85}Body line one has words.\u{85}Second line of the body."
        let article = try #require(try pipeline.articles(from: Array(text.utf8), fileName: "a.txt").first)
        #expect(article.title == "First headline of the day here")
        #expect(article.text == "Body line one has words.\nSecond line of the body.")
    }

    // Found by `make fuzz`: escapes put control characters back after decoding.
    @Test(arguments: [
        (
            "a.html",
            "<html><head><title>Red&#x1B;[31m alert&#27; issued</title></head><body><p>The weather office "
                + "issued a red alert for the coast on Monday.</p></body></html>"
        ),
        ("a.json", #"{"title": "Red\u001b[31m alert\u0002 issued", "text": "The weather office issued a red alert."}"#),
        (
            "a.rss",
            "<rss><channel><item><title>Red&#x8D;31m alert&#127; issued</title><description>The weather "
                + "office issued a red alert.</description></item></channel></rss>"
        ),
    ])
    func escapedControlCharactersLeaveTitles(fileName: String, content: String) throws {
        let article = try #require(try pipeline.articles(from: Array(content.utf8), fileName: fileName).first)
        #expect(!article.title.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(article.title.hasPrefix("Red"))
        #expect(article.title.hasSuffix("alert issued"))
    }

    @Test func aTitleOfControlCharactersOnlyIsTakenFromTheText() throws {
        let feed =
            "<rss><channel><item><title>&#x1B;&#x7;</title><description>Flood warning for the valley\n\n"
            + "Rivers rose overnight after three days of rain.</description></item></channel></rss>"
        let article = try #require(try pipeline.articles(from: Array(feed.utf8), fileName: "a.rss").first)
        #expect(article.title.hasPrefix("Flood warning for the valley"))
    }

    @Test func aPageDateComesFromWhatThePageSaysNotFromLinksInItsSource() throws {
        // Given a page without date metadata whose head links to an archive path with a year and month
        func page(body: String) -> [UInt8] {
            let html = """
                <!DOCTYPE html><html><head><title>Talks resume</title>
                <link rel="canonical" href="https://news.example/2019/05/talks-resume">
                <script src="/static/2019/05/app.js"></script></head>
                <body><article><h1>Talks resume in Geneva</h1>\(body)</article></body></html>
                """
            return Array(html.utf8)
        }
        let words = "<p>Diplomats from both sides met again for a long day of talks about security in Europe.</p>"
        let modified = ExtractionDateTests.day(2024, 3, 20)
        // When the text states no date, the article has none (its ingest time stands in)
        let undated = try #require(
            try pipeline.articles(from: page(body: words), fileName: "a.html", modified: modified).first)
        #expect(undated.date == nil)
        // and when the text's dateline states one, that is the article's date
        let dated = try #require(
            try pipeline.articles(
                from: page(body: "<p>Geneva, 12 March 2024</p>" + words), fileName: "a.html", modified: modified
            ).first)
        #expect(dated.date == "2024-03-12")
    }
}

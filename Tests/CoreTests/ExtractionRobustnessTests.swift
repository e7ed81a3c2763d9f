import Core
import Foundation
import Testing

/// Any text in, no crash out: random bytes, tag soup, truncated fixtures and deep nesting go through every extractor.
struct ExtractionRobustnessTests {
    /// Pieces that steer random input into the tokenizers' less travelled paths.
    static let vocabulary = [
        "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<p>",
        "</p>", "<div class=\"share\">", "</div>", "<article>", "<script>", "</script>", "<title>", "<a href=",
        "\"", "'", "=", "&", "&amp;", "&#", "&#x", "&#1114112;", "&#xD800;", ";", "<rss>", "<item>", "</item>",
        "<entry>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<link href=\"x\"/>", "<pubDate>", "{", "}", "[",
        "]", "\"title\":", "\"text\":", ",", ":", "\n", " ", "26", "2022", "-", "/", ".", "janvier", "December",
        "Saturday", "января", "é", "\u{0301}", "\u{FFFD}", "\u{1F600}", "\0", "\r\n", "<br>", "<time datetime=\"",
        "<meta property=\"og:title\" content=\"", "T10:00:00+01:00", "<script type=\"application/ld+json\">",
    ]

    /// Runs every extractor and date function on `text`; the point is that it returns.
    static func exercise(_ text: String) {
        let reference = Date(timeIntervalSince1970: 1_642_000_000)
        _ = FormatSniffer.format(of: text, fileName: "x")
        _ = HTMLExtractor.extract(text)
        _ = FeedExtractor.extract(text)
        _ = JSONArticleExtractor.extract(text, lineDelimited: false)
        _ = JSONArticleExtractor.extract(text, lineDelimited: true)
        _ = DateFinder.findDate(inText: text, reference: reference)
        _ = DateFinder.normalize(String(text.prefix(300)))
        _ = ArticleExtractor.articles(in: text, format: .text)
    }

    @Test func randomBytesNeverCrashAnExtractor() {
        var generator = SeededGenerator(seed: 0x4E65_7773_6472_6F70)
        for _ in 0..<300 {
            let count = Int.random(in: 0...600, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            Self.exercise(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func tagSoupNeverCrashesAnExtractor() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0...200, using: &generator)
            // The vocabulary is a non-empty literal.
            let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator)! }.joined()
            Self.exercise(text)
        }
    }

    @Test(arguments: [
        ExtractionHTMLTests.newsPage, ExtractionFeedTests.bilingualRSS, ExtractionFeedTests.atom,
        ExtractionJSONTests.array, ExtractionJSONTests.ndjson, ExtractionJSONTests.wrapped,
    ])
    func truncatedFixturesNeverCrashAnExtractor(fixture: String) {
        let bytes = Array(fixture.utf8)
        for length in stride(from: 0, through: bytes.count, by: 13) {
            Self.exercise(String(decoding: bytes.prefix(length), as: UTF8.self))
        }
    }

    @Test func deepNestingStaysShallow() {
        Self.exercise(String(repeating: "<div>", count: 50_000) + "text")
        Self.exercise(String(repeating: "<item><title>t</title>", count: 5_000))
        Self.exercise(String(repeating: "[", count: 50_000))
        Self.exercise(String(repeating: "{\"articles\":[", count: 2_000))
        // Inputs that would be quadratic without the tokenizer remembering what it did not find.
        Self.exercise(String(repeating: "<title>x<script>y<a b='>", count: 10_000))
        Self.exercise(String(repeating: "<h2>x</h2>", count: 20_000))
        #expect(HTMLExtractor.extract(String(repeating: "<div>", count: 50_000) + "Deep text.")?.text == "Deep text.")
    }
}

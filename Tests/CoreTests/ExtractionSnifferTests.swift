import Core
import Testing

struct ExtractionSnifferTests {
    @Test(arguments: [
        ("<!DOCTYPE html><html><body>x</body></html>", "a.txt", ArticleFormat.html),
        ("\u{FEFF}  <html lang=\"fr\">", "page", .html),
        ("<!-- saved page --><head><title>x</title></head>", "a", .html),
        ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "feed.txt", .rss),
        ("<rss version=\"2.0\">", "x", .rss),
        ("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "x", .rss),
        ("<?xml version=\"1.0\"?>\n<!-- c -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x.xml", .atom),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>", "x", .atom),
        ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", "x.xml", .html),
        ("<feed><title>no namespace</title></feed>", "f.atom", .atom),
        ("<feed><title>no namespace</title></feed>", "f.txt", .text),
        ("{\"title\": \"t\"}", "a.txt", .json),
        ("  [\n {\"title\": \"t\"}\n]", "a", .json),
        ("{\"a\": 1}\n{\"b\": 2}\n", "a.json", .ndjson),
        ("{\"a\": 1}\n{broken", "a", .ndjson),
        ("{not json at all", "a.json", .json),
        ("{not json at all", "notes.txt", .text),
        ("Plain text article.", "a.html", .html),
        ("Plain text article.", "a.HTM", .html),
        ("Plain text article.", "a.json", .json),
        ("Plain text article.", "a.jsonl", .ndjson),
        ("Plain text article.", "a.ndjson", .ndjson),
        ("Plain text article.", "a.xml", .rss),
        ("Plain text article.", "a.rss", .rss),
        ("Plain text article.", "a.atom", .atom),
        ("Plain text article.", "a.txt", .text),
        ("Plain text article.", "a.md", .text),
        ("Plain text article.", "dir.v2/README", .text),
        ("Plain text article.", ".hidden", .text),
        ("a < b and c > d", "a.txt", .text),
        ("", "", .text),
    ])
    func formatComesFromContentThenExtension(text: String, fileName: String, expected: ArticleFormat) {
        #expect(FormatSniffer.format(of: text, fileName: fileName) == expected)
    }

    @Test func dispatcherRunsTheExtractorOfEachFormat() {
        #expect(
            ArticleExtractor.articles(in: "Headline of the story here\n\nBody text.", format: .text).first?.title
                == "Headline of the story here")
        #expect(ArticleExtractor.articles(in: ExtractionFeedTests.atom, format: .atom).count == 3)
        #expect(ArticleExtractor.articles(in: ExtractionJSONTests.ndjson, format: .ndjson).count == 2)
        #expect(ArticleExtractor.articles(in: ExtractionHTMLTests.newsPage, format: .html).count == 1)
        #expect(ArticleExtractor.articles(in: "   ", format: .text).isEmpty)
    }
}

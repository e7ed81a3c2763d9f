import Core
import Testing

struct ExtractionJSONTests {
    static let array = """
        [
          {"id": 17, "headline": "Talks open in Geneva", "body": "<p>Diplomats met on Monday.</p><p>No deal yet, both sides said.</p>",
           "publishedAt": "2022-01-10T08:30:00Z", "url": "https://a.example/1", "source": {"id": "wire", "name": "Wire"}},
          {"title": "Sans identifiant", "content": "Le texte brut,\\nsur deux lignes.", "date": "10/01/2022",
           "source": "Le Fil", "tags": ["otan", "russie"]},
          {"title": "", "text": ""},
          {"unrelated": true},
          "not an object"
        ]
        """

    @Test func arrayGivesOneArticlePerObjectWithTitleOrText() {
        let articles = JSONArticleExtractor.extract(Self.array, lineDelimited: false)
        #expect(articles.count == 2)
        #expect(
            articles.first
                == ExtractedArticle(
                    item: "17", title: "Talks open in Geneva",
                    text: "Diplomats met on Monday.\n\nNo deal yet, both sides said.",
                    date: "2022-01-10T08:30:00Z", source: "Wire", url: "https://a.example/1"))
        #expect(
            articles.last
                == ExtractedArticle(
                    item: "2", title: "Sans identifiant", text: "Le texte brut,\nsur deux lignes.", date: "2022-01-10",
                    source: "Le Fil"))
    }

    static let single = """
        {"title": "Kremlin &amp; press", "description": "Short.", "content": "The Kremlin has not commented on the answers, its spokesman said.",
         "pubDate": "Wed, 26 Jan 2022 14:00:00 +0300", "link": "https://b.example/k", "publisher": "Agency"}
        """

    @Test func singleObjectIsOneArticleWithAnEmptyKey() {
        let articles = JSONArticleExtractor.extract(Self.single, lineDelimited: false)
        #expect(
            articles
                == [
                    ExtractedArticle(
                        item: "", title: "Kremlin & press",
                        text: "The Kremlin has not commented on the answers, its spokesman said.",
                        date: "2022-01-26T11:00:00Z", source: "Agency", url: "https://b.example/k")
                ])
    }

    static let ndjson = """
        {"guid": "a-1", "title": "First", "summary": "One.", "created_at": 1642000000}
        this line is broken {
        {"guid": "a-2", "title": "Second", "text": "Two.", "datePublished": "2022-01-12 10:00"}

        """

    @Test func ndjsonGivesOneArticlePerLineAndSkipsBrokenLines() {
        let articles = JSONArticleExtractor.extract(Self.ndjson, lineDelimited: true)
        #expect(articles.map(\.item) == ["a-1", "a-2"])
        #expect(articles.map(\.text) == ["One.", "Two."])
        #expect(articles.map(\.date) == ["2022-01-12T15:06:40Z", "2022-01-12T10:00:00Z"])
    }

    static let wrapped = """
        {"status": "ok", "totalResults": 2, "articles": [
          {"source": {"id": null, "name": "El País"}, "title": "La OTAN responde", "description": "Resumen.",
           "url": "https://c.example/otan", "publishedAt": "2022-01-26T19:00:00Z",
           "content": "La OTAN ha respondido por escrito a Moscú… [+1234 chars]"},
          {"source": {"name": "Reuters"}, "title": "NATO answers", "url": "https://c.example/nato"}
        ]}
        """

    @Test func articlesUnderAWrapperKeyAreFound() {
        let articles = JSONArticleExtractor.extract(Self.wrapped, lineDelimited: false)
        #expect(articles.map(\.item) == ["https://c.example/otan", "https://c.example/nato"])
        #expect(articles.map(\.source) == ["El País", "Reuters"])
        #expect(articles.first?.text == "La OTAN ha respondido por escrito a Moscú… [+1234 chars]")
        #expect(articles.last?.text == "")
    }

    @Test func jsonFeedItemsTakeTheFeedTitleAsSource() {
        let feed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "My Feed", "items": [
              {"id": "1", "title": "Hello", "content_html": "<p>Hi &amp; welcome.</p>", "date_published": "2022-01-02T03:04:05-01:00"}]}
            """
        let articles = JSONArticleExtractor.extract(feed, lineDelimited: false)
        #expect(
            articles == [
                ExtractedArticle(
                    item: "1", title: "Hello", text: "Hi & welcome.", date: "2022-01-02T04:04:05Z", source: "My Feed")
            ])
    }

    @Test func wholeFileThatIsNotJSONIsReadLineByLine() {
        let text = "{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"text\": \"b\"}"
        #expect(JSONArticleExtractor.extract(text, lineDelimited: false).map(\.title) == ["A", "B"])
    }

    @Test(arguments: ["", "[]", "{}", "null", "42", "[1, 2]", "{\"articles\": []}", "{not json"])
    func jsonWithoutArticlesGivesNothing(text: String) {
        #expect(JSONArticleExtractor.extract(text, lineDelimited: false).isEmpty)
    }
}

import Core
import Testing

struct ExtractionFeedTests {
    /// An RSS 2.0 feed with one English and one French item, HTML descriptions in CDATA, and an
    /// item with neither guid nor link.
    static let bilingualRSS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Wire &amp; Fil</title>
          <link>https://wire.example/</link>
          <description>News in two languages</description>
          <item>
            <title>NATO rejects &quot;second-class&quot; members</title>
            <link>https://wire.example/en/nato-members</link>
            <guid isPermaLink="false">en-1001</guid>
            <pubDate>Fri, 07 Jan 2022 18:30:00 GMT</pubDate>
            <description><![CDATA[<p>NATO's chief ruled out creating <b>second-class</b> members to please Moscow.</p><p>Talks start next week &amp; run for days.</p>]]></description>
          </item>
          <item>
            <title>L’OTAN refuse des membres « de seconde classe »</title>
            <link>https://wire.example/fr/otan-membres</link>
            <guid>https://wire.example/fr/otan-membres</guid>
            <pubDate>Fri, 07 Jan 2022 19:45:00 +0100</pubDate>
            <description><![CDATA[<p>Le chef de l’OTAN a exclu de créer des membres <i>secondaires</i> pour plaire à Moscou.</p>
            <div class="share"><a href="https://twitter.com/share">Partager</a></div>
            <p>Les pourparlers commencent la semaine prochaine.</p>]]></description>
          </item>
          <item>
            <title>Escaped HTML item</title>
            <description>&lt;p&gt;First &amp;amp; only paragraph.&lt;/p&gt;</description>
            <dc:date>2022-01-08</dc:date>
          </item>
        </channel>
        </rss>
        """

    @Test func rssGivesOneArticlePerItemInBothLanguages() {
        let articles = FeedExtractor.extract(Self.bilingualRSS)
        #expect(articles.count == 3)
        #expect(
            articles.first
                == ExtractedArticle(
                    item: "en-1001", title: "NATO rejects \"second-class\" members",
                    text:
                        "NATO's chief ruled out creating second-class members to please Moscow.\n\nTalks start next week & run for days.",
                    date: "2022-01-07T18:30:00Z", source: "Wire & Fil", url: "https://wire.example/en/nato-members"))
        let french = articles.dropFirst().first
        #expect(french?.item == "https://wire.example/fr/otan-membres")
        #expect(french?.title == "L’OTAN refuse des membres « de seconde classe »")
        #expect(
            french?.text
                == "Le chef de l’OTAN a exclu de créer des membres secondaires pour plaire à Moscou.\n\nLes pourparlers commencent la semaine prochaine."
        )
        #expect(french?.date == "2022-01-07T18:45:00Z")
        #expect(french?.source == "Wire & Fil")
    }

    @Test func rssItemWithoutGuidOrLinkIsKeyedByPosition() {
        let last = FeedExtractor.extract(Self.bilingualRSS).last
        #expect(last?.item == "3")
        #expect(last?.text == "First & only paragraph.")
        #expect(last?.date == "2022-01-08")
        #expect(last?.url == nil)
    }

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Example Agency</title>
          <id>urn:uuid:feed</id>
          <updated>2022-01-26T12:00:00Z</updated>
          <entry>
            <title type="html">US &amp;amp; NATO answer Moscow</title>
            <link rel="self" href="https://agency.example/api/1"/>
            <link rel="alternate" type="text/html" href="https://agency.example/us-nato-answer"/>
            <id>urn:uuid:1225c695</id>
            <published>2022-01-26T20:15:00+03:00</published>
            <updated>2022-01-27T08:00:00Z</updated>
            <summary>Short summary.</summary>
            <content type="html">&lt;p&gt;Washington and NATO delivered written answers, officials said.&lt;/p&gt;&lt;p&gt;Moscow will study them.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>XHTML entry</title>
            <link href="https://agency.example/xhtml"/>
            <updated>2022-01-25</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <em>XHTML</em> content, here.</p></div></content>
          </entry>
          <entry>
            <title>Text entry</title>
            <id>tag:agency.example,2022:3</id>
            <content type="text">Plain text content
        on two lines.</content>
          </entry>
        </feed>
        """

    @Test func atomGivesEntriesWithAlternateLinksAndHTMLContent() {
        let articles = FeedExtractor.extract(Self.atom)
        #expect(articles.count == 3)
        #expect(
            articles.first
                == ExtractedArticle(
                    item: "urn:uuid:1225c695", title: "US & NATO answer Moscow",
                    text: "Washington and NATO delivered written answers, officials said.\n\nMoscow will study them.",
                    date: "2022-01-26T17:15:00Z", source: "Example Agency", url: "https://agency.example/us-nato-answer"
                ))
        #expect(articles.dropFirst().first?.text == "Inline XHTML content, here.")
        #expect(articles.dropFirst().first?.item == "https://agency.example/xhtml")
        #expect(articles.dropFirst().first?.date == "2022-01-25")
        #expect(articles.last?.text == "Plain text content\non two lines.")
    }

    @Test func brokenFeedStillGivesItsItems() {
        let xml = """
            <rss><channel><title>T</title>
            <item><title>One & two</title><description>First item text &nbsp;here</description>
            <item><title>Second</title><description><![CDATA[<p>Unclosed
            """
        let articles = FeedExtractor.extract(xml)
        #expect(articles.map(\.title) == ["One & two", "Second"])
        #expect(articles.last?.text == "Unclosed")
    }

    @Test(arguments: [
        "", "<rss></rss>", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", "not xml",
    ])
    func feedWithoutItemsGivesNothing(xml: String) {
        #expect(FeedExtractor.extract(xml).isEmpty)
    }
}

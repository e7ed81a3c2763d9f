import Core
import Testing

struct ExtractionHTMLTests {
    /// A news page with every kind of furniture around a four-paragraph article.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Russia sets out demands to NATO | Daily Planet</title>
          <meta property="og:title" content="Russia sets out its security demands to NATO">
          <meta property="og:site_name" content="Daily Planet">
          <meta property="og:url" content="https://planet.example/world/russia-nato-demands">
          <meta property="article:published_time" content="2021-12-17T10:00:00+01:00">
          <script>window.dataLayer = [{"page": "article"}]; if (a < b) { track(); }</script>
          <style>.share { display: flex; } p > a { color: red; }</style>
        </head>
        <body>
          <div id="cookie-banner" class="cookie-consent">
            <p>We use cookies to improve your experience, analyse traffic and show you relevant ads, as described in our policy.</p>
            <button>Accept all</button>
          </div>
          <header class="site-header">
            <a href="/" class="logo">Daily Planet</a>
            <nav class="main-nav"><ul>
              <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
              <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
            </ul></nav>
          </header>
          <div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/world">World</a></div>
          <main>
            <article class="story">
              <h1>Russia sets out its security demands to NATO</h1>
              <div class="byline">By Jane Doe, <time datetime="2021-12-17T09:00:00Z">17 December 2021</time></div>
              <div class="share-bar social">
                <a href="https://facebook.com/share">Share on Facebook</a>
                <a href="https://twitter.com/intent">Tweet</a>
                <a href="mailto:?">Email</a>
              </div>
              <div class="article-body">
                <p>Russia on Friday unveiled treaty proposals to drastically limit American and NATO influence in its neighbourhood, and called for talks to start on Saturday.</p>
                <p>The documents come against the backdrop of growing tensions around Ukraine, a country bordering Russia, where Americans and Europeans fear an offensive.</p>
                <p>White House spokeswoman Jen Psaki said there would be &ldquo;no discussions on European security without our European allies&rdquo;, caf&eacute; &amp; d&#233;tente &#x2014; included.</p>
                <p>It is unusual for diplomats to publish working papers like these, since discretion usually gives negotiators the latitude they need.</p>
              </div>
              <aside class="related-links">
                <h3>Related stories</h3>
                <ul>
                  <li><a href="/a">NATO chief rejects second-class members</a></li>
                  <li><a href="/b">Kremlin has not commented on US answers</a></li>
                </ul>
              </aside>
            </article>
          </main>
          <div class="newsletter-promo"><p>Sign up to our morning briefing, delivered to your inbox every day, for free, forever.</p></div>
          <footer class="site-footer">
            <p>&copy; 2021 Daily Planet, all rights reserved. Contact us, advertise, careers, terms, privacy.</p>
          </footer>
        </body>
        </html>
        """

    static let articleParagraphs = [
        "Russia on Friday unveiled treaty proposals to drastically limit American and NATO influence in its neighbourhood, and called for talks to start on Saturday.",
        "The documents come against the backdrop of growing tensions around Ukraine, a country bordering Russia, where Americans and Europeans fear an offensive.",
        "White House spokeswoman Jen Psaki said there would be “no discussions on European security without our European allies”, café & détente — included.",
        "It is unusual for diplomats to publish working papers like these, since discretion usually gives negotiators the latitude they need.",
    ]

    @Test func newsPageGivesTheArticleParagraphsOnly() throws {
        let article = try #require(HTMLExtractor.extract(Self.newsPage))
        #expect(article.text == Self.articleParagraphs.joined(separator: "\n\n"))
    }

    @Test func newsPageMetadataComesFromOpenGraph() throws {
        let article = try #require(HTMLExtractor.extract(Self.newsPage))
        #expect(article.title == "Russia sets out its security demands to NATO")
        #expect(article.date == "2021-12-17T09:00:00Z")
        #expect(article.source == "Daily Planet")
        #expect(article.url == "https://planet.example/world/russia-nato-demands")
        #expect(article.item == "")
    }

    @Test func titleElementAloneLosesItsSiteSuffix() throws {
        let html = """
            <html><head><title>Kremlin says it published nothing | Agence Example</title></head>
            <body><p>The Kremlin has not commented on the answers of the United States and NATO, its spokesman said on Wednesday.</p></body></html>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(article.title == "Kremlin says it published nothing")
        #expect(article.source == "Agence Example")
        #expect(article.text.hasPrefix("The Kremlin has not commented"))
        #expect(article.date == nil)
    }

    @Test(arguments: [
        ("Headline of the day - Site", "Headline of the day"),
        ("Headline of the day — Le Site", "Headline of the day"),
        ("Russia - NATO talks begin in Geneva on Monday", "Russia - NATO talks begin in Geneva on Monday"),
        ("Plain headline", "Plain headline"),
    ])
    func titleSuffixIsCutOnlyWhenItLooksLikeASiteName(title: String, expected: String) throws {
        let article = try #require(HTMLExtractor.extract("<title>\(title)</title><p>Body text.</p>"))
        #expect(article.title == expected)
    }

    @Test func malformedHTMLStillGivesItsText() throws {
        let html = """
            <html><head><title>Broken page</title><body>
            <div class="content"><p>First paragraph, with <b>bold text and a stray < sign, still readable.
            <p>Second paragraph &amp more &unknown; text, unclosed <i>italic
            <div><p>Third</span></div></div>
            <p class=oops title="no closing quote>Fourth paragraph.
            <!-- an unclosed comment
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(article.title == "Broken page")
        #expect(article.text.contains("First paragraph, with bold text and a stray < sign, still readable."))
        #expect(article.text.contains("Second paragraph & more &unknown; text, unclosed italic"))
        #expect(!article.text.contains("unclosed comment"))
    }

    @Test func jsonLDGivesDateAndPublisherWhenMetaTagsAreMissing() throws {
        let html = """
            <html><head><title>Story</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},
             {"@type": "NewsArticle", "headline": "Talks open in Geneva", "datePublished": "2022-01-10T08:30:00Z",
              "publisher": {"@type": "Organization", "name": "Wire Service"}}]}
            </script></head>
            <body><article><p>Talks between Russian and American diplomats opened in Geneva on Monday, officials said.</p></article></body></html>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(article.title == "Talks open in Geneva")
        #expect(article.date == "2022-01-10T08:30:00Z")
        #expect(article.source == "Wire Service")
    }

    @Test func timeElementGivesTheDateWhenNothingElseDoes() throws {
        let html = """
            <h1>Kremlin silent</h1><p><time datetime="2022-01-26">26 January</time></p>
            <p>The Kremlin has not commented on the answers, its spokesman said.</p>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(article.title == "Kremlin silent")
        #expect(article.date == "2022-01-26")
    }

    @Test func breaksAndHeadingsKeepParagraphs() throws {
        let html = """
            <article><h1>Title</h1><p>Line one<br>line two<br><br>New paragraph, here.</p>
            <h2>Background</h2><p>More text follows in this paragraph, as usual.</p></article>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(
            article.text
                == "Line one\nline two\n\nNew paragraph, here.\n\nBackground\n\nMore text follows in this paragraph, as usual."
        )
    }

    @Test func unlabelledLinkListsInsideTheArticleArePruned() throws {
        let html = """
            <html><head><title>Geneva talks | Wire</title></head><body>
            <div id="page"><div class="col">
              <h1>Geneva talks</h1>
              <p>Russian and American diplomats met in Geneva on Monday, for talks that lasted seven hours.</p>
              <p>Both sides said the talks were useful, but neither gave ground on NATO's expansion.</p>
              <h3>Read also</h3>
              <ul><li><a href="/1">Kremlin silent on US answers</a></li><li><a href="/2">NATO chief rules out second class</a></li></ul>
              <p><a href="/tags/russia">Russia</a> <a href="/tags/nato">NATO</a></p>
            </div>
            <div class="col2"><ul><li><a href="/x">Most read one</a></li><li><a href="/y">Most read two</a></li></ul></div>
            </div></body></html>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(
            article.text
                == "Russian and American diplomats met in Geneva on Monday, for talks that lasted seven hours.\n\nBoth sides said the talks were useful, but neither gave ground on NATO's expansion."
        )
        #expect(article.title == "Geneva talks")
        #expect(article.source == "Wire")
    }

    @Test(arguments: ["", "   ", "<html></html>", "<script>only()</script>"])
    func pageWithoutWordsGivesNothing(html: String) {
        #expect(HTMLExtractor.extract(html) == nil)
    }

    /// Class names are matched in any case, and names with non-ASCII letters are read too.
    @Test(arguments: ["Social-SHARE-Bar", "ShareBar", "Barre-de-partage-réseaux social", "Ωmega-Sidebar"])
    func furnitureIsFoundByClassInAnyCase(className: String) throws {
        let html = """
            <html><body><article>
            <p>Talks between Russian and American diplomats opened in Geneva on Monday, officials said.</p>
            <div class="\(className)"><p>Share this story with your friends and followers, on every network you use.</p></div>
            </article></body></html>
            """
        let article = try #require(HTMLExtractor.extract(html))
        #expect(article.text.hasPrefix("Talks between Russian and American diplomats"))
        #expect(!article.text.contains("Share this story"))
    }
}

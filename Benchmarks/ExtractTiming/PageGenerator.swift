import Core

/// A small deterministic random number generator (SplitMix64), so the same seed gives the same pages
/// on every machine and every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds news pages the way real sites ship them, around a labelled article.
///
/// A page is what a reader's browser downloads: a `<head>` full of `<meta>`, `<link>`, inline CSS,
/// inline scripts (analytics, a framework's JSON state) and JSON-LD; a header with a logo in inline
/// SVG and a navigation of a hundred links; the article with its byline, picture, share bar, ad slots
/// and inline "read more" boxes; comments; a "most read" sidebar; a footer of link lists; and
/// trailing scripts. Sizes run from 60 to 300 KB, most of it markup, style and script, as on news
/// sites. Titles and dates are stated in the ways sites state them (`og:title`, `<h1>`, `<title>`
/// with a site suffix; `article:published_time`, JSON-LD, `<time>`, or nothing). Every third page is
/// minified onto one line.
struct PageGenerator {
    /// Articles to build pages around, and whose titles fill link lists.
    let examples: [LabeledExample]
    /// Sentences of the articles, for comments and summaries.
    private let sentences: [String]

    init(examples: [LabeledExample]) {
        self.examples = examples
        sentences = examples.flatMap {
            $0.text.split(separator: ".").filter { $0.count > 30 }.map { trimmed($0) + "." }
        }
    }

    private static let sites = [
        ("Daily Planet", "planet.example"), ("The Morning Ledger", "ledger.example"),
        ("Le Courrier du Soir", "courrier.example"), ("Metro Wire", "metrowire.example"),
        ("Coastal Herald", "herald.example"), ("L'Écho de la Vallée", "echo-vallee.example"),
    ]
    private static let sections = [
        "World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture", "Opinion",
        "Climate", "Education", "Travel", "Food", "Style", "Video", "Podcasts", "Local", "Weather",
    ]
    private static let cssProperties = [
        "display:flex", "display:block", "margin:0 auto", "padding:4px 8px", "color:#1a1a1a",
        "font-family:Georgia,serif", "font-size:1.125rem", "line-height:1.5", "border-bottom:1px solid #e0e0e0",
        "background:#fff", "position:relative", "z-index:10", "max-width:1200px", "grid-template-columns:1fr 300px",
        "transition:opacity .2s ease-in-out", "text-decoration:none", "font-weight:700", "overflow:hidden",
    ]

    /// The page for the article at `index`, with a size and a layout drawn from `index`.
    func page(_ index: Int) -> String {
        var random = SplitMix64(seed: 0x6E65_7773 &+ UInt64(index) &* 7919)
        let article = examples[index % examples.count]
        let (site, domain) = Self.sites[Int.random(in: 0..<Self.sites.count, using: &random)]
        let section = Self.sections[Int.random(in: 0..<Self.sections.count, using: &random)]
        let slug = slugged(article.title)
        let url = "https://www.\(domain)/\(section.lowercased())/2024/03/\(slug)"
        // Log-uniform between 60 and 300 KB: many mid-sized pages, a few heavy ones.
        let target = Int(60_000 * pow5(Double.random(in: 0..<1, using: &random)))
        let day = 1 + Int.random(in: 0..<28, using: &random)
        let hour = Int.random(in: 5..<23, using: &random)
        let isoDate = "2024-03-\(twoDigits(day))T\(twoDigits(hour)):15:00+01:00"
        let dateStyle = Int.random(in: 0..<10, using: &random)
        let titleStyle = Int.random(in: 0..<10, using: &random)
        let paragraphs = article.text.split(whereSeparator: \.isNewline).map(trimmed)
            .filter { !$0.isEmpty }

        var head = "<!DOCTYPE html>\n<html lang=\"\(article.language)\" class=\"no-js\">\n<head>\n"
        head += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        head += "<title>\(escaped(article.title)) | \(escaped(site))</title>\n"
        let summary = escaped(String(paragraphs.first?.prefix(160) ?? ""), quotes: true)
        head += "<meta name=\"description\" content=\"\(summary)\">\n"
        head += "<meta name=\"robots\" content=\"index, follow, max-image-preview:large\">\n"
        if titleStyle < 7 {
            head += "<meta property=\"og:title\" content=\"\(escaped(article.title, quotes: true))\">\n"
            head += "<meta name=\"twitter:title\" content=\"\(escaped(article.title, quotes: true))\">\n"
        }
        head += "<meta property=\"og:site_name\" content=\"\(escaped(site, quotes: true))\">\n"
        head += "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:url\" content=\"\(url)\">\n"
        head += "<meta property=\"og:description\" content=\"\(summary)\">\n"
        head += "<meta property=\"og:image\" content=\"https://cdn.\(domain)/img/\(slug)-1200x630.jpg\">\n"
        head += "<meta name=\"twitter:card\" content=\"summary_large_image\">\n"
        if dateStyle < 5 {
            head += "<meta property=\"article:published_time\" content=\"\(isoDate)\">\n"
            head += "<meta property=\"article:modified_time\" content=\"\(isoDate)\">\n"
        }
        head += "<meta property=\"article:section\" content=\"\(section)\">\n"
        for tag in article.title.split(separator: " ").prefix(6) where tag.count > 4 {
            head += "<meta property=\"article:tag\" content=\"\(escaped(String(tag), quotes: true))\">\n"
        }
        head += "<link rel=\"canonical\" href=\"\(url)\">\n"
        for host in ["cdn", "img", "fonts", "ads", "analytics", "static"] {
            head += "<link rel=\"preconnect\" href=\"https://\(host).\(domain)\" crossorigin>\n"
        }
        for n in 0..<8 {
            head += "<link rel=\"preload\" as=\"font\" href=\"/fonts/serif-\(n).woff2\" type=\"font/woff2\">\n"
        }
        for language in ["en", "fr", "de", "es", "it", "pt", "nl", "pl"] {
            head += "<link rel=\"alternate\" hreflang=\"\(language)\" href=\"https://\(language).\(domain)/\(slug)\">\n"
        }
        head += "<link rel=\"stylesheet\" href=\"/assets/main.\(hex(&random)).css\">\n"
        head += "<script type=\"application/ld+json\">\(linkedData(article, site, url, isoDate, dateStyle))</script>\n"

        var body = "<body class=\"article-page section-\(section.lowercased())\">\n"
        body += "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
        body += "<div id=\"cookie-banner\" class=\"cookie-consent\" role=\"dialog\"><p>We and our partners use "
        body += "cookies to store and access information on your device, for personalised ads and content, ad and "
        body += "content measurement, audience insights and product development.</p><button>Accept</button>"
        body += "<button>Manage options</button></div>\n"
        body += "<header class=\"site-header\"><a href=\"/\" class=\"logo\">\(svg(&random, paths: 12))</a>\n"
        body += navigation(&random)
        body += "<form class=\"search\" action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\">"
        body += "<button type=\"submit\">\(svg(&random, paths: 1))</button></form></header>\n"
        body += "<nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/\(section.lowercased())\">"
        body += "\(section)</a></nav>\n<div class=\"layout\">\n<main id=\"main\">\n<article class=\"story\">\n"
        body += "<header class=\"story-header\">"
        if titleStyle < 9 { body += "<h1 class=\"headline\">\(escaped(article.title))</h1>" }
        body += "<div class=\"byline\">By <a href=\"/authors/\(hex(&random))\" rel=\"author\">Staff Reporter</a>"
        if dateStyle >= 5 && dateStyle < 8 {
            body += ", <time datetime=\"\(isoDate)\" class=\"published\">\(day) March 2024</time>"
        }
        body += "</div></header>\n<div class=\"share-bar social\">"
        for network in ["Facebook", "X", "LinkedIn", "WhatsApp", "Email"] {
            body += "<a href=\"https://share.example/\(network.lowercased())?u=\(url)\" aria-label=\"Share on "
            body += "\(network)\">\(svg(&random, paths: 2))</a>"
        }
        body += "</div>\n<figure class=\"lead-image\"><picture>"
        for width in [480, 800, 1200] {
            body += "<source media=\"(max-width: \(width)px)\" srcset=\"https://img.\(domain)/\(slug)-\(width).webp "
            body += "1x, https://img.\(domain)/\(slug)-\(width * 2).webp 2x\">"
        }
        body += "<img src=\"https://img.\(domain)/\(slug).jpg\" alt=\"\(escaped(article.title, quotes: true))\" "
        body += "loading=\"eager\" width=\"1200\" height=\"675\"></picture><figcaption>A view of the scene. "
        body += "Photo: Agency</figcaption></figure>\n<div class=\"article-body\" itemprop=\"articleBody\">\n"
        for (number, paragraph) in paragraphs.enumerated() {
            body += "<p class=\"paragraph dcr-\(hex(&random))\">\(decorated(paragraph, &random, domain: domain))</p>\n"
            if number % 4 == 2 {
                body += "<div class=\"ad-slot ad-inline\" data-slot=\"mpu-\(number)\" aria-hidden=\"true\">"
                body += "<script>googletag.cmd.push(function(){googletag.display('mpu-\(number)')});</script></div>\n"
            }
            if number == 4 {
                body += "<aside class=\"related-inline\"><h3>Read more</h3><ul>\(links(&random, count: 3))</ul>"
                body += "</aside>\n"
            }
        }
        body += "</div>\n<div class=\"tags\"><ul>\(links(&random, count: 6))</ul></div>\n</article>\n"
        body += comments(&random)
        body += "</main>\n<aside class=\"sidebar\"><section class=\"most-read\"><h2>Most read</h2><ol>"
        body += links(&random, count: 10) + "</ol></section><section class=\"newsletter-promo\"><h2>Newsletter"
        body += "</h2><p>The day's news, in your inbox every morning before seven.</p></section></aside>\n</div>\n"
        body += "<footer class=\"site-footer\">"
        for column in 0..<4 {
            body += "<div class=\"footer-column\"><h4>\(Self.sections[column])</h4><ul>\(links(&random, count: 8))"
            body += "</ul></div>"
        }
        body += "<p>&copy; 2024 \(escaped(site)). All rights reserved.</p></footer>\n"
        body += "<!-- rendered by node-\(hex(&random)) in 38ms -->\n"

        // Style and script fill the page up to its size, as they do on news sites.
        let fill = max(target - head.utf8.count - body.utf8.count - 400, 8_000)
        var page = head
        page += "<style>\(stylesheet(&random, bytes: fill * 3 / 10))</style>\n"
        page += "<script>\(script(&random, bytes: fill * 2 / 10))</script>\n"
        page += "</head>\n" + body
        page += "<script id=\"__NEXT_DATA__\" type=\"application/json\">"
        page += appState(article, paragraphs, &random, bytes: fill * 5 / 10) + "</script>\n"
        for n in 0..<6 { page += "<script src=\"/assets/chunk-\(n).\(hex(&random)).js\" defer></script>\n" }
        page += "</body>\n</html>\n"
        // A third of the sites ship their pages minified, on one line.
        return index % 3 == 2 ? page.filter { $0 != "\n" } : page
    }

    // MARK: - Parts

    private func linkedData(
        _ article: LabeledExample, _ site: String, _ url: String, _ date: String, _ dateStyle: Int
    ) -> String {
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"NewsArticle\"",
            "\"headline\":\(jsonString(article.title))", "\"url\":\(jsonString(url))",
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\(jsonString(site))}",
            "\"image\":[\"\(url).jpg\"]", "\"author\":[{\"@type\":\"Person\",\"name\":\"Staff Reporter\"}]",
        ]
        if dateStyle < 7 { fields.append("\"datePublished\":\(jsonString(date))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private func navigation(_ random: inout SplitMix64) -> String {
        var nav = "<nav class=\"main-nav\" aria-label=\"Sections\"><ul>"
        for section in Self.sections {
            nav += "<li class=\"nav-item has-dropdown\"><a href=\"/\(section.lowercased())\">\(section)</a><ul>"
            nav += links(&random, count: 5) + "</ul></li>"
        }
        return nav + "</ul></nav>\n"
    }

    private func comments(_ random: inout SplitMix64) -> String {
        let count = Int.random(in: 0..<25, using: &random)
        var html = "<section class=\"comments\" id=\"comments\"><h2>\(count) comments</h2>"
        for _ in 0..<count {
            html +=
                "<div class=\"comment\" id=\"c\(hex(&random))\"><div class=\"comment-author\">reader\(hex(&random))</div>"
            html += "<p>\(escaped(sentence(&random)))</p><a href=\"#reply\">Reply</a></div>"
        }
        return html + "</section>\n"
    }

    private func links(_ random: inout SplitMix64, count: Int) -> String {
        var html = ""
        for _ in 0..<count {
            let other = examples[Int.random(in: 0..<examples.count, using: &random)]
            // Content systems put classes on nearly every element (`menu-item menu-item-type-post`, `dcr-1x2y3z`).
            html += "<li class=\"list-item menu-item-\(hex(&random))\"><a class=\"link dcr-\(hex(&random))\" "
            html +=
                "href=\"/story/\(slugged(other.title))\"><span class=\"link-text\">\(escaped(other.title))</span></a></li>"
        }
        return html
    }

    /// A paragraph with the inline markup and references article bodies have: links, emphasis, curly quotes.
    private func decorated(_ paragraph: String, _ random: inout SplitMix64, domain: String) -> String {
        var words = paragraph.split(separator: " ").map { escaped(String($0)) }
        guard words.count > 8 else { return words.joined(separator: " ") }
        let link = Int.random(in: 0..<(words.count - 3), using: &random)
        words[link] = "<a href=\"https://www.\(domain)/topic/\(hex(&random))\">" + words[link]
        words[link + 2] += "</a>"
        if Bool.random(using: &random) {
            let strong = Int.random(in: 0..<words.count, using: &random)
            words[strong] = "<strong>\(words[strong])</strong>"
        }
        return words.joined(separator: " ").replacingApostrophes()
    }

    private func stylesheet(_ random: inout SplitMix64, bytes: Int) -> String {
        var css = ":root{--brand:#c00;--text:#1a1a1a}html{box-sizing:border-box}"
        while css.utf8.count < bytes {
            let properties = (0..<Int.random(in: 2..<6, using: &random)).map { _ in
                Self.cssProperties[Int.random(in: 0..<Self.cssProperties.count, using: &random)]
            }
            css += ".c-\(hex(&random))__item>a:hover,.c-\(hex(&random)){\(properties.joined(separator: ";"))}"
            if Int.random(in: 0..<20, using: &random) == 0 { css += "@media (min-width:768px){.g{width:50%}}" }
        }
        return css
    }

    private func script(_ random: inout SplitMix64, bytes: Int) -> String {
        var js = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        while js.utf8.count < bytes {
            let name = hex(&random)
            js += "function f\(name)(a,b){if(a<b&&b>0){return a+b}for(var i=0;i<a.length;i++){b+=a[i]}"
            js += "return document.querySelector('.c-\(name)')||\"</div>\"}"
        }
        return js
    }

    /// A framework's serialised state: the article again as JSON, with related items, as Next.js pages carry it.
    private func appState(
        _ article: LabeledExample, _ paragraphs: [String], _ random: inout SplitMix64, bytes: Int
    ) -> String {
        var json = "{\"props\":{\"pageProps\":{\"article\":{\"headline\":\(jsonString(article.title)),\"blocks\":["
        json += paragraphs.map { "{\"type\":\"paragraph\",\"text\":\(jsonString($0))}" }.joined(separator: ",")
        json += "]},\"related\":["
        var first = true
        while json.utf8.count < bytes {
            let other = examples[Int.random(in: 0..<examples.count, using: &random)]
            json += (first ? "" : ",") + "{\"id\":\"\(hex(&random))\",\"title\":\(jsonString(other.title)),"
            json += "\"summary\":\(jsonString(sentence(&random))),\"image\":{\"w\":800,\"h\":450}}"
            first = false
        }
        return json + "]}}}"
    }

    private func svg(_ random: inout SplitMix64, paths: Int) -> String {
        var svg = "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\">"
        for _ in 0..<paths {
            let points = (0..<12).map { _ in "\(Int.random(in: 0..<240, using: &random) / 10)" }
            svg += "<path d=\"M\(points.joined(separator: " L"))Z\"/>"
        }
        return svg + "</svg>"
    }

    // MARK: - Text helpers

    private func sentence(_ random: inout SplitMix64) -> String {
        sentences[Int.random(in: 0..<sentences.count, using: &random)]
    }

    private func hex(_ random: inout SplitMix64) -> String {
        String(random.next() & 0xFF_FFFF, radix: 16)
    }

    private func slugged(_ title: String) -> String {
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(8)
        return words.joined(separator: "-")
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func pow5(_ exponent: Double) -> Double {
        // 5^x, from 1 to 5, without Foundation's pow.
        var result = 1.0
        var term = 1.0
        let logFive = 1.6094379124341003
        for n in 1..<20 {
            term *= exponent * logFive / Double(n)
            result += term
        }
        return result
    }

    private func escaped(_ text: String, quotes: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00\(scalar.value < 0x10 ? "0" : "")\(String(scalar.value, radix: 16))"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// `text` without white space at either end.
private func trimmed(_ text: Substring) -> String {
    let start = text.drop(while: \.isWhitespace)
    return String(String(start.reversed()).drop(while: \.isWhitespace).reversed())
}

extension String {
    /// Straight apostrophes written as `&rsquo;` and `&#8217;`, as content systems emit them.
    fileprivate func replacingApostrophes() -> String {
        var out = ""
        var count = 0
        for character in self {
            if character == "'" {
                out += count % 2 == 0 ? "&rsquo;" : "&#8217;"
                count += 1
            } else {
                out.append(character)
            }
        }
        return out
    }
}

import Foundation

/// Extracts the article from a web page: its main text without the page furniture, and its metadata.
///
/// The page is parsed by a tolerant tokenizer over its UTF-8 bytes, so broken HTML (unclosed
/// tags, a stray `<`, a truncated file) gives what a browser would show rather than an error.
/// Navigation, headers, footers, forms, share bars, cookie notices and related-link lists are
/// left out; `ContentScorer` picks the main block among what remains.
public enum HTMLExtractor {
    /// Separators between a headline and the site name in a `<title>`, such as "Headline | Site".
    static let titleSeparators = [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / "]

    /// The article in `html`, or nil when the page holds neither a title nor text.
    ///
    /// Title: `og:title`, else the first `<h1>`, else the JSON-LD headline, else `<title>` without
    /// its " | Site" suffix. Date: `article:published_time` and similar `<meta>`, JSON-LD
    /// `datePublished`, then `<time datetime>`. Source: `og:site_name`, JSON-LD publisher name, or
    /// the site named in the `<title>` suffix.
    public static func extract(_ html: String) -> ExtractedArticle? {
        let tree = MarkupTree(html, isHTML: true)
        let metadata = HTMLMetadata(tree: tree)
        let titleParts = metadata.documentTitle.map(splitTitle)
        let source = metadata.siteName ?? metadata.linkedData?.publisherName ?? titleParts?.site
        var title =
            metadata.socialTitle ?? metadata.firstHeading ?? metadata.linkedData?.headline ?? titleParts?.headline ?? ""
        if let source, !source.isEmpty {
            title = removingSiteName(source, from: title)
        }

        var scorer = ContentScorer(tree: tree)
        let roots = scorer.articleNodes()
        scorer.pruneBoilerplate(inside: roots)
        var paragraphs = HTMLText.paragraphs(of: roots, in: tree, excluding: scorer.excluded)
        // The headline often opens the main block; the title carries it already.
        let headings = Set([title, metadata.firstHeading ?? ""].filter { !$0.isEmpty })
        if let first = paragraphs.first, headings.contains(HTMLMetadata.collapsed(first)) {
            paragraphs.removeFirst()
        }
        var text = paragraphs.joined(separator: "\n\n")
        if text.isEmpty, let body = metadata.linkedData?.articleBody {
            text = HTMLText.plainText(fromTextOrHTML: body)
        }
        guard !title.isEmpty || !text.isEmpty else { return nil }
        return ExtractedArticle(
            title: title, text: text, date: metadata.publicationDate, source: source.flatMap { $0.isEmpty ? nil : $0 },
            url: metadata.url ?? metadata.linkedData?.url)
    }

    /// A `<title>` cut at its last separator: "Headline | Site" gives ("Headline", "Site").
    ///
    /// The part after the separator counts as a site name only when it is short; otherwise the whole
    /// title is the headline, as in "Russia - NATO talks begin in Geneva on Monday".
    static func splitTitle(_ title: String) -> (headline: String, site: String?) {
        var best: Range<String.Index>?
        for separator in titleSeparators {
            if let range = title.range(of: separator, options: .backwards),
                range.lowerBound > (best?.lowerBound ?? title.startIndex)
            {
                best = range
            }
        }
        guard let separator = best else { return (title, nil) }
        let headline = HTMLMetadata.collapsed(String(title[..<separator.lowerBound]))
        let site = HTMLMetadata.collapsed(String(title[separator.upperBound...]))
        let siteWords = site.split(separator: " ").count
        guard !headline.isEmpty, !site.isEmpty, siteWords <= 4, siteWords < headline.split(separator: " ").count
        else { return (title, nil) }
        return (headline, site)
    }

    /// `title` without a leading or trailing site name ("Site | Headline", "Headline - Site").
    static func removingSiteName(_ site: String, from title: String) -> String {
        for separator in titleSeparators {
            if title.hasSuffix(separator + site) {
                return String(title.dropLast(separator.count + site.count))
            }
            if title.hasPrefix(site + separator) {
                return String(title.dropFirst(separator.count + site.count))
            }
        }
        return title
    }
}

/// Extracts articles from RSS 2.0 (and RSS 1.0) and Atom feeds: one article per `<item>` or `<entry>`.
///
/// The feed is read with the same tolerant tokenizer as HTML, in XML mode, so a feed with a
/// broken tag or an undeclared entity still yields its items. Descriptions and content hold HTML
/// (escaped, in CDATA, or as XHTML) and are rendered to plain text.
public enum FeedExtractor {
    /// The articles in `xml`, in feed order; empty when it holds no items.
    ///
    /// Title from `title`; date from `pubDate`, `dc:date`, `published` or `updated`; URL from `link`
    /// (Atom: the `href` of the `alternate` link); text from `content:encoded`, `content`,
    /// `description` or `summary`, whichever is longest; key from `guid` or `id`, else the link,
    /// else the position counted from 1. Source: the item's `<source>`, else the feed's title.
    public static func extract(_ xml: String) -> [ExtractedArticle] {
        let tree = MarkupTree(xml, isHTML: false)
        let items = itemNodes(in: tree)
        let feedTitle = tree.nodes.firstIndex { $0.name == "channel" || $0.name == "feed" }
            .flatMap { child(of: $0, in: tree, named: ["title"]) }
            .map { FeedText.title(of: $0, in: tree) }
            .flatMap { $0.isEmpty ? nil : $0 }
        var articles: [ExtractedArticle] = []
        for (position, item) in items.enumerated() {
            let title =
                child(of: item, in: tree, named: ["title", "dc:title"]).map { FeedText.title(of: $0, in: tree) } ?? ""
            let texts = ["content:encoded", "content", "description", "summary", "media:description"]
                .compactMap { child(of: item, in: tree, named: [$0]) }
                .map { FeedText.body(of: $0, in: tree) }
            let text = texts.max { $0.count < $1.count } ?? ""
            guard !title.isEmpty || !text.isEmpty else { continue }
            let url = link(of: item, in: tree)
            let key = child(of: item, in: tree, named: ["guid", "id"]).map { plain(tree.textContent(of: $0)) }
            let date = ["pubdate", "dc:date", "published", "updated", "dc:created", "dcterms:created", "a10:updated"]
                .lazy.compactMap { child(of: item, in: tree, named: [$0]) }
                .compactMap { DateFinder.normalize(tree.textContent(of: $0)) }.first
            let itemSource = child(of: item, in: tree, named: ["source"]).map { plain(tree.textContent(of: $0)) }
            articles.append(
                ExtractedArticle(
                    item: [key, url].compactMap { $0 }.first { !$0.isEmpty } ?? String(position + 1), title: title,
                    text: text, date: date, source: itemSource.flatMap { $0.isEmpty ? nil : $0 } ?? feedTitle,
                    url: url))
        }
        return articles
    }

    /// `<item>` and `<entry>` elements that are not inside another one.
    private static func itemNodes(in tree: MarkupTree) -> [Int] {
        var items: [Int] = []
        var insideUntil = -1
        for (index, node) in tree.nodes.enumerated() where node.name == "item" || node.name == "entry" {
            // Nodes come in document order, so an item nested in the previous one starts before that one ends.
            if node.sourceRange.lowerBound < insideUntil { continue }
            items.append(index)
            insideUntil = node.sourceRange.upperBound
        }
        return items
    }

    /// The first child element of `node` with one of `names`.
    static func child(of node: Int, in tree: MarkupTree, named names: [String]) -> Int? {
        tree.nodes[node].children.first { names.contains(tree.nodes[$0].name) }
    }

    /// RSS `<link>` text, or the Atom `<link>` with `rel="alternate"` (or no `rel`).
    private static func link(of item: Int, in tree: MarkupTree) -> String? {
        let links = tree.nodes[item].children.filter { tree.nodes[$0].name == "link" }
        for link in links {
            let node = tree.nodes[link]
            if let href = node.attribute("href") {
                let rel = node.attribute("rel") ?? "alternate"
                if rel == "alternate" { return plain(href) }
            } else {
                let text = plain(tree.textContent(of: link))
                if !text.isEmpty { return text }
            }
        }
        return links.lazy.compactMap { tree.nodes[$0].attribute("href") }.first.map(plain)
    }

    /// `text` trimmed of white space at both ends.
    static func plain(_ text: String) -> String {
        HTMLMetadata.collapsed(text)
    }
}

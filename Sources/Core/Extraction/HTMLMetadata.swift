import Foundation

/// What a web page says about itself in `<meta>`, `<link>`, `<time>`, `<title>`, `<h1>` and JSON-LD.
struct HTMLMetadata {
    /// `og:title` or `twitter:title`.
    var socialTitle: String?
    /// The first `<h1>`, white space collapsed.
    var firstHeading: String?
    /// The `<title>`, white space collapsed.
    var documentTitle: String?
    /// Date values in order of trust: `article:published_time` and kin, JSON-LD, then `<time>`.
    var dates: [String] = []
    /// `og:site_name`.
    var siteName: String?
    /// `og:url` or the canonical link.
    var url: String?
    /// The article described in JSON-LD, if any.
    var linkedData: LinkedDataArticle?

    /// `<meta>` names and properties that carry the publication date, most trusted first.
    private static let dateKeys = [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
        "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dc.date", "dcterms.date",
        "dcterms.created", "date", "parsely-pub-date", "sailthru.date", "article.published", "published_time",
    ]

    /// Reads the metadata of the page in `tree`.
    init(tree: MarkupTree) {
        var metas: [String: String] = [:]
        var timeValues: [(value: String, isPublication: Bool)] = []
        var canonical: String?
        for (index, node) in tree.nodes.enumerated() where !node.isText {
            switch node.name {
            case "meta":
                guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")),
                    let content = node.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines),
                    !content.isEmpty
                else { continue }
                let lowered = key.lowercased()
                if metas[lowered] == nil { metas[lowered] = content }
            case "link" where node.attribute("rel")?.lowercased() == "canonical":
                canonical = canonical ?? node.attribute("href")
            case "time":
                guard let value = node.attribute("datetime") else { continue }
                let names = ClassWeight.names(of: node) + " " + (node.attribute("itemprop") ?? "").lowercased()
                timeValues.append((value, node.attribute("pubdate") != nil || names.contains("publish")))
            case "h1" where firstHeading == nil:
                firstHeading = Self.collapsed(tree.textContent(of: index))
            case "title" where documentTitle == nil:
                documentTitle = Self.collapsed(tree.textContent(of: index))
            case "script" where (node.attribute("type") ?? "").lowercased().contains("ld+json"):
                if linkedData == nil { linkedData = LinkedDataArticle(json: tree.textContent(of: index)) }
            default:
                if node.attribute("itemprop")?.lowercased() == "datepublished",
                    let date = node.attribute("datetime") ?? node.attribute("content")
                {
                    metas["datepublished"] = metas["datepublished"] ?? date
                }
            }
        }
        socialTitle = (metas["og:title"] ?? metas["twitter:title"]).map(Self.collapsed)
        siteName = metas["og:site_name"].map(Self.collapsed)
        url = metas["og:url"] ?? canonical
        dates = Self.dateKeys.compactMap { metas[$0] }
        dates += linkedData?.datePublished.map { [$0] } ?? []
        dates += timeValues.filter(\.isPublication).map(\.value) + timeValues.filter { !$0.isPublication }.map(\.value)
        if firstHeading?.isEmpty == true { firstHeading = nil }
        if documentTitle?.isEmpty == true { documentTitle = nil }
    }

    /// The first date value that parses, as ISO 8601.
    var publicationDate: String? {
        dates.lazy.compactMap(DateFinder.normalize).first
    }

    /// `text` with runs of white space made one space and no space at either end.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The fields of a schema.org `NewsArticle` (or `Article`, `BlogPosting`…) in a page's JSON-LD.
struct LinkedDataArticle {
    /// `headline`.
    var headline: String?
    /// `datePublished`, as written.
    var datePublished: String?
    /// `publisher.name`.
    var publisherName: String?
    /// `url`.
    var url: String?
    /// `articleBody`, which some pages fill with the whole text.
    var articleBody: String?

    /// The first object in `json` that has a headline or a publication date; nil when none does or the JSON is broken.
    init?(json: String) {
        guard let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let object = Self.articleObject(in: value, depth: 0)
        else { return nil }
        headline = object["headline"] as? String
        datePublished = object["datePublished"] as? String ?? object["dateCreated"] as? String
        url = object["url"] as? String
        articleBody = object["articleBody"] as? String
        let publisher = object["publisher"].flatMap { ($0 as? [Any])?.first ?? $0 }
        publisherName = (publisher as? [String: Any])?["name"] as? String ?? publisher as? String
    }

    private static func articleObject(in value: Any, depth: Int) -> [String: Any]? {
        guard depth < 6 else { return nil }
        if let object = value as? [String: Any] {
            if object["headline"] is String || object["datePublished"] is String { return object }
            if let graph = object["@graph"] { return articleObject(in: graph, depth: depth + 1) }
            return nil
        }
        if let array = value as? [Any] {
            for element in array {
                if let found = articleObject(in: element, depth: depth + 1) { return found }
            }
        }
        return nil
    }
}

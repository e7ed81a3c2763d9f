import Foundation

/// Extracts articles from JSON: one object, an array of objects, or NDJSON (one object per line).
///
/// News APIs name their fields differently, so each field is looked up under the names they use
/// (`title`/`headline`, `body`/`content`/`description`…). Articles nested in a wrapper object under
/// `articles`, `items`, `data`, `results` (and a few more) are found too, and HTML inside text
/// fields is rendered to plain text.
public enum JSONArticleExtractor {
    /// Keys of arrays that hold the articles of a wrapper object, such as NewsAPI's `articles`.
    static let containerKeys = [
        "articles", "items", "data", "results", "entries", "posts", "stories", "news", "docs", "hits",
    ]
    /// How deep wrappers may nest before the search gives up.
    static let maximumDepth = 8

    /// The articles in `text`; `lineDelimited` reads one JSON value per line (NDJSON).
    ///
    /// A file that is not valid JSON as a whole is read line by line, and lines that do not parse
    /// are skipped. Items without a title and text are skipped. `item` is empty when the file is one
    /// article object, otherwise the item's `guid`, `id` or URL, else its position counted from 1.
    public static func extract(_ text: String, lineDelimited: Bool) -> [ExtractedArticle] {
        var objects: [(object: [String: Any], source: String?)] = []
        var isSingleArticle = false
        if !lineDelimited, let value = parse(Data(text.utf8)) {
            isSingleArticle = value is [String: Any] && !isContainer(value)
            collect(value, source: nil, depth: 0, into: &objects)
        } else {
            // Split on bytes: walking a large file by Characters costs more than parsing it.
            for line in text.utf8.split(separator: 0x0A) {
                if let value = parse(Data(line)) { collect(value, source: nil, depth: 0, into: &objects) }
            }
        }
        var articles: [ExtractedArticle] = []
        for (position, entry) in objects.enumerated() {
            guard var article = JSONFields.article(from: entry.object, defaultSource: entry.source) else { continue }
            if !isSingleArticle {
                article.item = JSONFields.key(of: entry.object) ?? article.url ?? String(position + 1)
            }
            articles.append(article)
        }
        return articles
    }

    private static func parse(_ data: Data) -> Any? {
        try? JSONSerialization.jsonObject(with: data, options: [])
    }

    /// Whether `value` is a wrapper whose articles sit in one of `containerKeys`.
    private static func isContainer(_ value: Any) -> Bool {
        guard let object = value as? [String: Any] else { return false }
        return containerKeys.contains { key in
            // An array of strings (tags, image URLs) is part of an article, not a list of articles.
            (object[key] as? [Any])?.contains { $0 is [String: Any] } == true
                || (object[key] as? [String: Any]).map(isContainer) == true
        }
    }

    /// Gathers article objects from `value`: arrays are walked, wrappers opened, anything else is an article candidate.
    private static func collect(
        _ value: Any, source: String?, depth: Int, into objects: inout [(object: [String: Any], source: String?)]
    ) {
        guard depth < maximumDepth else { return }
        if let array = value as? [Any] {
            for element in array { collect(element, source: source, depth: depth + 1, into: &objects) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        guard isContainer(object) else {
            objects.append((object, source))
            return
        }
        // A wrapper may name the source of all its items: NewsAPI-like `source`, or a JSON Feed's `title`.
        let isJSONFeed = (object["version"] as? String)?.contains("jsonfeed") == true
        let wrapperSource = JSONFields.source(in: object) ?? (isJSONFeed ? object["title"] as? String : nil) ?? source
        for key in containerKeys {
            if let inner = object[key] { collect(inner, source: wrapperSource, depth: depth + 1, into: &objects) }
        }
    }
}

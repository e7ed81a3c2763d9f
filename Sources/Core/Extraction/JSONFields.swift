import Foundation

/// Reads the fields of one article object under the names news APIs give them.
enum JSONFields {
    /// Field names for the headline.
    static let titleKeys = ["title", "headline", "webTitle", "name"]
    /// Field names for the body, full-text fields first.
    ///
    /// The longest non-empty one wins, since APIs often truncate `content` and `description`.
    static let textKeys = [
        "text", "body", "content", "articleBody", "content_html", "content_text", "bodyText", "full_text",
        "description", "summary", "excerpt", "abstract", "lead",
    ]
    /// Field names for the publication date, most specific first.
    static let dateKeys = [
        "date", "published", "publishedAt", "published_at", "pubDate", "datePublished", "date_published",
        "publicationDate", "publication_date", "webPublicationDate", "created_at", "createdAt", "created", "time",
        "timestamp", "updated", "updated_at", "date_modified",
    ]
    /// Field names for the article's address.
    static let urlKeys = ["url", "link", "webUrl", "permalink", "href", "canonical_url"]
    /// Field names for the site or agency.
    static let sourceKeys = ["source", "source_name", "sourceName", "publisher", "site", "site_name", "provider"]
    /// Field names for a stable item key.
    static let idKeys = ["guid", "id", "_id", "uuid", "uri"]

    /// The article in `object`, or nil when it has neither a title nor text.
    static func article(from object: [String: Any], defaultSource: String?) -> ExtractedArticle? {
        let title = titleKeys.lazy.compactMap { string(object[$0]) }.map(plainTitle).first { !$0.isEmpty } ?? ""
        let texts = textKeys.compactMap { string(object[$0]) }.map(HTMLText.plainText(fromTextOrHTML:))
        let text = texts.max { $0.count < $1.count } ?? ""
        guard !title.isEmpty || !text.isEmpty else { return nil }
        return ExtractedArticle(
            title: title, text: text, date: date(in: object), source: source(in: object) ?? defaultSource,
            url: urlKeys.lazy.compactMap { string(object[$0]) }.first)
    }

    /// The item key: `guid`, `id` (also a number) or `uri`.
    static func key(of object: [String: Any]) -> String? {
        for key in idKeys {
            if let value = string(object[key]) { return value }
            if let number = object[key] as? NSNumber { return number.stringValue }
        }
        return nil
    }

    /// The source: a string, or an object with a `name` or `title` (NewsAPI's `{"id": …, "name": …}`).
    static func source(in object: [String: Any]) -> String? {
        for key in sourceKeys {
            if let value = string(object[key]) { return value }
            if let nested = object[key] as? [String: Any],
                let name = string(nested["name"]) ?? string(nested["title"])
            {
                return name
            }
        }
        return nil
    }

    /// The first date field that normalises; numbers are Unix timestamps in seconds or milliseconds.
    static func date(in object: [String: Any]) -> String? {
        for key in dateKeys {
            if let value = string(object[key]), let date = DateFinder.normalize(value) { return date }
            if let number = object[key] as? NSNumber, !(object[key] is Bool) {
                let seconds = number.doubleValue > 100_000_000_000 ? number.doubleValue / 1000 : number.doubleValue
                guard seconds.isFinite, abs(seconds) < 10_000_000_000 else { continue }
                return DateFinder.isoString(seconds: Int(seconds))
            }
        }
        return nil
    }

    /// A non-empty string in `value`: a JSON string, or the text of a WordPress-style
    /// `{"rendered": …}` object, a `{"href": …}` link or an array's first string.
    static func string(_ value: Any?) -> String? {
        if let string = value as? String {
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let object = value as? [String: Any] {
            return ["rendered", "value", "text", "html", "href"].lazy.compactMap { string(object[$0]) }.first
        }
        if let array = value as? [Any], let first = array.first, !(first is [Any]) {
            return string(first)
        }
        return nil
    }

    /// A title without markup or character references, on one line.
    static func plainTitle(_ value: String) -> String {
        HTMLMetadata.collapsed(HTMLText.plainText(fromTextOrHTML: value))
    }
}

/// The formats Newsdrop reads.
///
/// The raw value is the name shown in `classify --json` output and kept in the store.
public enum ArticleFormat: String, Sendable, CaseIterable {
    /// Plain text: the headline is the first meaningful line.
    case text
    /// A web page; the main block is picked from the boilerplate around it.
    case html
    /// One JSON object or an array of them, possibly under `articles`, `items`, `data` or `results`.
    case json
    /// One JSON object per line (also called JSON Lines).
    case ndjson
    /// An RSS 2.0 (or RSS 1.0 / RDF) feed: one article per `<item>`.
    case rss
    /// An Atom feed: one article per `<entry>`.
    case atom
}

/// Reads the text of a feed element, whose HTML may be escaped, in CDATA, or inline XHTML.
enum FeedText {
    /// A title as plain text on one line: titles often carry escaped HTML such as `&amp;#8217;`.
    static func title(of element: Int, in tree: MarkupTree) -> String {
        let raw = markup(of: element, in: tree)
        let text = tree.nodes[element].attribute("type") == "text" ? raw : HTMLText.plainText(fromTextOrHTML: raw)
        return HTMLMetadata.collapsed(text)
    }

    /// A description or content as plain text paragraphs.
    ///
    /// Atom's `type="text"` is plain text; anything else is HTML (RSS descriptions, `type="html"`,
    /// and `type="xhtml"` whose markup sits inline).
    static func body(of element: Int, in tree: MarkupTree) -> String {
        let raw = markup(of: element, in: tree)
        if tree.nodes[element].attribute("type") == "text" { return HTMLText.normalizedParagraphs(raw) }
        return HTMLText.plainText(fromFragment: raw)
    }

    /// The element's content as HTML source: escaped text decoded once, CDATA as is, inline
    /// elements copied from the source.
    static func markup(of element: Int, in tree: MarkupTree) -> String {
        var out = ""
        for child in tree.nodes[element].children {
            let node = tree.nodes[child]
            if node.isText {
                out += node.text
            } else {
                out += String(decoding: tree.bytes[node.sourceRange], as: UTF8.self)
            }
        }
        return out
    }
}

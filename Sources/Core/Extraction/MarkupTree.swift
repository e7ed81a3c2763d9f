/// One element or text run of a `MarkupTree`.
struct MarkupNode {
    /// The element's lower-cased name, such as `p` or `content:encoded`; empty for text.
    var name: String
    /// The element's attributes.
    var attributes: [MarkupAttribute] = []
    /// For text: the decoded characters, white space as written.
    var text: String = ""
    /// For text: whether it came from a CDATA section or a raw-text element.
    var isRawText = false
    /// The parent's index; -1 for the root.
    var parent: Int
    /// Indices of the children, in document order.
    var children: [Int] = []
    /// Source bytes from the start tag to the end tag (or to the last descendant when unclosed).
    var sourceRange: Range<Int>
    /// Source bytes between the start tag and the end tag.
    var innerRange: Range<Int>

    /// Whether the node is text rather than an element.
    var isText: Bool { name.isEmpty }

    /// The value of the attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// A tolerant document tree built from `MarkupTokenizer` tokens, stored as an array of nodes.
///
/// Parents always come before their children in `nodes`, so a reverse walk visits children first.
/// HTML mode knows void elements and closes a paragraph or list item the way browsers do; XML mode
/// only follows the tags. End tags with no open element are ignored.
struct MarkupTree {
    /// All nodes; index 0 is a synthetic root element named `#root`.
    private(set) var nodes: [MarkupNode]
    /// The source bytes.
    let bytes: [UInt8]

    /// Nesting beyond this is flattened, so that walks over pathological input stay shallow.
    static let maximumDepth = 200

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen",
    ]
    /// Elements whose start tag closes an open `<p>`.
    private static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    ]
    /// In feeds, an item starts after the previous one ends even when its end tag is missing.
    private static let feedClosers: [String: (closes: Set<String>, scope: Set<String>)] = [
        "item": (["item"], ["channel", "rdf:rdf", "rss"]),
        "entry": (["entry"], ["feed"]),
    ]
    /// Elements that belong in `<head>`.
    private static let headElements: Set<String> = [
        "meta", "link", "title", "script", "style", "base", "noscript", "template", "head",
    ]
    /// For elements that close an open one of a kind, the kinds they close and the boundary of the search.
    private static let implicitClosers: [String: (closes: Set<String>, scope: Set<String>)] = [
        "li": (["li"], ["ul", "ol", "menu"]),
        "dt": (["dt", "dd"], ["dl"]),
        "dd": (["dt", "dd"], ["dl"]),
        "tr": (["tr", "td", "th"], ["table", "tbody", "thead", "tfoot"]),
        "td": (["td", "th"], ["tr", "table"]),
        "th": (["td", "th"], ["tr", "table"]),
        "option": (["option"], ["select", "datalist"]),
    ]

    /// Parses `text` as HTML (`isHTML`) or XML.
    init(_ text: String, isHTML: Bool) {
        bytes = Array(text.utf8)
        let all = 0..<bytes.count
        nodes = [MarkupNode(name: "#root", parent: -1, sourceRange: all, innerRange: all)]
        // Pages run at about one node per 25 bytes; reserving avoids copying the array as it grows.
        nodes.reserveCapacity(bytes.count / 25 + 16)
        var stack = [0]
        var tokenizer = MarkupTokenizer(bytes: bytes, isHTML: isHTML)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                appendText(MarkupEntities.decode(bytes[range]), isRaw: false, to: stack.last ?? 0, range: range)
            case .rawText(let range):
                // Inside `<title>` or `<textarea>` references are still decoded (HTML calls it RCDATA).
                let parentName = nodes[stack.last ?? 0].name
                let isRCDATA = isHTML && (parentName == "title" || parentName == "textarea")
                let text =
                    isRCDATA ? MarkupEntities.decode(bytes[range]) : String(decoding: bytes[range], as: UTF8.self)
                appendText(text, isRaw: !isRCDATA, to: stack.last ?? 0, range: range)
            case .startTag(let name, let attributes, let isSelfClosing, let range):
                if isHTML {
                    closeImplicitly(before: name, stack: &stack)
                } else if let rule = Self.feedClosers[name] {
                    close(before: rule, stack: &stack)
                }
                let parent = stack.last ?? 0
                let index = nodes.count
                nodes.append(
                    MarkupNode(
                        name: name, attributes: attributes, parent: parent, sourceRange: range,
                        innerRange: range.upperBound..<range.upperBound))
                nodes[parent].children.append(index)
                let isVoid = isSelfClosing || (isHTML && Self.voidElements.contains(name))
                if !isVoid && stack.count < Self.maximumDepth { stack.append(index) }
            case .endTag(let name, let range):
                guard let depth = stack.lastIndex(where: { nodes[$0].name == name }), depth > 0 else { continue }
                while stack.count > depth {
                    let closing = stack.removeLast()
                    let start = nodes[closing].sourceRange.lowerBound
                    let isTarget = stack.count == depth
                    nodes[closing].sourceRange = start..<(isTarget ? range.upperBound : range.lowerBound)
                    nodes[closing].innerRange = nodes[closing].innerRange.lowerBound..<range.lowerBound
                }
            }
        }
        // Elements left open run to the end of the input.
        for open in stack.dropFirst() {
            nodes[open].sourceRange = nodes[open].sourceRange.lowerBound..<bytes.count
            nodes[open].innerRange = nodes[open].innerRange.lowerBound..<bytes.count
        }
    }

    private mutating func appendText(_ text: String, isRaw: Bool, to parent: Int, range: Range<Int>) {
        // A stray `<` splits text in two tokens; joining them keeps words whole.
        if let last = nodes[parent].children.last, nodes[last].isText, nodes[last].isRawText == isRaw,
            nodes[last].sourceRange.upperBound == range.lowerBound
        {
            nodes[last].text += text
            nodes[last].sourceRange = nodes[last].sourceRange.lowerBound..<range.upperBound
            return
        }
        nodes[parent].children.append(nodes.count)
        nodes.append(
            MarkupNode(name: "", text: text, isRawText: isRaw, parent: parent, sourceRange: range, innerRange: range))
    }

    /// Closes what the start tag of `name` closes implicitly in HTML: an open `<p>`, a previous `<li>`…
    private mutating func closeImplicitly(before name: String, stack: inout [Int]) {
        // Anything but metadata ends an unclosed `<head>`; otherwise the page would be invisible.
        // `<head>` sits right under the root or `<html>`, so only the bottom of the stack is searched.
        if !Self.headElements.contains(name), let head = stack.prefix(3).lastIndex(where: { nodes[$0].name == "head" }),
            head > 0
        {
            while stack.count > head { close(stack.removeLast(), at: nil) }
        }
        if Self.closesParagraph.contains(name), let top = stack.last, top != 0, nodes[top].name == "p" {
            close(stack.removeLast(), at: nodes[top].sourceRange.upperBound)
        }
        guard let rule = Self.implicitClosers[name] else { return }
        close(before: rule, stack: &stack)
    }

    /// Closes the innermost open element of a kind in `rule.closes`, unless an element of `rule.scope` comes first.
    private mutating func close(before rule: (closes: Set<String>, scope: Set<String>), stack: inout [Int]) {
        for depth in stack.indices.reversed() where depth > 0 {
            let open = nodes[stack[depth]].name
            if rule.scope.contains(open) { return }
            if rule.closes.contains(open) {
                while stack.count > depth { close(stack.removeLast(), at: nil) }
                return
            }
        }
    }

    private mutating func close(_ index: Int, at end: Int?) {
        let last = lastDescendantEnd(of: index)
        let upper = end.map { max($0, last) } ?? last
        nodes[index].sourceRange = nodes[index].sourceRange.lowerBound..<upper
        nodes[index].innerRange = nodes[index].innerRange.lowerBound..<max(upper, nodes[index].innerRange.lowerBound)
    }

    private func lastDescendantEnd(of index: Int) -> Int {
        var current = index
        while let last = nodes[current].children.last { current = last }
        return nodes[current].sourceRange.upperBound
    }

    /// The source text between `node`'s tags, as written.
    func innerSource(of node: Int) -> String {
        String(decoding: bytes[nodes[node].innerRange], as: UTF8.self)
    }

    /// The text of `node` and its descendants, joined without any separators.
    func textContent(of node: Int) -> String {
        if nodes[node].isText { return nodes[node].text }
        var out = ""
        var pending = nodes[node].children.reversed() as [Int]
        while let next = pending.popLast() {
            if nodes[next].isText { out += nodes[next].text } else { pending += nodes[next].children.reversed() }
        }
        return out
    }

    /// Indices of the descendants of `node` named `name`, in document order.
    func descendants(of node: Int, named name: String) -> [Int] {
        var found: [Int] = []
        var pending = nodes[node].children.reversed() as [Int]
        while let next = pending.popLast() {
            if nodes[next].name == name { found.append(next) }
            pending += nodes[next].children.reversed()
        }
        return found
    }
}

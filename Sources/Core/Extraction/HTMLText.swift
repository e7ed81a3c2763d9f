/// Turns HTML elements into plain text: white space collapsed, one paragraph per block element.
///
/// Paragraphs are separated by a blank line; a single `<br>` keeps a line break inside a paragraph
/// and two in a row start a new paragraph, as pages that lay text out with `<br><br>` expect.
enum HTMLText {
    /// Elements that start and end a paragraph.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]
    /// Elements whose content is never text a reader sees.
    static let invisibleElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed",
        "canvas", "button", "select", "input", "textarea", "audio", "video", "map",
    ]
    /// Page furniture that is never part of an article, wherever it appears.
    static let boilerplateElements: Set<String> = ["nav", "aside", "footer", "form", "header", "menu", "dialog"]

    /// The text of an HTML fragment, such as a feed item's description or a JSON `body` field.
    static func plainText(fromFragment html: String) -> String {
        let tree = MarkupTree(html, isHTML: true)
        var excluded = [Bool](repeating: false, count: tree.nodes.count)
        for (index, node) in tree.nodes.enumerated()
        where boilerplateElements.contains(node.name) || (!node.isText && ClassWeight.isBoilerplate(node)) {
            excluded[index] = true
        }
        return text(of: [0], in: tree, excluding: excluded)
    }

    /// Whether `text` holds markup, such as `<p>` or `</a>`, rather than plain text with a stray `<`.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(4096))
        guard let lastClose = bytes.lastIndex(of: UInt8(ascii: ">")) else { return false }
        for open in bytes.indices where open < lastClose && bytes[open] == UInt8(ascii: "<") {
            let next = bytes[open + 1]
            if MarkupTokenizer.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return true }
        }
        return false
    }

    /// The text of plain text or HTML: markup is rendered, plain text keeps its lines and has its
    /// character references decoded (APIs often escape `&` in plain fields too).
    static func plainText(fromTextOrHTML value: String) -> String {
        if looksLikeHTML(value) { return plainText(fromFragment: value) }
        return normalizedParagraphs(MarkupEntities.decode(value))
    }

    /// Plain text with line ends unified, lines trimmed and runs of blank lines made one.
    static func normalizedParagraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in TextLines.split(text) {
            let trimmed = line.trimmingWhiteSpace()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// The text of the subtrees at `roots`, skipping nodes marked in `excluded` and invisible elements.
    static func text(of roots: [Int], in tree: MarkupTree, excluding excluded: [Bool]) -> String {
        paragraphs(of: roots, in: tree, excluding: excluded).joined(separator: "\n\n")
    }

    /// The paragraphs of the subtrees at `roots`, skipping nodes marked in `excluded` and invisible elements.
    static func paragraphs(of roots: [Int], in tree: MarkupTree, excluding excluded: [Bool]) -> [String] {
        var writer = ParagraphWriter()
        // Events: a node to enter, or (as a negative index minus one) a block element to leave.
        var pending: [Int] = roots.reversed()
        while let event = pending.popLast() {
            if event < 0 {
                let index = -event - 1
                if tree.nodes[index].name == "pre" { writer.preformattedDepth -= 1 }
                writer.breakParagraph()
                continue
            }
            if excluded[event] { continue }
            // Properties are read in place: copying a node would retain its arrays and strings.
            let name = tree.nodes[event].name
            if name.isEmpty {
                writer.append(tree.nodes[event].text)
                continue
            }
            if invisibleElements.contains(name) { continue }
            if name == "br" {
                writer.lineBreak()
                continue
            }
            if blockElements.contains(name) {
                writer.breakParagraph()
                if name == "pre" { writer.preformattedDepth += 1 }
                pending.append(-event - 1)
            } else if name == "td" || name == "th" || name == "img" {
                writer.append(" ")
            }
            pending.append(contentsOf: tree.nodes[event].children.reversed())
        }
        writer.breakParagraph()
        return writer.paragraphs
    }
}

/// Accumulates paragraphs of text with HTML's white-space collapsing, over UTF-8 bytes.
struct ParagraphWriter {
    /// The finished paragraphs, trimmed and non-empty.
    private(set) var paragraphs: [String] = []
    /// Inside `<pre>` white space is kept as written.
    var preformattedDepth = 0
    private var current: [UInt8] = []
    private var hasPendingSpace = false

    /// Appends text, collapsing runs of ASCII white space to one space outside `<pre>`.
    mutating func append(_ text: String) {
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if preformattedDepth > 0 {
                current.append(byte == 0x0D ? 0x0A : byte)
            } else if isSpace {
                hasPendingSpace = true
            } else {
                if hasPendingSpace, let last = current.last, last != 0x0A { current.append(0x20) }
                hasPendingSpace = false
                current.append(byte)
            }
        }
    }

    /// A `<br>`: a line break, or a new paragraph when the line is already empty.
    mutating func lineBreak() {
        hasPendingSpace = false
        if current.last == 0x0A {
            breakParagraph()
        } else if !current.isEmpty {
            current.append(0x0A)
        }
    }

    /// Ends the current paragraph, keeping it if it holds anything but white space.
    mutating func breakParagraph() {
        hasPendingSpace = false
        guard !current.isEmpty else { return }
        let lines = current.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            .map { Substring($0).trimmingWhiteSpace() }
            .filter { !$0.isEmpty }
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
        current.removeAll(keepingCapacity: true)
    }
}

/// Picks the main block of a web page, readability-style, and prunes what is left of the boilerplate in it.
///
/// Paragraphs of at least 25 characters give points to their parent and more distant ancestors:
/// one point, one per comma and one per 100 characters (up to three). An ancestor's total is then
/// weighted by its tag (`<article>` and `<main>` are preferred) and class or id (`content` gains,
/// `sidebar` or `share` loses) and cut by its link density. The best block and those siblings
/// that score close to it, or are plain paragraphs themselves, form the article.
struct ContentScorer {
    /// Text measures of one node and its descendants, over nodes that are not excluded.
    struct Stats {
        /// Characters of text, counting a run of white space as one.
        var textLength = 0
        /// Characters of text inside links.
        var linkLength = 0
        /// Commas, which sentences have and menus do not.
        var commas = 0
        /// `<p>` elements.
        var paragraphs = 0
        /// `<li>` elements.
        var listItems = 0
        /// Whether an `<article>` or `<main>` element is among the descendants.
        var holdsArticle = false
        /// Whether a block element is among the children.
        var hasBlockChild = false

        /// The share of the text that is link text, from 0 to 1.
        var linkDensity: Double { textLength == 0 ? 0 : Double(linkLength) / Double(textLength) }
    }

    /// The page.
    let tree: MarkupTree
    /// Nodes left out of the article, inherited by descendants.
    var excluded: [Bool]
    /// Measures of every node, kept up to date with `excluded`.
    private(set) var stats: [Stats] = []
    /// Measures of each text node on its own, taken once since stats are summed twice.
    private var textMeasures: [Stats] = []

    /// Starts from `tree` with invisible elements, boilerplate and hidden nodes left out.
    init(tree: MarkupTree) {
        self.tree = tree
        excluded = tree.nodes.map { node in
            HTMLText.invisibleElements.contains(node.name) || ContentScorer.isHidden(node)
        }
        textMeasures = tree.nodes.map { node in
            var measures = Stats()
            if node.isText && (!node.isRawText || tree.nodes[node.parent].name == "pre") {
                Self.measure(node.text, into: &measures)
            }
            return measures
        }
        propagateExclusion()
        computeStats()
        excludeBoilerplate()
        propagateExclusion()
        computeStats()
    }

    /// Nodes are stored parents first, so one forward pass hands exclusion down to descendants.
    private mutating func propagateExclusion() {
        for index in tree.nodes.indices.dropFirst() where !excluded[index] {
            excluded[index] = excluded[tree.nodes[index].parent]
        }
    }

    /// Children come after their parents, so one reverse pass sums every subtree.
    private mutating func computeStats() {
        stats = [Stats](repeating: Stats(), count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() where !excluded[index] {
            // Properties are read in place: copying a node would retain its arrays and strings.
            let name = tree.nodes[index].name
            if name.isEmpty {
                stats[index] = textMeasures[index]
            } else {
                switch name {
                case "a": stats[index].linkLength = stats[index].textLength
                case "p": stats[index].paragraphs += 1
                case "li": stats[index].listItems += 1
                case "article", "main": stats[index].holdsArticle = true
                default: break
                }
            }
            guard index > 0 else { continue }
            let parent = tree.nodes[index].parent
            let child = stats[index]
            stats[parent].textLength += child.textLength
            stats[parent].linkLength += child.linkLength
            stats[parent].commas += child.commas
            stats[parent].paragraphs += child.paragraphs
            stats[parent].listItems += child.listItems
            stats[parent].holdsArticle = stats[parent].holdsArticle || child.holdsArticle
            if !stats[parent].hasBlockChild, HTMLText.blockElements.contains(name) {
                stats[parent].hasBlockChild = true
            }
        }
    }

    /// Counts characters and commas over UTF-8 bytes: Unicode property look-ups per scalar cost
    /// more than the rest of the extraction, and only ASCII white space collapses in HTML anyway.
    private static func measure(_ text: String, into stats: inout Stats) {
        var wasSpace = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            defer { previous = (previous.1, byte) }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            // Continuation bytes (10xxxxxx) belong to the character already counted.
            if byte & 0xC0 != 0x80, !isSpace || !wasSpace { stats.textLength += 1 }
            wasSpace = isSpace
            // ASCII comma, full-width comma (EF BC 8C) and ideographic comma (E3 80 81).
            if byte == 0x2C || (previous == (0xEF, 0xBC) && byte == 0x8C) || (previous == (0xE3, 0x80) && byte == 0x81)
            {
                stats.commas += 1
            }
        }
    }

    private static func isHidden(_ node: MarkupNode) -> Bool {
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        guard let style = node.attribute("style")?.lowercased() else { return false }
        let compact = style.filter { $0 != " " }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// Leaves out page furniture by tag, ARIA role and class or id, unless it holds the article.
    private mutating func excludeBoilerplate() {
        let total = max(stats[0].textLength, 1)
        for (index, node) in tree.nodes.enumerated() where !node.isText && !excluded[index] && index > 0 {
            guard ["html", "body", "article", "main"].contains(node.name) == false else { continue }
            let isFurniture =
                HTMLText.boilerplateElements.contains(node.name)
                || Self.boilerplateRoles.contains(node.attribute("role") ?? "")
                || ClassWeight.isBoilerplate(node)
            guard isFurniture else { continue }
            // A wrapper named badly (an ASP.NET page-wide `<form>`, `<div class="has-sidebar">`) holds
            // the article: it stays, and the scoring sorts out its parts.
            let share = Double(stats[index].textLength) / Double(total)
            if stats[index].holdsArticle || share > 0.6 { continue }
            excluded[index] = true
        }
    }

    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    ]
}

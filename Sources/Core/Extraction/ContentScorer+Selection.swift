extension ContentScorer {
    /// The nodes that make up the article, in document order: the best block and its worthy siblings.
    ///
    /// Falls back to the whole document when no paragraph scores.
    func articleNodes() -> [Int] {
        let scores = candidateScores()
        guard let (top, topScore) = scores.max(by: { $0.value < $1.value }) else { return [0] }
        let parent = tree.nodes[top].parent
        guard parent >= 0, !["#root", "html"].contains(tree.nodes[top].name) else { return [top] }
        let threshold = max(10, topScore * 0.2)
        return tree.nodes[parent].children.filter { sibling in
            if sibling == top { return true }
            guard !excluded[sibling], !tree.nodes[sibling].isText else { return false }
            if let score = scores[sibling], score >= threshold { return true }
            guard tree.nodes[sibling].name == "p" else { return false }
            let measures = stats[sibling]
            if measures.textLength > 80 { return measures.linkDensity < 0.25 }
            let text = tree.textContent(of: sibling)
            return measures.textLength > 0 && measures.linkDensity == 0 && text.contains(". ")
        }
    }

    /// Each candidate block's score, already cut by its link density.
    func candidateScores() -> [Int: Double] {
        var scores: [Int: Double] = [:]
        for (index, node) in tree.nodes.enumerated() where !excluded[index] && isScoredParagraph(index, node) {
            let measures = stats[index]
            guard measures.textLength >= 25 else { continue }
            let score = 1 + Double(measures.commas) + min(Double(measures.textLength) / 100, 3)
            var ancestor = node.parent
            var level = 0
            while ancestor > 0, level < 4 {
                if scores[ancestor] == nil { scores[ancestor] = initialScore(of: tree.nodes[ancestor]) }
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
                scores[ancestor, default: 0] += score / divider
                ancestor = tree.nodes[ancestor].parent
                level += 1
            }
        }
        for (index, score) in scores { scores[index] = score * (1 - stats[index].linkDensity) }
        return scores
    }

    /// Paragraphs, and blocks that hold text directly with no block inside (pages that use `<div>` for `<p>`).
    private func isScoredParagraph(_ index: Int, _ node: MarkupNode) -> Bool {
        switch node.name {
        case "p", "pre", "td", "blockquote": return true
        case "div", "section": return !stats[index].hasBlockChild
        default: return false
        }
    }

    private func initialScore(of node: MarkupNode) -> Double {
        let byTag: Double
        switch node.name {
        case "article": byTag = 15
        case "main": byTag = 10
        case "div": byTag = 5
        case "pre", "td", "blockquote": byTag = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": byTag = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": byTag = -5
        default: byTag = 0
        }
        return byTag + ClassWeight.weight(of: node)
    }

    /// Leaves out what is left of the boilerplate inside the article: link lists such as "related
    /// stories", blocks with a boilerplate class, link-only lines and headings left with nothing after them.
    mutating func pruneBoilerplate(inside roots: [Int]) {
        for root in roots {
            // In a short article every block counts; tiny blocks are noise only next to a long text.
            let isLong = stats[root].textLength >= 200
            var pending = tree.nodes[root].children
            while let index = pending.popLast() {
                let node = tree.nodes[index]
                guard !excluded[index], !node.isText else { continue }
                if shouldPrune(index, node, isInLongText: isLong) {
                    markExcluded(index)
                } else {
                    pending += node.children
                }
            }
            pruneOrphanHeadings(below: root)
        }
    }

    private func shouldPrune(_ index: Int, _ node: MarkupNode, isInLongText: Bool) -> Bool {
        let measures = stats[index]
        switch node.name {
        case "ul", "ol", "dl", "div", "section", "table", "figure", "nav", "aside":
            if ClassWeight.weight(of: node) < 0 { return true }
            guard measures.commas < 10 else { return false }
            let isList = ["ul", "ol", "dl"].contains(node.name) || measures.listItems > measures.paragraphs
            if measures.linkDensity > (isList ? 0.33 : 0.5) { return true }
            return isInLongText && measures.textLength < 25 && measures.paragraphs == 0 && node.name != "table"
        case "p", "h2", "h3", "h4", "h5", "h6":
            return ClassWeight.weight(of: node) < 0 || (measures.linkDensity > 0.8 && measures.textLength < 120)
        default:
            return false
        }
    }

    private mutating func markExcluded(_ index: Int) {
        var pending = [index]
        while let next = pending.popLast() {
            excluded[next] = true
            pending += tree.nodes[next].children
        }
    }

    /// A heading whose following siblings were all pruned introduced a list that is gone ("Related").
    private mutating func pruneOrphanHeadings(below root: Int) {
        let headings: Set<String> = ["h2", "h3", "h4", "h5", "h6"]
        var pending = [root]
        while let index = pending.popLast() {
            let children = tree.nodes[index].children
            // From the end backwards: whether something came after, and whether all of it was pruned.
            var hasFollowing = false
            var allFollowingPruned = true
            for child in children.reversed() {
                if !excluded[child] && headings.contains(tree.nodes[child].name) && hasFollowing && allFollowingPruned {
                    markExcluded(child)
                    continue
                }
                guard !tree.nodes[child].isText || stats[child].textLength > 0 else { continue }
                hasFollowing = true
                allFollowingPruned = allFollowingPruned && excluded[child]
            }
            pending += children.filter { !excluded[$0] && !tree.nodes[$0].isText }
        }
    }
}

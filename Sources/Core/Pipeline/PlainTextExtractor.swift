/// Finds the headline and body of an article written as plain text.
///
/// Scraped text starts with site names and section labels and may end with navigation crumbs or
/// the headline again. Lines like that are short and carry no sentence punctuation, so the
/// headline is the first line that reads like a sentence or a headline of several words. Links
/// left in the middle of the text (`Retour aux actualités »`) go wherever they stand.
public enum PlainTextExtractor {
    /// The longest headline kept whole; a longer first line gives its first sentence or a cut.
    static let maximumTitleLength = 160

    /// The title and cleaned body of `text`, or nil when it holds no words.
    public static func extract(_ text: String) -> (title: String, body: String)? {
        let lines = TextLines.split(text)
            .map { $0.trimmingWhiteSpace() }
        guard let first = lines.firstIndex(where: isMeaningful) ?? lines.firstIndex(where: { !$0.isEmpty }) else {
            return nil
        }
        var last = lines.lastIndex(where: { !$0.isEmpty }) ?? first
        let headline = lines[first]
        // Trailing crumbs and a repeated headline close many scraped pages.
        while last > first, lines[last].isEmpty || isTrailingBoilerplate(lines[last], headline: headline) {
            last -= 1
        }
        let title = makeTitle(from: headline)
        let titleIsWholeLine = title == headline && last > first
        let bodyLines = lines[(titleIsWholeLine ? first + 1 : first)...last].filter { !isNavigationLink($0) }
        let body = collapseBlankLines(bodyLines[...])
        return (title, body.isEmpty ? String(headline) : body)
    }

    /// A line of four words or more, or of two or more that ends like a sentence.
    static func isMeaningful(_ line: Substring) -> Bool {
        // Counting stops at four words: the first lines tried are often whole paragraphs.
        var words = 0
        var inWord = false
        for character in line {
            if character.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= 4 { return true }
            }
        }
        return words >= 2 && line.last.map { ".?!\"»”".contains($0) } == true
    }

    /// A link a page left in its text: at most five words ending in an arrow (`Read more ›`,
    /// `Retour aux actualités »`). A short quotation in guillemets (`« Jamais »`) is not one.
    static func isNavigationLink(_ line: Substring) -> Bool {
        guard let last = line.last, "»›>→".contains(last), !line.contains(where: { "«‹<".contains($0) }) else {
            return false
        }
        return line.split(maxSplits: 6, whereSeparator: \.isWhitespace).count <= 5
    }

    static func isTrailingBoilerplate(_ line: Substring, headline: Substring) -> Bool {
        if line == headline { return true }
        // Counting stops past five words: a body line can be the whole article.
        let words = line.split(maxSplits: 6, whereSeparator: \.isWhitespace).count
        let endsLikeCrumb = line.last.map { "»›>→".contains($0) } == true
        return words <= 5 && (endsLikeCrumb || !line.contains(where: { ".?!".contains($0) }))
    }

    static func makeTitle(from line: Substring) -> String {
        if line.count <= maximumTitleLength { return String(line) }
        if let end = line.firstIndex(where: { ".?!".contains($0) }),
            line.distance(from: line.startIndex, to: end) < maximumTitleLength
        {
            return String(line[...end])
        }
        var cut = line.prefix(maximumTitleLength - 20)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    static func collapseBlankLines(_ lines: ArraySlice<Substring>) -> String {
        var out: [Substring] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) {
            out.append(line)
        }
        return out.joined(separator: "\n")
    }
}

extension Substring {
    /// The line without white space at either end (Unicode white space, including no-break spaces).
    func trimmingWhiteSpace() -> Substring {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        let end = lastIndex(where: { !$0.isWhitespace })!  // a non-space exists: `start` found one
        return self[start...end]
    }
}

/// The passage of a document's text around its matches, chosen and marked as SQLite 3.40's FTS5
/// `snippet()` does, from matches recorded beforehand.
///
/// `snippet()` needs the query evaluated again at the row; for a hit of a prefix query that means
/// merging the entries of every word with that prefix once more, per hit. Search instead records
/// each best row's matches while ranking (``BM25Ranking/Collector``) and builds the snippets here,
/// from the stored text and the tokenizer's word boundaries (its aux mode, as `snippet()` uses).
///
/// The choice, as FTS5 makes it: every window of `tokens` words starting at a match (moved so that
/// its matches sit in the middle) or at the start of that match's sentence is scored, 1,000 for
/// each phrase seen for the first time in the window and 1 for each other match, plus 120 for a
/// window at the start of the text or 100 at the start of another sentence; the first best window
/// wins, "…" marks text cut off at either end, and overlapping matches are marked as one.
package struct MatchSnippet {
    /// One instance of a phrase of the query in the column, as FTS5's `xInst` reports it.
    package struct Match: Equatable, Sendable {
        /// The phrase's number in the query.
        package var phrase: Int
        /// The position of the instance's first token in the column.
        package var position: Int
        /// The phrase's length in tokens.
        package var length: Int

        package init(phrase: Int, position: Int, length: Int) {
            self.phrase = phrase
            self.position = position
            self.length = length
        }
    }

    /// The text of the column.
    let text: [UInt8]
    /// The byte range of each token of the text, in order.
    let tokens: [Range<Int>]
    /// The positions of the tokens that start a sentence.
    let sentenceStarts: [Int]

    /// Tokenises `text` (a column as stored) as FTS5 does for `snippet()`.
    package init(text: [UInt8]) {
        self.text = text
        var tokens: [Range<Int>] = []
        text.withUnsafeBufferPointer { buffer in
            NewsTokenizer.forEachIndexTerm(in: buffer, analysing: false) { _, start, end in
                tokens.append(start..<end)
                return true
            }
        }
        self.tokens = tokens
        // A sentence starts at the first token, and at each token after '.' or ':' and white space.
        var starts: [Int] = []
        for (position, token) in tokens.enumerated() {
            if position == 0 {
                starts.append(0)
                continue
            }
            var index = token.lowerBound - 1
            while index >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index -= 1 }
            if index != token.lowerBound - 1, index >= 0,
                text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ":")
            {
                starts.append(position)
            }
        }
        sentenceStarts = starts
    }

    /// The snippet of at most `length` tokens around `matches` (in `xInst` order, this column's
    /// only), the matches between `open` and `close`, `ellipsis` where text is left out.
    package func text(
        matches: [Match], phraseCount: Int, length: Int = 24, open: String = "**", close: String = "**",
        ellipsis: String = "…"
    ) -> String {
        let size = tokens.count
        var bestScore = 0
        var bestStart = 0
        for match in matches where match.position <= size {
            let (score, centred) = self.score(matches, phraseCount: phraseCount, from: match.position, length: length)
            if score > bestScore {
                bestScore = score
                bestStart = centred
            }
            guard !sentenceStarts.isEmpty, size > length else { continue }
            // The last sentence starting at or before the match, or the last one of all.
            var sentence = 0
            while sentence < sentenceStarts.count - 1, sentenceStarts[sentence + 1] <= match.position {
                sentence += 1
            }
            let start = sentenceStarts[sentence]
            guard start < match.position else { continue }
            let bonus = start == 0 ? 120 : 100
            let sentenceScore = self.score(matches, phraseCount: phraseCount, from: start, length: length).score
            if sentenceScore + bonus > bestScore {
                bestScore = sentenceScore + bonus
                bestStart = start
            }
        }
        return marked(matches: matches, from: bestStart, length: length, open: open, close: close, ellipsis: ellipsis)
    }

    /// The score of the window of `length` tokens from `start`, and where a window of that length
    /// starts with the same matches in its middle.
    func score(_ matches: [Match], phraseCount: Int, from start: Int, length: Int) -> (score: Int, centred: Int) {
        var seen = [Bool](repeating: false, count: phraseCount)
        var score = 0
        var first = -1
        var last = 0
        for match in matches where match.position >= start && match.position < start + length {
            let isSeen = match.phrase < phraseCount ? seen[match.phrase] : true
            score += isSeen ? 1 : 1000
            if match.phrase < phraseCount { seen[match.phrase] = true }
            if first < 0 { first = match.position }
            last = match.position + match.length
        }
        // Integer division rounds towards zero, as in C.
        var centred = first - (length - (last - first)) / 2
        if centred + length > tokens.count { centred = tokens.count - length }
        return (score, max(centred, 0))
    }

    /// The tokens `start..<start + length` with the matches marked.
    func marked(
        matches: [Match], from start: Int, length: Int, open: String, close: String, ellipsis: String
    ) -> String {
        var spans = Spans(matches: matches)
        while let span = spans.current, span.lowerBound < start { spans.advance() }
        let end = start + length - 1
        var out: [UInt8] = []
        out.reserveCapacity(length * 8)
        func append(_ range: Range<Int>) { out += text[range] }
        if start > 0 { out += ellipsis.utf8 }
        var copied = 0
        for (position, token) in tokens.enumerated() {
            if position < start { continue }
            if position > end { break }
            if start > 0, position == start { copied = token.lowerBound }
            if position == spans.current?.lowerBound {
                append(copied..<token.lowerBound)
                out += open.utf8
                copied = token.lowerBound
            }
            if let span = spans.current, position == span.upperBound {
                // A match begun before the window is opened where the window starts.
                if span.lowerBound < start { out += open.utf8 }
                append(copied..<token.upperBound)
                out += close.utf8
                copied = token.upperBound
                spans.advance()
            }
            if position == end {
                append(copied..<token.upperBound)
                copied = token.upperBound
                if let span = spans.current, position >= span.lowerBound, position < span.upperBound {
                    out += close.utf8
                }
            }
        }
        if end >= tokens.count - 1 {
            append(copied..<text.count)
        } else {
            out += ellipsis.utf8
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The matches merged where they overlap, as token ranges (both ends included), in order.
    struct Spans {
        let matches: [Match]
        var next = 0
        var current: ClosedRange<Int>?

        init(matches: [Match]) {
            self.matches = matches
            advance()
        }

        mutating func advance() {
            current = nil
            while next < matches.count {
                let match = matches[next]
                let last = match.position + match.length - 1
                if let span = current {
                    guard match.position <= span.upperBound else { break }
                    current = span.lowerBound...max(span.upperBound, last)
                } else {
                    current = match.position...max(match.position, last)
                }
                next += 1
            }
        }
    }
}

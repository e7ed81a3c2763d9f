/// How much of one file the pipeline takes in, so that no single input can slow the others down.
///
/// A file past a limit is not rejected: what fits is indexed, and the article says what was left
/// out (a note in its journal entry). The file itself stays in the drop folder, untouched.
public struct IngestLimits: Sendable, Equatable {
    /// Articles kept from one file (`max_articles_per_file`); the rest are left out.
    public var maxArticlesPerFile: Int
    /// Words kept of one article's text (`max_words_per_article`); the text is cut after them.
    public var maxWordsPerArticle: Int

    /// Creates limits; the defaults hold any real feed and any real article.
    public init(maxArticlesPerFile: Int = 50_000, maxWordsPerArticle: Int = 20_000) {
        self.maxArticlesPerFile = maxArticlesPerFile
        self.maxWordsPerArticle = maxWordsPerArticle
    }

    /// `text` cut after `maxWordsPerArticle` words (runs of non-space bytes), with a note when cut.
    ///
    /// A byte loop: the text can be megabytes long, and counting must cost less than analysing.
    func cutting(_ text: String) -> (text: String, note: String?) {
        var copy = text
        let cut = copy.withUTF8 { bytes -> Int? in
            // Words are separated by spaces, so a text of n bytes has at most (n + 1) / 2 of them:
            // a news article (a few kilobytes) is not counted at all.
            guard (bytes.count + 1) / 2 > maxWordsPerArticle else { return nil }
            var words = 0
            var inWord = false
            for (offset, byte) in bytes.enumerated() {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !isSpace && !inWord {
                    words += 1
                    if words > maxWordsPerArticle { return offset }
                }
                inWord = !isSpace
            }
            return nil
        }
        guard let cut else { return (text, nil) }
        // `cut` is the first byte of a word after an ASCII space, so it is a scalar boundary.
        let kept = copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<cut]), as: UTF8.self) }
        return (
            kept.trimmingTrailingSpace() + " …",
            "the text was cut after \(maxWordsPerArticle) words (max_words_per_article)"
        )
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }
}

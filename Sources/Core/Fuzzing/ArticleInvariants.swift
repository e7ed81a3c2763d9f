/// The rules every article out of the pipeline keeps, whatever bytes went in.
public enum ArticleInvariants {
    /// The broken rules of `articles`, as sentences; empty when they all hold.
    ///
    /// A title is shown on one line in lists, the journal and digests: it must hold a visible
    /// character and no control character (C0, DEL or C1), which would garble a terminal or a log line.
    public static func violations(of articles: [Article]) -> [String] {
        var found: [String] = []
        if articles.isEmpty { found.append("the pipeline returned no article and no rejection") }
        for article in articles {
            if article.title.allSatisfy(\.isWhitespace) {
                found.append("article '\(article.item)' has an empty title")
            }
            if let control = article.title.unicodeScalars.first(where: isControl) {
                let code = String(control.value, radix: 16, uppercase: true)
                found.append("the title of article '\(article.item)' holds the control character U+\(code)")
            }
            if article.language.isEmpty { found.append("article '\(article.item)' has no language") }
        }
        return found
    }

    /// Whether `scalar` is a C0 control, DEL or a C1 control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

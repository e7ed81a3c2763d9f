extension Digest {
    /// The digest as Markdown, readable as plain text too (`journalctl -o cat`).
    public var markdown: String {
        var lines = ["# Newsdrop digest for \(date)", ""]
        lines.append(totalsLine)
        if !languages.isEmpty || !topics.isEmpty {
            lines.append("")
            if !languages.isEmpty { lines.append("Languages: " + Self.counted(languages)) }
            if !topics.isEmpty { lines.append("Topics: " + Self.counted(topics)) }
        }
        if !stories.isEmpty {
            lines += ["", "## Top stories"]
            for (rank, story) in stories.enumerated() {
                let sources = story.sources == 1 ? "1 source" : "\(story.sources) sources"
                let articles = story.articles.count == 1 ? "1 article" : "\(story.articles.count) articles"
                lines += ["", "### \(rank + 1). \(story.headline)"]
                if !story.summary.isEmpty { lines += ["", story.summary] }
                lines += ["", "\(story.languages.joined(separator: ", ")) · \(articles) · \(sources)", ""]
                for article in story.articles {
                    var notes = [article.language]
                    if let date = article.date { notes.append(date) }
                    if let original = article.duplicateOf { notes.append("duplicate of document \(original)") }
                    lines.append("- \(article.title) (\(notes.joined(separator: ", "))), document \(article.docID)")
                }
            }
        }
        if !alerts.isEmpty {
            lines += ["", "## Alerts", ""]
            for alert in alerts {
                let what = alert.title ?? Self.fileName(alert.path)
                lines.append("- \(alert.name): \(what)" + (alert.docID.map { ", document \($0)" } ?? ""))
            }
        }
        if !rejected.isEmpty {
            lines += ["", "## Rejected files", ""]
            lines += rejected.map { "- \(Self.fileName($0.path)): \($0.reason)" }
        }
        if stories.isEmpty && alerts.isEmpty && rejected.isEmpty && totals == Totals() {
            lines += ["", "Nothing arrived that day."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "fr 4, en 1": biggest first, then by name.
    static func counted(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

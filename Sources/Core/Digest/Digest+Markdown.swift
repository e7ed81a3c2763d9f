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
                lines += ["", "### \(rank + 1). \(story.headline)"]
                if !story.summary.isEmpty { lines += ["", story.summary] }
                lines += ["", story.metaLine, ""]
                lines += story.articles.map { "- " + $0.line }
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

    /// "12 ingested · 1 updated · …", the line under the title in every form.
    var totalsLine: String {
        "\(totals.ingested) ingested · \(totals.updated) updated · \(totals.removed) removed · "
            + "\(totals.duplicates) duplicates · \(totals.rejected) rejected · \(totals.alerts) alerts"
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

extension Digest.Story {
    /// "fr, en · 3 articles · 2 sources", under a story's headline in every form.
    var metaLine: String {
        let sources = sources == 1 ? "1 source" : "\(sources) sources"
        let count = articles.count == 1 ? "1 article" : "\(articles.count) articles"
        return "\(languages.joined(separator: ", ")) · \(count) · \(sources)"
    }
}

extension Digest.StoryArticle {
    /// "Title (fr, 2022-01-26, duplicate of document 2), document 9", a story's article in every form.
    var line: String {
        var notes = [language]
        if let date { notes.append(date) }
        if let duplicateOf { notes.append("duplicate of document \(duplicateOf)") }
        return "\(title) (\(notes.joined(separator: ", "))), document \(docID)"
    }
}

extension Digest {
    /// The digest as one self-contained HTML page: inline style and charts (SVG), no script, no
    /// font, image or link to fetch, so it opens the same from a mail, a phone or a file share.
    ///
    /// Two charts head it: the day's articles by hour and by topic. Then the stories (headline,
    /// summary, languages and sources, articles), alerts and rejected files, as in ``markdown``.
    public var html: String {
        var page = HTMLPage()
        page.open("header")
        page.element("h1", "Newsdrop digest for \(date)")
        page.element("p", totalsLine, class: "totals")
        if !languages.isEmpty { page.element("p", "Languages: " + Self.counted(languages), class: "languages") }
        page.close("header")
        if hours.contains(where: { $0 > 0 }) || !topics.isEmpty {
            page.open("section", class: "charts")
            page.raw(DigestCharts.hours(hours))
            if !topics.isEmpty { page.raw(DigestCharts.topics(topics)) }
            page.close("section")
        }
        if !stories.isEmpty {
            page.element("h2", "Top stories")
            page.open("ol", class: "stories")
            for story in stories { add(story, to: &page) }
            page.close("ol")
        }
        if !alerts.isEmpty {
            page.element("h2", "Alerts")
            page.open("ul", class: "alerts")
            for alert in alerts {
                let what = alert.title ?? Self.fileName(alert.path)
                page.element("li", "\(alert.name): \(what)" + (alert.docID.map { ", document \($0)" } ?? ""))
            }
            page.close("ul")
        }
        if !rejected.isEmpty {
            page.element("h2", "Rejected files")
            page.open("ul", class: "rejected")
            for file in rejected { page.element("li", "\(Self.fileName(file.path)): \(file.reason)") }
            page.close("ul")
        }
        if stories.isEmpty && alerts.isEmpty && rejected.isEmpty && totals == Totals() {
            page.element("p", "Nothing arrived that day.", class: "empty")
        }
        return page.document(title: "Newsdrop digest for \(date)", style: Self.style)
    }

    private func add(_ story: Story, to page: inout HTMLPage) {
        page.open("li", class: "story")
        page.element("h3", story.headline)
        if !story.summary.isEmpty { page.element("p", story.summary, class: "summary") }
        page.element("p", story.metaLine, class: "meta")
        page.open("ul", class: "articles")
        for article in story.articles { page.element("li", article.line) }
        page.close("ul")
        page.close("li")
    }

    /// System fonts, a readable measure, dark mode; sized for a phone first.
    static let style = """
        :root{color-scheme:light dark;--ink:#1b1b1f;--muted:#5c5f66;--bar:#2f6fde;--line:#d9dce1;--paper:#fff}
        @media (prefers-color-scheme:dark){:root{--ink:#e8e8ea;--muted:#a3a6ad;--bar:#7aa7ff;--line:#3a3d44;--paper:#17181b}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;line-height:1.2;margin:.5rem 0}
        h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
        h3{font-size:1.05rem;margin:0 0 .25rem}
        .totals,.languages,.meta{color:var(--muted);font-size:.9rem;margin:.25rem 0}
        .charts{display:grid;gap:1rem;margin:1rem 0}
        figure{margin:0}
        figcaption{font-size:.9rem;color:var(--muted)}
        svg{width:100%;height:auto;display:block}
        svg text{fill:var(--muted);font-size:10px}
        .bar{fill:var(--bar)}
        .stories{padding-left:1.25rem}
        .story{margin-bottom:1.25rem}
        .articles{padding-left:1rem;font-size:.9rem}
        @media (min-width:40rem){.charts{grid-template-columns:3fr 2fr}}
        """
}

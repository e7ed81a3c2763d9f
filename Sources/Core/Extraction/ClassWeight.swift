/// What an element's `class` and `id` say about it: article content, or page furniture.
///
/// Matching is by substring of the lower-cased names, as in readability, so `main-nav`,
/// `navbar` and `site-navigation` all count as navigation.
enum ClassWeight {
    /// Names that mark furniture whatever else the element is called.
    private static let alwaysBoilerplate = [
        "cookie", "consent", "gdpr", "share", "sharing", "social", "newsletter", "breadcrumb", "related", "promo",
        "advert", "sponsor", "outbrain", "taboola", "popup", "modal", "subscribe", "signup", "paywall-prompt",
        "byline", "dateline", "author",
    ]
    /// Names that mark furniture unless a content name is there too (`sidebar` vs `content-with-sidebar`).
    private static let likelyBoilerplate = [
        "nav", "menu", "footer", "sidebar", "comment", "header", "masthead", "widget", "tags", "pagination",
        "pager", "banner", "skip", "toolbar", "login", "recommend", "more-stories", "most-read", "trending",
    ]
    /// Names that mark article content.
    private static let content = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
    ]

    /// The lower-cased `class` and `id` of `node`, joined.
    static func names(of node: MarkupNode) -> String {
        ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
    }

    /// Whether the class or id marks `node` as furniture to remove before scoring.
    static func isBoilerplate(_ node: MarkupNode) -> Bool {
        let names = names(of: node)
        guard names.count > 1 else { return false }
        if alwaysBoilerplate.contains(where: names.contains) { return true }
        return likelyBoilerplate.contains(where: names.contains) && !content.contains(where: names.contains)
    }

    /// A score adjustment: −25 for furniture names, +25 for content names, +30 for `itemprop="articleBody"`.
    static func weight(of node: MarkupNode) -> Double {
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return 30 }
        let names = names(of: node)
        guard names.count > 1 else { return 0 }
        var weight: Double = 0
        if alwaysBoilerplate.contains(where: names.contains) || likelyBoilerplate.contains(where: names.contains) {
            weight -= 25
        }
        if content.contains(where: names.contains) { weight += 25 }
        return weight
    }
}

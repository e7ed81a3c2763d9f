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
        guard let found = kinds(of: node) else { return false }
        if found.contains(.always) { return true }
        return found.contains(.likely) && !found.contains(.content)
    }

    /// A score adjustment: −25 for furniture names, +25 for content names, +30 for `itemprop="articleBody"`.
    static func weight(of node: MarkupNode) -> Double {
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return 30 }
        guard let found = kinds(of: node) else { return 0 }
        var weight: Double = 0
        if !found.isDisjoint(with: [.always, .likely]) { weight -= 25 }
        if found.contains(.content) { weight += 25 }
        return weight
    }

    /// Which lists have a word inside the class or id of `node`; nil when both are empty.
    ///
    /// Pages put classes on nearly every element, so this runs thousands of times per page: names
    /// are searched as bytes, trying only the words that start with the byte at hand. Names with
    /// non-ASCII letters take the `String` path, whose Unicode lower-casing and matching by
    /// `Character` differ from ASCII's.
    private static func kinds(of node: MarkupNode) -> Kinds? {
        let classValue = node.attribute("class") ?? ""
        let id = node.attribute("id") ?? ""
        guard classValue.utf8.allSatisfy({ $0 < 0x80 }), id.utf8.allSatisfy({ $0 < 0x80 }) else {
            return kinds(inUnicode: names(of: node))
        }
        // " " alone: no class and no id.
        guard classValue.utf8.count + id.utf8.count > 0 else { return nil }
        var names: [UInt8] = []
        names.reserveCapacity(classValue.utf8.count + id.utf8.count + 1)
        names.append(contentsOf: classValue.utf8)
        names.append(UInt8(ascii: " "))
        names.append(contentsOf: id.utf8)
        var found: Kinds = []
        for start in names.indices {
            let byte = MarkupTokenizer.lowercased(names[start])
            for word in wordsByFirstByte[Int(byte)] where !found.contains(word.kind) {
                if matches(word.bytes, in: names, at: start) { found.insert(word.kind) }
            }
        }
        return found
    }

    private static func kinds(inUnicode names: String) -> Kinds? {
        guard names.count > 1 else { return nil }
        var found: Kinds = []
        if alwaysBoilerplate.contains(where: names.contains) { found.insert(.always) }
        if likelyBoilerplate.contains(where: names.contains) { found.insert(.likely) }
        if content.contains(where: names.contains) { found.insert(.content) }
        return found
    }

    /// Whether `word` (lower case) occurs in `names` at `start`, ignoring ASCII case.
    private static func matches(_ word: [UInt8], in names: [UInt8], at start: Int) -> Bool {
        guard start + word.count <= names.count else { return false }
        for offset in 1..<word.count where MarkupTokenizer.lowercased(names[start + offset]) != word[offset] {
            return false
        }
        return true
    }

    /// The lists a word can belong to.
    private struct Kinds: OptionSet {
        let rawValue: UInt8
        static let always = Kinds(rawValue: 1)
        static let likely = Kinds(rawValue: 2)
        static let content = Kinds(rawValue: 4)
    }

    /// Every word as bytes with its list, indexed by its first byte.
    private static let wordsByFirstByte: [[(bytes: [UInt8], kind: Kinds)]] = {
        var table = [[(bytes: [UInt8], kind: Kinds)]](repeating: [], count: 256)
        for (words, kind) in [(alwaysBoilerplate, Kinds.always), (likelyBoilerplate, .likely), (content, .content)] {
            for word in words {
                let bytes = Array(word.utf8)
                table[Int(bytes[0])].append((bytes, kind))
            }
        }
        return table
    }()
}

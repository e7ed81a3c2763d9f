import Core
import Testing

struct IgnoreRulesTests {
    @Test(arguments: [
        (".hidden", true), ("a.part", true), ("report.tmp", true), ("x.crdownload", true), ("notes~", true),
        ("article.txt", false), ("partial.txt", false), ("tmp", false), ("a.txt.part", true), ("a~b", false),
    ])
    func defaultPatterns(name: String, ignored: Bool) {
        #expect(IgnoreRules().ignores(name: name) == ignored)
    }

    @Test func anyIgnoredFolderInThePathIgnoresTheFile() {
        let rules = IgnoreRules()
        #expect(rules.ignores(path: "/in/.git/objects/a.txt", below: "/in"))
        #expect(!rules.ignores(path: "/in/2024/a.txt", below: "/in"))
    }

    @Test func starMatchesAnyRunIncludingNone() {
        let rules = IgnoreRules(patterns: ["draft*.md", "*"])
        #expect(rules.ignores(name: "draft.md"))
        #expect(IgnoreRules(patterns: ["draft*.md"]).ignores(name: "draft-2.md"))
        #expect(!IgnoreRules(patterns: ["draft*.md"]).ignores(name: "draft-2.txt"))
    }
}

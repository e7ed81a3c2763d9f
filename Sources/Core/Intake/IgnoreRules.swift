/// Which names in the drop folder are still being written and must wait until they are renamed.
public struct IgnoreRules: Sendable, Equatable {
    /// Name patterns: `.*` (hidden), `*.part`, `*~`; a `*` matches any run of characters.
    public var patterns: [String]

    /// The default patterns: hidden files and the temporary names of browsers, rsync and editors.
    public static let defaultPatterns = [".*", "*.part", "*.tmp", "*.crdownload", "*~"]

    /// Creates the rules from glob patterns.
    public init(patterns: [String] = IgnoreRules.defaultPatterns) {
        self.patterns = patterns
    }

    /// Whether a file or folder called `name` (the last path component) is ignored.
    public func ignores(name: some StringProtocol) -> Bool {
        patterns.contains { Self.matches(Array(name.utf8), pattern: Array($0.utf8)) }
    }

    /// Whether any component of `path` below `root` is ignored.
    public func ignores(path: String, below root: String) -> Bool {
        guard path.hasPrefix(root) else { return false }
        return path.dropFirst(root.count).split(separator: "/").contains { ignores(name: $0) }
    }

    /// Glob match with `*` only, iterative with backtracking to the last star.
    static func matches(_ name: [UInt8], pattern: [UInt8]) -> Bool {
        var n = 0
        var p = 0
        var star: Int?
        var starMatch = 0
        let asterisk = UInt8(ascii: "*")
        while n < name.count {
            if p < pattern.count, pattern[p] == asterisk {
                star = p
                starMatch = n
                p += 1
            } else if p < pattern.count, pattern[p] == name[n] {
                p += 1
                n += 1
            } else if let star {
                p = star + 1
                starMatch += 1
                n = starMatch
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == asterisk { p += 1 }
        return p == pattern.count
    }
}

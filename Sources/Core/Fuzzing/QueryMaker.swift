/// Search queries cut from a fuzzing input, with the syntax of the query language mixed in.
enum QueryMaker {
    /// Operators, filters and labels a query may start or end with.
    static let syntax = [
        "", "", "", "\"", "-", "NOT ", "OR ", "AND ", "(", ")", "*", "lang:", "lang:fr ", "topic:", "entity:",
        "entity:NATO ", "source:", "after:", "before:2022-01-01 ", "after:2021-13-45 ",
    ]

    /// A query: a piece of up to 40 characters of the input's text between two pieces of syntax.
    static func query(from bytes: [UInt8], using random: inout SeededGenerator) -> String {
        let characters = Array(String(decoding: bytes.prefix(4096), as: UTF8.self))
        let start = Int.random(in: 0...characters.count, using: &random)
        let length = Int.random(in: 0...min(40, characters.count - start), using: &random)
        let piece = String(characters[start..<(start + length)])
        let before = syntax[Int.random(in: syntax.indices, using: &random)]
        let after = syntax[Int.random(in: syntax.indices, using: &random)]
        return before + piece + (after.isEmpty ? "" : " " + after)
    }
}

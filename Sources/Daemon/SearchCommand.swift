import ArgumentParser
import Core
import Foundation

/// `newsdrop search`: full-text search of the archive.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive, best matches first.",
        discussion: """
            Syntax: words (all must match), "a phrase", a OR b, a AND b, -excluded or NOT x, (groups),
            prefix*, lang:fr, topic:politics, entity:NATO (any name: entity:OTAN), after:2022-01-01,
            before:2022-02-01, source:name. Words are matched in every indexed language, ignoring case,
            accents and word endings (garantie finds garanties).
            """)

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print JSON: an object with query, count and results.")
    var json = false

    @Option(help: "At most this many results.")
    var limit = 10

    @Flag(
        name: .customLong("by-story"), help: "Group the results by story, each story at the rank of its best article.")
    var byStory = false

    @Argument(help: "The query.")
    var query: [String] = []

    func run() throws {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(parsing: query.joined(separator: " "))
        } catch {
            throw fail(error.description, Exit.usage)
        }
        guard limit > 0 else { throw fail("--limit must be at least 1", Exit.usage) }
        let store = try archive.openArchive()
        var hits: [SearchHit]
        do {
            // The entity tables take tens of milliseconds to load: only when the query names an entity.
            let classifier =
                parsed.entityNames.isEmpty
                ? Classifier.none : DataDirectory.loadClassifier(configured: archive.dataDirectory).classifier
            hits = try store.search(parsed, limit: limit, knownEntityIDs: classifier.entityIDs(forName:))
        } catch {
            throw fail("Cannot search the archive: \(error)", Exit.failure)
        }
        // A name that is not UTF-8 is shown escaped (`raw-\xFF.txt`), as in the journal's MESSAGE.
        for index in hits.indices { hits[index].path = RawPath.readable(hits[index].path) }
        if json {
            struct Output: Encodable {
                var query: String
                var count: Int
                var results: [SearchHit]
            }
            printJSON(Output(query: query.joined(separator: " "), count: hits.count, results: hits))
            return
        }
        if hits.isEmpty {
            printError("No document matches '\(query.joined(separator: " "))'.")
            return
        }
        let bold = isatty(1) == 1
        if byStory {
            printGrouped(hits, bold: bold)
            return
        }
        for (rank, hit) in hits.enumerated() {
            let details = [hit.language, hit.date, hit.source].compactMap { $0 }.joined(separator: ", ")
            print("\(rank + 1). \(hit.title)  [\(details)]")
            print("   \(hit.path)  (document \(hit.docID), score \(String(format: "%.3g", hit.score)))")
            let snippet = hit.snippet.replacingOccurrences(of: "\n", with: " ")
            print("   " + (bold ? Self.emphasised(snippet) : snippet))
        }
    }

    /// The hits story by story: a heading per story, its articles under it.
    func printGrouped(_ hits: [SearchHit], bold: Bool) {
        for (rank, members) in SearchHit.groupedByStory(hits).enumerated() {
            let label = members[0].storyID.map { "story \($0)" } ?? "no story"
            print("\(rank + 1). \(members[0].title)  [\(label), \(members.count) match(es)]")
            for hit in members {
                print("   - \(hit.title)  [\(hit.language)]  \(hit.path)  (document \(hit.docID))")
            }
            let snippet = members[0].snippet.replacingOccurrences(of: "\n", with: " ")
            print("     " + (bold ? Self.emphasised(snippet) : snippet))
        }
    }

    /// The snippet with `**match**` shown in bold on a terminal.
    static func emphasised(_ snippet: String) -> String {
        var out = ""
        var isOpen = false
        for (index, part) in snippet.components(separatedBy: "**").enumerated() {
            if index > 0 {
                out += isOpen ? "\u{1B}[0m" : "\u{1B}[1m"
                isOpen.toggle()
            }
            out += part
        }
        return out + (isOpen ? "\u{1B}[0m" : "")
    }
}

/// Prints `value` as one line of JSON.
func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    guard let data = try? encoder.encode(value) else { return }
    print(String(decoding: data, as: UTF8.self))
}

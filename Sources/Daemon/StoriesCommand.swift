import ArgumentParser
import Core

/// `newsdrop stories`: the stories of the archive, the latest first.
struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "List the stories: articles about one event, across languages.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(
        help: "Print JSON: an array of {id, headline, languages, size, duplicates, first_seen, last_seen, documents}.")
    var json = false

    @Option(help: "At most this many stories.")
    var limit = 20

    @Option(name: .customLong("min-size"), help: "Only stories of at least this many articles.")
    var minimumSize = 1

    func run() throws {
        guard limit > 0 else { throw fail("--limit must be at least 1", Exit.usage) }
        let store = try archive.openArchive()
        let stories: [StoryListing]
        do {
            stories = try store.stories(limit: limit, minimumSize: minimumSize)
        } catch {
            throw fail("Cannot read the archive: \(error)", Exit.failure)
        }
        if json {
            printJSON(stories)
            return
        }
        for story in stories {
            let duplicates = story.duplicates > 0 ? " + \(story.duplicates) duplicate(s)" : ""
            print("\(story.id). \(story.headline)")
            print(
                "   \(story.languages.joined(separator: ", ")) · \(story.size) article(s)\(duplicates) · "
                    + "\(story.firstSeen) – \(story.lastSeen) · documents \(story.documents.map(String.init).joined(separator: " "))"
            )
        }
        if stories.isEmpty { print("No stories yet.") }
    }
}

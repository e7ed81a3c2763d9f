import ArgumentParser
import Core
import Foundation

/// `newsdrop digest`: a day's digest, printed, and with `--publish` written and journalled.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print a day's digest: totals, languages, topics, top stories, alerts, rejected files.",
        discussion: """
            The day is counted in the configuration's time_zone (else the system's) and covers what
            arrived that day. With --publish, the digest is also written to STATE/digests/DATE.md,
            .json and .html (a self-contained page with charts) and sent to the journal as one entry,
            exactly as the service does at digest_time.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "The day: YYYY-MM-DD, today (default) or yesterday.")
    var date = "today"

    @Option(help: "markdown (default) or json.")
    var format = "markdown"

    @Flag(help: "Also write the digest files and send the journal entry.")
    var publish = false

    func validate() throws {
        guard ["markdown", "json"].contains(format) else {
            throw ValidationError("--format must be markdown or json, not '\(format)'.")
        }
    }

    func run() throws {
        // Publishing records the digest and its journal event in the archive.
        let store = try archive.openArchive(writable: publish)
        let settings: Config
        do {
            settings = try Config.load(path: archive.config)
        } catch {
            throw fail(error.description, Exit.usage)
        }
        let schedule = settings.digestSchedule
        let day: String
        switch date {
        case "today": day = schedule.day(of: Date())
        case "yesterday": day = schedule.day(of: Date().addingTimeInterval(-86400))
        default: day = date
        }
        let publisher = DigestPublisher(
            store: store, stateDirectory: archive.stateDirectory ?? settings.stateDirectory, schedule: schedule,
            topStories: settings.digestStories)
        let digest: Digest
        do {
            digest = try publisher.digest(of: day)
        } catch let error as DigestError {
            throw fail(error.description, Exit.usage)
        } catch {
            throw fail("Cannot read the archive: \(error)", Exit.failure)
        }
        if format == "json" {
            print(String(decoding: try DigestPublisher.json(digest), as: UTF8.self))
        } else {
            print(digest.markdown, terminator: "")
        }
        guard publish else { return }
        do {
            if let path = try publisher.publish(day) {
                printError("newsdrop: published \(path) and its .json and .html")
            } else {
                printError("newsdrop: the digest of \(day) was published already by another host")
            }
        } catch {
            throw fail("Cannot publish the digest of \(day): \(error)", Exit.failure)
        }
        sendUnsentEvents(of: store)
    }
}

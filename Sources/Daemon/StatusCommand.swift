import ArgumentParser
import Core

/// `newsdrop status`: counts of the archive.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show how many documents, rejected files and waiting files there are.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print JSON: documents, rejected, pending, last_ingest, files, languages, unsent_events.")
    var json = false

    func run() throws {
        let store = try archive.openStore()
        let status: ArchiveStatus
        do {
            status = try store.status()
        } catch {
            throw fail("Cannot read the archive: \(error)", Exit.failure)
        }
        if json {
            printJSON(status)
            return
        }
        let languages = status.languages.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
        print("Documents:   \(status.documents)" + (languages.isEmpty ? "" : " (\(languages.joined(separator: ", ")))"))
        print("Files:       \(status.files), of which rejected \(status.rejected)")
        print("Pending:     \(status.pending)")
        print("Last ingest: \(status.lastIngest ?? "never")")
    }
}

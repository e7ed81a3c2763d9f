import ArgumentParser
import Core

/// `newsdrop show`: one document, metadata and text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a document's metadata and text, by id or by file path.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "A document id (as in search results and NEWSDROP_DOC_ID) or a file path.")
    var document: String

    func run() throws {
        let store = try archive.openArchive()
        let reference = Int64(document) != nil ? document : Config.absolute(document)
        let documents: [StoredDocument]
        do {
            documents = try store.documents(matching: reference)
        } catch {
            throw fail("Cannot read the archive: \(error)", Exit.failure)
        }
        guard !documents.isEmpty else {
            throw fail(
                "No document '\(document)' in the archive (give an id from search, or a file path)", Exit.badInput)
        }
        for var found in documents {
            found.path = RawPath.readable(found.path)
            if json {
                printJSON(found)
                continue
            }
            print("Document:  \(found.id)")
            print("Title:     \(found.title)")
            print("Path:      \(found.path)" + (found.item.isEmpty ? "" : " [\(found.item)]"))
            print("Language:  \(found.language) (confidence \(found.languageConfidence))")
            print("Format:    \(found.format)")
            print("Date:      \(found.date ?? "unknown")")
            print("Source:    \(found.source ?? "unknown")")
            print("Ingested:  \(found.ingestedAt), updated \(found.updatedAt)")
            print("SHA-256:   \(found.sha256)")
            print("")
            print(found.text)
        }
    }
}

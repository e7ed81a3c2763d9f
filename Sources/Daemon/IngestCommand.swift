import ArgumentParser
import Core
import Foundation
import PostgresArchive

/// `newsdrop ingest`: one-shot batch ingest through the daemon's pipeline.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files or folders once, through the same pipeline as the service.",
        discussion: """
            Folders are walked recursively (ignoring in-progress names); files of a folder that left it since
            the last ingest are removed from the archive. Exit status 65 when some file was rejected.
            """)

    @Option(name: .customLong("state-dir"), help: "Where the archive lives (created when missing).")
    var stateDirectory: String?

    @Option(help: DatabaseArchive.help)
    var database: String?

    @Option(help: DatabaseArchive.hostHelp)
    var host: String = ProcessInfo.processInfo.hostName

    @Option(name: .customLong("max-file-size"), help: "Reject files larger than this many bytes.")
    var maxFileSize: Int64 = Config().maxFileSize

    @Option(
        name: .customLong("data-dir"),
        help: "The folder with the topic model and entity tables (default: beside the binary, else the source tree).")
    var dataDirectory: String?

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to ingest.") }
        if (stateDirectory == nil) == (database == nil) {
            throw ValidationError("Give the archive: either --state-dir DIR or --database URL.")
        }
    }

    func run() async throws {
        // The tables load while the archive opens (its migrations wait on the disk).
        let loading = Task.detached { [dataDirectory] in DataDirectory.loadClassifier(configured: dataDirectory) }
        let (store, archiveName) = try openArchive()
        let ignore = IgnoreRules()
        var files: [String] = []
        var removals: [String] = []
        for argument in paths {
            let path = Config.absolute(argument)
            guard let status = FileStatus.of(path, followingLinks: true) else {
                throw fail("Cannot ingest '\(argument)': no such file or folder", Exit.badInput)
            }
            if status.kind == .folder {
                let found = FolderScanner.scan(root: path, ignore: ignore)
                files += found.keys.sorted()
                removals += try store.knownFiles(below: path).keys.filter { found[$0] == nil }
            } else {
                files.append(path)
            }
        }
        let (classifier, problems) = await loading.value
        for problem in problems { printError("newsdrop: warning: \(problem)") }
        let processor = FileProcessor(root: nil, maxFileSize: maxFileSize, pipeline: Pipeline(classifier: classifier))
        let ingester = BatchIngester(processor: processor, store: store)
        let clock = ContinuousClock()
        let start = clock.now
        var counts: [StoredEvent.Kind: Int] = [:]
        let journal = BackgroundEventFlush(store: store)
        do {
            // Printed as each round commits, in order: holding every event to the end cost memory.
            try await Self.ingest(files, removing: removals, with: ingester, into: store) { events in
                for event in events {
                    print(event.message)
                    counts[event.kind, default: 0] += 1
                }
                journal.flushSoon()
            }
        } catch {
            journal.finish()  // what was committed before the failure
            throw fail("Cannot commit to the archive \(archiveName): \(PostgresFailure.sentence(error))", Exit.failure)
        }
        journal.finish()
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(files.count) / seconds) : files.count
        printError(
            "\(files.count) files in \(String(format: "%.2f", seconds)) s (\(rate) files/s): "
                + StoredEvent.Kind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
                .joined(separator: ", ") + (counts.isEmpty ? "nothing changed" : ""))
        if counts[.rejected] != nil { throw Exit.badInput }
    }
}

extension IngestCommand {
    /// The archive named by `--state-dir` (created when missing) or `--database`, and how messages
    /// name it (never with the URL as given: it may hold a password, which is refused).
    private func openArchive() throws -> (any Archive, name: String) {
        if let database {
            let archive = try DatabaseArchive.open(url: database, host: host, writable: true)
            return (archive, "\(archive.location)")
        }
        let stateDirectory = stateDirectory ?? ""
        do {
            return (try Store(stateDirectory: stateDirectory, create: true), "in '\(stateDirectory)'")
        } catch let error where error.code == .damaged {
            throw fail(DamagedArchive.sentence(error, inbox: nil, stateDirectory: stateDirectory), Exit.failure)
        } catch {
            throw fail(error.description, Exit.failure)
        }
    }

    /// Removes `removals`, then ingests `files` through `ingester` (256 files per round), with a
    /// progress bar on a terminal: the path `ingest` and `reindex` share. `onEvents` gets the
    /// events of the removal, then of each round, in order, as they are committed.
    static func ingest(
        _ files: [String], removing removals: [String], with ingester: BatchIngester, into store: any Archive,
        onEvents: ([StoredEvent]) -> Void = { _ in }
    ) async throws {
        // On a terminal, a progress bar; otherwise (a pipe, a log file) only the caller's lines.
        let progress = ProgressBar.isTerminal ? ProgressBar(total: files.count) : nil
        defer { progress?.clear() }
        if !removals.isEmpty { onEvents(try store.remove(paths: removals)) }
        try await ingester.ingest(files, onBatchRead: { progress?.update(done: $0) }) { round in
            guard !round.events.isEmpty else { return }
            // The bar is drawn again at the next file read.
            progress?.clear()
            onEvents(round.events)
        }
    }
}

import ArgumentParser
import Core
import Foundation
import Glibc
import PostgresArchive

/// `newsdrop reindex`: rebuilds the archive from the drop folder, keeping the old file beside it.
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the archive from the drop folder (after damage), keeping the old file beside it.",
        discussion: """
            Refuses while a service runs on the state directory. The archive and its -wal and -shm files are \
            renamed newsdrop.sqlite.damaged-TIME (or .old-TIME when it was healthy; TIME in UTC), never deleted; \
            a fresh archive is made and every file of the drop folder is ingested as 'newsdrop ingest' does. \
            The rebuild's events are recorded as already sent: the journal told of these articles when they \
            arrived, and is not told again. Rejected files are counted, not an error. With --database, makes \
            what a PostgreSQL archive derives from its documents again instead (its ranking rows and totals: \
            what 'newsdrop check --database' finds wrong), holding the hosts' commits meanwhile; its documents \
            are each host's drop folder's, and stay.
            """)

    @Option(help: "The configuration file (default: /etc/newsdrop/newsdrop.toml when it exists).")
    var config: String?

    @Option(help: "The drop folder to ingest; overrides 'inbox'.")
    var inbox: String?

    @Option(name: .customLong("state-dir"), help: "Where the archive lives; overrides 'state_dir'.")
    var stateDirectory: String?

    @Option(help: DatabaseArchive.help)
    var database: String?

    func run() async throws {
        if let database {
            let shared = try DatabaseArchive.open(url: database, host: "reindex", writable: false)
            defer { shared.close() }
            do {
                let (documents, postings) = try shared.rebuildRanking()
                print("Made the ranking of \(documents) documents again: \(postings) postings, the totals counted")
            } catch {
                throw fail(
                    "Cannot rebuild the archive \(shared.location): \(PostgresFailure.sentence(error))", Exit.failure)
            }
            return
        }
        var settings: Config
        do {
            settings = try Config.load(path: config)
            if let inbox { settings.inbox = inbox }
            if let stateDirectory { settings.stateDirectory = stateDirectory }
            settings = try settings.validated()
        } catch {
            throw fail(error.description, Exit.usage)
        }
        let state = settings.stateDirectory
        let (classifier, problems) = DataDirectory.loadClassifier(configured: settings.dataDirectory)
        for problem in problems { printError("newsdrop: warning: \(problem)") }
        let lock: ServiceLock
        do {
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            // Held to the end: a service started meanwhile refuses, as a second one would.
            lock = try ServiceLock(stateDirectory: state, info: lockInfo(settings))
        } catch {
            throw fail("\(error)", Exit.failure)
        }
        let kept = try moveAside(stateDirectory: state)
        let store: Store
        do {
            store = try Store(stateDirectory: state, create: true)
        } catch {
            throw fail("\(error)" + (kept.map { "; the old archive is kept as \($0)" } ?? ""), Exit.failure)
        }
        let files = FolderScanner.scan(root: settings.inbox, ignore: IgnoreRules(patterns: settings.ignore)).keys
            .sorted()
        let processor = FileProcessor(
            root: settings.inbox, maxFileSize: settings.maxFileSize, pipeline: Pipeline(classifier: classifier))
        let clock = ContinuousClock()
        let start = clock.now
        let status: ArchiveStatus
        do {
            try await IngestCommand.ingest(
                files, removing: [], with: BatchIngester(processor: processor, store: store), into: store)
            // The journal told of these articles when they arrived: the rebuild is not news.
            while case let events = try store.unsentEvents(), !events.isEmpty {
                try store.markSent(events.map(\.id))
            }
            status = try store.status()
        } catch {
            throw fail("Cannot commit to the rebuilt archive in '\(state)': \(error)", Exit.failure)
        }
        giveToOwnerOfStateDirectory(state)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "Rebuilt \(state)/\(Store.databaseName) from \(settings.inbox): \(files.count) files, "
                + "\(status.documents) documents, \(status.rejected) rejected (\(String(format: "%.1f", seconds)) s)")
        print(kept.map { "The old archive is kept as \($0)" } ?? "There was no archive before")
        withExtendedLifetime(lock) {}
    }

    /// Renames the archive and its -wal and -shm files to `newsdrop.sqlite.damaged-TIME` (or
    /// `.old-TIME` when it opens and passes `quick_check`); returns the new path, nil when there was none.
    private func moveAside(stateDirectory: String) throws -> String? {
        let path = stateDirectory + "/" + Store.databaseName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let label = isDamaged(stateDirectory: stateDirectory) ? "damaged" : "old"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let now = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        let time = String(
            format: "%04d%02d%02dT%02d%02d%02dZ", now.year ?? 0, now.month ?? 0, now.day ?? 0, now.hour ?? 0,
            now.minute ?? 0, now.second ?? 0)
        let kept = "\(path).\(label)-\(time)"
        // SQLite finds a database's WAL as NAME-wal: the three keep their names' relation.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, kept + suffix) == 0 else {
                throw fail(
                    "Cannot move '\(path + suffix)' aside to '\(kept + suffix)': \(String(cString: strerror(errno)))",
                    Exit.failure)
            }
        }
        return kept
    }

    /// Whether the archive in `stateDirectory` fails to open or fails `quick_check`.
    private func isDamaged(stateDirectory: String) -> Bool {
        do {
            try Store(stateDirectory: stateDirectory, create: false, readOnly: true).verify()
            return false
        } catch {
            return error.code == .damaged
        }
    }

    /// What `newsdrop status` shows while the rebuild holds the lock.
    private func lockInfo(_ settings: Config) -> ServiceInfo {
        ServiceInfo(
            pid: getpid(), since: Date().formatted(.iso8601), inbox: settings.inbox,
            dataDirectory: DataDirectory.locate(configured: settings.dataDirectory).path,
            model: "rebuilding the archive (newsdrop reindex)", version: Newsdrop.version)
    }

    /// Run as root on the service's state directory (owned by user newsdrop), hands the new archive
    /// files to that directory's owner, so the service can write them when it starts again.
    private func giveToOwnerOfStateDirectory(_ stateDirectory: String) {
        var folder = stat()
        guard geteuid() == 0, stat(stateDirectory, &folder) == 0, folder.st_uid != 0 else { return }
        for suffix in ["", "-wal", "-shm"] {
            _ = chown(stateDirectory + "/" + Store.databaseName + suffix, folder.st_uid, folder.st_gid)
        }
    }
}

import ArgumentParser
import Core

/// `newsdrop status`: counts of the archive and, when it runs, the service's own state.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the archive's counts and, when the service runs, what it is doing.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(
        help:
            "Print JSON: documents, rejected, pending, last_ingest, files, languages, unsent_events, and service (null when the service is not running)."
    )
    var json = false

    /// `status --json`: the archive's counts with the service beside them.
    struct Output: Encodable {
        var status: ArchiveStatus
        var service: ServiceState?

        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(service, forKey: .service)
        }

        enum Key: String, CodingKey { case service }
    }

    /// The running service as the lock file and the archive describe it.
    struct ServiceState: Encodable {
        var info: ServiceInfo
        var queued: Int
        var unsentEvents: Int
        var lastRescan: String?

        func encode(to encoder: any Encoder) throws {
            try info.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(true, forKey: .running)
            try container.encode(queued, forKey: .queued)
            try container.encode(unsentEvents, forKey: .unsentEvents)
            try container.encode(lastRescan, forKey: .lastRescan)
        }

        enum Key: String, CodingKey {
            case running, queued
            case unsentEvents = "unsent_events"
            case lastRescan = "last_rescan"
        }
    }

    func run() throws {
        // A service on this machine holds a lock in its state directory; none for a PostgreSQL archive yet.
        let directory = archive.database == nil ? try archive.resolvedStateDirectory() : nil
        let store = try archive.openArchive()
        let status: ArchiveStatus
        let service: ServiceState?
        do {
            status = try store.status()
            service = try directory.flatMap { ServiceLock.holder(stateDirectory: $0) }.map { info in
                ServiceState(
                    info: info, queued: Int(try store.meta("queued") ?? "") ?? 0, unsentEvents: status.unsentEvents,
                    lastRescan: try store.meta("last_rescan"))
            }
        } catch {
            throw fail("Cannot read the archive: \(error)", Exit.failure)
        }
        if json {
            printJSON(Output(status: status, service: service))
            return
        }
        let languages = status.languages.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
        print("Documents:   \(status.documents)" + (languages.isEmpty ? "" : " (\(languages.joined(separator: ", ")))"))
        print("Files:       \(status.files), of which rejected \(status.rejected)")
        print("Pending:     \(status.pending)")
        print("Last ingest: \(status.lastIngest ?? "never")")
        guard let directory else {
            print("Host:        \(archive.host) (files and pending are this host's; documents the archive's)")
            return
        }
        guard let service else {
            print("Service:     not running on \(directory)")
            return
        }
        print(
            "Service:     running since \(service.info.since) (pid \(service.info.pid), newsdrop \(service.info.version))"
        )
        print("Watching:    \(service.info.inbox)")
        print("Waiting:     \(service.queued) files, \(service.unsentEvents) events not yet in the journal")
        print("Last rescan: \(service.lastRescan ?? "not yet")")
        print("Data:        \(service.info.dataDirectory ?? "none found"), topic model \(service.info.model)")
    }
}

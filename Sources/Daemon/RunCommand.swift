import ArgumentParser
import Core
import Glibc
import Logging
import ServiceLifecycle
import UnixSignals

/// `newsdrop run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Watch the drop folder and ingest what arrives (the service).")

    @Option(help: "The configuration file (default: /etc/newsdrop/newsdrop.toml when it exists).")
    var config: String?

    @Option(help: "The drop folder to watch; overrides 'inbox'.")
    var inbox: String?

    @Option(name: .customLong("state-dir"), help: "Where the archive lives; overrides 'state_dir'.")
    var stateDirectory: String?

    @Option(name: .customLong("log-target"), help: "auto, journal or stderr; overrides 'log_target'.")
    var logTarget: String?

    func run() async throws {
        var settings: Config
        do {
            settings = try Config.load(path: config)
            if let inbox { settings.inbox = inbox }
            if let stateDirectory { settings.stateDirectory = stateDirectory }
            if let logTarget {
                guard let target = LogTarget(rawValue: logTarget) else {
                    throw ConfigError(path: nil, "--log-target must be auto, journal or stderr, not '\(logTarget)'")
                }
                settings.logTarget = target
            }
            settings = try settings.validated()
        } catch let error as ConfigError {
            throw fail(error.description, Exit.usage)
        }
        // SIGHUP would end the process by default; reloading the configuration is not supported yet.
        signal(SIGHUP, SIG_IGN)
        let journal = Journal(target: settings.logTarget)
        LoggingSystem.bootstrap { label in
            var handler = JournalLogHandler(label: label, journal: journal)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "newsdrop")
        if !journal.isJournald {
            logger.notice("No journald is listening: events and logs go to stderr as JSON lines")
        }
        let store: Store
        do {
            store = try Store(stateDirectory: settings.stateDirectory, create: true)
        } catch {
            logger.critical("\(error.description)")
            throw fail(error.description, Exit.failure)
        }
        logger.info(
            "Starting: drop folder \(settings.inbox), state \(settings.stateDirectory)",
            metadata: ["inbox": "\(settings.inbox)", "state_dir": "\(settings.stateDirectory)"])
        let outbox = OutboxService(store: store, journal: journal, logger: logger)
        let ingest = IngestService(config: settings, store: store, outbox: outbox, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: outbox), .init(service: ingest)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("Stopped on an error: \(error)")
            throw fail("\(error)", Exit.failure)
        }
        logger.info("Stopped")
    }
}

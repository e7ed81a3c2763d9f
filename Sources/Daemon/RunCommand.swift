import ArgumentParser
import Core
import Foundation
import PostgresArchive
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

    /// The configuration as the command line asks: the file, then the flags over it.
    func loadSettings() throws(ConfigError) -> Config {
        var settings = try Config.load(path: config)
        if let inbox { settings.inbox = inbox }
        if let stateDirectory { settings.stateDirectory = stateDirectory }
        if let logTarget {
            guard let target = LogTarget(rawValue: logTarget) else {
                throw ConfigError(path: nil, "--log-target must be auto, journal or stderr, not '\(logTarget)'")
            }
            settings.logTarget = target
        }
        return try settings.validated()
    }

    func run() async throws {
        let settings: Config
        do {
            settings = try loadSettings()
        } catch {
            throw fail(error.description, Exit.usage)
        }
        // Until the reload service traps it, SIGHUP must not end the process (its default action).
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
        let (classifier, problems) = DataDirectory.loadClassifier(configured: settings.dataDirectory)
        let lock: ServiceLock
        let store: any Archive
        do {
            try? FileManager.default.createDirectory(
                atPath: settings.stateDirectory, withIntermediateDirectories: true)
            lock = try ServiceLock(
                stateDirectory: settings.stateDirectory, info: serviceInfo(settings, classifier: classifier))
            store = try openArchive(settings, logger: logger)
        } catch let error as StoreError where error.code == .damaged {
            throw reportDamage(error, settings: settings, journal: journal, logger: logger)
        } catch {
            logger.critical("\(error)")
            throw fail("\(error)", Exit.failure)
        }
        var starting: Logger.Metadata = ["inbox": "\(settings.inbox)", "state_dir": "\(settings.stateDirectory)"]
        var shared = ""
        if let database = settings.database {
            starting["database"] = "\(database)"
            starting["host"] = "\(settings.hostName)"
            shared = ", archive \(database) as host \(settings.hostName)"
        }
        logger.info(
            "Starting: drop folder \(settings.inbox), state \(settings.stateDirectory)\(shared)", metadata: starting)
        let heartbeats = Heartbeats()
        let outbox = OutboxService(
            store: store, journal: journal, pacer: settings.journalPacer, heartbeats: heartbeats, logger: logger)
        let alerts = AlertRules(settings.alerts)
        for problem in problems { logger.warning("\(problem)") }
        Analyzer.maximumWordLength = settings.maxTokenLength
        let processor = FileProcessor(
            root: settings.inbox, maxFileSize: settings.maxFileSize,
            pipeline: Pipeline(classifier: classifier, limits: settings.limits))
        var ingester = BatchIngester(processor: processor, store: store, alerts: alerts)
        ingester.onProgress = { heartbeats.beat("ingest", at: MonotonicClock.seconds()) }
        let ingest = IngestService(
            config: settings, ingester: ingester, outbox: outbox, heartbeats: heartbeats, logger: logger)
        let command = self
        let reload = ReloadService(
            load: { try command.loadSettings() }, running: settings, alerts: alerts, logger: logger)
        let publisher = DigestPublisher(
            store: store, stateDirectory: settings.stateDirectory, schedule: settings.digestSchedule,
            topStories: settings.digestStories)
        let digests = DigestService(publisher: publisher, outbox: outbox, logger: logger)
        let watchdog = WatchdogService(heartbeats: heartbeats, store: store, logger: logger)
        // Services stop in reverse order: the watchdog first, the outbox last (it sends what ingest committed).
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: outbox), .init(service: ingest), .init(service: reload), .init(service: digests),
                    .init(service: watchdog),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("Stopped on an error: \(error)")
            throw fail("\(error)", Exit.failure)
        }
        logger.info("Stopped")
        withExtendedLifetime(lock) {}  // the lock is held until the service has stopped
    }

    /// The archive `settings` name: the PostgreSQL one of `database`, created or upgraded, this
    /// host registered; else the SQLite file in the state directory, checked for damage.
    private func openArchive(_ settings: Config, logger: Logger) throws -> any Archive {
        if let location = settings.database {
            do {
                return try PostgresArchive.open(
                    location: location, password: PostgresPassword.resolve(file: settings.databasePasswordFile),
                    host: settings.hostName, logger: logger)
            } catch {
                throw RunFailure("Cannot open the archive \(location): \(PostgresFailure.sentence(error))")
            }
        }
        let store = try Store(stateDirectory: settings.stateDirectory, create: true)
        // A truncated or overwritten file opens, then fails on the first page it lacks: check it now.
        try store.verify()
        return store
    }

    /// A start-up failure, said in one sentence.
    private struct RunFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reports a damaged archive once: one entry with priority error in the journal when it
    /// listens, and one sentence on stderr unless stderr is that same journal (under systemd).
    /// Returns the exit code to throw.
    private func reportDamage(_ error: StoreError, settings: Config, journal: Journal, logger: Logger) -> ExitCode {
        let sentence = DamagedArchive.sentence(error, inbox: settings.inbox, stateDirectory: settings.stateDirectory)
        if journal.isJournald {
            logger.error(
                "\(sentence)",
                metadata: [
                    "archive": "\(settings.stateDirectory)/\(Store.databaseName)", "reason": "\(error.reason)",
                ])
        }
        if !journal.isJournald || !DamagedArchive.isStandardErrorTheJournal {
            printError("newsdrop: " + sentence)
        }
        return Exit.failure
    }

    /// What `newsdrop status` shows of this daemon.
    private func serviceInfo(_ settings: Config, classifier: Classifier) -> ServiceInfo {
        let model =
            classifier.topicModel.map { "\(DataDirectory.topicModelName) (\($0.languages.joined(separator: ", ")))" }
            ?? "none: \(classifier.missingModelNote)"
        return ServiceInfo(
            pid: getpid(), since: Date().formatted(.iso8601), inbox: settings.inbox,
            dataDirectory: DataDirectory.locate(configured: settings.dataDirectory).path, model: model,
            version: Newsdrop.version)
    }
}

import Core
import Foundation
import PostgresArchive
import TOMLKit

/// The daemon's settings: `config/newsdrop.toml` keys, overridden by command-line flags.
struct Config: Sendable, Equatable {
    /// The drop folder watched for articles.
    var inbox = "/srv/newsdrop/inbox"
    /// Where the archive, digests and service state live; never inside the drop folder.
    var stateDirectory = "/var/lib/newsdrop"
    /// Seconds between full reconciliation scans of the drop folder.
    var rescanInterval: Double = 300
    /// Seconds a file's size and modification time must stay the same before a file still open is read.
    var settleTime: Double = 2
    /// Files larger than this many bytes are rejected.
    var maxFileSize: Int64 = 20 * 1024 * 1024
    /// How much of one file is taken in: articles per file, words per article.
    var limits = IngestLimits()
    /// Words longer than this many bytes (folded UTF-8) are not indexed.
    var maxTokenLength = 64
    /// Name patterns of files that are still being written.
    var ignore = IgnoreRules.defaultPatterns
    /// Where log lines and events go.
    var logTarget = LogTarget.auto
    /// Named queries whose matching articles get an `alert` journal entry.
    var alerts: [AlertRule] = []
    /// Where the topic model and entity tables are, when not in the default places.
    var dataDirectory: String?
    /// When the previous day's digest is published, local time: hour and minute.
    var digestTime = (hour: 7, minute: 0)
    /// The time zone digest days are counted in.
    var timeZone = TimeZone.current
    /// How many stories a digest lists.
    var digestStories = 10
    /// Journal entries the outbox sends at most per `journalRateLimitInterval` seconds: below the
    /// unit's `LogRateLimitBurst=` (50,000), leaving room for the service's own log lines.
    var journalRateLimitBurst = 40_000
    /// The window of `journalRateLimitBurst`, in seconds: the unit's `LogRateLimitIntervalSec=`.
    var journalRateLimitInterval: Double = 30
    /// A PostgreSQL archive that several hosts share, instead of the SQLite file in the state directory.
    var database: PostgresLocation?
    /// The file whose first line is the database's password (else `NEWSDROP_DATABASE_PASSWORD`).
    var databasePasswordFile: String?
    /// The name this host's files and events are recorded under in a shared archive.
    var hostName = ProcessInfo.processInfo.hostName

    /// The pacer that keeps the outbox under the journal's rate limit.
    var journalPacer: JournalPacer {
        JournalPacer(burst: journalRateLimitBurst, interval: journalRateLimitInterval)
    }

    /// The digest schedule these settings give.
    var digestSchedule: DigestSchedule {
        DigestSchedule(hour: digestTime.hour, minute: digestTime.minute, timeZone: timeZone)
    }

    static func == (a: Config, b: Config) -> Bool {
        a.inbox == b.inbox && a.stateDirectory == b.stateDirectory && a.rescanInterval == b.rescanInterval
            && a.settleTime == b.settleTime && a.maxFileSize == b.maxFileSize && a.limits == b.limits
            && a.maxTokenLength == b.maxTokenLength && a.ignore == b.ignore
            && a.logTarget == b.logTarget && a.alerts == b.alerts && a.dataDirectory == b.dataDirectory
            && a.digestTime == b.digestTime && a.timeZone == b.timeZone && a.digestStories == b.digestStories
            && a.journalRateLimitBurst == b.journalRateLimitBurst
            && a.journalRateLimitInterval == b.journalRateLimitInterval && a.database == b.database
            && a.databasePasswordFile == b.databasePasswordFile && a.hostName == b.hostName
    }

    /// The file read when `--config` is not given, if it exists.
    static let systemPath = "/etc/newsdrop/newsdrop.toml"

    static let knownKeys = [
        "inbox", "state_dir", "rescan_interval", "settle_time", "max_file_size", "ignore", "log_target", "alert",
        "data_dir", "digest_time", "time_zone", "digest_stories", "journal_rate_limit_burst",
        "journal_rate_limit_interval", "max_articles_per_file", "max_words_per_article", "max_token_length",
        "database", "database_password_file", "host_name",
    ]

    /// Loads `path`, or the system file when `path` is nil and it exists, or the defaults.
    static func load(path: String?) throws(ConfigError) -> Config {
        guard let path = path ?? (FileManager.default.fileExists(atPath: systemPath) ? systemPath : nil) else {
            return Config()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, "cannot be read (does it exist, and may this user read it?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses TOML text; `path` names the file in errors.
    static func parse(_ text: String, path: String) throws(ConfigError) -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, "is not valid TOML at line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ConfigError(path: path, "is not valid TOML: \(error)")
        }
        var config = Config()
        for key in table.keys where !knownKeys.contains(key) {
            throw ConfigError(
                path: path, "has an unknown key '\(key)' (known keys: \(knownKeys.joined(separator: ", ")))")
        }
        let reader = ConfigReader(table: table, path: path)
        if let value = try reader.string("inbox") { config.inbox = value }
        if let value = try reader.string("state_dir") { config.stateDirectory = value }
        if let value = try reader.seconds("rescan_interval", minimum: 1) { config.rescanInterval = value }
        if let value = try reader.seconds("settle_time", minimum: 0) { config.settleTime = value }
        if let value = try reader.byteSize("max_file_size") { config.maxFileSize = value }
        if let value = try reader.count("max_articles_per_file", in: 1...10_000_000, unit: "articles") {
            config.limits.maxArticlesPerFile = value
        }
        if let value = try reader.count("max_words_per_article", in: 1...100_000_000, unit: "words") {
            config.limits.maxWordsPerArticle = value
        }
        if let value = try reader.count("max_token_length", in: 8...1024, unit: "bytes") {
            config.maxTokenLength = value
        }
        if let value = try reader.strings("ignore") { config.ignore = value }
        if let value = try reader.string("log_target") {
            guard let target = LogTarget(rawValue: value) else {
                throw ConfigError(
                    path: path, "key 'log_target' must be \"auto\", \"journal\" or \"stderr\", not \"\(value)\"")
            }
            config.logTarget = target
        }
        if let value = try reader.string("data_dir") { config.dataDirectory = value }
        if let value = try reader.string("database") {
            do {
                config.database = try PostgresLocation(parsing: value)
            } catch {
                throw ConfigError(path: path, "key 'database': \(error)")
            }
        }
        if let value = try reader.string("database_password_file") { config.databasePasswordFile = value }
        if let value = try reader.string("host_name") { config.hostName = value }
        config.alerts = try reader.alerts("alert")
        if let value = try reader.string("digest_time") {
            let parts = value.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour),
                (0...59).contains(minute)
            else {
                throw ConfigError(
                    path: path, "key 'digest_time' must be a local time \"HH:MM\" such as \"07:00\", not \"\(value)\"")
            }
            config.digestTime = (hour, minute)
        }
        if let value = try reader.string("time_zone") {
            guard let zone = TimeZone(identifier: value) else {
                throw ConfigError(
                    path: path,
                    "key 'time_zone' must be an IANA time zone such as \"Europe/Paris\" or \"UTC\", not \"\(value)\"")
            }
            config.timeZone = zone
        }
        if let value = table["digest_stories"] {
            guard let count = value.int, count > 0 else {
                throw ConfigError(
                    path: path, "key 'digest_stories' must be a positive whole number, not \(value.debugDescription)")
            }
            config.digestStories = count
        }
        if let value = table["journal_rate_limit_burst"] {
            guard let count = value.int, count > 0 else {
                throw ConfigError(
                    path: path,
                    "key 'journal_rate_limit_burst' must be a positive whole number of entries, not \(value.debugDescription)"
                )
            }
            config.journalRateLimitBurst = count
        }
        if let value = try reader.seconds("journal_rate_limit_interval", minimum: 1) {
            config.journalRateLimitInterval = value
        }
        return config
    }

    /// Checks the folders: the drop folder exists, the state directory is not inside it.
    func validated() throws(ConfigError) -> Config {
        var config = self
        config.inbox = Self.absolute(inbox)
        config.stateDirectory = Self.absolute(stateDirectory)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: config.inbox, isDirectory: &isFolder), isFolder.boolValue else {
            throw ConfigError(
                path: nil,
                "the drop folder '\(config.inbox)' does not exist or is not a folder: create it, or set 'inbox' / --inbox"
            )
        }
        let inboxSlash = config.inbox.hasSuffix("/") ? config.inbox : config.inbox + "/"
        if config.stateDirectory == config.inbox || config.stateDirectory.hasPrefix(inboxSlash) {
            throw ConfigError(
                path: nil,
                "the state directory '\(config.stateDirectory)' is inside the drop folder '\(config.inbox)': it would watch its own database; choose another 'state_dir'"
            )
        }
        return config
    }

    /// `path` made absolute against the working directory, without `.`/`..` components or a trailing slash.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}

/// A configuration problem, naming the file and key.
struct ConfigError: Error, CustomStringConvertible {
    /// The config file, when the problem is in one.
    var path: String?
    /// What is wrong.
    var problem: String

    init(path: String?, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    var description: String { path.map { "Configuration '\($0)' \(problem)" } ?? "Configuration: \(problem)" }
}

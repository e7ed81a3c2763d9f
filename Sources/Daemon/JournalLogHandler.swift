import Logging

/// A swift-log handler writing through `Journal`: MESSAGE, PRIORITY, CODE_* and metadata as NEWSDROP_ fields.
struct JournalLogHandler: LogHandler {
    let label: String
    let journal: Journal
    /// Metadata added to every line.
    var metadata: Logger.Metadata = [:]
    /// Lines below this level are dropped.
    var logLevel: Logger.Level = .info

    /// A handler for `label` writing to `journal`.
    init(label: String, journal: Journal) {
        self.label = label
        self.journal = journal
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", "\(event.message)"),
            ("PRIORITY", String(Self.priority(event.level))),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            fields.append(("NEWSDROP_" + Self.fieldName(key), "\(value)"))
        }
        journal.send(fields)
    }

    /// Syslog priority of a swift-log level.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `key` upper-cased with everything outside [A-Z0-9_] replaced by `_` (journald drops other names).
    static func fieldName(_ key: String) -> String {
        String(
            key.uppercased().unicodeScalars.map { scalar in
                (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") ? Character(scalar) : "_"
            })
    }
}

/// A user's alert: a named query whose matching articles are reported at a syslog priority.
///
/// From `[[alert]]` tables in the configuration. The query is in the search syntax, labels
/// included: `entity:NATO AND entity:RU`, `topic:health lang:fr`, `"cessez-le-feu" OR ceasefire`.
public struct AlertRule: Sendable, Equatable {
    /// The name reported as `NEWSDROP_ALERT`.
    public var name: String
    /// What an article must match.
    public var query: SearchQuery
    /// The journal priority of the alert entries, 0 (emerg) to 7 (debug).
    public var priority: Int

    /// Creates a rule.
    public init(name: String, query: SearchQuery, priority: Int) {
        self.name = name
        self.query = query
        self.priority = priority
    }

    /// Syslog priority names, as `journalctl -p` knows them.
    public static let priorityNames = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"]

    /// The priority named `text` ("warning", "crit") or given as a number 0...7, or nil.
    public static func priority(named text: String) -> Int? {
        if let number = Int(text), (0...7).contains(number) { return number }
        let name = text.lowercased()
        let aliases = ["emergency": 0, "critical": 2, "error": 3, "warn": 4]
        return priorityNames.firstIndex(of: name) ?? aliases[name]
    }
}

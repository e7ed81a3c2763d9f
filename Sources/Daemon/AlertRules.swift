import Core
import Synchronization

/// The alert rules in force, replaced as a whole when the configuration is reloaded.
///
/// Read by every batch commit, written by the SIGHUP reload: a batch uses the rules that were in
/// force when it started committing, and the next batch sees the new ones.
final class AlertRules: Sendable {
    private let rules: Mutex<[AlertRule]>

    /// Starts with `rules`.
    init(_ rules: [AlertRule]) {
        self.rules = Mutex(rules)
    }

    /// The rules in force.
    var current: [AlertRule] { rules.withLock { $0 } }

    /// Puts `newRules` in force for what arrives next.
    func replace(with newRules: [AlertRule]) {
        rules.withLock { $0 = newRules }
    }
}

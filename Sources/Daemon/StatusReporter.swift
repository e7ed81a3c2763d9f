/// Decides when the ingest loop tells systemd (and `newsdrop status`) how far it has got.
///
/// Counting the archive reads every document row, and the notify socket queues only a few
/// datagrams (a full one blocks the sender), so a committed batch only marks a report due; the
/// loop sends it once `interval` has passed since the last, waking for it at `nextReport`.
struct StatusReporter {
    /// The least time between two reports, in seconds.
    let interval: Double
    private var lastReport = -Double.infinity
    private var isDue = false

    init(interval: Double = 1) {
        self.interval = interval
    }

    /// Something was committed, so the counts have changed.
    mutating func markChanged() {
        isDue = true
    }

    /// When a report is next due, or nil when nothing has changed since the last.
    var nextReport: Double? { isDue ? lastReport + interval : nil }

    /// Whether to report at `now`; when true, the report counts as made.
    mutating func shouldReport(at now: Double) -> Bool {
        guard isDue, now - lastReport >= interval else { return false }
        isDue = false
        lastReport = now
        return true
    }
}

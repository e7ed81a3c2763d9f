/// Paces journal entries so that no window of `interval` seconds holds more than `burst` of them.
///
/// journald drops (suppresses) a service's entries past `RateLimitBurst` in one
/// `RateLimitIntervalSec` window. An entry that waits is better than one that is lost, so the
/// outbox asks how many it may send now and leaves the rest in the archive for the next turn.
/// Keeping every sliding window under the burst keeps every fixed window journald counts under
/// it too, wherever that window starts. Times are seconds on a monotonic clock, from the caller.
public struct JournalPacer: Sendable {
    /// Entries allowed in any window of `interval` seconds.
    public let burst: Int
    /// The window, in seconds.
    public let interval: Double
    /// Sends still inside the window: when, and how many entries.
    private var recent: [(time: Double, count: Int)] = []
    private var inWindow = 0

    /// A pacer allowing `burst` entries per `interval` seconds.
    public init(burst: Int, interval: Double) {
        self.burst = max(1, burst)
        self.interval = interval
    }

    /// How many entries may be sent at `now`.
    public mutating func allowance(at now: Double) -> Int {
        forget(before: now - interval)
        return max(0, burst - inWindow)
    }

    /// Records that `count` entries were sent at `now`.
    public mutating func record(_ count: Int, at now: Double) {
        guard count > 0 else { return }
        recent.append((now, count))
        inWindow += count
    }

    /// When the allowance next grows, if it is exhausted now: the time the oldest send leaves the window.
    public func nextAllowance() -> Double? {
        inWindow >= burst ? recent.first.map { $0.time + interval } : nil
    }

    private mutating func forget(before cutoff: Double) {
        var dropped = 0
        while dropped < recent.count, recent[dropped].time <= cutoff {
            inWindow -= recent[dropped].count
            dropped += 1
        }
        if dropped > 0 { recent.removeFirst(dropped) }
    }
}

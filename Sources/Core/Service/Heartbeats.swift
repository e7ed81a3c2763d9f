import Synchronization

/// When each long-running loop of the service last showed progress, so the watchdog pings systemd
/// only while every one of them does.
///
/// A loop beats each time it comes round, and also while it works through a long batch (per file
/// analysed, per article committed), so a large but healthy ingest never looks stuck; a loop
/// wedged on a lock or a hung call stops beating. Times are seconds on a monotonic clock, given by
/// the caller, so tests drive it with their own clock.
public final class Heartbeats: Sendable {
    private let beats = Mutex<[String: Double]>([:])

    /// Creates an empty record; a loop is watched from its first beat on.
    public init() {}

    /// Records that `loop` made progress at `now`.
    public func beat(_ loop: String, at now: Double) {
        beats.withLock { $0[loop] = now }
    }

    /// Stops watching `loop` (it has ended on purpose, during shutdown say).
    public func forget(_ loop: String) {
        beats.withLock { $0[loop] = nil }
    }

    /// The loops whose last beat is older than `staleAfter` seconds at `now`, with their silence
    /// in seconds, longest first; empty when every loop is healthy.
    public func stalled(at now: Double, staleAfter: Double) -> [(loop: String, silence: Double)] {
        beats.withLock { beats in
            beats.compactMap { loop, last in now - last > staleAfter ? (loop, now - last) : nil }
                .sorted { $0.silence > $1.silence }
        }
    }

    /// The loops seen so far.
    public var loops: [String] {
        beats.withLock { $0.keys.sorted() }
    }
}

import Synchronization

/// When each long-running loop of the service last showed progress, so the watchdog pings systemd
/// only while every one of them does.
///
/// A loop beats each time it comes round, and also while it works through a long batch (per file
/// analysed, per article committed), so a large but healthy ingest never looks stuck; a loop
/// wedged on a lock or a hung call stops beating. A loop with nothing to do says it is idle before
/// it waits for its next event or deadline: it does not come round to beat meanwhile, and an idle
/// loop is not a stuck one, however long it waits. Times are seconds on a monotonic clock, given
/// by the caller, so tests drive it with their own clock.
public final class Heartbeats: Sendable {
    private struct Record {
        /// The last beat of each loop.
        var beats: [String: Double] = [:]
        /// The loops waiting for work since their last beat.
        var idle: Set<String> = []
    }

    private let record = Mutex(Record())

    /// Creates an empty record; a loop is watched from its first beat on.
    public init() {}

    /// Records that `loop` made progress at `now` (and is busy until it says it is idle).
    public func beat(_ loop: String, at now: Double) {
        record.withLock { record in
            record.beats[loop] = now
            record.idle.remove(loop)
        }
    }

    /// Records that `loop` is waiting for work (an event or its next deadline), not working: it is
    /// not stalled, whatever its silence, until it beats again.
    public func idle(_ loop: String) {
        record.withLock { record in
            guard record.beats[loop] != nil else { return }
            record.idle.insert(loop)
        }
    }

    /// Stops watching `loop` (it has ended on purpose, during shutdown say).
    public func forget(_ loop: String) {
        record.withLock { record in
            record.beats[loop] = nil
            record.idle.remove(loop)
        }
    }

    /// The busy loops whose last beat is older than `staleAfter` seconds at `now`, with their
    /// silence in seconds, longest first; empty when every loop is healthy.
    public func stalled(at now: Double, staleAfter: Double) -> [(loop: String, silence: Double)] {
        record.withLock { record in
            record.beats.compactMap { loop, last in
                !record.idle.contains(loop) && now - last > staleAfter ? (loop, now - last) : nil
            }
            .sorted { $0.silence > $1.silence }
        }
    }

    /// The loops seen so far.
    public var loops: [String] {
        record.withLock { $0.beats.keys.sorted() }
    }
}

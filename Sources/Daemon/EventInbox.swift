import Core
import Synchronization

/// Hands watch events from the watcher's task to the ingest loop in batches.
///
/// Whatever arrives while a batch is being committed is taken at once by the next turn, so a
/// single file goes through alone (low latency) and a flood goes through in large batches.
final class EventInbox: Sendable {
    private let queued = Mutex<[WatchEvent]>([])
    private let wakeUp = WakeUp()

    init() {}

    /// Queues an event and wakes the loop.
    func post(_ event: WatchEvent) {
        queued.withLock { $0.append(event) }
        wakeUp.signal()
    }

    /// Waits until an event is posted or `deadline` passes (none when nil); false once finished.
    ///
    /// An event posted since the last wait ends this one at once, so none waits for a deadline.
    func wait(until deadline: ContinuousClock.Instant?) async -> Bool {
        await wakeUp.wait(until: deadline)
    }

    /// Takes every queued event, oldest first.
    func takeAll() -> [WatchEvent] {
        queued.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    /// Ends the waits: the loop is to stop.
    func finish() {
        wakeUp.finish()
    }
}

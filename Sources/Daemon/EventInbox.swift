import Synchronization

/// Hands watch events from the watcher's task to the ingest loop in batches.
///
/// Whatever arrives while a batch is being committed is taken at once by the next turn, so a
/// single file goes through alone (low latency) and a flood goes through in large batches.
final class EventInbox: Sendable {
    private let queued = Mutex<[WatchEvent]>([])
    private let continuation: AsyncStream<Void>.Continuation
    /// Wakes the ingest loop; several wake-ups in a row collapse into one.
    let wakeUps: AsyncStream<Void>

    init() {
        (wakeUps, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues an event and wakes the loop.
    func post(_ event: WatchEvent) {
        queued.withLock { $0.append(event) }
        continuation.yield()
    }

    /// Wakes the loop without an event (a timer tick).
    func wake() {
        continuation.yield()
    }

    /// Takes every queued event, oldest first.
    func takeAll() -> [WatchEvent] {
        queued.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    /// Ends the wake-ups.
    func finish() {
        continuation.finish()
    }
}

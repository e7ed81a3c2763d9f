import Core
import Logging
import ServiceLifecycle

/// Sends committed events from the outbox to the journal, then marks them sent.
///
/// At-least-once: a crash between the send and the mark re-sends, and every entry carries
/// `NEWSDROP_EVENT_ID` so readers can drop the repeat.
final class OutboxService: Service {
    let store: Store
    let journal: Journal
    let logger: Logger
    private let wakeUps: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(store: Store, journal: Journal, logger: Logger) {
        self.store = store
        self.journal = journal
        self.logger = logger
        (wakeUps, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a flush soon (after a commit).
    func wake() {
        continuation.yield()
    }

    func run() async throws {
        let retry = Task { [continuation] in
            // A failed flush (database busy) is retried within a second even without new commits.
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                continuation.yield()
            }
        }
        defer { retry.cancel() }
        flush()
        for await _ in wakeUps.cancelOnGracefulShutdown() {
            flush()
        }
        // The ingest service stops first (services stop in reverse order), so this sends its last events.
        flush()
    }

    /// Sends every unsent event; returns how many were sent.
    @discardableResult
    func flush() -> Int {
        var sent = 0
        do {
            while true {
                let events = try store.unsentEvents(limit: 500)
                if events.isEmpty { break }
                for event in events { journal.send(event.journalFields) }
                try store.markSent(events.map(\.id))
                sent += events.count
            }
        } catch {
            logger.error("Cannot read or mark the outbox: \(error)")
        }
        return sent
    }
}

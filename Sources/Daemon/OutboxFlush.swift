import Core
import Dispatch
import Synchronization

/// Sends the archive's unsent events to the journal, for one-shot commands (`ingest`, `digest
/// --publish`); without journald they are marked sent, having been printed by the command.
func sendUnsentEvents(of store: any Archive) {
    let journal = Journal(target: .auto)
    do {
        while case let events = try store.unsentEvents(), !events.isEmpty {
            if journal.isJournald { send(events, to: journal) }
            try store.markSent(events.map(\.id))
        }
    } catch {
        printError("newsdrop: cannot send the events to the journal: \(error)")
    }
}

/// Sends an archive's unsent events to the journal in the background while an ingest goes on, one
/// flush at a time, so that the events of 2,000 files are not all sent after the last commit, while
/// a core waits (a tenth of a second, 5% of such an ingest).
final class BackgroundEventFlush: Sendable {
    private let store: any Archive
    private let queue = DispatchQueue(label: "newsdrop.event-flush")
    /// Whether a flush waits in the queue: one more would find nothing the waiting one will not.
    private let isPending = Mutex(false)

    init(store: any Archive) {
        self.store = store
    }

    /// Sends what is unsent, later, unless a flush is waiting to start already.
    func flushSoon() {
        let wasPending = isPending.withLock { pending in
            defer { pending = true }
            return pending
        }
        guard !wasPending else { return }
        queue.async { [self] in
            isPending.withLock { $0 = false }
            sendUnsentEvents(of: store)
        }
    }

    /// Waits for the flushes asked for, then sends what is still unsent.
    func finish() {
        queue.sync { sendUnsentEvents(of: store) }
    }
}

/// Sends `events`, asking whether journald listens once before and once after the batch rather
/// than before each event (a socket and a connect each: 2,000 of them after an ingest of 2,000
/// files). What journald refused, or the whole batch when it went away meanwhile (it drops entries
/// silently then), is sent again one by one, which falls back to JSON lines on stderr.
private func send(_ events: [StoredEvent], to journal: Journal) {
    var delivered = 0
    if journal.isAccepting {
        delivered = events.prefix { journal.send($0.journalFields, fallingBackToStderr: false) }.count
        if !journal.isAccepting { delivered = 0 }
    }
    for event in events.dropFirst(delivered) { journal.send(event.journalFields) }
}

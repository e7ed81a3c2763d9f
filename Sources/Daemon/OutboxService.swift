import Core
import Logging
import ServiceLifecycle
import Synchronization

/// Sends committed events from the outbox to the journal, then marks them sent.
///
/// At-least-once: a crash between the send and the mark re-sends, and every entry carries
/// `NEWSDROP_EVENT_ID` so readers can drop the repeat. Paced by a `JournalPacer` so journald's
/// rate limit never suppresses an entry: past the allowance, events wait in the archive (counted
/// by `newsdrop status` as `unsent_events`) and go out as the window moves on.
///
/// The loop comes round when a commit has recorded events (`wake()`) or when its retry deadline
/// passes: a second after the journal refused an entry, or when the pacer's window lets more go.
/// With nothing to send it does not wake up.
final class OutboxService: Service {
    let store: any Archive
    let journal: Journal
    let logger: Logger
    let heartbeats: Heartbeats
    private let pacer: Mutex<JournalPacer>
    /// Whether the last flush stopped at the pacer's limit, so the log says so once per episode.
    private let isPaced = Mutex(false)
    /// Whether the journal refused the last entry, so the log says so once per outage.
    private let isJournalDown = Mutex(false)
    private let wakeUp = WakeUp()
    /// The pacer's times and the retry deadlines, on the continuous clock.
    private let clock = LoopClock()

    init(store: any Archive, journal: Journal, pacer: JournalPacer, heartbeats: Heartbeats, logger: Logger) {
        self.store = store
        self.journal = journal
        self.pacer = Mutex(pacer)
        self.heartbeats = heartbeats
        self.logger = logger
    }

    /// Asks for a flush at once (a commit recorded events).
    func wake() {
        wakeUp.signal()
    }

    func run() async throws {
        let wakeUp = self.wakeUp
        await withGracefulShutdownHandler {
            var retry = flush()
            while true {
                heartbeats.idle("outbox")
                guard await wakeUp.wait(until: retry.map(clock.instant(at:))) else { break }
                retry = flush()
            }
        } onGracefulShutdown: {
            wakeUp.finish()
        }
        // The ingest service stops first (services stop in reverse order), so this sends its last events.
        flush()
        heartbeats.forget("outbox")
    }

    /// Sends the unsent events the pacer allows; returns when to try again without a new commit
    /// (journald refused an entry, the archive failed, the pacer holds the rest back), or nil.
    @discardableResult
    func flush() -> Double? {
        var sent = 0
        var retry: Double?
        do {
            while true {
                let now = clock.now
                heartbeats.beat("outbox", at: MonotonicClock.seconds())
                let allowance = pacer.withLock { $0.allowance(at: now) }
                let events = allowance > 0 ? try store.unsentEvents(limit: min(500, allowance)) : []
                if events.isEmpty {
                    if allowance == 0 {
                        notePaced()
                        retry = pacer.withLock { $0.nextAllowance() }
                    } else {
                        isPaced.withLock { $0 = false }
                    }
                    break
                }
                // An event the journal refused stays unsent, with those after it, for the next turn.
                // journald gone before or during the batch leaves the whole batch unsent: it is
                // sent again later, with the same NEWSDROP_EVENT_ID.
                guard journal.isAccepting else {
                    noteJournalDown()
                    return now + 1
                }
                let delivered = events.prefix { journal.send($0.journalFields, fallingBackToStderr: false) }
                guard journal.isAccepting else {
                    noteJournalDown()
                    return now + 1
                }
                pacer.withLock { $0.record(delivered.count, at: now) }
                try store.markSent(delivered.map(\.id))
                sent += delivered.count
                if delivered.count < events.count {
                    noteJournalDown()
                    return now + 1
                }
            }
        } catch {
            logger.error("Cannot read or mark the outbox: \(error)")
            retry = clock.now + 1
        }
        noteJournalBack(sent: sent)
        return retry
    }

    /// Says once, when the journal starts refusing entries, that events wait (not once per event per second).
    private func noteJournalDown() {
        guard
            !isJournalDown.withLock({ isDown in
                defer { isDown = true }; return isDown
            })
        else { return }
        let unsent = (try? store.status().unsentEvents) ?? 0
        let reason = journal.lastError.withLock { $0 }
        logger.error(
            "The journal does not accept entries (\(reason)): \(unsent) events wait in the archive and are sent when it is back"
        )
    }

    private func noteJournalBack(sent: Int) {
        guard isJournalDown.withLock({ $0 }), journal.isAccepting else { return }
        isJournalDown.withLock { $0 = false }
        logger.notice("The journal accepts entries again: sent the \(sent) events that waited")
    }

    private func notePaced() {
        let wasPaced = isPaced.withLock { isPaced in
            defer { isPaced = true }
            return isPaced
        }
        guard !wasPaced else { return }
        let (burst, interval) = pacer.withLock { ($0.burst, $0.interval) }
        logger.notice(
            "Pacing the journal: \(burst) entries were sent in the last \(Int(interval)) s (journal_rate_limit_burst); the rest wait in the archive and follow as the window moves on"
        )
    }
}

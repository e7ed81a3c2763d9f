import Core
import Foundation
import Glibc
import Logging
import ServiceLifecycle
import Synchronization

/// Watches the drop folder and ingests what changes: the Watcher → Intake → Pipeline → Store path.
///
/// One loop owns the settle queue: watch events, settle deadlines and rescans all pass through it,
/// so no locking is needed around intake state. The loop comes round when a watch event arrives
/// or when its next deadline passes (a file due in the settle queue, the next rescan, a status
/// report, a retry), and never otherwise: an idle service does not wake up. Work in flight
/// finishes on SIGTERM.
///
/// Pipelined like `newsdrop ingest`: while a round commits (``RoundInFlight``), the loop takes in
/// events and reads and analyses the next round on every core, so a backlog of files keeps both
/// the analysis and the single writer busy.
final class IngestService: Service {
    let config: Config
    let ingester: BatchIngester
    let outbox: OutboxService
    let heartbeats: Heartbeats
    let logger: Logger
    let ignore: IgnoreRules
    /// Files read per round at most.
    let batchLimit = 256
    /// Why the last commit failed and when to try it again, while commits fail: the error is
    /// logged once, not every retry.
    private let commitFailure = Mutex<(reason: String, retry: Double)?>(nil)
    /// Whether the last status line could not be made: its failure is logged once, not every second.
    private let statusFails = Mutex(false)
    /// The loop's deadlines, on the continuous clock.
    private let clock = LoopClock()

    init(config: Config, ingester: BatchIngester, outbox: OutboxService, heartbeats: Heartbeats, logger: Logger) {
        self.config = config
        self.ingester = ingester
        self.outbox = outbox
        self.heartbeats = heartbeats
        self.logger = logger
        self.ignore = IgnoreRules(patterns: config.ignore)
    }

    func run() async throws {
        let ignore = self.ignore
        let inbox = EventInbox()
        let watch = DropFolderWatch(root: config.inbox, inbox: inbox) { path in
            ignore.ignores(name: path.split(separator: "/").last ?? "")
        }
        try watch.start()
        defer {
            watch.stop()
            inbox.finish()
        }
        var queue = SettleQueue(settleTime: config.settleTime)
        var backlog: [FileInProgress] = []
        var inFlight: RoundInFlight?
        var statusReporter = StatusReporter()
        try await withGracefulShutdownHandler {
            await reconcile(&queue, backlog: &backlog, inFlight: &inFlight)
            await ingestReady(&queue, backlog: &backlog, inFlight: &inFlight)
            await settle(&inFlight, queue: &queue, backlog: &backlog)
            Notify.ready(status: try statusLine(queue))
            logger.info("Watching \(config.inbox)", metadata: ["inbox": "\(config.inbox)"])
            var nextRescan = now() + config.rescanInterval
            var nextFolderCheck = 0.0
            while true {
                let deadline =
                    watch.isWatching
                    ? nextDeadline(
                        queue: queue, backlog: backlog, isCommitting: inFlight != nil, rescan: nextRescan,
                        status: statusReporter)
                    : nextFolderCheck
                heartbeats.idle("ingest")
                guard await inbox.wait(until: clock.instant(at: deadline)) else { break }
                heartbeats.beat("ingest", at: MonotonicClock.seconds())
                var rescan = false
                var removals: [String] = []
                for event in inbox.takeAll() {
                    if event.kind == .rootGone {
                        watch.stop()
                        noteDropFolderGone()
                        continue
                    }
                    handle(
                        event, queue: &queue, backlog: &backlog, inFlight: &inFlight, removals: &removals,
                        rescan: &rescan)
                }
                if !watch.isWatching {
                    // Looked for once a second, and nothing else done (a file read now would be
                    // missing, and removed); the archive keeps everything meanwhile.
                    guard now() >= nextFolderCheck else { continue }
                    nextFolderCheck = now() + 1
                    guard (try? watch.start()) != nil else { continue }
                    logger.notice("The drop folder \(config.inbox) is back: watching it again and rescanning")
                    rescan = true
                }
                if !removals.isEmpty {
                    // After the round in flight, which may hold one of these files.
                    await settle(&inFlight, queue: &queue, backlog: &backlog)
                    await commitRemovals(removals)
                    statusReporter.markChanged()
                }
                if rescan || now() >= nextRescan {
                    await reconcile(&queue, backlog: &backlog, inFlight: &inFlight)
                    nextRescan = now() + config.rescanInterval
                    statusReporter.markChanged()
                }
                // One round per turn: what remains (the queue's next files, the backlog) makes the
                // next wait end at once, after taking in what arrived meanwhile.
                if await ingestReady(&queue, backlog: &backlog, inFlight: &inFlight) > 0 {
                    statusReporter.markChanged()
                }
                if statusReporter.shouldReport(at: now()) { reportStatus(queue) }
            }
            await settle(&inFlight, queue: &queue, backlog: &backlog)
            heartbeats.forget("ingest")
            logger.info("Stopped watching; the files in flight were committed")
        } onGracefulShutdown: {
            Notify.stopping()
            inbox.finish()
        }
    }

    /// When the loop next has something to do if no event comes: the first file due in the settle
    /// queue, at once for a backlog (after a failed commit, when it is retried) or a round still
    /// committing, the next rescan, a status report that waits for its turn.
    private func nextDeadline(
        queue: SettleQueue, backlog: [FileInProgress], isCommitting: Bool, rescan: Double, status: StatusReporter
    ) -> Double {
        var deadline = isCommitting ? now() : rescan
        if let due = queue.nextDue(limit: batchLimit) { deadline = min(deadline, due) }
        if !backlog.isEmpty { deadline = min(deadline, commitFailure.withLock { $0?.retry } ?? now()) }
        if let report = status.nextReport { deadline = min(deadline, report) }
        return deadline
    }

    private func handle(
        _ event: WatchEvent, queue: inout SettleQueue, backlog: inout [FileInProgress],
        inFlight: inout RoundInFlight?, removals: inout [String], rescan: inout Bool
    ) {
        // A file in progress that changes or goes is dropped: it is read again, or removed. Also
        // from what a failing round in flight would go back to.
        if event.kind != .overflow {
            let below = event.path + "/"
            let isAffected = { (file: FileInProgress) in file.path == event.path || file.path.hasPrefix(below) }
            backlog.removeAll(where: isAffected)
            inFlight?.backlogBefore.removeAll(where: isAffected)
        }
        switch event.kind {
        case .overflow:
            logger.warning("The watch queue overflowed or a watch failed; rescanning the drop folder")
            rescan = true
        case .removed, .folderRemoved:
            queue.remove(event.path, withEverythingBelow: event.kind == .folderRemoved)
            removals.append(event.path)
        case .closed where !isIgnored(event.path):
            queue.enqueueClosed(event.path, at: now())
        case .changed where !isIgnored(event.path):
            queue.enqueueChanging(event.path, observation: observe(event.path), at: now(), wallClock: wallClock())
        case .closed, .changed, .rootGone:
            break
        }
    }

    /// Says once that the drop folder went, and what the service does about it.
    private func noteDropFolderGone() {
        logger.error(
            "The drop folder \(config.inbox) was deleted or moved away: nothing in it is watched now. The archive keeps its documents; watching resumes when the folder is back",
            metadata: ["inbox": "\(config.inbox)"])
    }

    /// Compares the drop folder with the archive: new and changed files are queued, missing ones removed.
    ///
    /// Not while the folder cannot be listed: an unreadable or missing folder is not an empty one,
    /// and the archive must not lose its documents over it.
    private func reconcile(
        _ queue: inout SettleQueue, backlog: inout [FileInProgress], inFlight: inout RoundInFlight?
    ) async {
        // The archive must hold the round in flight, or its files would look new.
        await settle(&inFlight, queue: &queue, backlog: &backlog)
        guard let folder = FileStatus.of(config.inbox, followingLinks: true), folder.kind == .folder,
            access(config.inbox, R_OK | X_OK) == 0
        else {
            logger.warning("Cannot list the drop folder \(config.inbox); the rescan waits until it can")
            return
        }
        heartbeats.beat("ingest", at: MonotonicClock.seconds())
        var changed = FolderScanner.scan(root: config.inbox, ignore: ignore)
        let onDisk = changed.count
        heartbeats.beat("ingest", at: MonotonicClock.seconds())
        // One pass over the archive's files, crossing off the unchanged ones: what stays in
        // `changed` is new or changed. No second dictionary of every known file, digest included,
        // is built: at 100,000 files it was tens of megabytes of the daemon's peak memory.
        var missing: [String] = []
        do {
            try ingester.store.forEachKnownFile(below: config.inbox) { path, size, modificationTime in
                guard let status = changed[path] else { return missing.append(path) }
                if status.size == size && status.modificationTime == modificationTime {
                    changed.removeValue(forKey: path)
                }
            }
        } catch {
            logger.error("Cannot read the archive to rescan: \(error)")
            return
        }
        let queued = changed.count
        for (path, status) in changed {
            queue.enqueueChanging(
                path, observation: .init(size: status.size, modificationTime: status.modificationTime), at: now(),
                wallClock: wallClock())
        }
        logger.debug("Rescan: \(onDisk) files, \(queued) to read, \(missing.count) gone")
        try? ingester.store.setMeta("last_rescan", Date().formatted(.iso8601))
        if !missing.isEmpty { await commitRemovals(missing.sorted()) }
    }

    /// One round: reads the settled files (at most `batchLimit`) and takes a part of the files in
    /// progress, analysed while the round before commits; then commits it all in one transaction,
    /// in flight until the next round is ready or, when nothing more is ready, waited for at once.
    /// Returns how many files and parts the round took.
    ///
    /// One round per turn of the loop, so events that arrive meanwhile are taken in between and a
    /// file dropped during a long ingest waits for one round, not for the whole ingest.
    @discardableResult
    private func ingestReady(
        _ queue: inout SettleQueue, backlog: inout [FileInProgress], inFlight: inout RoundInFlight?
    ) async -> Int {
        let ready = queue.takeReady(at: now(), limit: batchLimit, look: observe)
        if ready.isEmpty && backlog.isEmpty {
            await settle(&inFlight, queue: &queue, backlog: &backlog)
            return 0
        }
        let inProgress = backlog.count
        var remaining = backlog
        let prepared = await ingester.prepare(reading: ready, backlog: &remaining)
        // Rounds commit in order: the one before first.
        guard await settle(&inFlight, queue: &queue, backlog: &backlog) else {
            // It failed, so the archive refuses commits: this round waits too, and is read again.
            let retry = commitFailure.withLock { $0?.retry } ?? now() + 5
            for path in ready { queue.enqueueClosed(path, at: retry) }
            return 0
        }
        let ingester = self.ingester
        inFlight = RoundInFlight(commit: Task { try ingester.commit(prepared) }, paths: ready, backlogBefore: backlog)
        backlog = remaining
        // Nothing more to read now: wait for the commit here, so that its events go out at once.
        if backlog.isEmpty && queue.nextDue(limit: batchLimit).map({ $0 > now() }) ?? true {
            await settle(&inFlight, queue: &queue, backlog: &backlog)
        }
        return ready.count + inProgress
    }

    /// Waits for the round in flight, if any, and takes in what it did. False when its commit
    /// failed (the archive refused it: disk full, say): its files are queued again and `backlog`
    /// goes back to what it was before the round, to be tried again later.
    @discardableResult
    private func settle(
        _ inFlight: inout RoundInFlight?, queue: inout SettleQueue, backlog: inout [FileInProgress]
    ) async -> Bool {
        guard let round = inFlight else { return true }
        inFlight = nil
        do {
            let result = try await round.commit.value
            for path in result.changing {
                queue.enqueueChanging(path, observation: observe(path), at: now(), wallClock: wallClock())
            }
            if !result.events.isEmpty { outbox.wake() }
            noteCommitsWork()
            logger.debug("Committed a round of \(round.paths.count) files, \(result.events.count) events")
            return true
        } catch {
            let retry = now() + 5
            backlog = round.backlogBefore
            noteCommitFails(error, waiting: round.paths.count + queue.count + backlog.count, retry: retry)
            for path in round.paths { queue.enqueueClosed(path, at: retry) }
            return false
        }
    }

    /// Logs a failing commit once, with the reason, instead of once per retry.
    private func noteCommitFails(_ error: any Error, waiting: Int, retry: Double) {
        let reason = "\(error)"
        let isNew = commitFailure.withLock { failure in
            defer { failure = (reason, retry) }
            return failure == nil
        }
        guard isNew else { return }
        logger.error(
            "Cannot commit to the archive: \(reason). \(waiting) files wait and are retried every 5 s; nothing is lost",
            metadata: ["state_dir": "\(config.stateDirectory)"])
    }

    private func noteCommitsWork() {
        guard
            let failure = commitFailure.withLock({ failure in
                defer { failure = nil }; return failure
            })
        else {
            return
        }
        logger.notice(
            "The archive accepts commits again (it had failed with: \(failure.reason)); the waiting files go in")
    }

    private func commitRemovals(_ paths: [String]) async {
        do {
            if try !ingester.store.remove(paths: paths).isEmpty { outbox.wake() }
        } catch {
            logger.error("Cannot remove \(paths.count) files from the archive: \(error)")
        }
    }

    /// Sends the status line to systemd and records the queue length for `newsdrop status`.
    private func reportStatus(_ queue: SettleQueue) {
        do {
            Notify.status(try statusLine(queue))
            statusFails.withLock { $0 = false }
            // A full disk fails this too; the failing commit already says so, once.
            try? ingester.store.setMeta("queued", String(queue.count))
        } catch {
            let wasFailing = statusFails.withLock { failing in
                defer { failing = true }
                return failing
            }
            if !wasFailing { logger.error("Cannot read the archive's counts for the status line: \(error)") }
        }
    }

    private func statusLine(_ queue: SettleQueue) throws -> String {
        let status = try ingester.store.status()
        return "\(status.documents) documents, \(status.rejected) rejected, \(queue.count) waiting"
    }

    private func isIgnored(_ path: String) -> Bool {
        ignore.ignores(path: path, below: config.inbox)
    }

    private func observe(_ path: String) -> SettleQueue.Observation? {
        FileStatus.of(path, followingLinks: true).map { .init(size: $0.size, modificationTime: $0.modificationTime) }
    }

    /// Seconds on the loop's monotonic clock: what deadlines count in.
    private func now() -> Double { clock.now }

    /// Seconds since 1970: what files' modification times count in.
    private func wallClock() -> Double { Date().timeIntervalSince1970 }
}

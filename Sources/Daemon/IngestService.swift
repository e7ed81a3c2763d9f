import Core
import Foundation
import Logging
import ServiceLifecycle

/// Watches the drop folder and ingests what changes: the Watcher → Intake → Pipeline → Store path.
///
/// One loop owns the settle queue: watch events, timer ticks and rescans all pass through it, so
/// no locking is needed around intake state. Work in flight finishes on SIGTERM.
final class IngestService: Service {
    let config: Config
    let ingester: BatchIngester
    let outbox: OutboxService
    let heartbeats: Heartbeats
    let logger: Logger
    let ignore: IgnoreRules
    /// Files committed per transaction at most.
    let batchLimit = 256

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
        let watcher = try Watcher(root: config.inbox) { path in
            ignore.ignores(name: path.split(separator: "/").last ?? "")
        }
        let inbox = EventInbox()
        let forwarder = Task {
            for await event in watcher.events() { inbox.post(event) }
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                inbox.wake()
            }
        }
        defer {
            watcher.stop()
            forwarder.cancel()
            ticker.cancel()
            inbox.finish()
        }
        var queue = SettleQueue(settleTime: config.settleTime)
        var statusReporter = StatusReporter()
        try await withGracefulShutdownHandler {
            await reconcile(&queue)
            await ingestReady(&queue)
            Notify.ready(status: try statusLine(queue))
            logger.info("Watching \(config.inbox)", metadata: ["inbox": "\(config.inbox)"])
            var nextRescan = now() + config.rescanInterval
            for await _ in inbox.wakeUps.cancelOnGracefulShutdown() {
                heartbeats.beat("ingest", at: MonotonicClock.seconds())
                var rescan = false
                var removals: [String] = []
                for event in inbox.takeAll() {
                    handle(event, queue: &queue, removals: &removals, rescan: &rescan)
                }
                if !removals.isEmpty {
                    await commitRemovals(removals)
                    statusReporter.markChanged()
                }
                if rescan || now() >= nextRescan {
                    await reconcile(&queue)
                    nextRescan = now() + config.rescanInterval
                    statusReporter.markChanged()
                }
                if await ingestReady(&queue) > 0 { statusReporter.markChanged() }
                if statusReporter.shouldReport(at: now()) { reportStatus(queue) }
            }
            heartbeats.forget("ingest")
            logger.info("Stopped watching; the files in flight were committed")
        } onGracefulShutdown: {
            Notify.stopping()
        }
    }

    private func handle(_ event: WatchEvent, queue: inout SettleQueue, removals: inout [String], rescan: inout Bool) {
        switch event.kind {
        case .overflow:
            logger.warning("The watch queue overflowed or a watch failed; rescanning the drop folder")
            rescan = true
        case .removed, .folderRemoved:
            queue.remove(event.path)
            removals.append(event.path)
        case .closed where !isIgnored(event.path):
            queue.enqueueClosed(event.path, at: now())
        case .changed where !isIgnored(event.path):
            queue.enqueueChanging(event.path, observation: observe(event.path), at: now())
        case .closed, .changed:
            break
        }
    }

    /// Compares the drop folder with the archive: new and changed files are queued, missing ones removed.
    private func reconcile(_ queue: inout SettleQueue) async {
        heartbeats.beat("ingest", at: MonotonicClock.seconds())
        let onDisk = FolderScanner.scan(root: config.inbox, ignore: ignore)
        heartbeats.beat("ingest", at: MonotonicClock.seconds())
        let known: [String: KnownFile]
        do {
            known = try ingester.store.knownFiles(below: config.inbox)
        } catch {
            logger.error("Cannot read the archive to rescan: \(error)")
            return
        }
        var queued = 0
        for (path, status) in onDisk {
            if let file = known[path], file.size == status.size, file.modificationTime == status.modificationTime {
                continue
            }
            queue.enqueueChanging(
                path, observation: .init(size: status.size, modificationTime: status.modificationTime), at: now())
            queued += 1
        }
        let missing = known.keys.filter { onDisk[$0] == nil }
        logger.debug("Rescan: \(onDisk.count) files, \(queued) to read, \(missing.count) gone")
        try? ingester.store.setMeta("last_rescan", Date().formatted(.iso8601))
        if !missing.isEmpty { await commitRemovals(missing.sorted()) }
    }

    /// Reads, analyses and commits every settled file, a batch per transaction; returns how many were committed.
    @discardableResult
    private func ingestReady(_ queue: inout SettleQueue) async -> Int {
        var committed = 0
        while true {
            let ready = queue.takeReady(at: now(), limit: batchLimit, look: observe)
            if ready.isEmpty { return committed }
            do {
                let result = try await ingester.ingest(ready)
                outbox.wake()
                committed += ready.count
                logger.debug("Committed \(ready.count) files, \(result.events.count) events")
            } catch {
                // The archive refused the batch (disk full, say): keep the files and try again later.
                logger.error("Cannot commit \(ready.count) files: \(error); retrying in 5 s")
                for path in ready { queue.enqueueClosed(path, at: now() + 5) }
                return committed
            }
        }
    }

    private func commitRemovals(_ paths: [String]) async {
        do {
            _ = try ingester.store.remove(paths: paths)
            outbox.wake()
        } catch {
            logger.error("Cannot remove \(paths.count) files from the archive: \(error)")
        }
    }

    /// Sends the status line to systemd and records the queue length for `newsdrop status`.
    private func reportStatus(_ queue: SettleQueue) {
        do {
            Notify.status(try statusLine(queue))
            try ingester.store.setMeta("queued", String(queue.count))
        } catch {
            logger.error("Cannot read the archive's counts for the status line: \(error)")
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

    private func now() -> Double { Date().timeIntervalSince1970 }
}

import Core
import Foundation

/// Reads and analyses a batch of files on every core, then commits the batch in one transaction.
///
/// Shared by the daemon and `newsdrop ingest`, so both ingest exactly the same way.
struct BatchIngester: Sendable {
    let processor: FileProcessor
    let store: Store
    /// The alert rules each commit evaluates; none for one-shot ingests.
    var alerts = AlertRules([])
    /// How many files are analysed at once: one per core.
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Called after each file analysed and each article committed: the watchdog's heartbeat.
    var onProgress: @Sendable () -> Void = {}
    /// Called once per file analysed, with the files analysed so far in this batch: the progress bar.
    var onFileAnalysed: @Sendable (Int) -> Void = { _ in }

    /// What a batch did.
    struct Result {
        /// Events committed, in order.
        var events: [StoredEvent] = []
        /// Paths that had vanished by the time they were read.
        var vanished: [String] = []
    }

    /// Processes `paths` and commits them, with vanished files removed from the archive.
    func ingest(_ paths: [String]) async throws -> Result {
        var outcomes: [FileOutcome] = []
        var result = Result()
        outcomes.reserveCapacity(paths.count)
        await withTaskGroup(of: (String, FileOutcome?).self) { group in
            var next = paths.makeIterator()
            for _ in 0..<width {
                guard let path = next.next() else { break }
                group.addTask { (path, processor.process(path: path)) }
            }
            while let (path, outcome) = await group.next() {
                if let outcome { outcomes.append(outcome) } else { result.vanished.append(path) }
                onProgress()
                onFileAnalysed(outcomes.count + result.vanished.count)
                if let path = next.next() { group.addTask { (path, processor.process(path: path)) } }
            }
        }
        outcomes.sort { $0.path < $1.path }
        result.events = try store.commit(
            outcomes, alerts: alerts.current, knownEntityIDs: processor.pipeline.classifier.entityIDs(forName:),
            progress: onProgress)
        if !result.vanished.isEmpty {
            result.events += try store.remove(paths: result.vanished)
        }
        return result
    }
}

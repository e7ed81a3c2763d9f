import Core
import Foundation

/// Reads and analyses files on every core and commits them in rounds, one transaction per round.
///
/// A round reads the files given, analyses the small ones whole and takes at most ``partSize``
/// articles from the large files in progress (the backlog), then commits all of it at once. A
/// large feed thus goes in over many short rounds, and a file dropped meanwhile joins the next one:
/// it waits for one part, not for the whole feed. Shared by the daemon and `newsdrop ingest`, so
/// both ingest exactly the same way.
struct BatchIngester: Sendable {
    let processor: FileProcessor
    let store: any Archive
    /// The alert rules each commit evaluates; none for one-shot ingests.
    var alerts = AlertRules([])
    /// How many files are analysed at once: one per core.
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Articles analysed per round at most, across files: about a quarter of a second of work.
    var partSize = 256
    /// Called after each file read, each article analysed and each committed: the watchdog's heartbeat.
    var onProgress: @Sendable () -> Void = {}
    /// Called once per file read, with the files read so far in this round: the progress bar.
    var onFileAnalysed: @Sendable (Int) -> Void = { _ in }

    /// What a round did.
    struct Result {
        /// Events committed, in order.
        var events: [StoredEvent] = []
        /// Paths that had vanished by the time they were read.
        var vanished: [String] = []
        /// Paths that changed while they were read, to be read again once they settle.
        var changing: [String] = []
    }

    /// Processes `paths` to the end, `batchSize` files at a time (fewer in the last rounds, see
    /// ``roundSize(remaining:atMost:)``), in as many rounds as their articles need; `onBatchRead`
    /// gets the number of files read so far (the progress bar), and `onCommitted` what each round
    /// did, in order, once it is committed.
    ///
    /// Pipelined: a round is read and analysed while the one before is being committed, so the
    /// analysis (on every core) and the single writer overlap instead of taking turns. The rounds'
    /// results are handed over rather than gathered, so that 20,000 events are not all held at once.
    func ingest(
        _ paths: [String], batchSize: Int = 256, onBatchRead: @escaping @Sendable (Int) -> Void = { _ in },
        onCommitted: (Result) -> Void
    ) async throws {
        var backlog: [FileInProgress] = []
        var next = paths.startIndex
        var committing: Task<Result, any Error>?
        while next < paths.endIndex || !backlog.isEmpty {
            let size = Self.roundSize(remaining: paths.endIndex - next, atMost: batchSize)
            let batch = Array(paths[next..<min(next + size, paths.endIndex)])
            let done = next
            next += batch.count
            var reader = self
            reader.onFileAnalysed = { onBatchRead(done + $0) }
            let prepared = await reader.prepare(reading: batch, backlog: &backlog)
            if let committing { onCommitted(try await committing.value) }
            committing = Task { try commit(prepared) }
        }
        if let committing { onCommitted(try await committing.value) }
    }

    /// How many of the `remaining` files the next round reads: `atMost`, and then a third of what
    /// remains (at least 64), so that the rounds shrink towards the end.
    ///
    /// The last commit has nothing to overlap with: while it runs one core waits. A last round of
    /// 256 files left it idle for about a tenth of a second, 5% of an ingest of 2,000 files; the
    /// few more commits of the shrinking rounds cost less than that.
    static func roundSize(remaining: Int, atMost limit: Int) -> Int {
        min(limit, max(64, remaining / 3))
    }

    /// A round read and analysed, not yet committed.
    struct PreparedRound: Sendable {
        var outcomes: [FileOutcome] = []
        var vanished: [String] = []
        var changing: [String] = []
    }

    /// Reads `paths` and takes a part of `backlog` (which is left with what remains), analysed.
    func prepare(reading paths: [String], backlog: inout [FileInProgress]) async -> PreparedRound {
        var prepared = PreparedRound()
        var analysed = 0
        for (path, reading) in await read(paths) {
            // Read again: whatever was in progress of this file is out of date.
            backlog.removeAll { $0.path == path }
            switch reading {
            case nil: prepared.vanished.append(path)
            case .changing: prepared.changing.append(path)
            case .finished(let outcome)?:
                prepared.outcomes.append(outcome)
                analysed += outcome.articles.count
            case .extracted(let file)?:
                backlog.append(file)
            }
        }
        prepared.outcomes.sort { $0.path < $1.path }
        // The backlog gets what the new files left of the round, and never nothing, so it advances.
        prepared.outcomes += await analyseParts(of: &backlog, budget: max(partSize - analysed, partSize / 4))
        backlog.removeAll { $0.remaining == 0 }
        return prepared
    }

    /// Commits a prepared round in one transaction, then removes the files that vanished.
    func commit(_ prepared: PreparedRound) throws -> Result {
        var result = Result(vanished: prepared.vanished, changing: prepared.changing)
        result.events = try store.commit(
            prepared.outcomes, at: Date(), alerts: alerts.current,
            knownEntityIDs: processor.pipeline.classifier.entityIDs(forName:), progress: onProgress)
        if !prepared.vanished.isEmpty {
            result.events += try store.remove(paths: prepared.vanished)
        }
        return result
    }

    /// Reads `paths` on every core. A file already stored with the same content is not analysed;
    /// one of a few articles is analysed whole, in its reading task; a larger one is left to the
    /// backlog, unanalysed.
    private func read(_ paths: [String]) async -> [(String, FileProcessor.Reading?)] {
        var readings: [(String, FileProcessor.Reading?)] = []
        readings.reserveCapacity(paths.count)
        let smallFile = max(1, partSize / 16)
        // One read for the round. Only a hint: the commit checks each file again in its transaction.
        let known = (try? store.knownFiles(at: paths)) ?? [:]
        await withTaskGroup(of: (String, FileProcessor.Reading?).self) { group in
            var next = paths.makeIterator()
            func start(_ path: String) {
                group.addTask {
                    let reading = processor.read(path: path)
                    guard case .extracted(var file)? = reading else { return (path, reading) }
                    if known[path]?.sha256 == file.sha256 {
                        return (path, .finished(file.unchanged))
                    }
                    guard file.remaining > smallFile else {
                        return (path, .finished(file.outcome(analysing: file.remaining, with: processor.pipeline)))
                    }
                    return (path, .extracted(file))
                }
            }
            for _ in 0..<width {
                guard let path = next.next() else { break }
                start(path)
            }
            while let reading = await group.next() {
                readings.append(reading)
                onProgress()
                onFileAnalysed(readings.count)
                if let path = next.next() { start(path) }
            }
        }
        return readings
    }

    /// Takes up to `budget` articles from the files of `backlog`, shared between them, analyses
    /// them on every core and returns one outcome per file touched.
    private func analyseParts(of backlog: inout [FileInProgress], budget: Int) async -> [FileOutcome] {
        guard !backlog.isEmpty else { return [] }
        let share = max(1, budget / backlog.count)
        var work: [(file: Int, index: Int)] = []
        var ranges: [(file: Int, range: Range<Int>)] = []
        for position in backlog.indices where work.count < budget {
            let range = backlog[position].take(min(share, budget - work.count))
            ranges.append((position, range))
            work += range.map { (position, $0) }
        }
        let files = backlog
        let pipeline = processor.pipeline
        let sliceSize = max(1, (work.count + width - 1) / width)
        var analysed: [Int: [Article]] = [:]
        await withTaskGroup(of: (Int, [Article]).self) { group in
            for start in stride(from: 0, to: work.count, by: sliceSize) {
                let slice = work[start..<min(start + sliceSize, work.count)]
                group.addTask {
                    (start, slice.map { pipeline.analyse($0.index, of: files[$0.file].file) })
                }
            }
            for await (start, articles) in group {
                analysed[start] = articles
                onProgress()
            }
        }
        let articles = analysed.keys.sorted().flatMap { analysed[$0]! }  // every key was just stored
        var outcomes: [FileOutcome] = []
        var offset = 0
        for (position, range) in ranges {
            outcomes.append(
                backlog[position].outcome(for: Array(articles[offset..<(offset + range.count)]), range: range))
            offset += range.count
        }
        return outcomes
    }
}

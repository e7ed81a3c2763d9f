import Core
import Testing

struct SettleQueueTests {
    typealias Observation = SettleQueue.Observation

    @Test func closedFileIsReadyAtOnce() {
        var queue = SettleQueue(settleTime: 2)
        queue.enqueueClosed("/in/a.txt", at: 100)
        #expect(queue.takeReady(at: 100, limit: 10, look: { _ in nil }) == ["/in/a.txt"])
        #expect(queue.count == 0)
    }

    @Test func fileStillGrowingWaitsUntilTwoLooksAgree() {
        var queue = SettleQueue(settleTime: 2)
        var size: Int64 = 10
        queue.enqueueChanging(
            "/in/a.txt", observation: Observation(size: size, modificationTime: 100), at: 100, wallClock: 100)
        #expect(queue.takeReady(at: 101, limit: 10, look: { _ in nil }).isEmpty)  // not due yet
        size = 20
        let look = { (_: String) in Observation(size: size, modificationTime: 102) }
        #expect(queue.takeReady(at: 102, limit: 10, look: look).isEmpty)  // changed: waits again
        #expect(queue.nextDue(limit: 10) == 104)
        #expect(queue.takeReady(at: 104, limit: 10, look: look) == ["/in/a.txt"])  // unchanged since: ready
    }

    @Test func fileOlderThanTheSettleTimeIsReadyAtOnce() {
        var queue = SettleQueue(settleTime: 2)
        queue.enqueueChanging(
            "/in/old.txt", observation: Observation(size: 5, modificationTime: 10), at: 100, wallClock: 100)
        #expect(queue.takeReady(at: 100, limit: 10, look: { _ in nil }) == ["/in/old.txt"])
    }

    @Test func aFilesAgeIsToldByTheWallClockAndItsDueTimeByTheQueuesClock() {
        // Given a monotonic clock at 5 s while the wall clock says 1,700,000,100
        var queue = SettleQueue(settleTime: 2)
        let wallClock = 1_700_000_100.0
        // When an old file and a file written just now are queued
        queue.enqueueChanging(
            "/in/old.txt", observation: Observation(size: 5, modificationTime: wallClock - 60), at: 5,
            wallClock: wallClock)
        queue.enqueueChanging(
            "/in/new.txt", observation: Observation(size: 5, modificationTime: wallClock), at: 5, wallClock: wallClock)
        // Then the old one is due at once and the new one a settle time later, on the monotonic clock
        #expect(queue.takeReady(at: 5, limit: 10, look: { _ in nil }) == ["/in/old.txt"])
        #expect(queue.nextDue(limit: 10) == 7)
    }

    @Test func nothingWaitingIsNeverDue() {
        var queue = SettleQueue(settleTime: 2)
        #expect(queue.nextDue(limit: 10) == nil)
        queue.enqueueClosed("/in/a.txt", at: 1)
        #expect(queue.nextDue(limit: 10) == 1)
        _ = queue.takeReady(at: 1, limit: 10, look: { _ in nil })
        #expect(queue.nextDue(limit: 10) == nil)
    }

    @Test func aFileDueWhereNoRoundReachesYetDoesNotMakeTheQueueDue() {
        // Given (limit 2: stretches of 32) 32 files settling until 10 at each end and, between
        // them, a closed file due at once that no round can reach before the ends are taken
        var queue = SettleQueue(settleTime: 2)
        for index in 0..<32 { queue.enqueueChanging("/in/front-\(index)", observation: nil, at: 8, wallClock: 0) }
        queue.enqueueClosed("/in/middle", at: 0)
        for index in 0..<32 { queue.enqueueChanging("/in/back-\(index)", observation: nil, at: 8, wallClock: 0) }
        // Then the queue is next due at 10, when a round can take something, not at 0
        #expect(queue.nextDue(limit: 2) == 10)
        #expect(queue.takeReady(at: 9, limit: 2, look: { _ in nil }).isEmpty)
    }

    @Test func removingAFolderForgetsEverythingBelowIt() {
        var queue = SettleQueue(settleTime: 0)
        queue.enqueueClosed("/in/sub/a.txt", at: 1)
        queue.enqueueClosed("/in/sub/deeper/b.txt", at: 1)
        queue.enqueueClosed("/in/subway.txt", at: 1)
        queue.remove("/in/sub")
        #expect(queue.takeReady(at: 1, limit: 10, look: { _ in nil }) == ["/in/subway.txt"])
    }

    @Test func limitBoundsABatch() {
        var queue = SettleQueue(settleTime: 0)
        for index in 0..<10 { queue.enqueueClosed("/in/\(index).txt", at: 1) }
        #expect(queue.takeReady(at: 1, limit: 4, look: { _ in nil }).count == 4)
        #expect(queue.count == 6)
    }

    @Test func aFileDroppedDuringAFloodIsTakenInTheNextBatch() {
        // Given a flood of 1,000 files due, then one more dropped after it
        var queue = SettleQueue(settleTime: 0)
        for index in 0..<1000 { queue.enqueueClosed("/in/flood-\(index).txt", at: Double(index) / 1000) }
        queue.enqueueClosed("/in/single.txt", at: 5)
        // Then the next batch holds the oldest of the flood and the file dropped last
        let batch = queue.takeReady(at: 5, limit: 8, look: { _ in nil })
        #expect(batch.contains("/in/single.txt"))
        #expect(batch.contains("/in/flood-0.txt") && batch.contains("/in/flood-3.txt"))
        #expect(batch.count == 8)
    }

    @Test(arguments: 0..<4)
    func everyQueuedFileIsTakenOnceWhateverTheOrderOfEvents(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        var queue = SettleQueue(settleTime: 1)
        var waiting = Set<String>()
        var clock = 0.0
        for _ in 0..<3000 {
            clock += 0.01
            let path = "/in/\(Int.random(in: 0..<400, using: &random)).txt"
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                queue.enqueueClosed(path, at: clock)
                waiting.insert(path)
            case 5..<7:
                queue.enqueueChanging(path, observation: nil, at: clock, wallClock: clock)
                waiting.insert(path)
            case 7:
                queue.remove(path, withEverythingBelow: false)
                waiting.remove(path)
            default:
                let limit = Int.random(in: 1...20, using: &random)
                let due = queue.nextDue(limit: limit)
                let batch = queue.takeReady(at: clock, limit: limit, look: { _ in nil })
                // A loop waiting until `nextDue` neither comes round for nothing nor misses a file.
                #expect(batch.isEmpty == (due.map { $0 > clock } ?? true))
                #expect(Set(batch).count == batch.count)
                #expect(Set(batch).isSubset(of: waiting))
                waiting.subtract(batch)
            }
            #expect(queue.count == waiting.count)
        }
        var rounds = 0
        while queue.count > 0, rounds < 1000 {
            waiting.subtract(queue.takeReady(at: clock + 10, limit: 7, look: { _ in nil }))
            rounds += 1
        }
        #expect(waiting.isEmpty && queue.count == 0)
    }
}

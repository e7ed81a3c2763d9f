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
        queue.enqueueChanging("/in/a.txt", observation: Observation(size: size, modificationTime: 100), at: 100)
        #expect(queue.takeReady(at: 101, limit: 10, look: { _ in nil }).isEmpty)  // not due yet
        size = 20
        let look = { (_: String) in Observation(size: size, modificationTime: 102) }
        #expect(queue.takeReady(at: 102, limit: 10, look: look).isEmpty)  // changed: waits again
        #expect(queue.nextDue == 104)
        #expect(queue.takeReady(at: 104, limit: 10, look: look) == ["/in/a.txt"])  // unchanged since: ready
    }

    @Test func fileOlderThanTheSettleTimeIsReadyAtOnce() {
        var queue = SettleQueue(settleTime: 2)
        queue.enqueueChanging("/in/old.txt", observation: Observation(size: 5, modificationTime: 10), at: 100)
        #expect(queue.takeReady(at: 100, limit: 10, look: { _ in nil }) == ["/in/old.txt"])
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
}

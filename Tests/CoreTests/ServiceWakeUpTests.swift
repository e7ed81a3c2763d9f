import Core
import Synchronization
import Testing

/// The ingest and outbox loops' wake-up: signals, deadlines, finish and cancellation.
struct ServiceWakeUpTests {
    @Test func aSignalSentBeforeTheWaitEndsItAtOnce() async {
        let wakeUp = WakeUp()
        wakeUp.signal()
        #expect(await wakeUp.wait(until: nil))
    }

    @Test func aSignalEndsAWaitInProgress() async {
        let wakeUp = WakeUp()
        async let woke = wakeUp.wait(until: nil)
        wakeUp.signal()
        #expect(await woke)
    }

    @Test func aDeadlineEndsAWaitWithoutASignal() async {
        let wakeUp = WakeUp()
        #expect(await wakeUp.wait(until: .now + .milliseconds(10)))
        #expect(await wakeUp.wait(until: .now - .seconds(1)))
    }

    @Test func signalsCollapseAndAreUsedUpByTheWaitTheyEnd() async {
        // Given three signals, which end one wait
        let wakeUp = WakeUp()
        for _ in 0..<3 { wakeUp.signal() }
        #expect(await wakeUp.wait(until: nil))

        // Then the next wait lasts until its deadline: no signal was left over
        let deadline = ContinuousClock.now + .milliseconds(30)
        #expect(await wakeUp.wait(until: deadline))
        #expect(ContinuousClock.now >= deadline)
    }

    @Test func finishEndsTheWaitAndEveryLaterOneWithFalse() async {
        let wakeUp = WakeUp()
        async let woke = wakeUp.wait(until: .now + .seconds(3_600))
        wakeUp.finish()
        #expect(await woke == false)
        wakeUp.signal()
        #expect(await wakeUp.wait(until: nil) == false)
    }

    @Test func cancellingTheWaitingTaskEndsItsWaitWithFalse() async {
        let wakeUp = WakeUp()
        let waiting = Task { await wakeUp.wait(until: nil) }
        waiting.cancel()
        #expect(await waiting.value == false)
    }

    @Test(.timeLimit(.minutes(1)))
    func noSignalIsLostBetweenALoopsLookAndItsWait() async {
        // Given a thread that posts 20,000 items one by one, signalling each
        let wakeUp = WakeUp()
        let posted = Counter()
        let total = 20_000
        Task.detached {
            for _ in 0..<total {
                posted.count.withLock { $0 += 1 }
                wakeUp.signal()
            }
        }

        // Then a loop that takes what was posted and waits with no deadline sees every item
        var taken = 0
        while taken < total {
            taken = posted.count.withLock { $0 }
            if taken < total { _ = await wakeUp.wait(until: nil) }
        }
        #expect(taken == total)
    }
}

/// Items posted by another thread.
private final class Counter: Sendable {
    let count = Mutex(0)
}

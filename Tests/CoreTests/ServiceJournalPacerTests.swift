import Core
import Testing

/// Pacing journal entries under journald's rate limit, driven by an injected clock.
struct ServiceJournalPacerTests {
    @Test func theWholeBurstIsAllowedAtFirst() {
        var pacer = JournalPacer(burst: 100, interval: 30)
        #expect(pacer.allowance(at: 0) == 100)
        #expect(pacer.nextAllowance() == nil)
    }

    @Test func sendsInsideTheWindowUseTheAllowanceUp() {
        // Given 60 entries sent at 0 and 40 at 10
        var pacer = JournalPacer(burst: 100, interval: 30)
        pacer.record(60, at: 0)
        pacer.record(40, at: 10)

        // Then nothing more is allowed until the first send leaves the window at 30
        #expect(pacer.allowance(at: 29.9) == 0)
        #expect(pacer.nextAllowance() == 30)
        #expect(pacer.allowance(at: 30) == 60)
        #expect(pacer.allowance(at: 40) == 100)
    }

    /// journald counts in fixed windows starting anywhere; a paced sender never puts more than the
    /// burst in any of them.
    @Test(arguments: [0.0, 0.5, 7.25, 13.0, 29.99])
    func noFixedWindowEverHoldsMoreThanTheBurst(windowStart offset: Double) {
        // Given a sender that tries to send 7 entries every 0.25 s for 120 s under 100 per 10 s
        var pacer = JournalPacer(burst: 100, interval: 10)
        var sends: [(time: Double, count: Int)] = []
        var time = 0.0
        while time < 120 {
            let count = min(7, pacer.allowance(at: time))
            pacer.record(count, at: time)
            if count > 0 { sends.append((time, count)) }
            time += 0.25
        }

        // Then every window [start, start + 10) holds at most 100 entries
        var start = offset
        while start < 120 {
            let inWindow = sends.filter { $0.time >= start && $0.time < start + 10 }.reduce(0) { $0 + $1.count }
            #expect(inWindow <= 100, "window starting at \(start)")
            start += 10
        }
        // And the sender was not starved: about 100 per 10 s went out
        let total = sends.reduce(0) { $0 + $1.count }
        #expect(total >= 1_100)
    }
}

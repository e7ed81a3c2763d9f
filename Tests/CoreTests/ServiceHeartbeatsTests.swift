import Core
import Testing

/// The watchdog's health record, driven by an injected clock.
struct ServiceHeartbeatsTests {
    @Test func loopsThatBeatRecentlyAreHealthy() {
        // Given two loops that beat at 100 and 103
        let heartbeats = Heartbeats()
        heartbeats.beat("ingest", at: 100)
        heartbeats.beat("outbox", at: 103)

        // Then at 110, with a 15 s allowance, nothing is stalled
        #expect(heartbeats.stalled(at: 110, staleAfter: 15).isEmpty)
        #expect(heartbeats.loops == ["ingest", "outbox"])
    }

    @Test func aWedgedLoopIsReportedWithItsSilence() throws {
        // Given an ingest loop that stopped beating at 100 while the outbox goes on
        let heartbeats = Heartbeats()
        heartbeats.beat("ingest", at: 100)
        for time in stride(from: 100.0, through: 130, by: 1) { heartbeats.beat("outbox", at: time) }

        // Then at 130 the ingest loop alone is stalled, for 30 s
        let stalled = heartbeats.stalled(at: 130, staleAfter: 15)
        #expect(stalled.count == 1)
        let first = try #require(stalled.first)
        #expect(first.loop == "ingest")
        #expect(first.silence == 30)
    }

    @Test func progressInsideALongBatchKeepsALoopHealthy() {
        // Given a loop that comes round once at 0, then beats per article of a 60 s commit
        let heartbeats = Heartbeats()
        heartbeats.beat("ingest", at: 0)
        for article in 1...600 { heartbeats.beat("ingest", at: Double(article) * 0.1) }

        // Then it is healthy at the end of the commit
        #expect(heartbeats.stalled(at: 61, staleAfter: 15).isEmpty)
    }

    @Test func aForgottenLoopIsNoLongerWatched() {
        let heartbeats = Heartbeats()
        heartbeats.beat("ingest", at: 0)
        heartbeats.forget("ingest")
        #expect(heartbeats.stalled(at: 1_000, staleAfter: 15).isEmpty)
        #expect(heartbeats.loops.isEmpty)
    }

    @Test func anIdleLoopIsNotStalledHoweverLongItWaits() {
        // Given an ingest loop that beat at 100 and then waits for a file
        let heartbeats = Heartbeats()
        heartbeats.beat("ingest", at: 100)
        heartbeats.idle("ingest")

        // Then an hour later it is not stalled
        #expect(heartbeats.stalled(at: 3_700, staleAfter: 15).isEmpty)
    }

    @Test func aLoopThatWakesAndThenWedgesIsStalledAgain() throws {
        // Given a loop idle at 100 that wakes at 200 and hangs in its turn
        let heartbeats = Heartbeats()
        heartbeats.beat("outbox", at: 100)
        heartbeats.idle("outbox")
        heartbeats.beat("outbox", at: 200)

        // Then at 230 it is stalled for 30 s
        let stalled = try #require(heartbeats.stalled(at: 230, staleAfter: 15).first)
        #expect(stalled.loop == "outbox")
        #expect(stalled.silence == 30)
    }

    @Test func aLoopIdleBeforeItsFirstBeatIsNotWatched() {
        let heartbeats = Heartbeats()
        heartbeats.idle("ingest")
        #expect(heartbeats.loops.isEmpty)
    }
}

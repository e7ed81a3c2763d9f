import Core
import Foundation
import Synchronization
import Testing

/// The scheduler on a clock the test moves: publication times across the spring DST change, and
/// catching up after a restart.
struct DigestSchedulerTests {
    /// A clock that jumps to whatever time it is asked to sleep until, and the publications made.
    final class Recorder: Sendable {
        let state: Mutex<(now: Date, published: [(day: String, at: Date)])>
        let stopAfter: Int

        init(start: Date, stopAfter: Int) {
            state = Mutex((start, []))
            self.stopAfter = stopAfter
        }

        var now: Date { state.withLock { $0.now } }
        var published: [(day: String, at: Date)] { state.withLock { $0.published } }

        func sleep(until time: Date) {
            state.withLock { $0.now = max($0.now, time) }
        }

        func publish(_ day: String) throws {
            let count = state.withLock { state in
                state.published.append((day, state.now))
                return state.published.count
            }
            if count >= stopAfter { throw CancellationError() }
        }
    }

    let schedule = DigestSchedule(hour: 7, minute: 0, timeZone: DigestScheduleTests.paris)

    func run(from start: String, lastPublished: String?, publications: Int) async -> Recorder {
        let recorder = Recorder(start: DigestScheduleTests.paris(start), stopAfter: publications)
        let first = lastPublished
        try? await DigestScheduler(schedule: schedule).run(
            now: { recorder.now },
            sleep: { recorder.sleep(until: $0) },
            lastPublished: { recorder.published.last?.day ?? first },
            publish: { try recorder.publish($0) })
        return recorder
    }

    @Test func publishesAtSevenLocalTimeAcrossTheSpringChange() async {
        let recorder = await run(from: "2026-03-27 12:00", lastPublished: "2026-03-26", publications: 3)
        #expect(recorder.published.map(\.day) == ["2026-03-27", "2026-03-28", "2026-03-29"])
        #expect(
            recorder.published.map(\.at) == [
                DigestScheduleTests.paris("2026-03-28 07:00"), DigestScheduleTests.paris("2026-03-29 07:00"),
                DigestScheduleTests.paris("2026-03-30 07:00"),
            ])
        // 07:00 in Paris is 06:00 UTC before the change and 05:00 UTC after it.
        #expect(recorder.published.map { Int($0.at.timeIntervalSince1970) % 86400 / 3600 } == [6, 5, 5])
    }

    @Test func aRestartPublishesTheMissedDaysAtOnceThenWaits() async {
        // Down from the 10th's digest until the 14th at 09:00: the 11th, 12th and 13th are due.
        let recorder = await run(from: "2026-06-14 09:00", lastPublished: "2026-06-10", publications: 4)
        #expect(recorder.published.map(\.day) == ["2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14"])
        let start = DigestScheduleTests.paris("2026-06-14 09:00")
        #expect(recorder.published.prefix(3).allSatisfy { $0.at == start })
        #expect(recorder.published.last?.at == DigestScheduleTests.paris("2026-06-15 07:00"))
    }

    @Test func beforeTheTimeNothingIsPublishedYet() async {
        let recorder = await run(from: "2026-06-14 06:59", lastPublished: "2026-06-12", publications: 2)
        #expect(recorder.published.map(\.day) == ["2026-06-13", "2026-06-14"])
        #expect(recorder.published.first?.at == DigestScheduleTests.paris("2026-06-14 07:00"))
    }

    @Test func aNewArchivePublishesNothingAtStartThenTheDayInProgress() async {
        let recorder = await run(from: "2026-06-14 09:00", lastPublished: nil, publications: 1)
        #expect(recorder.published.map(\.day) == ["2026-06-14"])
        #expect(recorder.published.first?.at == DigestScheduleTests.paris("2026-06-15 07:00"))
    }
}

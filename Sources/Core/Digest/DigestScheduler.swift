import Foundation

/// Publishes each day's digest at its time, and the ones missed while the service was down.
///
/// The clock is injected: `now` reads it, `sleep(until:)` waits on it. The daemon passes the wall
/// clock; tests pass a clock they move by hand, so a week with a daylight-saving change runs in
/// no time.
public struct DigestScheduler: Sendable {
    /// When digests are due.
    public let schedule: DigestSchedule

    /// Creates a scheduler for `schedule`.
    public init(schedule: DigestSchedule) {
        self.schedule = schedule
    }

    /// Loops until cancelled or until `publish` throws: publishes every due day (oldest first),
    /// then sleeps until the next publication time.
    ///
    /// `lastPublished` reads the newest day already published (the archive's record, so a restart
    /// catches up where the last run stopped); `publish` must record the day it published. An
    /// archive that never published starts with the day in progress.
    public func run(
        now: @Sendable () -> Date,
        sleep: @Sendable (Date) async throws -> Void,
        lastPublished: @Sendable () throws -> String?,
        publish: @Sendable (String) async throws -> Void
    ) async throws {
        var isStart = true
        while !Task.isCancelled {
            let last = try lastPublished()
            // A new archive starts with the day in progress: it has no missed days to make up.
            if !(isStart && last == nil) {
                for day in schedule.dueDays(at: now(), lastPublished: last) {
                    try await publish(day)
                }
            }
            isStart = false
            guard let next = schedule.nextPublication(after: now()) else { return }
            try await sleep(next)
        }
    }
}

import Core
import Foundation
import Logging
import ServiceLifecycle

/// Publishes the previous day's digest at `digest_time`, and on start the digests missed while
/// the service was down.
struct DigestService: Service {
    let publisher: DigestPublisher
    let outbox: OutboxService
    let logger: Logger

    func run() async throws {
        let scheduler = DigestScheduler(schedule: publisher.schedule)
        let store = publisher.store
        do {
            try await runScheduler(scheduler, store: store)
        } catch is CancellationError {
            // Shutting down while waiting for the next publication time: a normal end.
        }
    }

    private func runScheduler(_ scheduler: DigestScheduler, store: any Archive) async throws {
        try await cancelWhenGracefulShutdown {
            try await scheduler.run(
                now: { Date() },
                sleep: { until in
                    // In steps of at most a minute, so a wall clock set forward or a resumed machine
                    // publishes on time instead of after the whole interval measured before.
                    while case let remaining = until.timeIntervalSinceNow, remaining > 0 {
                        try await Task.sleep(for: .seconds(min(remaining, 60)))
                    }
                },
                lastPublished: { try store.lastPublishedDigest() },
                publish: { day in publish(day) })
        }
    }

    /// Publishes one day; a failure is logged and the day stays due, tried again at the next turn.
    private func publish(_ day: String) {
        do {
            guard let path = try publisher.publish(day) else {
                logger.info("The digest of \(day) was published by another host of the shared archive")
                return
            }
            outbox.wake()
            logger.info("Published the digest of \(day): \(path)")
        } catch {
            logger.error("Cannot publish the digest of \(day): \(error)")
        }
    }
}

import Core
import Logging
import ServiceLifecycle

/// Pings systemd's watchdog (`WATCHDOG=1`) while the service is healthy, and stops when it is not,
/// so systemd restarts a service that is stuck rather than one that has crashed.
///
/// Healthy means: every watched loop (ingest, outbox) is idle, waiting for an event or a deadline,
/// or has shown progress within half the watchdog interval (at least 5 s), and the archive answers
/// a read. It checks four times per interval, so a healthy service pings at least twice within
/// every `WATCHDOG_USEC` whatever the scheduling jitter.
/// Without `WATCHDOG_USEC` (not under systemd, or no `WatchdogSec=`) it only waits for shutdown.
struct WatchdogService: Service {
    let heartbeats: Heartbeats
    let store: any Archive
    let logger: Logger
    /// The watchdog interval in seconds; nil disables the pings.
    var interval: Double? = Notify.watchdogInterval()

    func run() async throws {
        guard let interval else {
            try? await gracefulShutdown()
            return
        }
        logger.info("Watchdog: pinging systemd every \(interval / 4) s while the service is healthy")
        var wasHealthy = true
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let problem = self.problem(staleAfter: max(interval / 2, 5))
            if let problem {
                // Said once per episode: the journal should show why systemd restarted the service.
                if wasHealthy {
                    logger.critical("Watchdog: \(problem); no longer pinging, so systemd restarts the service")
                }
            } else {
                if !wasHealthy { logger.notice("Watchdog: healthy again, pinging systemd") }
                Notify.watchdog()
            }
            wasHealthy = problem == nil
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval / 4)) }
        }
    }

    /// Why the service is not healthy now, or nil.
    func problem(staleAfter: Double) -> String? {
        if let (loop, silence) = heartbeats.stalled(at: MonotonicClock.seconds(), staleAfter: staleAfter).first {
            return "the \(loop) loop has shown no progress for \(Int(silence)) s"
        }
        do {
            try store.ping()
        } catch {
            return "the archive does not answer a read: \(error)"
        }
        return nil
    }
}

import Core
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP (`systemctl reload newsdrop`) and applies what can change
/// while running: the alert rules.
///
/// A configuration that no longer parses is reported and the running one kept. Changed keys that
/// need a restart (the drop folder, the state directory…) are named in the log.
struct ReloadService: Service {
    /// Loads the configuration as at start: the same file, the same command-line overrides.
    let load: @Sendable () throws -> Config
    let running: Config
    let alerts: AlertRules
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            reload()
        }
    }

    /// One reload, framed for systemd: `RELOADING=1` (with `MONOTONIC_USEC=`) before, `READY=1` after,
    /// whether the new configuration was taken or the running one kept.
    func reload() {
        Notify.reloading()
        let outcome = apply()
        Notify.ready(status: outcome)
    }

    /// Reads, compares and applies the configuration; returns a status line for systemd.
    private func apply() -> String {
        let fresh: Config
        do {
            fresh = try load()
        } catch {
            logger.error("Reload failed, keeping the running configuration: \(error)")
            return "Reload failed, kept the running configuration (see the journal)"
        }
        alerts.replace(with: fresh.alerts)
        var needRestart: [String] = []
        if fresh.inbox != running.inbox { needRestart.append("inbox") }
        if fresh.stateDirectory != running.stateDirectory { needRestart.append("state_dir") }
        if fresh.rescanInterval != running.rescanInterval { needRestart.append("rescan_interval") }
        if fresh.settleTime != running.settleTime { needRestart.append("settle_time") }
        if fresh.maxFileSize != running.maxFileSize { needRestart.append("max_file_size") }
        if fresh.ignore != running.ignore { needRestart.append("ignore") }
        if fresh.logTarget != running.logTarget { needRestart.append("log_target") }
        if fresh.dataDirectory != running.dataDirectory { needRestart.append("data_dir") }
        if fresh.digestTime != running.digestTime { needRestart.append("digest_time") }
        if fresh.timeZone != running.timeZone { needRestart.append("time_zone") }
        if fresh.digestStories != running.digestStories { needRestart.append("digest_stories") }
        if fresh.journalRateLimitBurst != running.journalRateLimitBurst {
            needRestart.append("journal_rate_limit_burst")
        }
        if fresh.journalRateLimitInterval != running.journalRateLimitInterval {
            needRestart.append("journal_rate_limit_interval")
        }
        let names = fresh.alerts.map(\.name).joined(separator: ", ")
        let message =
            "Reloaded the configuration: \(fresh.alerts.count) alert(s)\(names.isEmpty ? "" : " (\(names))")"
            + (needRestart.isEmpty ? "" : "; restart to apply \(needRestart.joined(separator: ", "))")
        logger.notice("\(message)", metadata: ["alerts": "\(fresh.alerts.count)"])
        return message
    }
}

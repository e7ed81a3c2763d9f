import CSystemd
import Glibc

/// The service manager's notify protocol; every call is a no-op when `NOTIFY_SOCKET` is unset.
enum Notify {
    /// Wraps `sd_notify(3)`.
    private static func send(_ state: String) {
        _ = sd_notify(0, state)
    }

    /// Start-up is complete: `READY=1`, with a status line.
    static func ready(status: String?) {
        send("READY=1" + (status.map { "\nSTATUS=" + $0 } ?? ""))
    }

    /// A status line for `systemctl status`.
    static func status(_ text: String) {
        send("STATUS=" + text)
    }

    /// Shutdown has begun.
    static func stopping() {
        send("STOPPING=1\nSTATUS=Stopping: finishing the files in flight")
    }

    /// A reload has begun; `ready(status:)` ends it. systemd 252 wants `MONOTONIC_USEC=` with it
    /// for `Type=notify` units, to tell this reload from an earlier one.
    static func reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=\(MonotonicClock.microseconds())")
    }

    /// The service is healthy: `WATCHDOG=1`.
    static func watchdog() {
        send("WATCHDOG=1")
    }

    /// The watchdog interval systemd asked for (`WATCHDOG_USEC`, for this process), in seconds,
    /// or nil when there is none. Wraps `sd_watchdog_enabled(3)`.
    static func watchdogInterval() -> Double? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return Double(microseconds) / 1_000_000
    }
}

/// Seconds on `CLOCK_MONOTONIC`: what systemd's watchdog and reload protocol count in, and what
/// deadlines use so a wall clock set back or forward does not stretch them.
enum MonotonicClock {
    /// Wraps `clock_gettime(2)` with `CLOCK_MONOTONIC`.
    static func seconds() -> Double {
        let now = read()
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The same clock in whole microseconds, as `MONOTONIC_USEC=` carries it.
    static func microseconds() -> Int64 {
        let now = read()
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }

    private static func read() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now
    }
}

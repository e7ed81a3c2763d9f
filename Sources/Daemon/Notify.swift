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

    /// A reload has begun; `ready(status:)` ends it.
    static func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)")
    }
}

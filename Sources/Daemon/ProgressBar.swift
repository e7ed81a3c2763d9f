import Foundation
import Glibc
import Synchronization

/// A one-line progress bar on standard error, redrawn in place, for `newsdrop ingest` on a terminal:
/// files done of the total, files per second, and the time left at that rate.
///
/// Safe to update from the analysing tasks; it redraws at most ten times a second so a fast
/// ingest does not spend its time writing to the terminal.
final class ProgressBar: Sendable {
    /// Whether standard error is a terminal (otherwise no bar is drawn).
    static var isTerminal: Bool { isatty(2) == 1 }

    private let total: Int
    private let start = MonotonicClock.seconds()
    /// When the bar was last drawn, on the monotonic clock.
    private let lastDraw = Mutex(-Double.infinity)

    /// A bar for `total` files.
    init(total: Int) {
        self.total = total
    }

    /// Shows `done` files when a tenth of a second has passed since the last drawing.
    func update(done: Int) {
        let now = MonotonicClock.seconds()
        let line: String? = lastDraw.withLock { lastDraw in
            guard now - lastDraw >= 0.1 else { return nil }
            lastDraw = now
            return Self.line(done: done, total: total, elapsed: now - start, width: Self.terminalWidth())
        }
        if let line { Self.write("\r" + line + "\u{1B}[K") }
    }

    /// Erases the bar, so the summary line takes its place.
    func clear() {
        Self.write("\r\u{1B}[K")
    }

    /// The bar's text for `done` of `total` files after `elapsed` seconds, fitted to `width` columns.
    static func line(done: Int, total: Int, elapsed: Double, width: Int) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left: String
        if done >= total {
            left = "committing"
        } else if rate > 0 {
            left = duration(Double(total - done) / rate) + " left"
        } else {
            left = "starting"
        }
        let counts = " \(done)/\(total) files · \(Int(rate)) files/s · \(left)"
        let barWidth = max(10, min(40, width - counts.count - 3))
        let filled = total > 0 ? min(barWidth, barWidth * done / total) : barWidth
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: barWidth - filled)
        return String(("[" + bar + "]" + counts).prefix(max(1, width - 1)))
    }

    /// `42 s`, `3 min 5 s`, `2 h 4 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    /// The terminal's width in columns (`ioctl(2)` `TIOCGWINSZ` on standard error), 80 when unknown.
    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

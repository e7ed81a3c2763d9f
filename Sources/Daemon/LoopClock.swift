/// Seconds on the continuous clock since the loop began, and back to the instants it waits for.
///
/// The service's value types (`SettleQueue`, `JournalPacer`) count time as seconds in a `Double`.
/// A loop gives them this clock's seconds and waits (`WakeUp`) for the matching instant, so every
/// deadline is monotonic: a wall clock set back or forward moves none.
struct LoopClock: Sendable {
    private let origin = ContinuousClock.Instant.now

    /// Seconds since the loop began.
    var now: Double { (ContinuousClock.Instant.now - origin) / .seconds(1) }

    /// The instant `seconds` after the loop began; any time before it is its beginning, which has
    /// passed (a report due at minus infinity, say).
    func instant(at seconds: Double) -> ContinuousClock.Instant {
        origin + .seconds(min(max(seconds, 0), 1e9))
    }
}

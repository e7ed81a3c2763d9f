import Synchronization

/// Wakes one waiting loop when it has work (a signal) or when its next deadline passes, and not
/// in between: a loop with nothing to do costs no wake-ups.
///
/// The loop looks at its work, works out when it next has something to do, then waits. A signal
/// sent while the loop is busy is kept (several collapse into one) and ends the next wait at once,
/// so work announced between the loop's last look and its wait is never missed. Signals come from
/// any thread or task; one loop waits.
///
/// Deadlines are instants of the continuous clock, which is monotonic: a wall clock set back or
/// forward moves none. Each deadline gets one timer, shared by every wait for it, and a timer is
/// never cancelled: a cancelled `Task.sleep` still wakes the process at its deadline, so a loop
/// that waits a thousand times for the same next rescan sets one timer, not a thousand.
public final class WakeUp: Sendable {
    private struct Waiter {
        var id: UInt64
        var deadline: ContinuousClock.Instant?
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var isSignalled = false
        var isFinished = false
        var waiter: Waiter?
        var lastWaitID: UInt64 = 0
        /// The timers set and not yet fired, by deadline.
        var timers: [ContinuousClock.Instant: Task<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Creates a wake-up with no signal pending.
    public init() {}

    /// There is work: ends the current wait, or else the next one at once.
    public func signal() {
        let waiter = state.withLock { state in
            state.isSignalled = true
            return state.waiter.take()
        }
        waiter?.continuation.resume()
    }

    /// Ends the current wait and every later one with false: the loop is to stop.
    public func finish() {
        let (waiter, timers) = state.withLock { state in
            state.isFinished = true
            defer { state.timers = [:] }
            return (state.waiter.take(), Array(state.timers.values))
        }
        for timer in timers { timer.cancel() }
        waiter?.continuation.resume()
    }

    /// Waits for a signal, for `deadline` (none when nil) or for `finish()`, whichever comes first;
    /// returns false when finished or when the task is cancelled.
    ///
    /// A signal sent before the call ends it at once. The pending signal is used up on return
    /// whatever ended the wait, since the caller then looks at all its work.
    public func wait(until deadline: ContinuousClock.Instant?) async -> Bool {
        let id = state.withLock { state in
            state.lastWaitID += 1
            return state.lastWaitID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let isOver = state.withLock { state in
                    if state.isSignalled || state.isFinished || Task.isCancelled { return true }
                    if let deadline {
                        if deadline <= .now { return true }
                        if state.timers[deadline] == nil { state.timers[deadline] = makeTimer(for: deadline) }
                    }
                    state.waiter = Waiter(id: id, deadline: deadline, continuation: continuation)
                    return false
                }
                if isOver { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiter?.id == id ? state.waiter.take() : nil
            }
            waiter?.continuation.resume()
        }
        return state.withLock { state in
            state.isSignalled = false
            return !state.isFinished && !Task.isCancelled
        }
    }

    /// A task that sleeps until `deadline`, then ends the wait that is due by then.
    private func makeTimer(for deadline: ContinuousClock.Instant) -> Task<Void, Never> {
        Task { [self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            fire(deadline)
        }
    }

    /// The timer for `deadline` has fired: ends the wait if its own deadline is no later.
    private func fire(_ deadline: ContinuousClock.Instant) {
        let waiter = state.withLock { state -> Waiter? in
            state.timers[deadline] = nil
            guard let due = state.waiter?.deadline, due <= deadline else { return nil }
            return state.waiter.take()
        }
        waiter?.continuation.resume()
    }
}

import Synchronization

/// Lets a background loop sleep until there is work (`signal`) or a timeout passes.
/// A signal sent while nobody waits is remembered, so no wake-up is lost.
///
/// The timeout is a plain `Task.sleep` that is never cancelled, and a wait reuses the timer
/// already running when that one ends no later: a timer per wait, cancelled when a signal
/// came first, would keep every cancelled sleep alive until its deadline (thousands under
/// load). An early timer only makes the loop look for work once more, which is harmless.
public final class Wakeup: Sendable {
    private struct State {
        var waiter: CheckedContinuation<Void, Never>?
        var pending = false
        /// When the timer now running fires, if one is.
        var timer: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    public init() {}

    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns after a signal, or after `seconds` (or a little earlier), or when the task is cancelled.
    public func wait(upTo seconds: Double) async {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(max(0, seconds) * 1000)))
        let (signalled, startTimer) = state.withLock { state -> (Bool, Bool) in
            if state.pending {
                state.pending = false
                return (true, false)
            }
            if let running = state.timer, running <= deadline { return (false, false) }
            state.timer = deadline
            return (false, true)
        }
        if signalled { return }
        if startTimer {
            Task { [weak self] in
                try? await Task.sleep(until: deadline, clock: .continuous)
                self?.timerFired(at: deadline)
            }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if let previous = state.waiter { previous.resume() }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.signal()
        }
        state.withLock { $0.pending = false }
    }

    private func timerFired(at deadline: ContinuousClock.Instant) {
        state.withLock { state in
            if state.timer == deadline { state.timer = nil }
        }
        signal()
    }
}

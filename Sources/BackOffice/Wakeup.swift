import Dispatch
import Synchronization

/// Lets a background loop sleep until there is work (`signal`) or a timeout passes.
/// A signal sent while nobody waits is remembered, so no wake-up is lost.
///
/// The timeout is one dispatch timer, re-armed by each wait: a `Task.sleep` per wait would
/// keep every cancelled sleep in memory until its deadline, which under load (a wake-up per
/// message, 30-second timeouts) piles up tens of thousands of them.
public final class Wakeup: Sendable {
    private let state = Mutex<(waiter: CheckedContinuation<Void, Never>?, pending: Bool)>((nil, false))
    /// Dispatch sources may be scheduled from any thread.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer

    public init() {
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.setEventHandler { [weak self] in self?.signal() }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

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

    /// Returns after a signal, or after `seconds`, or when the task is cancelled.
    public func wait(upTo seconds: Double) async {
        if state.withLock({ state in
            defer { state.pending = false }
            return state.pending
        }) { return }
        timer.schedule(deadline: .now() + max(0, seconds))
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
        timer.schedule(deadline: .distantFuture)
        state.withLock { $0.pending = false }
    }
}

import Synchronization

/// Waiting on work that may hang on a remote service (Google, Telegram, Meta) for at most a
/// given time: start-up and shutdown must never wait on them longer than that.
public enum TaskDeadline {
    /// The task's value if it ends within `limit`, else nil (the task is cancelled and left to
    /// end on its own: this returns on time even if it ignores the cancellation).
    public static func value<T: Sendable>(of task: Task<T, Never>, within limit: Duration) async -> T? {
        let waiter = Waiter<T>()
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            waiter.set(continuation)
            Task { waiter.resume(await task.value) }
            Task {
                try? await Task.sleep(for: limit)
                waiter.resume(nil)
            }
        }
        if result == nil { task.cancel() }
        return result
    }

    /// Resumes its continuation once, with whichever answer comes first.
    private final class Waiter<T: Sendable>: Sendable {
        private let continuation = Mutex<CheckedContinuation<T?, Never>?>(nil)

        func set(_ value: CheckedContinuation<T?, Never>) {
            continuation.withLock { $0 = value }
        }

        func resume(_ value: T?) {
            continuation.withLock { continuation in
                continuation?.resume(returning: value)
                continuation = nil
            }
        }
    }
}

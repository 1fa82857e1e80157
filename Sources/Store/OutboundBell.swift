import Synchronization

/// Rung whenever a message is queued for sending outside a turn (a notice about a staff edit,
/// a corrected number), so the channel's sender goes at once instead of at its next poll.
public final class OutboundBell: Sendable {
    private let listeners = Mutex<[@Sendable () -> Void]>([])

    public init() {}

    public func listen(_ listener: @escaping @Sendable () -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func ring() {
        for listener in listeners.withLock({ $0 }) { listener() }
    }
}

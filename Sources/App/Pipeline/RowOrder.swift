import AgentCore
import Synchronization

/// Keeps new rows in key order on their way to the outbox. A key (F-0019) is handed out when
/// the agent decides, and the turn commits later, after phrasing; without this, a turn of
/// another chat that decided just after (F-0020) could commit first and its row land above.
/// Turns that append rows take a ticket as they decide and join the commit queue in ticket
/// order; a ticket is let go as soon as its turn is queued, or ends without committing.
final class RowOrder: Sendable {
    private struct State {
        var issued = 0
        /// Every ticket below this one is queued or ended.
        var lowestOpen = 0
        var ended: Set<Int> = []
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())
    /// Deciding and taking a ticket happen under one lock, so ticket order is key order.
    private let deciding = Mutex(())

    /// Runs the agent's decision; a ticket comes with it when the decision appends a row.
    func decide(_ handle: () -> TurnOutput) -> (TurnOutput, ticket: Int?) {
        deciding.withLock { _ in
            let output = handle()
            guard output.effects.contains(where: \.isAppend) else { return (output, nil) }
            return (output, state.withLock { state in
                defer { state.issued += 1 }
                return state.issued
            })
        }
    }

    /// Returns once every earlier ticket is queued or ended.
    func waitForEarlier(_ ticket: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                guard state.lowestOpen < ticket else { return true }
                state.waiting[ticket] = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// The ticket's turn is queued, or ended without a commit. Ending twice is harmless.
    func end(_ ticket: Int) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard ticket >= state.lowestOpen else { return nil }
            state.ended.insert(ticket)
            while state.ended.remove(state.lowestOpen) != nil { state.lowestOpen += 1 }
            // Only the lowest open ticket can have stopped waiting.
            return state.waiting.removeValue(forKey: state.lowestOpen)
        }
        next?.resume()
    }
}

extension Effect {
    var isAppend: Bool {
        if case .appendRow = self { return true }
        return false
    }
}

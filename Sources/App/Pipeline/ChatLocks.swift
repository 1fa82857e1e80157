import AgentCore

/// One turn at a time per chat, so two quick messages from the same person are handled in
/// order; different chats run side by side.
actor ChatLocks {
    private var waiting: [ChatRef: [CheckedContinuation<Void, Never>]] = [:]
    private var busy: Set<ChatRef> = []

    func withLock<T: Sendable>(_ chat: ChatRef, _ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire(chat)
        defer { release(chat) }
        return try await body()
    }

    private func acquire(_ chat: ChatRef) async {
        if !busy.contains(chat) {
            busy.insert(chat)
            return
        }
        await withCheckedContinuation { waiting[chat, default: []].append($0) }
    }

    private func release(_ chat: ChatRef) {
        if var queue = waiting[chat], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[chat] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(chat)
        }
    }
}

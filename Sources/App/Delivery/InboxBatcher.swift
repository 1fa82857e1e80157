import AgentCore
import Foundation
import Store

/// Group commit for the inbox: messages arriving while a commit is under way wait for the
/// next one, so a burst of webhooks costs one transaction (one fsync) per batch, and each is
/// still answered only once it is durable.
actor InboxBatcher {
    private let store: Store
    private let limit: Int
    private var pending: [(message: InboundMessage, done: CheckedContinuation<Result<Store.Enqueued, any Error>, Never>)] = []
    private var committing = false

    init(store: Store, limit: Int) {
        self.store = store
        self.limit = limit
    }

    func enqueue(_ message: InboundMessage) async throws -> Store.Enqueued {
        let result = await withCheckedContinuation { continuation in
            pending.append((message, continuation))
            if !committing {
                committing = true
                Task { await self.commitAll() }
            }
        }
        return try result.get()
    }

    private func commitAll() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                let results = try await store.enqueue(batch.map(\.message), limit: limit)
                for (item, result) in zip(batch, results) { item.done.resume(returning: .success(result)) }
            } catch {
                for item in batch { item.done.resume(returning: .failure(error)) }
            }
        }
        committing = false
    }
}

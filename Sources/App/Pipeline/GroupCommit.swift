import AgentCore
import Foundation
import Store

/// Group commit: items arriving while a commit is under way wait for the next one, so a burst
/// costs one transaction (one fsync) per batch, and each caller still returns only once its
/// own item is durable.
actor GroupCommit<Item: Sendable, Output: Sendable> {
    typealias CommitBatch = @Sendable ([Item]) async throws -> [Output]
    typealias CommitOne = @Sendable (Item) async throws -> Output

    private let commitBatch: CommitBatch
    /// When a batch fails: commit its items one by one so one bad item does not fail the
    /// others. Without it, every item of the failed batch gets the error.
    private let commitOne: CommitOne?
    private var pending: [(item: Item, done: CheckedContinuation<Result<Output, any Error>, Never>)] = []
    private var committing = false

    init(batch: @escaping CommitBatch, singly: CommitOne? = nil) {
        commitBatch = batch
        commitOne = singly
    }

    /// `queued` runs once the item has its place in the queue, before any awaiting.
    func commit(_ item: Item, queued: @Sendable () -> Void = {}) async throws -> Output {
        let result = await withCheckedContinuation { continuation in
            pending.append((item, continuation))
            queued()
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
                let results = try await commitBatch(batch.map(\.item))
                for (entry, result) in zip(batch, results) { entry.done.resume(returning: .success(result)) }
            } catch {
                for entry in batch {
                    guard let commitOne else {
                        entry.done.resume(returning: .failure(error))
                        continue
                    }
                    do {
                        entry.done.resume(returning: .success(try await commitOne(entry.item)))
                    } catch {
                        entry.done.resume(returning: .failure(error))
                    }
                }
            }
        }
        committing = false
    }
}

extension GroupCommit where Item == InboundMessage, Output == Store.Enqueued {
    /// The inbox: a burst of webhooks is one transaction per batch.
    static func inbox(_ store: Store, limit: Int) -> GroupCommit {
        GroupCommit(batch: { try await store.enqueue($0, limit: limit) })
    }
}

extension GroupCommit where Item == (turn: TurnRecord, at: Date), Output == CommittedTurn {
    /// Turns of different chats finishing together share one transaction; a chat's own turns
    /// are never in one batch because the chat lock keeps them one at a time.
    static func turns(_ store: Store) -> GroupCommit {
        GroupCommit(
            // One clock for the batch: the turns are committed together.
            batch: { try await store.commit($0.map(\.turn), at: $0.last?.at ?? Date()) },
            singly: { try await store.commit($0.turn, at: $0.at) })
    }
}

import Foundation
import Store

/// Group commit for turns: turns of different chats finishing together share one transaction
/// (one fsync). Each waits for its own commit; a chat's turns are never batched together
/// because the chat lock keeps them one at a time.
actor TurnCommitter {
    private let store: Store
    private var pending: [(turn: TurnRecord, at: Date, done: CheckedContinuation<Result<CommittedTurn, any Error>, Never>)] = []
    private var committing = false

    init(store: Store) {
        self.store = store
    }

    func commit(_ turn: TurnRecord, at now: Date) async throws -> CommittedTurn {
        let result = await withCheckedContinuation { continuation in
            pending.append((turn, now, continuation))
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
                // One clock for the batch: the turns are committed together.
                let results = try await store.commit(batch.map(\.turn), at: batch.last?.at ?? Date())
                for (item, result) in zip(batch, results) { item.done.resume(returning: .success(result)) }
            } catch {
                // One bad turn must not fail the others: commit them one by one.
                for item in batch {
                    do {
                        item.done.resume(returning: .success(try await store.commit(item.turn, at: item.at)))
                    } catch {
                        item.done.resume(returning: .failure(error))
                    }
                }
            }
        }
        committing = false
    }
}

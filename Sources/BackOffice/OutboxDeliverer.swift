import AgentCore
import Foundation
import Logging
import Store

/// Delivers the outbox to the back office, oldest first. Consecutive appends to one tab go
/// in one request. A failure keeps the write (and everything after it) for a later attempt
/// with exponential backoff, so the backlog drains in order when the back office is back.
public actor OutboxDeliverer {
    private let store: Store
    private let backOffice: any BackOffice
    private let cache: WorkbookCache
    private let logger: Logger
    private let maxBatch: Int
    private let refreshDelay: Duration
    private let wakeup = Wakeup()

    /// `refreshDelay`: after deliveries the cache re-reads the back office once, this much later.
    public init(store: Store, backOffice: any BackOffice, cache: WorkbookCache, logger: Logger, maxBatch: Int = 100,
                refreshDelay: Duration = .seconds(1)) {
        self.store = store
        self.backOffice = backOffice
        self.cache = cache
        self.logger = logger
        self.maxBatch = maxBatch
        self.refreshDelay = refreshDelay
    }

    public enum Pass: Sendable, Equatable {
        /// Nothing is left to deliver.
        case empty
        /// The next write waits until this time (backoff after a failure).
        case waiting(until: Date)
    }

    /// Delivers everything that is due, in order; stops at the first failure.
    @discardableResult
    public func deliverDue(now: Date = Date()) async -> Pass {
        var delivered = 0
        defer {
            if delivered > 0 { Task { [refreshDelay] in await cache.refreshSoon(delay: refreshDelay) } }
        }
        while true {
            let pending: [OutboxEntry]
            do {
                pending = try await store.pendingOutbox(limit: maxBatch)
            } catch {
                logger.error("outbox unreadable", metadata: ["error": "\(error)"])
                return .waiting(until: now.addingTimeInterval(5))
            }
            guard let first = pending.first else { return .empty }
            if first.nextAttemptAt > now { return .waiting(until: first.nextAttemptAt) }
            let batch = Self.batch(from: pending)
            do {
                // Recorded before sending: after a crash mid-request the next attempt knows the
                // rows may have landed and checks before writing them again.
                try await store.markAttemptStarted(batch.map(\.id))
                try await deliver(batch, mayAlreadyExist: batch.contains { $0.attempts > 0 })
                try await store.markDelivered(batch.map(\.id))
                delivered += batch.count
            } catch let error as BackOfficeError {
                // The write can never succeed: keep it for the operator, let the rest through.
                logger.error("back-office write given up", metadata: ["tab": "\(first.tab.title)", "error": "\(error)"])
                try? await store.markGivenUp(first.id, error: "\(error)")
            } catch {
                let retryAt = now.addingTimeInterval(Self.backoff(attempt: first.attempts))
                logger.warning("back-office write failed; will retry", metadata: [
                    "tab": "\(first.tab.title)", "writes": "\(batch.count)", "attempt": "\(first.attempts + 1)",
                    "retry_in_s": "\(Int(retryAt.timeIntervalSince(now)))", "error": "\(error)",
                ])
                try? await store.markAttemptFailed(batch.map(\.id), error: "\(error)", retryAt: retryAt)
                return .waiting(until: retryAt)
            }
        }
    }

    /// Keeps delivering until cancelled; `kick()` wakes it when a turn queued something.
    public func run() async {
        while !Task.isCancelled {
            let pass = await deliverDue()
            let delay: TimeInterval = switch pass {
            case .empty: 30
            case .waiting(let until): max(0.05, until.timeIntervalSinceNow)
            }
            await wakeup.wait(upTo: delay)
        }
    }

    public nonisolated func kick() {
        wakeup.signal()
    }

    /// Delivers until the outbox is empty or `deadline` passes. True when empty.
    public func drain(deadline: Date) async -> Bool {
        while Date() < deadline {
            switch await deliverDue() {
            case .empty: return true
            case .waiting(let until):
                if until >= deadline { return false }
                try? await Task.sleep(for: .seconds(max(0.01, until.timeIntervalSinceNow)))
            }
        }
        return (try? await store.outboxBacklog().count) == 0
    }

    private func deliver(_ batch: [OutboxEntry], mayAlreadyExist: Bool) async throws {
        guard let first = batch.first else { return }
        switch first.write {
        case .append:
            let rows = batch.compactMap { entry -> RowValues? in
                if case .append(let row) = entry.write { return row }
                return nil
            }
            try await backOffice.append(rows, to: first.tab, mayAlreadyExist: mayAlreadyExist)
        case .update(let key, let cells):
            try await backOffice.update(first.tab, key: key, cells: cells)
        }
    }

    /// The longest run of appends to the same tab at the head of the queue (or one update).
    static func batch(from pending: [OutboxEntry]) -> [OutboxEntry] {
        guard let first = pending.first, case .append = first.write else { return Array(pending.prefix(1)) }
        return Array(pending.prefix { entry in
            if case .append = entry.write { return entry.tab == first.tab }
            return false
        })
    }

    /// 2, 4, 8 … seconds, at most five minutes, with jitter so retries do not arrive together.
    static func backoff(attempt: Int) -> TimeInterval {
        let base = min(300, pow(2, Double(min(attempt, 10) + 1)))
        return base * Double.random(in: 0.8...1.2)
    }
}

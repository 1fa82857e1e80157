import AgentCore
import Foundation
import Logging
import Store

/// Delivers the outbox to the back office, oldest first. Consecutive appends to one tab go
/// in one request, checked first against the tab as it is now (AppendPlan): a row that landed
/// on an attempt whose answer was lost is not written twice, and a key staff typed meanwhile
/// is never shared. A failure keeps the write (and everything after it) for a later attempt
/// with exponential backoff, so the backlog drains in order when the back office is back.
public actor OutboxWriter {
    private let store: Store
    private let backOffice: any BackOffice
    private let cache: WorkbookCache
    private let keys: KeyAllocator
    private let notices: CustomerNotices?
    private let logger: Logger
    private let maxBatch: Int
    private let refreshDelay: Duration
    private let wakeup = Wakeup()

    /// `refreshDelay`: after deliveries the cache re-reads the back office once, this much later.
    public init(store: Store, backOffice: any BackOffice, cache: WorkbookCache, keys: KeyAllocator,
                notices: CustomerNotices?, logger: Logger, maxBatch: Int = 100, refreshDelay: Duration = .seconds(1)) {
        self.store = store
        self.backOffice = backOffice
        self.cache = cache
        self.keys = keys
        self.notices = notices
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

    /// Delivers everything that is due, in order; stops at the first failure. Passes never
    /// overlap: a caller arriving during one (the loop, a drain at shutdown) waits for it, so
    /// no batch is ever sent twice at once. Cancelling the caller cancels the pass.
    @discardableResult
    public func writeDue(now: Date = Date()) async -> Pass {
        if let running { return await Self.awaitCancellable(running) }
        let pass = Task { await self.pass(now: now) }
        running = pass
        let result = await Self.awaitCancellable(pass)
        running = nil
        return result
    }

    private var running: Task<Pass, Never>?

    private static func awaitCancellable(_ task: Task<Pass, Never>) async -> Pass {
        await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
    }

    private func pass(now: Date) async -> Pass {
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
                try await store.markAttemptStarted(batch.map(\.id))
                try await deliver(batch)
                try await store.markDelivered(batch.map(\.id))
                delivered += batch.count
            } catch let error as BackOfficeError {
                // The write can never succeed: keep it for the operator, let the rest through.
                logger.error("back-office write given up", metadata: ["tab": "\(first.tab.title)", "error": "\(error)"])
                try? await store.markGivenUp(first.id, error: "\(error)")
            } catch {
                let retryAt = Task.isCancelled ? now : now.addingTimeInterval(Self.backoff(attempt: first.attempts))
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
            let pass = await writeDue()
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

    /// Delivers until the outbox is empty or `deadline` passes, whatever the back office is
    /// doing: a request still waiting on it at the deadline is abandoned (its write stays in
    /// the outbox and the next attempt checks whether it landed). True when empty.
    public func drain(deadline: Date) async -> Bool {
        let work = Task { await self.drainUntilEmpty(deadline: deadline) }
        return await TaskDeadline.value(of: work, within: .seconds(max(0, deadline.timeIntervalSinceNow))) ?? false
    }

    private func drainUntilEmpty(deadline: Date) async -> Bool {
        while Date() < deadline, !Task.isCancelled {
            switch await writeDue() {
            case .empty: return true
            case .waiting(let until):
                if until >= deadline { return false }
                try? await Task.sleep(for: .seconds(max(0.01, until.timeIntervalSinceNow)))
            }
        }
        return false
    }

    private func deliver(_ batch: [OutboxEntry]) async throws {
        guard let first = batch.first else { return }
        switch first.write {
        case .append:
            try await append(batch, to: first.tab)
        case .update(let key, let cells):
            try await update(first.tab, key: key, cells: cells)
        case .appendNote(let key, let column, let note):
            try await appendNote(note, to: column, of: key, in: first.tab, current: try await backOffice.read(first.tab))
        }
    }

    /// A cell whose column the tab lacks (a column `sheets init` makes and an older sheet
    /// does not have, such as Calificación) is not lost: it goes as a note in the row.
    private func update(_ tab: Tab, key: String, cells: [String: String]) async throws {
        let current = try await backOffice.read(tab)
        let map = try HeaderMap(tab: tab, header: current.header)
        let missing = cells.filter { map.position(of: $0.key) == nil }
        try await backOffice.update(tab, key: key, cells: cells.filter { map.position(of: $0.key) != nil })
        guard !missing.isEmpty, let notes = tab.noteColumn, map.has(notes) else { return }
        let note = missing.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        // `current` still holds the notes cell unless the update above just wrote it.
        let fresh = cells.keys.contains(notes.name) ? try await backOffice.read(tab) : current
        try await appendNote(note, to: notes.name, of: key, in: tab, current: fresh)
    }

    /// `current` is the tab as read just now, not as the cache last saw it: staff's words stay.
    private func appendNote(_ note: String, to column: String, of key: String, in tab: Tab, current: TabData) async throws {
        let map = try HeaderMap(tab: tab, header: current.header)
        guard let keyColumn = tab.columns.first(where: { $0.name == tab.keyColumn }),
              let spec = tab.columns.first(where: { $0.name == column }),
              let row = current.rows.first(where: { map.value(keyColumn, in: $0) == key }) else {
            throw BackOfficeError.rowNotFound(tab: tab.title, key: key)
        }
        let before = map.value(spec, in: row)
        try await backOffice.update(tab, key: key, cells: [column: Workbook.appending(note, to: before)])
    }

    private func append(_ batch: [OutboxEntry], to tab: Tab) async throws {
        let rows = batch.compactMap { entry -> RowValues? in
            if case .append(let row) = entry.write { return row }
            return nil
        }
        let current = try await backOffice.read(tab)
        let plan = try AppendPlan(rows: rows, tab: tab, current: current) { [keys] floor in
            keys.observe([tab: floor])
            return keys.next(tab)
        }
        var toWrite: [RowValues] = []
        for (entry, step) in zip(batch, plan.steps) {
            switch step {
            case .write(let row):
                toWrite.append(row)
            case .alreadyThere:
                logger.notice("row already in the back office after an uncertain attempt; not written again",
                              metadata: ["tab": "\(tab.title)"])
            case .rekeyed(let row, let old):
                let notice = try await notices?.keyChanged(tab, from: old, to: row)
                try await store.rekey(entry.id, tab: tab, from: old, to: row, notice: notice,
                                      number: KeyAllocator.number(row.key, in: tab))
                logger.warning("someone else's row already has this key; writing under a new one",
                               metadata: ["tab": "\(tab.title)", "key": "\(old)", "new_key": "\(row.key)",
                                          "customer_told": "\(notice != nil)"])
                toWrite.append(row)
            }
        }
        if !toWrite.isEmpty { try await backOffice.append(toWrite, to: tab) }
    }

    /// The longest run of appends to the same tab at the head of the queue (or one update).
    static func batch(from pending: [OutboxEntry]) -> [OutboxEntry] {
        guard let first = pending.first, case .append = first.write else { return Array(pending.prefix(1)) }
        return Array(pending.prefix { entry in
            if case .append = entry.write { return entry.tab == first.tab }
            return false
        })
    }

    /// The back office answers again (a refresh worked): writes waiting out a backoff go now.
    public func backOfficeIsBack() async {
        guard (try? await store.resetOutboxBackoff()) ?? 0 > 0 else { return }
        logger.info("back office reachable again; delivering the waiting writes")
        wakeup.signal()
    }

    /// 2, 4, 8 … seconds, at most a minute, with jitter so retries do not arrive together.
    static func backoff(attempt: Int) -> TimeInterval {
        let base = min(60, pow(2, Double(min(attempt, 10) + 1)))
        return base * Double.random(in: 0.8...1.2)
    }
}

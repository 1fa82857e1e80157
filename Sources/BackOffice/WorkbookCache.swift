import AgentCore
import Foundation
import Logging
import Store

/// What every turn reads: the back office as last fetched, plus the bot's own writes that
/// are still in the outbox, so a customer sees their sign-up or folio even while Google is down.
public actor WorkbookCache {
    private let backOffice: any BackOffice
    private let store: Store
    private let time: LocalTime
    private let logger: Logger
    private var workbook = Workbook.empty
    public private(set) var lastRefresh: Date?
    public private(set) var lastError: String?
    private var refreshScheduled = false

    public init(backOffice: any BackOffice, store: Store, time: LocalTime, logger: Logger) {
        self.backOffice = backOffice
        self.store = store
        self.time = time
        self.logger = logger
    }

    public func snapshot() -> Workbook { workbook }

    /// Reads every tab again (one request for the spreadsheet) and lays the pending writes on top.
    /// The rebuild runs off the actor, so turns keep reading the current snapshot meanwhile.
    public func refresh() async throws {
        do {
            let tabs = try await backOffice.readAll()
            let pending = try await store.pendingOutbox()
            let fresh = await Self.build(tabs, pending: pending, time: time)
            for problem in fresh.problems where !workbook.problems.contains(problem) {
                logger.error("back office header problem", metadata: ["problem": "\(problem)"])
            }
            // Writes applied while the rebuild ran are in the outbox or already in the tabs read.
            workbook = fresh
            lastRefresh = Date()
            lastError = nil
        } catch {
            lastError = "\(error)"
            throw error
        }
    }

    /// Asks for a refresh without waiting; several requests within `delay` make one refresh.
    public func refreshSoon(delay: Duration = .seconds(1)) {
        guard !refreshScheduled else { return }
        refreshScheduled = true
        Task {
            try? await Task.sleep(for: delay)
            self.refreshScheduled = false
            try? await self.refresh()
        }
    }

    private nonisolated static func build(_ tabs: [Tab: TabData], pending: [OutboxEntry], time: LocalTime) async -> Workbook {
        var fresh = Workbook(tabs: tabs, time: time)
        for entry in pending { fresh.apply(entry) }
        return fresh
    }

    /// The bot's own writes, visible at once.
    public func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .appendRow(let tab, let row): workbook.append(row, to: tab)
            case .updateRow(let tab, let key, let cells): workbook.update(tab: tab, key: key, cells: cells)
            case .alertStaff, .declareOutage, .releaseHandoff: continue
            }
        }
    }
}

extension Workbook {
    mutating func apply(_ entry: OutboxEntry) {
        switch entry.write {
        case .append(let row): append(row, to: entry.tab)
        case .update(let key, let cells): update(tab: entry.tab, key: key, cells: cells)
        }
    }
}

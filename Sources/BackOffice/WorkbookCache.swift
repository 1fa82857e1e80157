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

    public init(backOffice: any BackOffice, store: Store, time: LocalTime, logger: Logger) {
        self.backOffice = backOffice
        self.store = store
        self.time = time
        self.logger = logger
    }

    public func snapshot() -> Workbook { workbook }

    /// Reads every tab again (one request for the spreadsheet) and lays the pending writes on top.
    public func refresh() async throws {
        do {
            let tabs = try await backOffice.readAll()
            var fresh = Workbook(tabs: tabs, time: time)
            for problem in fresh.problems where !workbook.problems.contains(problem) {
                logger.error("back office header problem", metadata: ["problem": "\(problem)"])
            }
            for entry in try await store.pendingOutbox() { fresh.apply(entry) }
            workbook = fresh
            lastRefresh = Date()
            lastError = nil
        } catch {
            lastError = "\(error)"
            throw error
        }
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

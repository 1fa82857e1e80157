import AgentCore
import Foundation
import Logging
import Store

/// What every turn reads: the back office as last fetched, plus the bot's own writes that
/// are still in the outbox, so a customer sees their sign-up or folio even while Google is
/// down. With a remote back office the copy is mirrored in SQLite, so a restart during an
/// outage still has plans, zones and clients; and each refresh looks for staff edits.
public actor WorkbookCache {
    private let backOffice: any BackOffice
    private let store: Store
    private let time: LocalTime
    private let logger: Logger
    private let mirrored: Bool
    private let watcher: StaffEditWatcher?
    private var workbook = Workbook.empty
    private var lastTabs: [Tab: TabData] = [:]
    private var refreshScheduled = false
    public private(set) var lastRefresh: Date?
    public private(set) var lastError: String?

    public init(backOffice: any BackOffice, store: Store, time: LocalTime, logger: Logger,
                mirrored: Bool = false, watcher: StaffEditWatcher? = nil) {
        self.backOffice = backOffice
        self.store = store
        self.time = time
        self.logger = logger
        self.mirrored = mirrored
        self.watcher = watcher
    }

    public func snapshot() -> Workbook { workbook }

    /// Starts from the SQLite mirror (a restart while the back office is unreachable).
    public func loadMirror() async throws {
        guard mirrored, let (tabs, fetchedAt) = try await store.loadMirror() else { return }
        workbook = await Self.build(tabs, pending: try await store.pendingOutbox(), time: time)
        lastTabs = tabs
        lastRefresh = fetchedAt
    }

    /// Reads every tab again (one request for the spreadsheet) and lays the pending writes on top.
    /// The rebuild runs off the actor, so turns keep reading the current snapshot meanwhile.
    public func refresh() async throws {
        let tabs: [Tab: TabData]
        do {
            tabs = try await backOffice.readAll()
        } catch {
            lastError = "\(error)"
            throw error
        }
        let fresh = await Self.build(tabs, pending: try await store.pendingOutbox(), time: time)
        for problem in fresh.problems where !workbook.problems.contains(problem) {
            logger.error("back office header problem", metadata: ["problem": "\(problem)"])
        }
        // Writes applied while the rebuild ran are in the outbox or already in the tabs read.
        workbook = fresh
        lastRefresh = Date()
        lastError = nil
        if mirrored, tabs != lastTabs { try await store.saveMirror(tabs, fetchedAt: Date()) }
        lastTabs = tabs
        if let watcher {
            do {
                try await watcher.observe(fresh)
            } catch {
                logger.error("could not check staff edits", metadata: ["error": "\(error)"])
            }
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

    /// The bot's own writes, visible at once.
    public func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .appendRow(let tab, let row): workbook.append(row, to: tab)
            case .updateRow(let tab, let key, let cells): workbook.update(tab: tab, key: key, cells: cells)
            case .appendNote(let tab, let key, let column, let note): workbook.appendNote(tab: tab, key: key, column: column, note: note)
            case .alertStaff, .declareOutage, .releaseHandoff, .openHandoff, .takeHandoff, .relay: continue
            }
        }
    }

    private nonisolated static func build(_ tabs: [Tab: TabData], pending: [OutboxEntry], time: LocalTime) async -> Workbook {
        var fresh = Workbook(tabs: tabs, time: time)
        for entry in pending { fresh.apply(entry) }
        return fresh
    }
}

extension Workbook {
    mutating func apply(_ entry: OutboxEntry) {
        switch entry.write {
        case .append(let row): append(row, to: entry.tab)
        case .update(let key, let cells): update(tab: entry.tab, key: key, cells: cells)
        case .appendNote(let key, let column, let note): appendNote(tab: entry.tab, key: key, column: column, note: note)
        }
    }
}

import AgentCore
import Store

/// The back office with no credentials: the five tabs in the bot's own SQLite database,
/// behaving like the spreadsheet (headers, rows in order, appends idempotent by key).
public struct LocalWorkbook: BackOffice {
    let store: Store
    public var name: String { "local workbook (\(store.path))" }

    public init(store: Store) {
        self.store = store
    }

    /// Seeds the sample on a fresh database, so the first message already has plans and zones.
    @discardableResult
    public func seedIfNew() async throws -> Bool {
        try await store.seedWorkbookIfNew(SampleWorkbook.all) { tab, row in
            guard let column = tab.keyColumn, let i = tab.header.firstIndex(of: column), i < row.count else { return nil }
            return row[i]
        }
    }

    public func readAll() async throws -> [Tab: TabData] {
        try await store.workbookTabs()
    }

    public func read(_ tab: Tab) async throws -> TabData {
        try await store.workbookTab(tab) ?? TabData(header: tab.header)
    }

    /// The key index makes every append idempotent here too, retried or not.
    public func append(_ rows: [RowValues], to tab: Tab) async throws {
        let map = try HeaderMap(tab: tab, header: try await store.workbookHeader(tab) ?? tab.header)
        try await store.workbookAppend(tab, rows: rows.map { (key: $0.key, cells: map.row(from: $0)) })
    }

    public func update(_ tab: Tab, key: String, cells: [String: String]) async throws {
        let map = try HeaderMap(tab: tab, header: try await store.workbookHeader(tab) ?? tab.header)
        guard var row = try await store.workbookRow(tab, key: key) else {
            throw BackOfficeError.rowNotFound(tab: tab.title, key: key)
        }
        for (name, value) in cells {
            guard let p = map.position(of: name) else { continue }
            if row.count <= p { row += Array(repeating: "", count: p - row.count + 1) }
            row[p] = value
        }
        _ = try await store.workbookReplace(tab, key: key, cells: row)
    }
}

public enum BackOfficeError: Error, Sendable, CustomStringConvertible {
    case rowNotFound(tab: String, key: String)

    public var description: String {
        switch self {
        case .rowNotFound(let tab, let key): "tab \(tab): no row with key \(key) to update (was it deleted by hand?)"
        }
    }
}

import AgentCore
import Foundation

/// Reads the local workbook on a second connection of its own. A whole tab is thousands of
/// rows to decode; on the `Store`'s connection that would hold every turn behind the outbox
/// and the cache refresh. WAL lets this connection read while the other one writes, and each
/// read sees every transaction committed before it began.
actor WorkbookReader {
    private let db: SQLiteConnection
    private let decoder = JSONDecoder()

    init(path: String) throws(StoreError) {
        db = try SQLiteConnection(path: path)
    }

    func tabs() throws -> [Tab: TabData] {
        var tabs: [Tab: TabData] = [:]
        try db.execute("BEGIN")
        defer { try? db.execute("COMMIT") }
        for row in try db.query("SELECT tab, cells FROM workbook_headers") {
            guard let tab = Tab(rawValue: row[text: 0]) else { continue }
            tabs[tab] = TabData(header: try cells(row[1]))
        }
        for row in try db.query("SELECT tab, cells FROM workbook_rows ORDER BY tab, position") {
            guard let tab = Tab(rawValue: row[text: 0]) else { continue }
            tabs[tab, default: TabData(header: tab.header)].rows.append(try cells(row[1]))
        }
        return tabs
    }

    func tab(_ tab: Tab) throws -> TabData? {
        try db.execute("BEGIN")
        defer { try? db.execute("COMMIT") }
        guard let header = try header(tab) else { return nil }
        let rows = try db.query("SELECT cells FROM workbook_rows WHERE tab = ? ORDER BY position", [.text(tab.rawValue)])
        return TabData(header: header, rows: try rows.map { try cells($0[0]) })
    }

    func header(_ tab: Tab) throws -> [String]? {
        guard let row = try db.query("SELECT cells FROM workbook_headers WHERE tab = ?", [.text(tab.rawValue)]).first
        else { return nil }
        return try cells(row[0])
    }

    func row(_ tab: Tab, key: String) throws -> [String]? {
        guard let row = try db.query("SELECT cells FROM workbook_rows WHERE tab = ? AND row_key = ?",
                                     [.text(tab.rawValue), .text(key)]).first else { return nil }
        return try cells(row[0])
    }

    private func cells(_ value: SQLValue) throws -> [String] {
        try decoder.stored([String].self, value.string)
    }
}

import AgentCore
import Foundation

/// The local workbook: the five tabs stored as the spreadsheet would hold them.
extension Store {
    // Reads go to the second connection (WorkbookReader): they never wait behind a turn's
    // commit, and a turn never waits behind them.
    public nonisolated func workbookTabs() async throws -> [Tab: TabData] {
        try await reader.tabs()
    }

    public nonisolated func workbookTab(_ tab: Tab) async throws -> TabData? {
        try await reader.tab(tab)
    }

    public nonisolated func workbookHeader(_ tab: Tab) async throws -> [String]? {
        try await reader.header(tab)
    }

    public nonisolated func workbookRow(_ tab: Tab, key: String) async throws -> [String]? {
        try await reader.row(tab, key: key)
    }

    /// Appends rows after the last one; a row whose key is already in the tab is skipped.
    /// Returns how many rows were written.
    @discardableResult
    public func workbookAppend(_ tab: Tab, rows: [(key: String?, cells: [String])]) throws -> Int {
        try transaction {
            var written = 0
            for row in rows {
                try db.query("""
                    INSERT OR IGNORE INTO workbook_rows (tab, position, row_key, cells)
                    VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM workbook_rows WHERE tab = ?), ?, ?)
                    """, [.text(tab.rawValue), .text(tab.rawValue), .optional(row.key), .text(encode(row.cells))])
                written += db.changes
            }
            return written
        }
    }

    /// Replaces the cells of the row with this key. Returns false when no row has the key.
    public func workbookReplace(_ tab: Tab, key: String, cells: [String]) throws -> Bool {
        try db.query("UPDATE workbook_rows SET cells = ? WHERE tab = ? AND row_key = ?",
                     [.text(encode(cells)), .text(tab.rawValue), .text(key)])
        return db.changes > 0
    }

    public func workbookSetHeader(_ tab: Tab, _ header: [String]) throws {
        try db.query("INSERT OR REPLACE INTO workbook_headers (tab, cells) VALUES (?, ?)", [.text(tab.rawValue), .text(encode(header))])
    }

    /// Fills an empty workbook once (a later empty tab is the operator's choice, not refilled).
    public func seedWorkbookIfNew(_ tabs: [Tab: TabData], keyOf: (Tab, [String]) -> String?) throws -> Bool {
        try transaction {
            guard try db.query("SELECT 1 FROM meta WHERE key = 'workbook_seeded'").isEmpty else { return false }
            for (tab, data) in tabs {
                try db.query("INSERT OR REPLACE INTO workbook_headers (tab, cells) VALUES (?, ?)",
                             [.text(tab.rawValue), .text(encode(data.header))])
                for (i, row) in data.rows.enumerated() {
                    try db.query("INSERT INTO workbook_rows (tab, position, row_key, cells) VALUES (?, ?, ?, ?)",
                                 [.text(tab.rawValue), .integer(Int64(i + 1)), .optional(keyOf(tab, row)), .text(encode(row))])
                }
            }
            try db.query("INSERT INTO meta (key, value) VALUES ('workbook_seeded', ?)", [.text(ISO8601DateFormatter().string(from: Date()))])
            return true
        }
    }
}

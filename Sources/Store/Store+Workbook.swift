import AgentCore
import Foundation

/// The local workbook: the five tabs stored as the spreadsheet would hold them.
extension Store {
    public func workbookTabs() throws -> [Tab: TabData] {
        var tabs: [Tab: TabData] = [:]
        for row in try db.query("SELECT tab, cells FROM workbook_headers") {
            guard let tab = Tab(rawValue: row[text: 0]) else { continue }
            tabs[tab] = TabData(header: try decode([String].self, row[1].string))
        }
        for row in try db.query("SELECT tab, cells FROM workbook_rows ORDER BY tab, position") {
            guard let tab = Tab(rawValue: row[text: 0]) else { continue }
            tabs[tab, default: TabData(header: tab.header)].rows.append(try decode([String].self, row[1].string))
        }
        return tabs
    }

    public func workbookTab(_ tab: Tab) throws -> TabData? {
        guard let header = try db.query("SELECT cells FROM workbook_headers WHERE tab = ?", [.text(tab.rawValue)]).first
        else { return nil }
        let rows = try db.query("SELECT cells FROM workbook_rows WHERE tab = ? ORDER BY position", [.text(tab.rawValue)])
        return TabData(header: try decode([String].self, header[0].string),
                       rows: try rows.map { try decode([String].self, $0[0].string) })
    }

    public func workbookHeader(_ tab: Tab) throws -> [String]? {
        guard let row = try db.query("SELECT cells FROM workbook_headers WHERE tab = ?", [.text(tab.rawValue)]).first
        else { return nil }
        return try decode([String].self, row[0].string)
    }

    public func workbookRow(_ tab: Tab, key: String) throws -> [String]? {
        guard let row = try db.query("SELECT cells FROM workbook_rows WHERE tab = ? AND row_key = ?",
                                     [.text(tab.rawValue), .text(key)]).first else { return nil }
        return try decode([String].self, row[0].string)
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

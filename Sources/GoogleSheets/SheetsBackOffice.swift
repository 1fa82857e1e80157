import AgentCore
import BackOffice
import Foundation

/// The ISP's spreadsheet behind the BackOffice seam. Tabs are found by title (tolerant of
/// case and accents), columns by header name; rows are written in the sheet's own column
/// order, RAW, so customer text is never evaluated.
public actor SheetsBackOffice: BackOffice {
    public nonisolated let name: String
    public let client: SheetsClient
    private var titles: [Tab: String] = [:]
    private var headers: [Tab: [String]] = [:]
    public private(set) var spreadsheetTitle: String?

    public init(client: SheetsClient) {
        self.client = client
        self.name = "Google Sheets (\(client.spreadsheetID))"
    }

    /// The titles of the five tabs in this spreadsheet ("Clientes", or "CLIENTES", or "clientes").
    public func resolveTitles(force: Bool = false) async throws -> [Tab: String] {
        if !force, titles.count == Tab.allCases.count { return titles }
        let info = try await client.spreadsheet()
        spreadsheetTitle = info.title
        var found: [Tab: String] = [:]
        for title in info.tabs {
            if let tab = Tab(title: title), found[tab] == nil { found[tab] = title }
        }
        titles = found
        return found
    }

    /// One batchGet for all tabs: the refresh costs one read request whatever the traffic.
    public func readAll() async throws -> [Tab: TabData] {
        let titles = try await resolveTitles()
        let tabs = Tab.allCases.filter { titles[$0] != nil }
        let values: [[[String]]]
        do {
            values = try await client.batchGet(tabs.map { A1.range(titles[$0]!) })
        } catch let error as SheetsError {
            // A tab renamed since the titles were read: read the titles again next time.
            if error.isUnknownRange { self.titles = [:] }
            throw error
        }
        var result: [Tab: TabData] = [:]
        for (tab, rows) in zip(tabs, values) {
            let header = rows.first ?? []
            headers[tab] = header
            result[tab] = TabData(header: header, rows: Array(rows.dropFirst()))
        }
        return result
    }

    public func read(_ tab: Tab) async throws -> TabData {
        let title = try await title(of: tab)
        let rows = try await client.batchGet([A1.range(title)])[0]
        headers[tab] = rows.first ?? []
        return TabData(header: rows.first ?? [], rows: Array(rows.dropFirst()))
    }

    public func append(_ rows: [RowValues], to tab: Tab) async throws {
        let title = try await title(of: tab)
        let map = try await headerMap(tab, title: title)
        try await client.append(A1.range(title, "A1"), rows: rows.map(map.row(from:)))
    }

    public func update(_ tab: Tab, key: String, cells: [String: String]) async throws {
        let title = try await title(of: tab)
        let map = try await headerMap(tab, title: title)
        let keys = try await keyColumn(tab, title: title, map: map)
        // keys[0] is the header row: the sheet row number is the index + 1.
        guard let index = keys.firstIndex(of: key), index > 0 else {
            throw BackOfficeError.rowNotFound(tab: title, key: key)
        }
        let data = cells.compactMap { name, value -> (range: String, rows: [[String]])? in
            guard let column = map.position(of: name) else { return nil }
            return (A1.range(title, "\(A1.column(column))\(index + 1)"), [[value]])
        }
        guard !data.isEmpty else { return }
        try await client.batchUpdate(data)
    }

    // MARK: Helpers

    private func title(of tab: Tab) async throws -> String {
        if let title = titles[tab] { return title }
        guard let title = try await resolveTitles(force: true)[tab] else {
            throw SheetsBackOfficeError.missingTab(tab.title)
        }
        return title
    }

    private func headerMap(_ tab: Tab, title: String) async throws -> HeaderMap {
        if headers[tab] == nil || headers[tab]?.isEmpty == true {
            headers[tab] = try await client.batchGet([A1.range(title, "1:1")])[0].first ?? []
        }
        return try HeaderMap(tab: tab, header: headers[tab] ?? [])
    }

    /// Every cell of the key column, from the header row down.
    private func keyColumn(_ tab: Tab, title: String, map: HeaderMap) async throws -> [String] {
        guard let keyColumn = tab.keyColumn, let position = map.position(of: keyColumn) else { return [] }
        let letter = A1.column(position)
        return try await client.batchGet([A1.range(title, "\(letter):\(letter)")])[0].map { $0.first ?? "" }
    }
}

public enum SheetsBackOfficeError: Error, Sendable, CustomStringConvertible {
    case missingTab(String)

    public var description: String {
        switch self {
        case .missingTab(let title):
            "the spreadsheet has no tab \"\(title)\" — add it, or run `launcher sheets init` to create the missing tabs"
        }
    }
}

import AgentCore
import GoogleSheets

/// The live check of the spreadsheet for `--mode status`: the key, a token exchange, the
/// spreadsheet's title, the five tabs and their required columns.
enum SheetsStatus {
    static func check(_ config: BotConfig.Sheets) async -> StatusReport.State {
        do {
            let client = try BotRuntime.sheetsClient(config)
            _ = try await client.tokens.token()
            let info = try await client.spreadsheet()
            var titles: [Tab: String] = [:]
            for title in info.tabs {
                if let tab = Tab(title: title), titles[tab] == nil { titles[tab] = title }
            }
            let missing = Tab.allCases.filter { titles[$0] == nil }
            guard missing.isEmpty else {
                return .fail("«\(info.title)» has no tab \(missing.map(\.title).joined(separator: ", ")) — run `launcher sheets init`")
            }
            let tabs = try await client.batchGet(Tab.allCases.map { A1.range(titles[$0]!) })
            var duplicates: [String] = []
            for (tab, rows) in zip(Tab.allCases, tabs) {
                do {
                    let map = try HeaderMap(tab: tab, header: rows.first ?? [])
                    duplicates += duplicateKeys(tab, rows: rows.dropFirst(), map: map)
                } catch {
                    return .fail("«\(info.title)» \(error)")
                }
            }
            let email = await client.tokens.serviceAccountEmail
            var warning = duplicates.isEmpty ? ""
                : "; warning: IDs used by more than one row: \(duplicates.joined(separator: ", ")) — give each row its own ID"
            if let loose = ServiceAccountKey.permissionWarning(path: config.credentialsPath) { warning += "; warning: " + loose }
            return .ok("«\(info.title)» (5 tabs, headers OK; token OK for \(email))\(warning)")
        } catch {
            return .fail("\(error)")
        }
    }

    /// "Clientes C-0106 (2 rows)": keys staff typed twice, or typed over one the bot gave.
    static func duplicateKeys(_ tab: Tab, rows: ArraySlice<[String]>, map: HeaderMap) -> [String] {
        guard let column = tab.columns.first(where: { $0.name == tab.keyColumn }) else { return [] }
        var counts: [String: Int] = [:]
        for row in rows {
            let key = map.value(column, in: row)
            if !key.isEmpty { counts[key, default: 0] += 1 }
        }
        return counts.filter { $0.value > 1 }.keys.sorted().map { "\(tab.title) \($0) (\(counts[$0]!) rows)" }
    }
}

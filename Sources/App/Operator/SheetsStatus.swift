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
            let headers = try await client.batchGet(Tab.allCases.map { A1.range(titles[$0]!, "1:1") })
            for (tab, rows) in zip(Tab.allCases, headers) {
                do {
                    _ = try HeaderMap(tab: tab, header: rows.first ?? [])
                } catch {
                    return .fail("«\(info.title)» \(error)")
                }
            }
            let email = await client.tokens.serviceAccountEmail
            return .ok("«\(info.title)» (5 tabs, headers OK; token OK for \(email))")
        } catch {
            return .fail("\(error)")
        }
    }
}

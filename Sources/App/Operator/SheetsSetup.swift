import AgentCore
import BackOffice
import GoogleSheets

/// `launcher sheets init`: gives a new spreadsheet the five tabs with their headers and the
/// sample plans and zones. A tab that already has data is left exactly as it is.
public enum SheetsSetup {
    public static func initialize(config: BotConfig) async throws -> [String] {
        guard let sheetsConfig = config.sheets else {
            throw ConfigError("GOOGLE_SHEETS_ID", value: nil, expected: "not set — `sheets init` prepares the spreadsheet named by GOOGLE_SHEETS_ID")
        }
        let client = try BotRuntime.sheetsClient(sheetsConfig)
        let info = try await client.spreadsheet()
        var existing: [Tab: String] = [:]
        for title in info.tabs {
            if let tab = Tab(title: title), existing[tab] == nil { existing[tab] = title }
        }
        let missing = Tab.allCases.filter { existing[$0] == nil }
        if !missing.isEmpty { try await client.addSheets(missing.map(\.title)) }

        let present = Tab.allCases.filter { existing[$0] != nil }
        let contents = present.isEmpty ? [] : try await client.batchGet(present.map { A1.range(existing[$0]!) })
        var hasData: [Tab: Bool] = [:]
        for (tab, rows) in zip(present, contents) { hasData[tab] = rows.contains { $0.contains { !$0.isEmpty } } }

        var lines = ["Spreadsheet «\(info.title)»"]
        var writes: [(range: String, rows: [[String]])] = []
        for tab in Tab.allCases {
            let title = existing[tab] ?? tab.title
            if hasData[tab] == true {
                lines.append("\(title): has data, left as it is")
                continue
            }
            let sample: [[String]] = switch tab {
            case .plans: SampleWorkbook.plans.rows
            case .zones: SampleWorkbook.zones.rows
            default: []
            }
            writes.append((A1.range(title, "A1"), [tab.header] + sample))
            let what = sample.isEmpty ? "headers" : "headers and \(sample.count) sample rows"
            lines.append("\(title): \(existing[tab] == nil ? "created" : "was empty") — wrote \(what)")
        }
        if !writes.isEmpty { try await client.batchUpdate(writes) }
        return lines
    }
}


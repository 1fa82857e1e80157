import AgentCore
import BackOffice
import Emulators
import Fixtures
import Foundation

/// The Google emulator holding the ISP's sample spreadsheet, and the variables that point
/// the bot at it.
struct SheetsBackedBot {
    let emulator: GoogleEmulator
    let spreadsheetID = "1RedSolucionesPruebas_0123456789abcdefXYZ"
    let email = "bot-pruebas@red-soluciones-test.iam.gserviceaccount.com"
    let keyPath: String
    private let scratch: ScratchDirectory

    static func start() async throws -> SheetsBackedBot {
        let emulator = GoogleEmulator()
        try await emulator.start()
        let scratch = ScratchDirectory("redsol-key")
        let keyPath = scratch.path + "/service_account.json"
        let bot = SheetsBackedBot(emulator: emulator, keyPath: keyPath, scratch: scratch)
        try ServiceAccountFile.create(for: emulator, email: bot.email, at: keyPath)
        emulator.createSpreadsheet(id: bot.spreadsheetID, title: "Red Soluciones — Back office", sharedWith: [bot.email],
                                   tabs: Tab.allCases.map { tab in
                                       let data = SampleWorkbook.all[tab]!
                                       return (title: tab.title, rows: [data.header] + data.rows)
                                   })
        return bot
    }

    func environment(timeoutSeconds: Int = 5) -> [String: String] {
        ["GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath, "SHEETS_API_BASE": emulator.baseURL,
         "SHEETS_TIMEOUT_SECONDS": String(timeoutSeconds), "SHEETS_REQUESTS_PER_MINUTE": "1000"]
    }

    func rows(_ tab: Tab) -> [[String: String]] {
        Fixtures.records(emulator.values(spreadsheetID: spreadsheetID, tab: tab.title))
    }

    /// Rows the bot added (the sample's own excluded).
    func newRows(_ tab: Tab) -> [[String: String]] {
        Array(rows(tab).dropFirst(SampleWorkbook.all[tab]!.rows.count))
    }
}

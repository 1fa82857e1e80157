import AgentCore
import BackOffice
import Emulators
import Fixtures
import Foundation
import GoogleSheets

/// A Google emulator with one spreadsheet shared with a service account whose key is made
/// here, at run time, and written to a temporary key file.
struct SheetsFixture {
    let emulator: GoogleEmulator
    let keyPath: String
    private let scratch: ScratchDirectory
    var directory: String { scratch.path }
    let spreadsheetID = "1RedSolucionesPruebas_0123456789abcdefXYZ"
    let email = "bot-pruebas@red-soluciones-test.iam.gserviceaccount.com"

    /// `tabs`: nil seeds the five tabs with the sample workbook.
    static func start(tokenLifetimeSeconds: Int = 3599, tabs: [(title: String, rows: [[String]])]? = nil) async throws -> SheetsFixture {
        let emulator = GoogleEmulator(tokenLifetimeSeconds: tokenLifetimeSeconds)
        try await emulator.start()
        let scratch = ScratchDirectory("redsol-sheets")
        let fixture = SheetsFixture(emulator: emulator, keyPath: scratch.path + "/service_account.json", scratch: scratch)
        try ServiceAccountFile.create(for: emulator, email: fixture.email, at: fixture.keyPath)
        let sample = Tab.allCases.map { tab in
            let data = SampleWorkbook.all[tab]!
            return (title: tab.title, rows: [data.header] + data.rows)
        }
        emulator.createSpreadsheet(id: fixture.spreadsheetID, title: "Red Soluciones — Back office", sharedWith: [fixture.email],
                                   tabs: tabs ?? sample)
        return fixture
    }

    /// The variables that point the bot at this spreadsheet.
    var environment: [String: String] {
        ["GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath, "SHEETS_API_BASE": emulator.baseURL]
    }

    func client(timeoutSeconds: Int64 = 5, requestsPerMinute: Int = 600, backoff: Double = 0.05) throws -> SheetsClient {
        var options = SheetsClient.Options()
        options.timeout = .seconds(timeoutSeconds)
        options.requestsPerMinute = requestsPerMinute
        options.backoff = backoff
        return SheetsClient(baseURL: URL(string: emulator.baseURL)!, spreadsheetID: spreadsheetID,
                            tokens: TokenProvider(key: try ServiceAccountKey.load(path: keyPath)), options: options)
    }

    /// Rows of a tab as dictionaries keyed by its header, as the emulated sheet holds them.
    func rows(_ title: String) -> [[String: String]] {
        Fixtures.records(emulator.values(spreadsheetID: spreadsheetID, tab: title))
    }
}

import AgentCore
import BackOffice
import Emulators
import Foundation
import Testing

extension EndToEnd {
/// The real `launcher` binary against the Google emulator.
@Suite struct SheetsLauncherTests {
    let spreadsheetID = "1RedSolucionesPruebas_0123456789abcdefXYZ"
    let email = "bot-pruebas@red-soluciones-test.iam.gserviceaccount.com"

    func start(tabs: [(title: String, rows: [[String]])]? = nil) async throws -> (GoogleEmulator, LauncherProcess) {
        let emulator = GoogleEmulator()
        try await emulator.start()
        var launcher = LauncherProcess()
        let keyPath = launcher.directory + "/service_account.json"
        try ServiceAccountFile.create(for: emulator, email: email, at: keyPath)
        let sample = Tab.allCases.map { tab in (title: tab.title, rows: [SampleWorkbook.all[tab]!.header] + SampleWorkbook.all[tab]!.rows) }
        emulator.createSpreadsheet(id: spreadsheetID, title: "Red Soluciones — Back office", sharedWith: [email], tabs: tabs ?? sample)
        launcher.environment.merge(["GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath,
                                    "SHEETS_API_BASE": emulator.baseURL, "SHEETS_TIMEOUT_SECONDS": "3"]) { $1 }
        return (emulator, launcher)
    }

    func values(_ emulator: GoogleEmulator, _ tab: String) -> [[String]] {
        emulator.values(spreadsheetID: spreadsheetID, tab: tab)
    }

    @Test func aConsoleConversationLandsInTheSpreadsheet() async throws {
        let (emulator, launcher) = try await start()
        let output = try await launcher.run(["--mode", "console", "--channel", "whatsapp", "--user", "5214447770010"],
                                            input: "quiero contratar el de 100 en el sur\n=IMPORTXML(\"http://x\",\"//a\")\nsí\n")
        #expect(output.status == 0)
        #expect(output.replies.last?.contains("C-0031") == true)
        let last = try #require(values(emulator, "Clientes").last)
        #expect(last[0] == "C-0031" && last[1] == "'=IMPORTXML(\"http://x\",\"//a\")" && last[5] == "Sur" && last[6] == "100")
        #expect(values(emulator, "Clientes").count == SampleWorkbook.clients.rows.count + 2, "header, the sample clients, one new")
    }

    @Test func statusShowsTheTitleAndExportReadsTheSheet() async throws {
        let (emulator, launcher) = try await start()
        let status = try await launcher.run(["--mode", "status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("Google Sheets: OK «Red Soluciones — Back office»"))
        var zones = values(emulator, "Zonas")
        zones.append(["El Mirador", "sí", "añadida por staff"])
        emulator.setValues(spreadsheetID: spreadsheetID, tab: "Zonas", rows: zones)
        let export = try await launcher.export("zones")
        #expect(export.last?["Zona"] == "El Mirador" && export.last?["Notas"] == "añadida por staff")
    }

    @Test func statusFailsPlainlyForARevokedKeyAndAMissingColumn() async throws {
        let (emulator, launcher) = try await start()
        var incidents = values(emulator, "Incidentes")
        incidents[0] = incidents[0].map { $0 == "Prioridad" ? "Urgencia" : $0 }
        emulator.setValues(spreadsheetID: spreadsheetID, tab: "Incidentes", rows: incidents)
        let missing = try await launcher.run(["--mode", "status"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("Google Sheets: FAIL") && missing.stdout.contains("Incidentes") && missing.stdout.contains("Prioridad"))

        emulator.revokeServiceAccount(email: email)
        let revoked = try await launcher.run(["--mode", "status"])
        #expect(revoked.status == 1)
        let line = try #require(revoked.stdout.split(separator: "\n").first { $0.hasPrefix("Google Sheets") })
        #expect(line.contains("FAIL") && line.contains("invalid_grant"))
        #expect(!revoked.stdout.contains("PRIVATE KEY") && !revoked.stdout.contains("eyJ"))
    }

    @Test func aBrokenKeyFileIsOneLineAndExitCodeTwo() async throws {
        let (_, launcher) = try await start()
        try "{ not json".write(toFile: launcher.directory + "/service_account.json", atomically: true, encoding: .utf8)
        let output = try await launcher.run(["--mode", "console"], input: "hola\n")
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("GOOGLE_APPLICATION_CREDENTIALS") && output.stderr.contains("not valid JSON"))
    }

    @Test func sheetsInitPreparesANewSpreadsheetAndNeverOverwrites() async throws {
        let (emulator, launcher) = try await start(tabs: [(title: "Hoja 1", rows: []), (title: "clientes", rows: [["ID", "Nombre"], ["X-1", "Mía"]])])
        let first = try await launcher.run(["sheets", "init"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("clientes: has data, left as it is"))
        #expect(values(emulator, "clientes") == [["ID", "Nombre"], ["X-1", "Mía"]])
        #expect(values(emulator, "Planes").map { $0.prefix(3).joined(separator: ",") } == ["Plan,Mbps,Precio mensual", "Básico 20,20,350", "Hogar 50,50,450", "Plus 100,100,600"])
        #expect(values(emulator, "Zonas").count == 8)
        #expect(values(emulator, "Incidentes") == [Tab.incidents.header])
        let second = try await launcher.run(["sheets", "init"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("Planes: has data, left as it is"))
        #expect(values(emulator, "Planes").count == SampleWorkbook.plans.rows.count + 1, "header and the sample plans, once")
    }
}
}

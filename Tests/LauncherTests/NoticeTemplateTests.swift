import AgentCore
import BackOffice
import Emulators
import Fixtures
import Foundation
import Testing

extension EndToEnd {
/// Notices past WhatsApp's 24-hour window (issue 12): the real `launcher --mode whatsapp` with the
/// spreadsheet, against the Google and WhatsApp emulators. Staff close repairs in the sheet; the
/// customer whose window is shut gets the approved template, the other the text.
@Suite struct NoticeTemplateTests {
    let spreadsheetID = "1RedSolucionesPlantillas_0123456789abcdef"
    let email = "bot-plantillas@red-soluciones-test.iam.gserviceaccount.com"
    static let resolvedBody = "Hola {{1}}, tu reporte {{2}} quedó resuelto. Si algo sigue fallando, respóndenos por aquí."

    /// The sample's first two clients, both on WhatsApp.
    static func client(_ index: Int) -> WhatsAppEmulator.Contact {
        let row = SampleWorkbook.clients.rows[index]
        return WhatsAppEmulator.Contact(waID: row[4], name: row[1])
    }

    func environment(_ google: GoogleEmulator, _ whatsApp: WhatsAppEmulator, _ launcher: LauncherProcess) throws -> [String: String] {
        let keyPath = launcher.directory + "/service_account.json"
        try ServiceAccountFile.create(for: google, email: email, at: keyPath)
        google.createSpreadsheet(id: spreadsheetID, title: "Red Soluciones", sharedWith: [email],
                                 tabs: Tab.allCases.map { (title: $0.title, rows: [SampleWorkbook.all[$0]!.header] + SampleWorkbook.all[$0]!.rows) })
        return [
            "GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath, "SHEETS_API_BASE": google.baseURL,
            "SHEETS_REFRESH_SECONDS": "1",
            "WHATSAPP_PHONE_NUMBER_ID": whatsApp.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": whatsApp.accessToken,
            "WHATSAPP_APP_SECRET": whatsApp.appSecret, "WHATSAPP_VERIFY_TOKEN": "v", "WHATSAPP_API_BASE": whatsApp.baseURL,
            "WHATSAPP_BUSINESS_ACCOUNT_ID": whatsApp.businessAccountID,
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(freePort()),
        ]
    }

    /// Staff set an incident's Estado in the sheet, as they do when a repair is done.
    func staffSet(_ google: GoogleEmulator, folio: String, state: String) {
        var values = google.values(spreadsheetID: spreadsheetID, tab: Tab.incidents.title)
        guard let folioColumn = values[0].firstIndex(of: "Folio"), let stateColumn = values[0].firstIndex(of: "Estado"),
              let r = values.firstIndex(where: { $0.count > folioColumn && $0[folioColumn] == folio }) else { return }
        while values[r].count <= stateColumn { values[r].append("") }
        values[r][stateColumn] = state
        google.setValues(spreadsheetID: spreadsheetID, tab: Tab.incidents.title, rows: values)
    }

    @Test func aClosedRepairReachesTheCustomerByTemplateOrTextAndTheirAnswerReopensOrRatesIt() async throws {
        let google = GoogleEmulator(), whatsApp = WhatsAppEmulator()
        try await google.start()
        try await whatsApp.start()
        whatsApp.addTemplate("incidente_resuelto", body: Self.resolvedBody)
        var launcher = LauncherProcess()
        launcher.environment.merge(try environment(google, whatsApp, launcher)) { $1 }
        let bot = try launcher.start(["--mode", "whatsapp"])
        defer { Task { _ = await bot.stop() } }
        let port = launcher.environment["MESSAGING_PORT"]!
        whatsApp.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        #expect(await eventually { await WhatsAppLauncherTests.healthy(Int(port)!) })

        let maria = Self.client(0), jose = Self.client(1)
        try await whatsApp.sendText("no tengo internet desde ayer, ya reinicié el módem", from: maria)
        #expect(await eventually { whatsApp.messages(to: maria.waID).contains { $0.text?.contains("F-0005") == true } })
        try await whatsApp.sendText("se me fue el internet desde la mañana, ya lo reinicié", from: jose)
        #expect(await eventually { whatsApp.messages(to: jose.waID).contains { $0.text?.contains("F-0006") == true } })
        #expect(await eventually {
            google.values(spreadsheetID: spreadsheetID, tab: Tab.incidents.title).contains { $0.first == "F-0006" }
        }, "both reports are in the sheet")
        // Staff close repairs hours later; here, once the bot's next read (every second) has
        // seen both rows open, since a notice is for a change the bot saw happen.
        try await Task.sleep(for: .seconds(3))

        // A day passes for María: WhatsApp now refuses free text to her (131047, after a 200).
        whatsApp.expireWindow(for: maria.waID)
        staffSet(google, folio: "F-0005", state: "resuelto")
        staffSet(google, folio: "F-0006", state: "resuelto")

        #expect(await eventually(timeout: 60) {
            whatsApp.messages(to: maria.waID).contains { $0.type == "template" }
        }, "María gets the template after WhatsApp refused the text")
        let template = try #require(whatsApp.messages(to: maria.waID).last { $0.type == "template" })
        #expect(template.text == "Hola María, tu reporte F-0005 quedó resuelto. Si algo sigue fallando, respóndenos por aquí.")
        #expect(template.bodyJSON.contains(#""name":"incidente_resuelto""#) && template.bodyJSON.contains(#""code":"es_MX""#))
        #expect(await eventually { whatsApp.messages(to: jose.waID).contains { $0.type == "interactive" && $0.text?.contains("quedó resuelto") == true } },
                "José, who wrote a moment ago, gets the text, with Sí / No buttons")
        #expect(!whatsApp.messages(to: jose.waID).contains { $0.type == "template" })
        #expect(whatsApp.messages(to: maria.waID).filter { $0.type == "template" }.count == 1, "told once")

        // José presses «No, sigue igual»: the report is open again in the sheet.
        #expect(whatsApp.messages(to: jose.waID).last?.interactiveJSON?.contains("No, sigue igual") == true)
        try await whatsApp.pressButton(id: "no", title: "No, sigue igual", from: jose)
        #expect(await eventually { incident("F-0006", google)?["Estado"] == "abierto" }, "reopened in the sheet")
        #expect(incident("F-0006", google)?["Descripción"]?.contains("Reabierto por el cliente") == true)

        // María answers the template in words, then rates the repair from the list.
        try await whatsApp.sendText("sí, ya quedó, muchas gracias", from: maria)
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.interactiveJSON?.contains("rating:5") == true })
        try await whatsApp.chooseListRow(id: "rating:5", title: "5 ⭐", from: maria)
        #expect(await eventually { incident("F-0005", google)?["Calificación"] == "5" }, "the rating lands in the sheet")
        #expect(incident("F-0005", google)?["Estado"] == "resuelto")
    }

    func incident(_ folio: String, _ google: GoogleEmulator) -> [String: String]? {
        Fixtures.records(google.values(spreadsheetID: spreadsheetID, tab: Tab.incidents.title)).first { $0["Folio"] == folio }
    }

    @Test func statusNamesTheTemplatesThatAreMissingOrNotApproved() async throws {
        let google = GoogleEmulator(), whatsApp = WhatsAppEmulator()
        try await google.start()
        try await whatsApp.start()
        whatsApp.addTemplate("incidente_resuelto", body: Self.resolvedBody)
        whatsApp.addTemplate("instalacion_lista", status: "PENDING", body: "Hola {{1}}, tu internet ya quedó instalado.")
        whatsApp.addTemplate("aviso_personal", status: "PAUSED", body: "Aviso para el equipo: {{1}}")
        var launcher = LauncherProcess()
        launcher.environment.merge(try environment(google, whatsApp, launcher)) { $1 }
        let status = try await launcher.run(["--mode", "status"])
        let line = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("WhatsApp templates:") })
        #expect(status.status == 1 && line.contains("FAIL"))
        #expect(line.contains("instalacion_lista es_MX (installation_done) is PENDING"))
        #expect(line.contains("falla_zona_resuelta es_MX (outage_over) does not exist"))
        #expect(line.contains("aviso_personal es_MX (staff_alert) is PAUSED"))
        #expect(!line.contains("incidente_resuelto"), "the approved one is fine")

        for name in ["instalacion_lista", "aviso_personal"] {
            whatsApp.addTemplate(name, body: "Hola {{1}}")
        }
        whatsApp.addTemplate("falla_zona_resuelta", body: "Ya quedó la falla en {{1}}.")
        let fixed = try await launcher.run(["--mode", "status"])
        #expect(fixed.stdout.contains("WhatsApp templates: OK 4 templates approved"), "\(fixed.stdout)")
    }
}
}

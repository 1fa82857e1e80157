import AgentCore
import BackOffice
import Emulators
import Fixtures
import Foundation
import Testing

extension EndToEnd {
/// The spreadsheet as an ISP really shares it (issue 11): staff type rows by hand while the
/// bot runs, and Google fails. The real `launcher --mode telegram` and `--mode console`
/// against the Google and Telegram emulators.
@Suite struct SharedSheetTests {
    let spreadsheetID = "1RedSolucionesCompartida_0123456789abcdef"
    let email = "bot-compartida@red-soluciones-test.iam.gserviceaccount.com"
    let ana = TelegramEmulator.User(id: 6_001, firstName: "Ana", lastName: "López")

    struct Setup {
        let google: GoogleEmulator
        let telegram: TelegramEmulator
        var launcher: LauncherProcess
    }

    func setUp() async throws -> Setup {
        let google = GoogleEmulator()
        try await google.start()
        let telegram = TelegramEmulator()
        try await telegram.start()
        var launcher = LauncherProcess()
        let keyPath = launcher.directory + "/service_account.json"
        try ServiceAccountFile.create(for: google, email: email, at: keyPath)
        google.createSpreadsheet(id: spreadsheetID, title: "Red Soluciones", sharedWith: [email],
                                 tabs: Tab.allCases.map { (title: $0.title, rows: [SampleWorkbook.all[$0]!.header] + SampleWorkbook.all[$0]!.rows) })
        // A refresh only at start: staff rows typed later are unknown to the bot until it writes.
        launcher.environment.merge([
            "GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath, "SHEETS_API_BASE": google.baseURL,
            "SHEETS_TIMEOUT_SECONDS": "2", "SHEETS_REFRESH_SECONDS": "3600",
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.baseURL,
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(freePort()),
        ]) { $1 }
        return Setup(google: google, telegram: telegram, launcher: launcher)
    }

    func rows(_ setup: Setup, _ tab: Tab) -> [[String: String]] {
        Fixtures.records(setup.google.values(spreadsheetID: spreadsheetID, tab: tab.title))
    }

    /// Staff type a row by hand at the bottom of a tab, as they do in the spreadsheet.
    func staffType(_ setup: Setup, _ tab: Tab, _ cells: [String: String]) {
        let values = setup.google.values(spreadsheetID: spreadsheetID, tab: tab.title)
        let row = values[0].map { cells[$0] ?? "" }
        setup.google.setValues(spreadsheetID: spreadsheetID, tab: tab.title, rows: values + [row], userEntered: true)
    }

    /// Every C-/F- number the bot sent Ana, in order.
    func numbersSent(_ setup: Setup, prefix: String) -> [String] {
        setup.telegram.messages(to: ana.id).flatMap { message in
            message.text.matches(of: try! Regex("\(prefix)-[0-9]{4}")).map { String(message.text[$0.range]) }
        }
    }

    @Test(arguments: [false, true])
    func aClientRowStaffTypedWithTheNextIDIsNeverSharedWithASignup(lostAnswer: Bool) async throws {
        let setup = try await setUp()
        let bot = try setup.launcher.start(["--mode", "telegram"])
        defer { Task { _ = await bot.stop(); await setup.google.stop(); await setup.telegram.stop() } }
        let telegram = setup.telegram

        telegram.sendText("quiero contratar el de 50 en el norte", from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).count == 1 })
        // Meanwhile, at the office: the next client typed by hand with the next free number.
        staffType(setup, .clients, ["ID": "C-0031", "Nombre": "Pedro Salas", "Teléfono": "4440001111", "Canal": "Oficina",
                                    "Zona": "Sur", "Plan (Mbps)": "20", "Precio": "350", "Estado": "activo", "Fecha de alta": "2026-12-01"])
        if lostAnswer { setup.google.inject(.applyThenStall(seconds: 4), call: "values.append") }
        telegram.sendText("sí", from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).count == 2 })
        telegram.sendText("444 123 9876", from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).count == 3 })
        telegram.sendText("sí", from: ana)

        // Told C-0031 at once (the bot cannot know yet), then corrected once the row is in.
        #expect(await eventually(timeout: 30) { telegram.messages(to: ana.id).last?.text.contains("C-0032") == true },
                "\(telegram.messages(to: ana.id).map(\.text))")
        let clients = rows(setup, .clients)
        let ids = clients.compactMap { $0["ID"] }
        #expect(Set(ids).count == ids.count, "every client has its own number: \(ids.suffix(3))")
        #expect(clients.filter { $0["Chat ID"] == String(ana.id) }.map { $0["ID"] } == ["C-0032"], "one row for Ana, under the number she was last told")
        #expect(clients.first { $0["ID"] == "C-0031" }?["Nombre"] == "Pedro Salas", "the staff row is untouched")
        #expect(telegram.messages(to: ana.id).last?.text.contains("corrección") == true)
        #expect(numbersSent(setup, prefix: "C") == ["C-0031", "C-0032", "C-0031"], "the sign-up, then the correction")
    }

    @Test(arguments: [false, true])
    func anIncidentStaffTypedWithTheNextFolioIsNeverSharedWithAReport(lostAnswer: Bool) async throws {
        let setup = try await setUp()
        let bot = try setup.launcher.start(["--mode", "telegram"])
        defer { Task { _ = await bot.stop(); await setup.google.stop(); await setup.telegram.stop() } }
        let telegram = setup.telegram

        telegram.sendText("hola", from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).count == 1 })
        staffType(setup, .incidents, ["Folio": "F-0005", "Fecha": "2026-12-02 09:00", "Cliente ID": "C-0002", "Nombre": "José Luis Martínez",
                                      "Canal": "Teléfono", "Zona": "Norte", "Descripción": "Llamó: antena caída", "Prioridad": "alta",
                                      "Estado": "abierto"])
        if lostAnswer { setup.google.inject(.applyThenStall(seconds: 4), call: "values.append") }
        telegram.sendText("no tengo internet desde ayer en el centro, ya reinicie el modem, soy Ana López", from: ana)

        #expect(await eventually(timeout: 30) { telegram.messages(to: ana.id).last?.text.contains("F-0006") == true },
                "\(telegram.messages(to: ana.id).map(\.text))")
        let incidents = rows(setup, .incidents)
        let folios = incidents.compactMap { $0["Folio"] }
        #expect(Set(folios).count == folios.count, "every report has its own folio: \(folios.suffix(3))")
        #expect(incidents.filter { $0["Chat ID"] == String(ana.id) }.map { $0["Folio"] } == ["F-0006"])
        #expect(incidents.first { $0["Folio"] == "F-0005" }?["Descripción"] == "Llamó: antena caída")
    }

    @Test func statusNamesIDsThatMoreThanOneRowUses() async throws {
        let setup = try await setUp()
        staffType(setup, .clients, ["ID": "C-0030", "Nombre": "Otra Persona", "Zona": "Sur", "Plan (Mbps)": "20", "Estado": "activo"])
        let status = try await setup.launcher.run(["--mode", "status"])
        let line = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("Google Sheets") })
        #expect(line.contains("OK") && line.contains("Clientes C-0030 (2 rows)"), "\(line)")
        await setup.google.stop()
        await setup.telegram.stop()
    }

    @Test func aRestartDuringAGoogleOutageAnswersAtOnceFromTheMirror() async throws {
        let setup = try await setUp()
        let telegram = setup.telegram
        let first = try setup.launcher.start(["--mode", "telegram"])
        telegram.sendText("hola", from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).count == 1 })
        _ = await first.stop()
        await setup.google.stop()  // Google unreachable from now on

        let second = try setup.launcher.start(["--mode", "telegram"])
        defer { Task { _ = await second.stop(); await telegram.stop() } }
        telegram.sendText("cuanto cuesta el de 50?", from: ana)
        // Before this issue the bot was silent for about 46 s here.
        #expect(await eventually(timeout: 5) { telegram.messages(to: ana.id).count == 2 }, "answered within seconds")
        #expect(telegram.messages(to: ana.id).last?.text.contains("$450") == true)
    }

    @Test func theConsoleEndsPromptlyWithGoogleDownAndTheNextRunDeliversOnce() async throws {
        let setup = try await setUp()
        let args = ["--mode", "console", "--channel", "whatsapp", "--user", "5214447770099"]
        let warm = try await setup.launcher.run(args, input: "hola\n")  // fills the mirror
        #expect(warm.status == 0)
        await setup.google.stop()

        let started = Date()
        let down = try await setup.launcher.run(args, input: "quiero contratar el de 100 en el sur, soy Rita Pérez\nsí\n")
        let seconds = Date().timeIntervalSince(started)
        #expect(down.status == 0)
        #expect(down.replies.last?.contains("C-0031") == true, "answered normally: \(down.replies)")
        #expect(down.stderr.contains("outbox"), "says what stays in the outbox: \(down.stderr)")
        #expect(seconds < 15, "ended in \(seconds) s, not after waiting on Google")

        try await setup.google.start()
        let next = try await setup.launcher.run(args, input: "")
        #expect(next.status == 0)
        #expect(rows(setup, .clients).filter { $0["Chat ID"] == "5214447770099" }.map { $0["ID"] } == ["C-0031"])
        let again = try await setup.launcher.run(args, input: "")
        #expect(again.status == 0)
        #expect(rows(setup, .clients).count == SampleWorkbook.clients.rows.count + 1, "delivered exactly once")
        await setup.google.stop()
        await setup.telegram.stop()
    }
}
}

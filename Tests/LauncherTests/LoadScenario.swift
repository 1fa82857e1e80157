import AgentCore
import AsyncHTTPClient
import BackOffice
import Emulators
import Fixtures
import Foundation
import Store
import Testing

/// 200 customers (100 on Telegram, 100 on WhatsApp) writing 5 messages each to the real
/// `launcher --mode auto`, with the Google emulator as the back office. Sign-ups and
/// incidents must each end as exactly one row; every message must be answered.
final class LoadScenario: @unchecked Sendable {
    let telegram = TelegramEmulator()
    let whatsapp = WhatsAppEmulator()
    let google = GoogleEmulator()
    var launcher: LauncherProcess
    let port = freePort()
    let spreadsheetID = "1RedSolucionesCarga_0123456789abcdefXYZ"
    var bot: RunningLauncher?

    enum Script: CaseIterable { case signup, incident, questions, mixed }

    struct Customer {
        var channel: Channel
        var index: Int
        var script: Script
        var telegramUser: TelegramEmulator.User { TelegramEmulator.User(id: Int64(20_000 + index), firstName: "Cliente\(index)") }
        var whatsappContact: WhatsAppEmulator.Contact {
            WhatsAppEmulator.Contact(waID: String(format: "5214447%06d", index), name: "Cliente\(index) Prueba")
        }
        var chatID: String { channel == .telegram ? String(telegramUser.id) : whatsappContact.waID }

        var messages: [String] {
            switch (script, channel) {
            case (.signup, .whatsapp):
                ["quiero contratar el de 50 en el norte", "sí", "sí", "gracias", "cuanto cuesta el de 100?"]
            case (.signup, .telegram):
                ["quiero contratar el de 20 en el sur, soy Ana Ruiz", String(format: "4449%06d", index), "sí", "gracias", "adios"]
            case (.incident, _):
                ["no tengo internet desde ayer en el oriente, ya reinicie el modem", "como va mi reporte?", "gracias", "hola",
                 "cuanto cuesta?"]
            case (.questions, _):
                ["hola", "cuanto cuesta el internet?", "llegan a la loma?", "no gracias", "bye"]
            case (.mixed, _):
                ["buenas", "tienen cobertura en el centro?", "y el de 100 cuanto sale?", "como pago?", "gracias"]
            }
        }
    }

    let customers: [Customer] = (0..<200).map { i in
        Customer(channel: i % 2 == 0 ? .telegram : .whatsapp, index: i, script: Script.allCases[i % 4])
    }

    init() {
        launcher = LauncherProcess()
    }

    func start() async throws {
        try await telegram.start()
        try await whatsapp.start()
        try await google.start()
        let keyPath = launcher.directory + "/service_account.json"
        try ServiceAccountFile.create(for: google, email: "carga@red-soluciones-test.iam.gserviceaccount.com", at: keyPath)
        google.createSpreadsheet(id: spreadsheetID, title: "Carga", sharedWith: ["carga@red-soluciones-test.iam.gserviceaccount.com"],
                                 tabs: Tab.allCases.map { (title: $0.title, rows: [SampleWorkbook.all[$0]!.header] + SampleWorkbook.all[$0]!.rows) })
        launcher.environment.merge([
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.baseURL,
            "WHATSAPP_PHONE_NUMBER_ID": whatsapp.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": whatsapp.accessToken,
            "WHATSAPP_APP_SECRET": whatsapp.appSecret, "WHATSAPP_API_BASE": whatsapp.baseURL,
            "GOOGLE_SHEETS_ID": spreadsheetID, "GOOGLE_APPLICATION_CREDENTIALS": keyPath, "SHEETS_API_BASE": google.baseURL,
            "SHEETS_TIMEOUT_SECONDS": "3", "SHEETS_REFRESH_SECONDS": "5", "SHEETS_REQUESTS_PER_MINUTE": "600",
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(port), "DURABLE_WRITES": "true",
        ]) { $1 }
        whatsapp.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        try await startBot()
    }

    func startBot() async throws {
        bot = try launcher.start(["--mode", "auto"])
        #expect(await eventually(timeout: 20) { await self.get("/health") != nil }, "the bot answers /health")
    }

    /// What a URL of the messaging server answers (nil when nothing listens).
    func get(_ path: String) async -> String? {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .GET
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
              let body = try? await response.body.collect(upTo: 1 << 22) else { return nil }
        return String(buffer: body)
    }

    /// Message `round` of every customer. WhatsApp deliveries are retried until the bot
    /// answers 200, as Meta retries for days.
    func send(round: Int) async {
        for customer in customers {
            let text = customer.messages[round]
            switch customer.channel {
            case .telegram:
                telegram.sendText(text, from: customer.telegramUser)
            case .whatsapp:
                // The bot may be restarting (the kill test): try for a minute, never forever.
                let deadline = Date().addingTimeInterval(60)
                while (try? await whatsapp.sendText(text, from: customer.whatsappContact).status) != 200 {
                    guard Date() < deadline else {
                        Issue.record("the bot did not take a WhatsApp message for a minute")
                        return
                    }
                    try? await Task.sleep(for: .milliseconds(200))
                }
            }
        }
    }

    func replies(to customer: Customer) -> Int {
        customer.channel == .telegram ? telegram.messages(to: customer.telegramUser.id).count
            : whatsapp.messages(to: customer.whatsappContact.waID).count
    }

    func sheetRows(_ tab: Tab) -> [[String: String]] {
        Fixtures.records(google.values(spreadsheetID: spreadsheetID, tab: tab.title))
    }

    /// The checks of every run: all 1,000 messages handled, each answered, the bot's sends all
    /// delivered, and one row per sign-up and per incident — no more, no less.
    func verify(allowDuplicateReplies: Bool) async throws {
        let store = try Store(directory: launcher.directory + "/data", durable: false)
        #expect(try await store.inboxCount() == 0, "nothing left unanswered in the inbox")
        for customer in customers {
            let answered = replies(to: customer)
            #expect(answered >= 5, "every message of \(customer.channel):\(customer.chatID) got a reply (\(answered))")
            if !allowDuplicateReplies {
                #expect(answered == 5, "exactly one reply per message of \(customer.channel):\(customer.chatID) (\(answered))")
            }
        }
        let undelivered = try await store.pendingOutbound(channel: nil, limit: 1000)
        #expect(undelivered.isEmpty, "every queued reply was delivered (\(undelivered.count) left)")
        let clients = sheetRows(.clients).dropFirst(SampleWorkbook.clients.rows.count)
        let signups = customers.filter { $0.script == .signup }
        #expect(clients.count == signups.count, "one Clientes row per sign-up, got \(clients.count)")
        #expect(Set(clients.compactMap { $0["Chat ID"] }) == Set(signups.map(\.chatID)))
        let incidents = sheetRows(.incidents).dropFirst(SampleWorkbook.incidents.rows.count)
        let reporters = customers.filter { $0.script == .incident }
        #expect(incidents.count == reporters.count, "one Incidentes row per report, got \(incidents.count)")
        #expect(Set(incidents.compactMap { $0["Chat ID"] }) == Set(reporters.map(\.chatID)))
        let folios = incidents.compactMap { $0["Folio"] }
        #expect(folios == folios.sorted(), "rows landed in the order they were made")
    }

    /// Waits until the back office has every row and every reply went out.
    func settle(timeout: Double = 120) async {
        _ = await eventually(timeout: timeout) {
            self.sheetRows(.clients).count >= SampleWorkbook.clients.rows.count + 50
                && self.sheetRows(.incidents).count >= SampleWorkbook.incidents.rows.count + 50
                && self.customers.allSatisfy { self.replies(to: $0) >= 5 }
        }
    }

    func stop() async {
        _ = await bot?.stop()
        await telegram.stop()
        await whatsapp.stop()
        await google.stop()
    }
}

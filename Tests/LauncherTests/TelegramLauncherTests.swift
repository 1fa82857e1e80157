import AsyncHTTPClient
import BackOffice
import Emulators
import Foundation
import NIOCore
import Testing

extension EndToEnd {
/// The real `launcher --mode telegram` against the Bot API emulator.
@Suite struct TelegramLauncherTests {
    let ana = TelegramEmulator.User(id: 5_001, firstName: "Ana", lastName: "López")
    let beto = TelegramEmulator.User(id: 5_002, firstName: "Beto")
    let staffer = TelegramEmulator.User(id: 9_001, firstName: "Técnico")

    func start(_ emulator: TelegramEmulator, _ environment: [String: String] = [:]) throws -> (LauncherProcess, RunningLauncher) {
        var launcher = LauncherProcess(environment: ["TELEGRAM_BOT_TOKEN": emulator.token, "TELEGRAM_API_BASE": emulator.baseURL,
                                                     "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(freePort()),
                                                     "STAFF_TELEGRAM_IDS": String(staffer.id)])
        launcher.environment.merge(environment) { $1 }
        return (launcher, try launcher.start(["--mode", "telegram"]))
    }

    func lastMarkup(_ emulator: TelegramEmulator, _ user: TelegramEmulator.User) -> String {
        emulator.messages(to: user.id).last?.replyMarkupJSON ?? ""
    }

    @Test func aSignupByButtonsAndAnIncidentAtTheSameTime() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let (launcher, bot) = try start(emulator)
        defer { Task { _ = await bot.stop() } }

        emulator.sendCommand("/start", from: staffer)  // Telegram lets a bot write only to people who wrote first
        emulator.sendCommand("/start", from: ana)
        emulator.sendText("no tengo internet desde ayer en el centro, ya reinicie el modem", from: beto)
        #expect(await eventually { emulator.messages(to: ana.id).count == 1 })
        let menu = try #require(emulator.messages(to: ana.id).first)
        #expect(menu.replyMarkupJSON?.contains("menu:register") == true)

        emulator.pressButton(data: "menu:register", onMessage: menu.messageID, from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 2 })
        emulator.pressButton(data: "zone:Norte", onMessage: emulator.messages(to: ana.id).last!.messageID, from: ana)
        #expect(await eventually { lastMarkup(emulator, ana).contains("plan:50") })
        emulator.pressButton(data: "plan:50", onMessage: emulator.messages(to: ana.id).last!.messageID, from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).last?.text.contains("Ana López") == true })
        emulator.pressButton(data: "yes", onMessage: emulator.messages(to: ana.id).last!.messageID, from: ana)
        #expect(await eventually { lastMarkup(emulator, ana).contains("request_contact") })
        emulator.shareContact(phone: "+52 444 123 9876", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).last?.text.contains("444 123 9876") == true })
        emulator.pressButton(data: "yes", onMessage: emulator.messages(to: ana.id).last!.messageID, from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).last?.text.contains("C-0031") == true })

        #expect(await eventually { emulator.messages(to: beto.id).contains { $0.text.contains("F-0005") } })
        #expect(emulator.answeredCallbackQueries.count == 5, "every button press is answered")
        #expect(await eventually { emulator.messages(to: staffer.id).contains { $0.text.contains("Nuevo cliente C-0031") } },
                "staff get the sign-up alert")

        let (status, _) = await bot.stop()
        #expect(status == 0)
        let clients = try await launcher.export("clients")
        #expect(clients.count == SampleWorkbook.clients.rows.count + 1)
        #expect(clients.last?["Nombre"] == "Ana López" && clients.last?["Teléfono"] == "524441239876"
                && clients.last?["Zona"] == "Norte" && clients.last?["Plan (Mbps)"] == "50" && clients.last?["Chat ID"] == "5001")
        #expect(try await launcher.export("incidents").filter { $0["Folio"] == "F-0005" }.count == 1)
    }

    @Test func aDuplicateUpdateIsHandledOnceAndARateLimitLosesNothing() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        emulator.inject(.tooManyRequests(retryAfter: 1), forMethod: "sendMessage", times: 1)
        let (_, bot) = try start(emulator)
        defer { Task { _ = await bot.stop() } }
        let update = emulator.sendText("cuanto cuesta el internet?", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 1 })
        emulator.redeliver(update)
        emulator.sendText("gracias", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 2 })
        try await Task.sleep(for: .milliseconds(500))
        #expect(emulator.messages(to: ana.id).count == 2, "the redelivered update got no second answer")
        #expect(emulator.messages(to: ana.id).first?.text.contains("$350") == true)
        let sends = emulator.requests.filter { $0.method == "sendMessage" }
        #expect(sends.first?.status == 429)
        if sends.count >= 2 {
            #expect(sends[1].at - sends[0].at >= 0.9, "retry_after was honoured")
        }
    }

    @Test func sigtermStopsWithinSecondsAndConfirmsTheOffset() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let (_, bot) = try start(emulator)
        let last = emulator.sendText("hola", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 1 })
        let (status, seconds) = await bot.stop(signal: SIGTERM)
        #expect(status == 0)
        #expect(seconds < 10)
        #expect(emulator.confirmedUpdateID >= last)
    }

    @Test func aBlockedChatIsNotWrittenToAgain() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let (_, bot) = try start(emulator)
        defer { Task { _ = await bot.stop() } }
        emulator.sendText("hola", from: beto)
        #expect(await eventually { emulator.messages(to: beto.id).count == 1 })
        emulator.blockBot(by: beto)
        emulator.sendText("hola", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 1 })
        #expect(emulator.requests.filter { $0.method == "sendMessage" && $0.status == 403 }.isEmpty)
    }

    @Test func webhookCallsWithoutTheSecretAreRefused() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let port = freePort()
        let (_, bot) = try start(emulator, ["TELEGRAM_WEBHOOK_SECRET": "s3cr3t-Token_1", "MESSAGING_PORT": String(port),
                                            "TELEGRAM_WEBHOOK_URL": "http://127.0.0.1:\(port)/webhook/telegram"])
        defer { Task { _ = await bot.stop() } }
        #expect(await eventually { emulator.webhookURL != nil })
        let update = #"{"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5001, "type": "private"}, "from": {"id": 5001, "first_name": "Ana"}, "date": 1, "text": "hola"}}"#
        for secret in [nil, "wrong"] as [String?] {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/webhook/telegram")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let secret { request.headers.add(name: "X-Telegram-Bot-Api-Secret-Token", value: secret) }
            request.body = .bytes(ByteBuffer(string: update))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            #expect(response.status.code == 401)
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(emulator.messages(to: 5001).isEmpty, "nothing happened")

        // The real webhook path works: the emulator posts with the secret.
        emulator.sendText("hola", from: ana)
        #expect(await eventually { emulator.messages(to: ana.id).count == 1 })
        let (status, _) = await bot.stop()
        #expect(status == 0)
        #expect(emulator.webhookURL != nil, "the webhook stays registered: in a deploy the next process is already receiving")
    }

    @Test func statusShowsTheBotAndHowItReceives() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let launcher = LauncherProcess(environment: ["TELEGRAM_BOT_TOKEN": emulator.token, "TELEGRAM_API_BASE": emulator.baseURL])
        let output = try await launcher.run(["--mode", "status"])
        #expect(output.stdout.contains("Telegram: OK @red_soluciones_bot, long polling"))
        let wrong = LauncherProcess(environment: ["TELEGRAM_BOT_TOKEN": "123:wrong", "TELEGRAM_API_BASE": emulator.baseURL])
        let refused = try await wrong.run(["--mode", "status"])
        #expect(refused.status == 1 && refused.stdout.contains("Telegram: FAIL TELEGRAM_BOT_TOKEN refused"))
        #expect(!refused.stdout.contains("123:wrong"))
    }
}
}

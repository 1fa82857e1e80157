import AsyncHTTPClient
import Emulators
import Fixtures
import Foundation
import NIOCore
import Testing

extension EndToEnd {
/// The real `launcher --mode whatsapp` against the Graph API emulator, which signs and posts
/// webhook notifications as Meta does.
@Suite struct WhatsAppLauncherTests {
    let maria = WhatsAppEmulator.Contact(waID: "5214441112233", name: "María Pérez")
    let jose = WhatsAppEmulator.Contact(waID: "5214449998877", name: "José")

    func start(_ emulator: WhatsAppEmulator, _ launcher: LauncherProcess? = nil) async throws -> (LauncherProcess, RunningLauncher, Int) {
        let port = freePort()
        var launcher = launcher ?? LauncherProcess()
        launcher.environment.merge([
            "WHATSAPP_PHONE_NUMBER_ID": emulator.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": emulator.accessToken,
            "WHATSAPP_APP_SECRET": emulator.appSecret, "WHATSAPP_VERIFY_TOKEN": "verificame-123",
            "WHATSAPP_API_BASE": emulator.baseURL, "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(port),
        ]) { $1 }
        let bot = try launcher.start(["--mode", "whatsapp"])
        emulator.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        #expect(await eventually { await Self.healthy(port) }, "the messaging server answers /health")
        return (launcher, bot, port)
    }

    static func healthy(_ port: Int) async -> Bool {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
        request.method = .GET
        return (try? await HTTPClient.shared.execute(request, timeout: .seconds(1)).status.code) == 200
    }

    @Test func theVerificationHandshake() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (_, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        let right = try await emulator.verifyWebhook(token: "verificame-123", challenge: "1158201444")
        #expect(right.status == 200 && right.body == "1158201444")
        let wrong = try await emulator.verifyWebhook(token: "otro", challenge: "1158201444")
        #expect(wrong.status == 403 && wrong.body.isEmpty)
    }

    @Test func aSignupByTextAndButtonsEndsInOneRowWithTheWhatsAppNumber() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (launcher, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        try await emulator.sendText("hola, quiero contratar internet", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).count == 1 })
        #expect(emulator.messages(to: maria.waID).last?.interactiveJSON?.contains("zone:Norte") == true, "the zones as a list")
        try await emulator.chooseListRow(id: "zone:Sur", title: "Sur", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).count == 2 })
        try await emulator.pressButton(id: "plan:100", title: "100 Mbps $600", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).last?.text?.contains("María Pérez") == true })
        try await emulator.pressButton(id: "yes", title: "Sí", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).last?.text?.contains("Confirmo") == true })
        try await emulator.pressButton(id: "yes", title: "Sí, contratar", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).last?.text?.contains("C-0031") == true })
        #expect(emulator.sentMessages.allSatisfy { $0.authorization == "Bearer \(emulator.accessToken)" })
        #expect(!emulator.readReceipts.isEmpty, "the customer's messages are marked read")
        let (status, _) = await bot.stop()
        #expect(status == 0)
        let row = try #require(try await launcher.export("clients").last)
        #expect(row["ID"] == "C-0031" && row["Teléfono"] == maria.waID && row["Nombre"] == "María Pérez"
                && row["Zona"] == "Sur" && row["Plan (Mbps)"] == "100" && row["Canal"] == "WhatsApp")
    }

    @Test func aLocationPinInsideAndOutsideCoverage() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (launcher, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        try await emulator.sendLocation(latitude: 22.1501, longitude: -100.9621, from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).last?.text?.contains("Oriente") == true })
        try await emulator.sendLocation(latitude: 23.5, longitude: -99.5, from: jose)
        #expect(await eventually { emulator.messages(to: jose.waID).last?.text?.contains("fuera de nuestra cobertura") == true })
        _ = await bot.stop()
        let prospects = try await launcher.export("prospects")
        #expect(prospects.count == 1 && prospects.first?["Teléfono"] == jose.waID)
    }

    @Test func forgedMalformedAndOversizedPostsAreRefusedAndStoreNothing() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (_, bot, port) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        let body = Array(#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15551234567","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"X"},"wa_id":"5214440000001"}],"messages":[{"from":"5214440000001","id":"wamid.forged","timestamp":"1","type":"text","text":{"body":"hola"}}]}}]}]}"#.utf8)
        #expect(try await emulator.post(rawBody: body, signature: nil) == 401)
        #expect(try await emulator.post(rawBody: body, signature: "sha256=" + String(repeating: "0", count: 64)) == 403)
        #expect(try await emulator.post(rawBody: body + [32], signature: emulator.sign(body)) == 403, "the signature covers the exact bytes")
        // Signed but unreadable: acknowledged (Meta would retry it for days) and nothing stored.
        #expect(try await emulator.post(rawBody: Array("{not json".utf8), signature: emulator.sign(Array("{not json".utf8))) == 200)
        let huge = Array(repeating: UInt8(ascii: "a"), count: 2 << 20)
        #expect(try await emulator.post(rawBody: huge, signature: emulator.sign(huge)) == 413)
        try await Task.sleep(for: .milliseconds(500))
        #expect(emulator.sentMessages.isEmpty, "nothing was stored or answered")
        _ = port
    }

    /// Measured on the bot's own process, so no other test's memory counts: a flood of signed
    /// garbage and forgeries, after a warm-up round, leaves its size where it was.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads the bot's size from /proc"))
    func theBotsMemoryDoesNotGrowWithHostileRequests() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (_, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        let seeds = try ["whatsapp_webhook_text.json", "whatsapp_webhook_image.json", "whatsapp_webhook_status_failed.json"]
            .map(Fixtures.data)
        let bodies = HostileBodies.make(from: seeds, count: 300, seed: 42).map { [UInt8]($0) }
        func round() async throws {
            for body in bodies {
                _ = try await emulator.post(rawBody: body, signature: emulator.sign(body))
                _ = try await emulator.post(rawBody: body, signature: "sha256=" + String(repeating: "a", count: 64))
            }
        }
        try await round()  // warm-up: caches, SQLite pages, the allocator's arenas
        let before = try #require(bot.residentMegabytes)
        for _ in 0..<5 { try await round() }
        let after = try #require(bot.residentMegabytes)
        print(String(format: "bot resident memory over 3,000 hostile requests: %.1f MB -> %.1f MB", before, after))
        #expect(bot.isRunning)
        #expect(after - before < 40, "the bot grew from \(Int(before)) MB to \(Int(after)) MB over 3,000 more requests")
    }

    @Test func theSameMessageDeliveredThreeTimesIsOneReplyAndOneRow() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (launcher, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        let first = try await emulator.sendText("no tengo internet desde ayer en el centro, ya reinicie el modem", from: jose)
        #expect(first.status == 200)
        let id = try #require(first.messageID)
        #expect(try await emulator.redeliver(messageID: id).status == 200)
        #expect(try await emulator.redeliver(messageID: id).status == 200)
        #expect(await eventually { emulator.messages(to: jose.waID).count == 1 })
        try await Task.sleep(for: .milliseconds(700))
        #expect(emulator.messages(to: jose.waID).count == 1)
        _ = await bot.stop()
        let incidents = try await launcher.export("incidents")
        #expect(incidents.filter { $0["Chat ID"] == jose.waID }.count == 1)
    }

    @Test func statusesImagesAndReactionsAreHandledWithoutError() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (_, bot, _) = try await start(emulator)
        defer { Task { _ = await bot.stop() } }
        let hello = try await emulator.sendText("hola", from: maria)
        #expect(await eventually { emulator.messages(to: maria.waID).count == 1 })
        #expect(try await emulator.sendMedia("image", from: maria, caption: "mi modem").status == 200)
        #expect(await eventually { emulator.messages(to: maria.waID).last?.text?.contains("imagen") == true })
        #expect(try await emulator.sendReaction(emoji: "👍", to: hello.messageID ?? "", from: maria).status == 200)
        #expect(try await emulator.sendUnsupported(from: maria).status == 200)
        #expect(await eventually { emulator.messages(to: maria.waID).count == 3 })
        try await Task.sleep(for: .milliseconds(1500))  // longer than the per-chat pacing
        #expect(emulator.messages(to: maria.waID).count == 3, "a reaction gets no reply")
        #expect(bot.isRunning)
    }

    @Test func aMessageAcceptedBeforeACrashIsAnsweredAfterTheRestart() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (launcher, bot, _) = try await start(emulator)
        let delivery = try await emulator.sendText("cuanto cuesta el de 50?", from: jose)
        #expect(delivery.status == 200)
        _ = await bot.stop(signal: SIGKILL)  // right after the 200: the reply may or may not have gone out
        let (_, again, _) = try await start(emulator, launcher)
        defer { Task { _ = await again.stop() } }
        #expect(await eventually { emulator.messages(to: jose.waID).count >= 1 })
        try await Task.sleep(for: .milliseconds(700))
        #expect(emulator.messages(to: jose.waID).count == 1, "answered once, whether before or after the crash")
        #expect(emulator.messages(to: jose.waID).first?.text?.contains("$450") == true)
    }

    @Test func statusShowsTheNumberAndItsQualityAndAnExpiredTokenFails() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let environment = ["WHATSAPP_PHONE_NUMBER_ID": emulator.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": emulator.accessToken,
                           "WHATSAPP_APP_SECRET": emulator.appSecret, "WHATSAPP_VERIFY_TOKEN": "v",
                           "WHATSAPP_API_BASE": emulator.baseURL]
        let ok = try await LauncherProcess(environment: environment).run(["--mode", "status"])
        #expect(ok.stdout.contains("WhatsApp: OK +15551234567") && ok.stdout.contains("quality GREEN"))
        var expired = environment
        expired["WHATSAPP_ACCESS_TOKEN"] = "EAAGexpiredToken"
        let failed = try await LauncherProcess(environment: expired).run(["--mode", "status"])
        #expect(failed.status == 1 && failed.stdout.contains("WhatsApp: FAIL WHATSAPP_ACCESS_TOKEN expired"))
        #expect(!failed.stdout.contains("EAAGexpiredToken") && !ok.stdout.contains(emulator.accessToken))
    }
}
}

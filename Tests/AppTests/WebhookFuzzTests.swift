import AgentCore
import ChannelKit
import Emulators
import Fixtures
import Foundation
import Store
import Telegram
import Testing
import WhatsApp
@testable import App

/// Random and mutated real payloads against the webhook receivers, with the real store
/// behind them: no crash, the right status for every body, forged calls never stored, and every
/// accepted message answered (the bot's memory under the same flood: WhatsAppLauncherTests).
@Suite(.serialized) struct WebhookFuzzTests {
    static func fixture(_ name: String) throws -> Data {
        try Fixtures.data(name)
    }

    /// The headers a forger could send: none, empty, the wrong algorithm, a wrong secret, the
    /// signature of another body, a truncated or case-changed one.
    static func forgedSignatures(for body: Data, emulator: WhatsAppEmulator, other: Data) -> [String?] {
        let right = emulator.sign([UInt8](body))
        let wrongSecret = WebhookSignature(appSecret: emulator.appSecret + "x").header(for: body)
        return [nil, "", "sha256=", "sha1=" + right.dropFirst(7), wrongSecret, emulator.sign([UInt8](other)),
                String(right.dropLast()), right.uppercased(), right + "00", "sha256=" + String(repeating: "0", count: 64),
                " " + right]
    }

    struct Bot {
        let harness: ConversationHarness
        let sink: QueuedInboxSink

        init() async throws {
            harness = try await ConversationHarness()
            let store = harness.runtime.store
            // A worker nobody runs: the test answers the inbox itself (answerAll).
            let idle = InboxWorker(store: store, processor: harness.runtime.processor, dispatchers: [])
            sink = QueuedInboxSink(store: store, worker: idle, batcher: .inbox(store, limit: 100_000))
        }

        var store: Store { harness.runtime.store }

        /// Answers everything in the inbox as the service would; returns how many turns were taken.
        func answerAll() async throws -> Int {
            let worker = InboxWorker(store: store, processor: harness.runtime.processor, dispatchers: [])
            var total = 0
            while true {
                let handled = await worker.processPending()
                if handled == 0 { break }
                total += handled
            }
            return total
        }
    }

    @Test func whatsAppBodiesNeverCrashForgedOnesAreNeverStoredAndAcceptedOnesAreAnswered() async throws {
        let emulator = WhatsAppEmulator()
        let bot = try await Bot()
        let webhook = WhatsAppWebhook(appSecret: emulator.appSecret, verifyToken: "verificar", sink: bot.sink, statuses: { _ in })
        let names = try Fixtures.names(prefix: "whatsapp_webhook_").filter { !$0.contains("signature") }
        let seeds = try names.sorted().map(Self.fixture)
        #expect(seeds.count >= 8)
        let bodies = HostileBodies.make(from: seeds, count: 3_000, seed: 0xC0FFEE)

        var statuses: [Int: Int] = [:]
        for (index, body) in bodies.enumerated() {
            // A forger first: whatever the body, a wrong or missing signature is refused and stores nothing.
            let before = try await bot.store.inboxCount()
            for forged in Self.forgedSignatures(for: body, emulator: emulator, other: bodies[(index + 1) % bodies.count]) {
                let status = await webhook.receive(body: body, signatureHeader: forged)
                #expect(status == (forged == nil ? 401 : 403), "forged signature \(forged ?? "none") answered \(status)")
            }
            #expect(try await bot.store.inboxCount() == before, "a forged call stored something")
            // Then Meta's own signature over the same bytes: a clear answer, never a crash.
            let status = await webhook.receive(body: body, signatureHeader: emulator.sign([UInt8](body)))
            // Signed by Meta: acknowledged whatever it holds (an unreadable one is logged and dropped,
            // as Meta would otherwise retry it for days).
            #expect(status == 200, "body \(index) answered \(status)")
            statuses[status, default: 0] += 1
        }

        let accepted = try await bot.store.inboxCount()
        #expect(accepted > 0)
        #expect(try await bot.answerAll() == accepted, "every stored message took its turn")
        #expect(try await bot.store.inboxCount() == 0)
        let replies = try await bot.store.pendingOutbound(channel: .whatsapp, limit: 100_000)
        #expect(Set(replies.compactMap(\.inReplyTo)).count == accepted, "every accepted message was answered")
        #expect(replies.allSatisfy { message in
            guard case .reply(let reply) = message.payload else { return true }
            return !reply.text.isEmpty && reply.text.count <= 800
        })
    }

    @Test func aNotificationForAnotherNumberOfTheAppIsNotOurs() async throws {
        let emulator = WhatsAppEmulator()
        let bot = try await Bot()
        let webhook = WhatsAppWebhook(appSecret: emulator.appSecret, verifyToken: nil, phoneNumberID: "111", sink: bot.sink, statuses: { _ in })
        func body(_ phoneNumberID: String, _ id: String) -> Data {
            Data(#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"\#(phoneNumberID)"},"contacts":[{"profile":{"name":"Ana"},"wa_id":"5214441110001"}],"messages":[{"from":"5214441110001","id":"\#(id)","timestamp":"1767225600","type":"text","text":{"body":"hola"}}]}}]}]}"#.utf8)
        }
        let other = body("222", "wamid.other"), ours = body("111", "wamid.ours")
        #expect(await webhook.receive(body: other, signatureHeader: emulator.sign([UInt8](other))) == 200)
        #expect(await webhook.receive(body: ours, signatureHeader: emulator.sign([UInt8](ours))) == 200)
        #expect(try await bot.store.pendingInbox().map(\.message.id) == ["wamid.ours"])
    }

    @Test func anOddMessageInABatchDoesNotCostTheOthers() async throws {
        let emulator = WhatsAppEmulator()
        let bot = try await Bot()
        let webhook = WhatsAppWebhook(appSecret: emulator.appSecret, verifyToken: nil, sink: bot.sink, statuses: { _ in })
        let body = Data(#"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
             "messaging_product":"whatsapp","metadata":{"phone_number_id":"123"},
             "contacts":[{"profile":{"name":"Ana"},"wa_id":"5214441110001"},{"profile":{"name":"Beto"},"wa_id":"5214441110002"}],
             "messages":[
              {"from":"5214441110001","id":"wamid.odd","timestamp":"1767225600","type":"location","location":{"latitude":"norte"}},
              {"from":"5214441110002","id":"wamid.good","timestamp":"1767225601","type":"text","text":{"body":"cuanto cuesta el de 50?"}},
              {"id":7}
             ]}}]}]}
            """#.utf8)
        #expect(await webhook.receive(body: body, signatureHeader: emulator.sign([UInt8](body))) == 200)
        let stored = try await bot.store.pendingInbox().map(\.message)
        #expect(stored.map(\.id) == ["wamid.odd", "wamid.good"])
        #expect(stored.map(\.profileName) == ["Ana", "Beto"], "each sender keeps their own name")
        #expect(try await bot.answerAll() == 2)
        let replies = try await bot.store.pendingOutbound(channel: .whatsapp)
        let odd = replies.filter { $0.inReplyTo == "wamid.odd" }, good = replies.filter { $0.inReplyTo == "wamid.good" }
        #expect(!odd.isEmpty, "the unreadable location still gets a polite reply")
        #expect(good.contains { if case .reply(let reply) = $0.payload { reply.text.contains("$450") } else { false } })
    }

    @Test func telegramUpdatesNeverCrashAndAWrongSecretIsAlwaysRefused() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        let bot = try await Bot()
        let client = TelegramClient(token: emulator.token, apiBase: URL(string: emulator.baseURL)!)
        let events = TelegramEventHandler(client: client, mapper: UpdateMapper(botUsername: "RedSolucionesBot"), sink: bot.sink)
        let secret = "s3cret-Token_for-webhooks"
        let webhook = TelegramWebhook(secret: secret, events: events)
        var seeds: [Data] = []
        for name in try Fixtures.names(prefix: "telegram_getupdates_") {
            let object = try JSONSerialization.jsonObject(with: Self.fixture(name)) as! [String: Any]
            for update in object["result"] as! [Any] { seeds.append(try JSONSerialization.data(withJSONObject: update)) }
        }
        #expect(seeds.count >= 5)
        let bodies = HostileBodies.make(from: seeds, count: 3_000, seed: 0xBEEF)
        let forgedSecrets: [String?] = [nil, "", "s3cret-token_for-webhooks", String(secret.dropLast()), secret + " ", " " + secret,
                                        secret + secret, "\u{0}" + secret]

        var statuses: [Int: Int] = [:]
        for (index, body) in bodies.enumerated() {
            let before = try await bot.store.inboxCount()
            for forged in forgedSecrets {
                #expect(await webhook.receive(body: body, secretHeader: forged) == 401)
            }
            #expect(try await bot.store.inboxCount() == before, "a call without the secret stored something")
            let status = await webhook.receive(body: body, secretHeader: secret)
            #expect(status == 200 || status == 400, "update \(index) answered \(status)")
            statuses[status, default: 0] += 1
        }
        #expect(statuses[200, default: 0] > 100 && statuses[400, default: 0] > 100, "both kinds were exercised: \(statuses)")
        let accepted = try await bot.store.inboxCount()
        #expect(accepted > 0)
        #expect(try await bot.answerAll() == accepted)
        #expect(try await bot.store.inboxCount() == 0)
        await emulator.stop()
    }
}

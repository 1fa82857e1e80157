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
/// behind them: no crash, the right status for every body, forged calls never stored, every
/// accepted message answered, and memory that does not grow with the number of requests.
@Suite(.serialized) struct WebhookFuzzTests {
    static func fixture(_ name: String) throws -> Data {
        try Fixtures.data(name)
    }

    /// Bodies made from the real ones: mutated bytes, mutated JSON values, random bytes, and a
    /// few shapes known to hurt parsers (deep nesting, huge strings, wrong types).
    static func hostileBodies(from seeds: [Data], count: Int, seed: UInt64) -> [Data] {
        var random = SeededRandom(seed)
        var bodies: [Data] = [
            Data(), Data("null".utf8), Data("[]".utf8), Data("{}".utf8), Data("\"x\"".utf8),
            Data(String(repeating: "[", count: 200_000).utf8),
            Data(("{\"a\":" + String(repeating: "{\"a\":", count: 50_000)).utf8),
            Data("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"1\",\"id\":\"x\",\"type\":\"text\",\"text\":{\"body\":\"\(String(repeating: "ñ", count: 300_000))\"}}]}}]}]}".utf8),
            Data([0xFF, 0xFE, 0x00, 0x7B]),
        ]
        while bodies.count < count {
            var body = fresh(seeds[Int(random.next(below: UInt64(seeds.count)))], number: bodies.count)
            switch random.next(below: 4) {
            case 0: body = mutateBytes(body, &random)
            case 1: body = mutateJSON(body, &random) ?? body
            case 2: body = Data((0..<random.next(below: 2_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            default: body = mutateBytes(mutateJSON(body, &random) ?? body, &random)
            }
            bodies.append(body)
        }
        return bodies
    }

    /// The seed with its message ids made unique, so mutated copies are new messages and not
    /// absorbed as redeliveries.
    static func fresh(_ seed: Data, number: Int) -> Data {
        var text = String(decoding: seed, as: UTF8.self).replacingOccurrences(of: "\"wamid.", with: "\"wamid.fz\(number)-")
        let ids = try! NSRegularExpression(pattern: #"("(?:update_id|message_id)"\s*:\s*)\d+"#)
        text = ids.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1\(900_000 + number)")
        return Data(text.utf8)
    }

    static func mutateBytes(_ data: Data, _ random: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        for _ in 0...random.next(below: 4) {
            let at = Int(random.next(below: UInt64(bytes.count)))
            switch random.next(below: 4) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next(below: 40))))
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int(random.next(below: 60)))], at: at)
            default: bytes = Array(bytes.prefix(at))
            }
            if bytes.isEmpty { break }
        }
        return Data(bytes)
    }

    /// One value somewhere in the document replaced by something of another type or size.
    static func mutateJSON(_ data: Data, _ random: inout SeededRandom) -> Data? {
        guard let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        let replacements: [Any] = [NSNull(), 0, -1, 1e308, true, "", String(repeating: "=", count: 5_000), [Any](), [String: Any](),
                                   "\u{0}\u{1B}[2J\u{202E}", "=IMPORTXML(\"http://x\",\"//a\")", "<script>alert(1)</script>",
                                   ["nested": ["deeper": [1, 2, 3]]], "9999999999999999999999999"]
        let mutated = mutateValue(object, &random, replacements)
        // A scalar at the top is still a body a client could send.
        return try? JSONSerialization.data(withJSONObject: mutated, options: .fragmentsAllowed)
    }

    static func mutateValue(_ value: Any, _ random: inout SeededRandom, _ replacements: [Any]) -> Any {
        if random.next(below: 6) == 0 { return replacements[Int(random.next(below: UInt64(replacements.count)))] }
        if var dictionary = value as? [String: Any], !dictionary.isEmpty {
            let keys = Array(dictionary.keys).sorted()
            let key = keys[Int(random.next(below: UInt64(keys.count)))]
            if random.next(below: 8) == 0 {
                dictionary[key] = nil
            } else {
                dictionary[key] = mutateValue(dictionary[key]!, &random, replacements)
            }
            return dictionary
        }
        if var array = value as? [Any], !array.isEmpty {
            let at = Int(random.next(below: UInt64(array.count)))
            array[at] = mutateValue(array[at], &random, replacements)
            if random.next(below: 5) == 0 { array.append(array[at]) }
            return array
        }
        return replacements[Int(random.next(below: UInt64(replacements.count)))]
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
        let bodies = Self.hostileBodies(from: seeds, count: 3_000, seed: 0xC0FFEE)

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
        let bodies = Self.hostileBodies(from: seeds, count: 3_000, seed: 0xBEEF)
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

    /// The receivers keep nothing per request: 5,000 more signed bodies do not grow the
    /// process by more than SQLite's page cache and allocator slack.
    @Test func memoryDoesNotGrowWithTheNumberOfHostileRequests() async throws {
        let emulator = WhatsAppEmulator()
        let bot = try await Bot()
        let webhook = WhatsAppWebhook(appSecret: emulator.appSecret, verifyToken: nil, sink: bot.sink, statuses: { _ in })
        let seeds = try ["whatsapp_webhook_text.json", "whatsapp_webhook_image.json", "whatsapp_webhook_status_failed.json"].map(Self.fixture)
        let bodies = Self.hostileBodies(from: seeds, count: 500, seed: 42)
        func round() async {
            for body in bodies {
                _ = await webhook.receive(body: body, signatureHeader: emulator.sign([UInt8](body)))
                _ = await webhook.receive(body: body, signatureHeader: "sha256=" + String(repeating: "a", count: 64))
            }
        }
        await round()  // warm-up: caches, SQLite pages, the allocator's arenas
        let before = Benchmark.residentMegabytes()
        for _ in 0..<10 { await round() }
        let growth = Benchmark.residentMegabytes() - before
        #expect(growth < 40, "resident memory grew \(growth) MB over 10,000 more requests")
    }
}

/// Reproducible randomness (SplitMix64), so a failing body can be found again.
struct SeededRandom {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: UInt64) -> UInt64 {
        bound == 0 ? 0 : next() % bound
    }
}

import AgentCore
import Emulators
import Fixtures
import Foundation
import Store
import Telegram
import Testing
@testable import App

/// Sending within Telegram's limits, from the durable outbound queue.
@Suite struct TelegramDeliveryTests {
    @Test func anOutageNoticeTo200CustomersArrivesCompletelyWithoutRateLimitStorms() async throws {
        let emulator = TelegramEmulator()
        try await emulator.start()
        // Telegram's published limits, enforced: one message a second per chat, 30 a second overall.
        emulator.setFloodControl(perChatPerSecond: 1, globalPerSecond: 30)
        let scratch = ScratchDirectory("redsol-burst")
        let store = try Store(directory: scratch.path, durable: false)
        let customers = (1...200).map { TelegramEmulator.User(id: Int64(10_000 + $0), firstName: "Cliente \($0)") }
        for customer in customers { emulator.sendText("hola", from: customer) }  // each wrote to the bot once
        let update = WatchUpdate()
        var notices = update
        for customer in customers {
            notices.notices.append((ChatRef(.telegram, String(customer.id)), Reply("✅ Ya quedó restablecido el servicio en Norte.")))
        }
        try await store.apply(notices)

        let client = TelegramClient(token: emulator.token, apiBase: URL(string: emulator.baseURL)!)
        let dispatcher = OutboundDispatcher(store: store, sender: TelegramSender(client: client), limits: .telegram,
                                            logger: .init(label: "test"))
        let started = Date()
        while try await store.outboundBacklog() > 0, Date().timeIntervalSince(started) < 60 {
            if let next = await dispatcher.sendDue() { try await Task.sleep(for: .seconds(max(0.05, next.timeIntervalSinceNow))) }
        }
        #expect(try await store.outboundBacklog() == 0)
        #expect(Set(emulator.sentMessages.map(\.chatID)) == Set(customers.map(\.id)))
        #expect(emulator.sentMessages.count == 200, "each customer told once")
        let limited = emulator.requests.filter { $0.method == "sendMessage" && $0.status == 429 }.count
        #expect(limited == 0)
    }

    @Test func repliesBecomeKeyboardsWithinTelegramsLimits() throws {
        let long = String(repeating: "Una frase de prueba. ", count: 300)
        let parts = ReplyRenderer.parts(for: Reply(long, quickReplies: [QuickReply(id: String(repeating: "ñ", count: 40), title: "Sí")]))
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.text.utf16.count <= 4096 && $0.text.hasSuffix(".") })
        guard case .inline(let rows)? = parts.last?.keyboard else { Issue.record("no inline keyboard"); return }
        #expect(rows.first?.first?.text == "Sí" && (rows.first?.first?.callbackData.utf8.count ?? 99) <= 64)
        let phone = ReplyRenderer.parts(for: Reply("¿Tu número?", asksForPhone: true))
        #expect(phone.first?.keyboard == .sharePhone(title: "📱 Compartir mi número"))
        // As Telegram reads it.
        let json = String(decoding: try JSONEncoder().encode(phone.first?.keyboard), as: UTF8.self)
        #expect(json.contains(#""request_contact":true"#) && json.contains(#""one_time_keyboard":true"#))
    }
}

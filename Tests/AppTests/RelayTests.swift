import AgentCore
import Foundation
import Store
import Testing
@testable import App

/// "Te comunico con una persona": staff take the chat through the bot and talk to the customer
/// as the business, until they release it.
@Suite struct RelayTests {
    let customer = ChatRef(.whatsapp, "5214440000031")
    let ana = ChatRef(.telegram, "9101"), beto = ChatRef(.telegram, "9102")
    /// Staff alerts go to staff on channels that are on: Telegram is configured (never started here).
    static let staffOnTelegram = ["STAFF_TELEGRAM_IDS": "9101,9102", "TELEGRAM_BOT_TOKEN": "123456:relay-test-token"]

    /// What is queued for a chat, oldest first (replies, relays and alerts).
    func queued(to chat: ChatRef, _ bot: ConversationHarness) async throws -> [Reply] {
        try await bot.runtime.store.pendingOutbound(channel: chat.channel, limit: 500).filter { $0.chat == chat }.map { message in
            switch message.payload {
            case .reply(let reply): reply
            case .alert(let alert): Reply(alert.text, quickReplies: alert.buttons ?? [])
            }
        }
    }

    @Test func aCustomerTalksToThePersonWhoTookTheChatUntilTheyReleaseIt() async throws {
        var bot = try await ConversationHarness(environment: Self.staffOnTelegram)
        try await bot.send("hola, buenas tardes", as: customer, profileName: "Lupita")
        let asked = try await bot.send("quiero hablar con una persona por favor", as: customer, profileName: "Lupita").joined()
        #expect(asked.contains("persona"))
        let alert = try #require(try await queued(to: ana, bot).last)
        #expect(alert.text.contains("Lupita") && alert.text.contains("whatsapp:5214440000031") && alert.text.contains("hola, buenas tardes"),
                "who, the channel and the last turns: \(alert.text)")
        let take = try #require(alert.quickReplies.first)
        #expect(take.title == "Atender")

        // Ana takes it; Beto is told; the customer is told a person joined.
        let took = try await bot.send(.quickReply(id: take.id, title: take.title), as: ana, role: .staff, profileName: "Ana")
        #expect(took.replies.map(\.text).joined().contains("Atiendes a Lupita"))
        #expect(try await queued(to: beto, bot).last?.text.contains("Ana ya atiende a Lupita") == true)
        #expect(!(try await queued(to: ana, bot).contains { $0.text.contains("Ana ya atiende") }), "not told what she did")
        #expect(try await queued(to: customer, bot).last?.text.contains("soy Ana") == true)

        // Beto cannot take it too.
        let second = try await bot.send("tomar whatsapp:5214440000031", as: beto, role: .staff, profileName: "Beto").joined()
        #expect(second.contains("ya lo atiende Ana"))

        // Both ways, through the queue; the bot itself says nothing to the customer.
        let said = try await bot.send("mi módem parpadea en rojo", as: customer, profileName: "Lupita")
        #expect(said.isEmpty)
        #expect(try await queued(to: ana, bot).last?.text == "💬 Lupita (#0031): mi módem parpadea en rojo")
        try await bot.send("Gracias, Lupita. Mañana a las 10 pasa el técnico.", as: ana, role: .staff, profileName: "Ana")
        #expect(try await queued(to: customer, bot).last?.text == "Gracias, Lupita. Mañana a las 10 pasa el técnico.")
        let list = try await bot.send("pendientes", as: beto, role: .staff).joined()
        #expect(list.contains("#0031 Lupita") && list.contains("con Ana"))

        // Released: the customer is told, and the bot answers again.
        let released = try await bot.send("liberar", as: ana, role: .staff).joined()
        #expect(released.contains("vuelve a ser atendido por el bot"))
        #expect(try await queued(to: customer, bot).last?.text.contains("asistente automático") == true)
        let back = try await bot.send("cuánto cuesta el de 50?", as: customer).joined()
        #expect(back.contains("$450"))
        let transcript = try await bot.runtime.store.relayTranscript(of: customer)
        #expect(transcript.map(\.text).contains("Gracias, Lupita. Mañana a las 10 pasa el técnico."))
    }

    @Test func staffHoldingSeveralChatsNameTheOneTheyWriteTo() async throws {
        var bot = try await ConversationHarness(environment: Self.staffOnTelegram)
        let other = ChatRef(.telegram, "7000004242")
        for chat in [customer, other] {
            try await bot.send("quiero hablar con un asesor", as: chat, profileName: chat == customer ? "Lupita" : "Ramón")
            try await bot.send("tomar \(chat.description)", as: ana, role: .staff, profileName: "Ana")
        }
        let which = try await bot.send("ya va el técnico", as: ana, role: .staff).joined()
        #expect(which.contains("#0031") && which.contains("#4242"))
        try await bot.send("#4242 ya va el técnico", as: ana, role: .staff)
        #expect(try await queued(to: other, bot).last?.text == "ya va el técnico")
        #expect(try await queued(to: customer, bot).last?.text != "ya va el técnico")
    }

    @Test func anUnclaimedRequestIsAnnouncedAgainOnceAndAPhotoIsNamed() async throws {
        var bot = try await ConversationHarness(environment: Self.staffOnTelegram)
        try await bot.send("quiero hablar con alguien", as: customer, profileName: "Lupita")
        let later = bot.clock.addingTimeInterval(6 * 60)
        await BotService.realertUnclaimedHandoffs(runtime: bot.runtime, logger: .init(label: "test"), now: later)
        await BotService.realertUnclaimedHandoffs(runtime: bot.runtime, logger: .init(label: "test"), now: later.addingTimeInterval(60))
        let again = try await queued(to: beto, bot).filter { $0.text.contains("sigue esperando") }
        #expect(again.count == 1 && again.first?.quickReplies.first?.title == "Atender", "announced again once, with the button")

        try await bot.send("tomar 0031", as: ana, role: .staff, profileName: "Ana")
        try await bot.send(.media(.image), as: customer)
        #expect(try await queued(to: ana, bot).last?.text == "💬 Lupita (#0031): 📷 [foto]")
        // A voice note arrives transcribed (with Gemini) as its words, its media id kept.
        let voice = InboundMessage(id: "voice-relay-1", chat: customer, content: .text("ya se fue otra vez la señal"),
                                   receivedAt: bot.clock, profileName: "Lupita", verifiedPhone: customer.chatID, mediaID: "media-77")
        _ = try await bot.runtime.processor.process(voice, now: bot.clock.addingTimeInterval(60))
        #expect(try await queued(to: ana, bot).last?.text == "💬 Lupita (#0031): 🎤 nota de voz: «ya se fue otra vez la señal»")
    }
}

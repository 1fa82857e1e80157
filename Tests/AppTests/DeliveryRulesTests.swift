import AgentCore
import ChannelKit
import Fixtures
import Foundation
import Store
import Testing
@testable import App

/// What the delivery queue does with each answer a channel gives, through an in-memory channel.
@Suite struct DeliveryRulesTests {
    let scratch = ScratchDirectory("redsol-delivery")
    let store: Store

    init() throws {
        store = try Store(directory: scratch.path, durable: false)
    }

    func queue(_ notices: [(ChatRef, String)]) async throws {
        var update = WatchUpdate()
        update.notices = notices.map { ($0.0, Reply($0.1)) }
        try await store.apply(update)
    }

    @Test func eachChatGetsItsMessagesInOrderAndABlockedChatIsNotWrittenToAgain() async throws {
        let ana = ChatRef(.telegram, "101"), beto = ChatRef(.telegram, "102"), caro = ChatRef(.telegram, "103")
        let sender = FakeSender(.telegram)
        sender.script(beto, .unreachable("Forbidden: bot was blocked by the user"))
        try await queue([(ana, "uno"), (beto, "aviso 1"), (ana, "dos"), (beto, "aviso 2"), (caro, "hola")])
        let dispatcher = OutboundDispatcher(store: store, sender: sender, limits: .telegram, logger: .init(label: "test"))
        await dispatcher.sendDue()

        #expect(sender.texts(to: ana) == ["uno", "dos"])
        #expect(sender.texts(to: caro) == ["hola"])
        #expect(sender.texts(to: beto) == ["aviso 1"], "after the block, beto's second notice is not attempted")
        #expect(try await store.unreachableReason(beto) != nil)
        #expect(try await store.outboundBacklog() == 0, "nothing left waiting")
    }

    @Test func aRateLimitedOrFailedSendStaysQueuedAndTheChatWaitsBehindIt() async throws {
        let ana = ChatRef(.telegram, "201"), beto = ChatRef(.telegram, "202")
        let sender = FakeSender(.telegram)
        sender.script(ana, .retryAfter(1))
        sender.script(beto, .failed("HTTP 503"))
        try await queue([(ana, "a1"), (ana, "a2"), (beto, "b1")])
        let dispatcher = OutboundDispatcher(store: store, sender: sender, limits: .telegram, logger: .init(label: "test"))
        #expect(await dispatcher.sendDue() != nil, "a retry is scheduled")
        #expect(sender.texts(to: ana) == ["a1"], "a2 waits behind a1")
        #expect(sender.texts(to: beto) == ["b1"])
        #expect(try await store.outboundBacklog() == 3, "all three still queued, none lost")
        #expect(await dispatcher.lastError == "HTTP 503", "/health sees the transient failure")

        // Later, both go through, each chat still in order.
        try await Task.sleep(for: .seconds(2.2))
        await dispatcher.sendDue()
        #expect(sender.texts(to: ana) == ["a1", "a1", "a2"] && sender.texts(to: beto) == ["b1", "b1"])
        let lastError = await dispatcher.lastError
        #expect(try await store.outboundBacklog() == 0 && lastError == nil)
    }
}

/// Past WhatsApp's 24-hour window a notice goes as the operator's template; inside it, as text.
@Suite struct TemplateDeliveryTests {
    static let templates: [Notice.Kind: NoticeTemplate] = [
        .incidentResolved: NoticeTemplate(name: "incidente_resuelto", language: "es_MX"),
        .staffAlert: NoticeTemplate(name: "aviso_personal", language: "es_MX"),
    ]

    @Test func aNoticeGoesAsTextInsideTheWindowAsItsTemplateOutsideAndNotAtAllWithoutOne() async throws {
        var bot = try await ConversationHarness()
        let quiet = ChatRef(.whatsapp, "5214440000011"), recent = ChatRef(.whatsapp, "5214440000012")
        try await bot.send("hola", as: quiet)  // the harness clock: two weeks ago, the window is shut
        bot.clock = Date()
        try await bot.send("hola", as: recent)
        var update = WatchUpdate()
        let resolved = { (name: String) in Reply("✅ Tu reporte F-0003 quedó resuelto.", notice: Notice(.incidentResolved, [name, "F-0003"])) }
        update.notices = [(quiet, resolved("Ana")), (recent, resolved("Beto")),
                          (quiet, Reply("✅ Ya quedó la falla en Norte.", notice: Notice(.outageOver, ["Norte"])))]
        try await bot.runtime.store.apply(update)

        let sender = FakeSender(.whatsapp)
        let dispatcher = OutboundDispatcher(store: bot.runtime.store, sender: sender, limits: .whatsapp, replyWindow: 24 * 3600,
                                            templates: Self.templates, logger: .init(label: "test"))
        await dispatcher.sendDue()
        #expect(sender.texts(to: quiet) == ["template incidente_resuelto es_MX: Ana | F-0003"],
                "past the window: the template; the outage notice has none set, so it is not sent")
        #expect(sender.texts(to: recent).contains("✅ Tu reporte F-0003 quedó resuelto."), "inside the window: the text")
    }

    @Test func whatsAppsOwnWindowRefusalSendsTheNoticeAgainAsItsTemplate() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214440000013")
        bot.clock = Date()
        try await bot.send("hola", as: chat)
        var update = WatchUpdate()
        update.notices = [(chat, Reply("✅ Tu reporte F-0004 quedó resuelto.", notice: Notice(.incidentResolved, ["Caro", "F-0004"])))]
        try await bot.runtime.store.apply(update)
        let sender = FakeSender(.whatsapp)
        let dispatcher = OutboundDispatcher(store: bot.runtime.store, sender: sender, limits: .whatsapp, replyWindow: 24 * 3600,
                                            templates: Self.templates, logger: .init(label: "test"))
        let before = sender.attempts.count
        await dispatcher.sendDue()
        let sentText = sender.texts(to: chat).last
        #expect(sentText == "✅ Tu reporte F-0004 quedó resuelto.")

        // WhatsApp accepted it, then says the window was shut after all (the customer wrote from
        // another device long ago, or our clock and theirs disagree).
        let providerID = "fake-\(before + sender.texts(to: chat).count)"
        try await bot.runtime.store.recordDelivery(providerID: providerID, status: "failed", error: "131047 Re-engagement message",
                                                   retryIn: 0)
        await dispatcher.sendDue()
        #expect(sender.texts(to: chat).last == "template incidente_resuelto es_MX: Caro | F-0004")
    }
}

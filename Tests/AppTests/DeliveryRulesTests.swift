import AgentCore
import ChannelKit
import Foundation
import Store
import Testing
@testable import App

/// What the delivery queue does with each answer a channel gives, through an in-memory channel.
@Suite struct DeliveryRulesTests {
    let store: Store

    init() throws {
        store = try Store(directory: NSTemporaryDirectory() + "redsol-delivery-\(UUID().uuidString)", durable: false)
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

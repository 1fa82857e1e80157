import AgentCore
import Foundation
import Store
import Testing
@testable import App

/// A person flooding the bot gets one polite notice and then silence, nothing they send in
/// the flood reaches the spreadsheet, and everybody else is answered as usual.
@Suite struct RateLimitTests {
    func replies(_ store: Store, to chat: ChatRef) async throws -> [OutboundMessage] {
        try await store.pendingOutbound(channel: chat.channel, limit: 1000).filter { $0.chat == chat }
    }

    func text(_ message: OutboundMessage) -> String {
        if case .reply(let reply) = message.payload { reply.text } else { "" }
    }

    @Test func aFloodGetsOneNoticeThenQuietAndWritesNothing() async throws {
        let bot = try await ConversationHarness(environment: ["RATE_LIMIT_PER_MINUTE": "20"])
        let store = bot.runtime.store
        let worker = InboxWorker(store: store, processor: bot.runtime.processor, dispatchers: [],
                                 perMinute: bot.runtime.config.rateLimitPerMinute)
        let flooder = SampleClients.chat("C-0001"), neighbour = SampleClients.chat("C-0002")
        let start = Date()
        // 25 messages in 25 seconds; the last five would each report an outage if they were read.
        for i in 0..<25 {
            let text = i < 20 ? "hola" : "no tengo internet desde ayer, ya reinicie el modem"
            _ = try await store.enqueue(InboundMessage(id: "flood-\(i)", chat: flooder, content: .text(text),
                                                       receivedAt: start.addingTimeInterval(Double(i))))
        }
        _ = try await store.enqueue(InboundMessage(id: "calm-1", chat: neighbour, content: .text("cuanto cuesta el de 50?"),
                                                   receivedAt: start.addingTimeInterval(12)))
        while await worker.processPending() > 0 {}

        #expect(try await store.inboxCount() == 0, "every message was dealt with")
        let sent = try await replies(store, to: flooder)
        let answered = Set(sent.compactMap(\.inReplyTo))
        #expect(answered == Set((0..<21).map { "flood-\($0)" }), "the first 20 answered, the 21st got the notice")
        let notices = sent.filter { text($0).contains("muchos mensajes seguidos") }
        #expect(notices.count == 1 && notices.first?.inReplyTo == "flood-20")
        #expect(try await bot.newRows(.incidents).isEmpty, "nothing of the flood was written")
        #expect(try await replies(store, to: neighbour).contains { text($0).contains("$450") }, "others are not slowed down")

        // A minute later the same person is heard again.
        _ = try await store.enqueue(InboundMessage(id: "later-1", chat: flooder, content: .text("no tengo internet desde ayer, ya reinicie el modem"),
                                                   receivedAt: start.addingTimeInterval(120)))
        while await worker.processPending() > 0 {}
        #expect(try await bot.newRows(.incidents).count == 1)
        #expect(try await replies(store, to: flooder).contains { $0.inReplyTo == "later-1" && text($0).contains("F-0005") })
    }
}

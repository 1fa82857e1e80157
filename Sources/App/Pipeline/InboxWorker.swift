import AgentCore
import BackOffice
import Foundation
import Logging
import Store

/// Works through the inbox: each chat's messages in the order they arrived, chats side by
/// side. A message leaves the inbox in the same transaction that stores its turn, so a crash
/// at any point means it is handled (once) after the restart.
public actor InboxWorker {
    private let store: Store
    private let processor: MessageProcessor
    private let dispatchers: [OutboundDispatcher]
    private let logger: Logger
    private let wakeup = Wakeup()
    private let parallelChats: Int
    private let limiter: RateLimiter?
    private let slowDown: Reply?

    /// `perMinute`: the most messages a person may send in a minute before being ignored for a while.
    init(store: Store, processor: MessageProcessor, dispatchers: [OutboundDispatcher], parallelChats: Int = 16,
         perMinute: Int? = nil, logger: Logger = Logger(label: "inbox")) {
        self.store = store
        self.processor = processor
        self.dispatchers = dispatchers
        self.parallelChats = parallelChats
        self.limiter = perMinute.map(RateLimiter.init)
        self.slowDown = Reply(processor.agent.book.text(.slowDown, .es))
        self.logger = logger
    }

    public func run() async {
        while !Task.isCancelled {
            let handled = await processPending()
            if handled == 0 { await wakeup.wait(upTo: 5) }
        }
    }

    public nonisolated func kick() {
        wakeup.signal()
    }

    /// Handles what is in the inbox now; returns how many messages were handled.
    @discardableResult
    public func processPending() async -> Int {
        let items: [(id: Int64, message: InboundMessage)]
        do {
            items = try await store.pendingInbox(limit: 200)
        } catch {
            logger.error("inbox unreadable", metadata: ["error": "\(error)"])
            return 0
        }
        guard !items.isEmpty else { return 0 }
        let groups = PerChat.grouped(items) { $0.message.chat }
        let handled = await PerChat.run(groups, limit: parallelChats) { await self.handle($1) }.reduce(0, +)
        for dispatcher in dispatchers { dispatcher.kick() }
        return handled
    }

    private func handle(_ items: [(id: Int64, message: InboundMessage)]) async -> Int {
        var done = 0
        for item in items {
            do {
                if let limiter {
                    let decision = await limiter.check(item.message.chat, at: item.message.receivedAt)
                    if decision != .allow {
                        BotMetrics.rateLimited()
                        try await store.discard(item.message, inboxID: item.id, notice: decision == .notify ? slowDown : nil)
                        if decision == .notify {
                            logger.notice("too many messages; one notice, then quiet", metadata: ["chat": "\(item.message.chat.masked)"])
                        }
                        done += 1
                        continue
                    }
                }
                _ = try await processor.process(item.message, inboxID: item.id)
                done += 1
            } catch {
                // Left in the inbox: tried again on the next pass, still before later messages of the chat.
                logger.error("turn failed; will retry", metadata: ["chat": "\(item.message.chat.masked)", "error": "\(error)"])
                break
            }
        }
        return done
    }
}

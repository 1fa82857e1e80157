import AgentCore
import BackOffice
import ChannelKit
import Foundation
import Logging
import Store

/// Sends the queued replies, staff alerts and notices of one channel, from SQLite, so a
/// restart loses none. Each chat's messages go in order; chats go side by side within the
/// pacer's limits. Rate limits are honoured, blocked chats are not written to again, and
/// transient failures are retried with backoff.
public actor OutboundDispatcher {
    private let store: Store
    private let sender: any ChannelSender
    private let pacer: SendPacer
    private let logger: Logger
    private let wakeup = Wakeup()
    private let parallelChats: Int
    /// WhatsApp: free-form messages only within this long after the person last wrote.
    private let replyWindow: TimeInterval?
    /// The approved templates that carry notices past the window, by kind, and the sender's
    /// side that sends them (nil for a channel without templates).
    private let templates: [Notice.Kind: NoticeTemplate]
    private let templateSender: (any TemplateSender)?
    /// The last send that failed for a transient reason, until one succeeds (for /health).
    public private(set) var lastError: String?

    init(store: Store, sender: any ChannelSender, limits: SendPacer.Limits, parallelChats: Int = 32,
         replyWindow: TimeInterval? = nil, templates: [Notice.Kind: NoticeTemplate] = [:], logger: Logger) {
        self.store = store
        self.sender = sender
        self.pacer = SendPacer(limits)
        self.parallelChats = parallelChats
        self.replyWindow = replyWindow
        self.templates = templates
        self.templateSender = sender as? any TemplateSender
        self.logger = logger
    }

    public nonisolated var channel: Channel { sender.channel }

    public func run() async {
        while !Task.isCancelled {
            let next = await sendDue()
            await wakeup.wait(upTo: max(0.05, min(30, next.map { $0.timeIntervalSinceNow } ?? 30)))
        }
    }

    public nonisolated func kick() {
        wakeup.signal()
    }

    /// Sends everything due; returns when the earliest waiting message is due (nil: none waits).
    @discardableResult
    public func sendDue() async -> Date? {
        let pending: [OutboundMessage]
        do {
            pending = try await store.pendingOutbound(channel: sender.channel, limit: 500)
        } catch {
            logger.error("outbound queue unreadable", metadata: ["error": "\(error)"])
            return Date().addingTimeInterval(5)
        }
        let groups = PerChat.grouped(pending) { $0.chat }
        let dues = await PerChat.run(groups, limit: parallelChats) { chat, messages in await self.deliver(messages, to: chat) }
        let nextDue = dues.reduce(nil) { Self.earliest($0, $1) }
        return nextDue
    }

    /// One chat's messages, in order; stops at the first that must wait (returning when).
    private func deliver(_ messages: [OutboundMessage], to chat: ChatRef) async -> Date? {
        for message in messages {
            if message.nextAttemptAt > Date() { return message.nextAttemptAt }
            do {
                if let reason = try await store.unreachableReason(chat) {
                    try await store.markSendFailed(message.id, error: "not sent: \(reason)", retryAt: nil)
                    continue
                }
                let reply: Reply = switch message.payload {
                case .reply(let reply): reply
                case .alert(let alert): Reply(alert.text, quickReplies: alert.buttons ?? [], notice: Notice(.staffAlert, [alert.text]))
                }
                var template: (notice: Notice, chosen: NoticeTemplate, sender: any TemplateSender)?
                if try await windowShut(for: chat, message) {
                    guard let notice = reply.notice, let chosen = templates[notice.kind], let templateSender else {
                        try await store.markSendFailed(message.id, error: "outside the reply window", retryAt: nil)
                        logger.warning("not sent: the person has not written in the last 24 h and no template is set for it",
                                       metadata: ["chat": "\(chat.masked)", "kind": "\(reply.notice?.kind.rawValue ?? "reply")"])
                        continue
                    }
                    template = (notice, chosen, templateSender)
                }
                await pacer.wait(for: chat)
                let outcome = if let template {
                    await template.sender.send(template.notice, as: template.chosen, to: chat)
                } else {
                    await sender.send(reply, to: chat, inReplyTo: message.inReplyTo)
                }
                switch outcome {
                case .sent(let providerID):
                    lastError = nil
                    let requeued = try await store.markSent(message.id, providerID: providerID)
                    BotMetrics.messageOut(sender.channel)
                    // A status already said it must go again (as a template): at once, before the rest.
                    if requeued { return Date() }
                case .retryAfter(let seconds):
                    await pacer.pause(for: seconds)
                    let retryAt = Date().addingTimeInterval(seconds)
                    try await store.markSendFailed(message.id, error: "rate limited", retryAt: retryAt)
                    logger.warning("rate limited; waiting", metadata: ["chat": "\(chat.masked)", "retry_after_s": "\(Int(seconds))"])
                    return retryAt
                case .unreachable(let reason):
                    try await store.markUnreachable(chat, reason: reason)
                    try await store.markSendFailed(message.id, error: reason, retryAt: nil)
                    logger.notice("chat unreachable; not writing to it again", metadata: ["chat": "\(chat.masked)", "reason": "\(reason)"])
                case .notNow(let reason):
                    try await store.markSendFailed(message.id, error: reason, retryAt: nil)
                    logger.warning("message not sent", metadata: ["chat": "\(chat.masked)", "reason": "\(reason)"])
                case .rejected(let reason):
                    try await store.markSendFailed(message.id, error: reason, retryAt: nil)
                    logger.error("message refused by the channel", metadata: ["chat": "\(chat.masked)", "reason": "\(reason)"])
                case .failed(let reason):
                    lastError = reason
                    let giveUp = message.attempts >= 12
                    let retryAt = Date().addingTimeInterval(min(300, pow(2, Double(message.attempts + 1))))
                    try await store.markSendFailed(message.id, error: reason, retryAt: giveUp ? nil : retryAt)
                    logger.warning("send failed", metadata: ["chat": "\(chat.masked)", "attempt": "\(message.attempts + 1)",
                                                             "error": "\(reason)", "gave_up": "\(giveUp)"])
                    if !giveUp { return retryAt }
                }
            } catch {
                logger.error("outbound bookkeeping failed", metadata: ["error": "\(error)"])
                return Date().addingTimeInterval(5)
            }
        }
        return nil
    }

    /// Free text cannot reach the person now: they have not written within the window (as the
    /// bot saw it), or WhatsApp already refused this message for that reason (131047).
    private func windowShut(for chat: ChatRef, _ message: OutboundMessage) async throws -> Bool {
        guard let replyWindow else { return false }
        if message.lastError?.hasPrefix("131047") == true { return true }
        let last = try await store.lastActivity(of: chat)
        return last.map { Date().timeIntervalSince($0) > replyWindow } ?? true
    }

    private static func earliest(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case (nil, let x), (let x, nil): x
        case (let x?, let y?): min(x, y)
        }
    }
}

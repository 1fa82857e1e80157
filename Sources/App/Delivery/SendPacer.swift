import AgentCore
import Foundation

/// Spaces sends to stay within a channel's published limits: at most one message per
/// `perChat` seconds to one person, at most `perSecond` messages a second overall, and a
/// pause for everyone after the platform says "too many requests".
actor SendPacer {
    struct Limits: Sendable {
        var perChat: TimeInterval
        var perSecond: Int

        /// Telegram's FAQ: about one message a second to a chat, about 30 a second in bulk
        /// (20 here: requests in flight arrive bunched, and the margin keeps a burst clear of 429s).
        static let telegram = Limits(perChat: 1.0, perSecond: 20)
        /// WhatsApp's pair rate limit is about one message every 6 s to a user; 80/s per number.
        static let whatsapp = Limits(perChat: 1.0, perSecond: 50)
    }

    private let limits: Limits
    private var lastByChat: [ChatRef: Date] = [:]
    private var recent: [Date] = []
    private var pausedUntil = Date.distantPast

    init(_ limits: Limits) {
        self.limits = limits
    }

    /// Waits for this chat's turn and takes a slot.
    func wait(for chat: ChatRef) async {
        while true {
            let now = Date()
            recent.removeAll { now.timeIntervalSince($0) >= 1 }
            var delay = pausedUntil.timeIntervalSince(now)
            if let last = lastByChat[chat] { delay = max(delay, last.addingTimeInterval(limits.perChat).timeIntervalSince(now)) }
            if recent.count >= limits.perSecond, let oldest = recent.first { delay = max(delay, oldest.addingTimeInterval(1).timeIntervalSince(now)) }
            if delay <= 0 {
                lastByChat[chat] = now
                recent.append(now)
                if lastByChat.count > 10_000 { lastByChat = lastByChat.filter { now.timeIntervalSince($0.value) < 60 } }
                return
            }
            try? await Task.sleep(for: .seconds(delay))
            if Task.isCancelled { return }
        }
    }

    func pause(for seconds: TimeInterval) {
        pausedUntil = max(pausedUntil, Date().addingTimeInterval(seconds))
    }
}

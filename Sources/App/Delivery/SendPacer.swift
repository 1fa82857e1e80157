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
    /// Sends are spaced evenly (1/perSecond apart) rather than let through in bursts: requests
    /// in flight arrive bunched, and a burst at the limit would become a 429 at the other end.
    private var nextSlot = Date.distantPast
    private var pausedUntil = Date.distantPast

    init(_ limits: Limits) {
        self.limits = limits
    }

    /// Waits for this chat's turn and takes a slot.
    func wait(for chat: ChatRef) async {
        while true {
            let now = Date()
            var delay = max(pausedUntil.timeIntervalSince(now), nextSlot.timeIntervalSince(now))
            if let last = lastByChat[chat] { delay = max(delay, last.addingTimeInterval(limits.perChat).timeIntervalSince(now)) }
            if delay <= 0 {
                lastByChat[chat] = now
                nextSlot = max(nextSlot, now).addingTimeInterval(1 / Double(limits.perSecond))
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

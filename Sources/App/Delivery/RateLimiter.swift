import AgentCore
import Foundation

/// A person sending more than `perMinute` messages in a minute gets one polite notice, then
/// silence until they slow down: the extra messages are marked handled, nothing is written.
actor RateLimiter {
    enum Decision: Equatable { case allow, notify, drop }

    private let perMinute: Int
    private var recent: [ChatRef: [Date]] = [:]
    private var notified: Set<ChatRef> = []

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    func check(_ chat: ChatRef, at now: Date = Date()) -> Decision {
        var times = (recent[chat] ?? []).filter { now.timeIntervalSince($0) < 60 }
        times.append(now)
        recent[chat] = times
        if recent.count > 50_000 { recent = recent.filter { now.timeIntervalSince($0.value.last ?? .distantPast) < 60 } }
        guard times.count > perMinute else {
            notified.remove(chat)
            return .allow
        }
        return notified.insert(chat).inserted ? .notify : .drop
    }
}

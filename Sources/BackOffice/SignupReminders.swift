import AgentCore
import Foundation
import Logging
import Store

/// One reminder to each person who stopped half way through a sign-up: sent the configured
/// time after their last message, inside WhatsApp's 24-hour window, never twice.
public struct SignupReminders: Sendable {
    let store: Store
    let notices: CustomerNotices
    let settings: AgentSettings
    let logger: Logger

    public init(store: Store, notices: CustomerNotices, settings: AgentSettings,
                logger: Logger = Logger(label: "backoffice.reminders")) {
        self.store = store
        self.notices = notices
        self.settings = settings
        self.logger = logger
    }

    /// Queues the reminders that are due; returns how many.
    @discardableResult
    public func sendDue(now: Date = Date()) async throws -> Int {
        guard let delay = settings.signupReminderDelay else { return 0 }
        // An hour of margin before the window shuts: the reminder may wait in the queue.
        let idle = try await store.sessions(lastActiveFrom: now.addingTimeInterval(-23 * 3600), to: now.addingTimeInterval(-delay))
        var sent = 0
        for (chat, session) in idle where !session.signupReminded {
            guard case .signup(let draft) = session.flow, draft.hasProgress, session.handoffUntil.map({ $0 <= now }) ?? true else { continue }
            let reply = try await notices.reply(.signupReminder, [:], to: chat, buttons: [(.buttonYes, "yes"), (.buttonNo, "no")])
            if try await store.remind(chat, with: reply, at: now) { sent += 1 }
        }
        if sent > 0 { logger.info("sign-up reminders sent", metadata: ["count": "\(sent)"]) }
        return sent
    }
}

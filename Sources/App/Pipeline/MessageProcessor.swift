import AgentCore
import BackOffice
import Foundation
import Logging
import Store

/// The path of one message (DESIGN.md §1): deduplicate, understand, let the agent decide,
/// commit session + outbox + replies in one transaction, then show the writes to the cache
/// and wake the outbox deliverer. Channels call this; it knows nothing about them.
public final class MessageProcessor: Sendable {
    let agent: Agent
    let understanding: any Understanding
    /// Staff turns are understood offline: their history holds other clients' data (search
    /// results), which must never reach the model.
    let staffUnderstanding: any Understanding
    let phrasing: (any ReplyPhrasing)?
    /// Understanding and phrasing together get at most this long per turn; then the rules answer.
    let turnBudget: TimeInterval
    let store: Store
    let cache: WorkbookCache
    let deliverer: OutboxDeliverer
    let keys: KeyAllocator
    let roles: @Sendable (ChatRef, String?) -> Role
    /// Every staff identity on every channel: staff alerts go to each.
    let staff: [ChatRef]
    let logger: Logger
    private let locks = ChatLocks()
    private let committer: GroupCommit<(turn: TurnRecord, at: Date), CommittedTurn>
    let voice: VoiceNotes
    /// A declared outage stays "known" this long for later reporters in the zone.
    let outageMemory: TimeInterval = 6 * 60 * 60

    init(agent: Agent, understanding: any Understanding, staffUnderstanding: (any Understanding)? = nil,
         phrasing: (any ReplyPhrasing)? = nil, turnBudget: TimeInterval = 4,
         store: Store, cache: WorkbookCache, deliverer: OutboxDeliverer,
         keys: KeyAllocator, roles: @escaping @Sendable (ChatRef, String?) -> Role, staff: [ChatRef],
         voice: VoiceNotes = VoiceNotes(transcriber: nil), logger: Logger) {
        self.voice = voice
        self.committer = .turns(store)
        self.agent = agent
        self.understanding = understanding
        self.staffUnderstanding = staffUnderstanding ?? understanding
        self.phrasing = phrasing
        self.turnBudget = turnBudget
        self.store = store
        self.cache = cache
        self.deliverer = deliverer
        self.keys = keys
        self.roles = roles
        self.staff = staff
        self.logger = logger
    }

    public struct Result: Sendable {
        public var replies: [Reply]
        public var effects: [Effect]
        public var intent: Intent?
        /// Queued outbound rows (replies and staff alerts) this turn created.
        public var outboundIDs: [Int64]
        public var duplicate: Bool
        public var silent: Bool

        static let duplicate = Result(replies: [], effects: [], intent: nil, outboundIDs: [], duplicate: true, silent: true)
    }

    /// Handles one message. `role` overrides the staff lists (the console's `--as`).
    public func process(_ received: InboundMessage, role: Role? = nil, inboxID: Int64? = nil,
                        now: Date = Date()) async throws -> Result {
        let chat = received.chat
        return try await locks.withLock(chat) {
            if try await store.isProcessed(chat.channel, messageID: received.id) {
                logger.debug("duplicate message skipped", metadata: ["chat": "\(chat.masked)", "message": "\(received.id)"])
                if let inboxID { try await store.deleteInbox(inboxID) }
                BotMetrics.duplicate()
                return .duplicate
            }
            let deadline = Date().addingTimeInterval(turnBudget)
            // A transcribed voice note is understood and answered like the same words typed.
            var message = received
            let heard = await voice.transcript(of: received, deadline: deadline.addingTimeInterval(turnBudget))
            if let heard { message.content = .text(heard) }
            let session = try await store.session(for: chat)
            let workbook = await cache.snapshot()
            let role = role ?? roles(chat, message.verifiedPhone)
            let context = UnderstandingContext(workbook: workbook, session: session, role: role, deadline: deadline)
            let understood = await understand(message, context: context, by: role == .staff ? staffUnderstanding : understanding)
            let outages = try await store.activeOutages(since: now.addingTimeInterval(-outageMemory))
            let input = TurnInput(message: message, understood: understood, role: role, session: session,
                                  workbook: workbook, outages: outages, now: now)
            let output = agent.handle(input)
            var replies = output.replies
            if let heard, !replies.isEmpty {
                replies[0].text = agent.book.text(.heardVoice, output.session.language, ["text": heard]) + "\n" + replies[0].text
            }
            if let phrasing, input.role == .customer, !replies.isEmpty, heard == nil {
                let phrased = await phrasing.phrase(replies, PhrasingRequest(
                    intent: output.intent, language: output.session.language, customerText: message.text,
                    facts: PhrasingFacts.facts(for: input), maxLength: agent.settings.maxResponseLength, deadline: deadline))
                let caller = workbook.client(chat: chat, verifiedPhone: output.session.phone ?? message.verifiedPhone)
                if let leak = phrased.lazy.compactMap({ PrivacyGuard.leak(in: $0.text, workbook: workbook, caller: caller) }).first {
                    logger.warning("phrased reply held back; the template goes instead", metadata: ["chat": "\(chat.masked)", "why": "\(leak)"])
                } else {
                    replies = phrased
                }
            }
            let committed = try await committer.commit(
                (TurnRecord(message: message, session: output.session, effects: output.effects, replies: replies,
                            counters: keys.used(), inboxID: inboxID, staff: staff), at: now))
            guard committed.isNew else {
                BotMetrics.duplicate()
                return .duplicate
            }
            await cache.apply(output.effects)
            if output.effects.contains(where: \.isBackOfficeWrite) { deliverer.kick() }
            BotMetrics.turn(intent: output.intent, seconds: -deadline.addingTimeInterval(-turnBudget).timeIntervalSinceNow)
            logger.info("turn", metadata: [
                "channel": "\(chat.channel.rawValue)", "chat": "\(chat.masked)", "request": "\(Text.maskDigits(message.id))",
                "intent": "\(output.intent.rawValue)", "replies": "\(output.replies.count)", "effects": "\(output.effects.count)",
            ])
            return Result(replies: replies, effects: output.effects, intent: output.intent,
                          outboundIDs: committed.outboundIDs, duplicate: false, silent: output.silent)
        }
    }

    private func understand(_ message: InboundMessage, context: UnderstandingContext, by understanding: any Understanding) async -> Understood {
        switch message.content {
        case .quickReply(let id, let title):
            if let pressed = QuickReplyAction.understood(id: id) { return pressed }
            return await understanding.understand(title, context: context)
        case .text(let text):
            return await understanding.understand(text, context: context)
        case .command, .contact, .location, .media:
            return Understood(intent: .outOfScope, confidence: 0)
        }
    }

}

extension Effect {
    var isBackOfficeWrite: Bool {
        switch self {
        case .appendRow, .updateRow: true
        default: false
        }
    }
}

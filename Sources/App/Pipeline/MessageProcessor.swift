import AgentCore
import BackOffice
import Foundation
import Logging
import Store

/// The path of one message (DESIGN.md §1): deduplicate, understand, let the agent decide,
/// commit session + outbox + replies in one transaction, then show the writes to the cache
/// and wake the outbox writer. Channels call this; it knows nothing about them.
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
    let outbox: OutboxWriter
    let keys: KeyAllocator
    let roles: @Sendable (ChatRef, String?) -> Role
    /// Every staff identity on every channel: staff alerts go to each.
    let staff: [ChatRef]
    let logger: Logger
    private let locks = ChatLocks()
    private let rowOrder = RowOrder()
    /// Staff turns decide on handoffs every staff member shares (two taking one chat at once):
    /// they take this lock too, so they run one at a time, from reading to commit.
    private static let staffTurnsLock = ChatRef(.telegram, "staff-turns")
    private let committer: GroupCommit<(turn: TurnRecord, at: Date), CommittedTurn>
    let voice: VoiceNotes
    /// A declared outage stays "known" this long for later reporters in the zone.
    let outageMemory: TimeInterval = 6 * 60 * 60

    init(agent: Agent, understanding: any Understanding, staffUnderstanding: (any Understanding)? = nil,
         phrasing: (any ReplyPhrasing)? = nil, turnBudget: TimeInterval = 4,
         store: Store, cache: WorkbookCache, outbox: OutboxWriter,
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
        self.outbox = outbox
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

    /// Handles one message. `role` overrides the staff lists (the console's `--as`). The
    /// stages below run in order under the chat's lock; `started` times the whole turn and
    /// gives every model call one deadline (transcription included).
    public func process(_ received: InboundMessage, role: Role? = nil, inboxID: Int64? = nil,
                        now: Date = Date()) async throws -> Result {
        let chat = received.chat
        let role = role ?? roles(chat, received.verifiedPhone)
        return try await locks.withLock(chat) {
            guard role == .staff else { return try await turn(received, role: role, inboxID: inboxID, now: now) }
            return try await locks.withLock(Self.staffTurnsLock) { try await turn(received, role: role, inboxID: inboxID, now: now) }
        }
    }

    private func turn(_ received: InboundMessage, role: Role, inboxID: Int64?, now: Date) async throws -> Result {
        let chat = received.chat
        let started = ContinuousClock.now
        if try await isDuplicate(received, inboxID: inboxID) { return .duplicate }
        let deadline = Date().addingTimeInterval(turnBudget)
        var (message, heard) = await transcribed(received, deadline: deadline)
        var session = try await store.session(for: chat)
        if case .text(let typed) = message.content {
            // ("…signo de interrogación", "…coma…": punctuation dictated; a name signed under every message, set aside.)
            let (unsigned, lastWords) = Signature.strip(SpokenPunctuation.written(typed), previous: session?.lastWords)
            session?.lastWords = lastWords
            message.content = .text(unsigned)
        }
        // ("…mi fonda q esta en la col. poniente por" / "la salida a la presa…": the rest of the last message.)
        if case .text(let typed) = message.content, let whole = CutMessage.joined(typed, after: session, now: now) {
            message.content = .text(whole)
        }
        let workbook = await cache.snapshot()
        let understood = await understand(message, context: UnderstandingContext(workbook: workbook, session: session,
                                                                                  role: role, deadline: deadline),
                                          by: role == .staff ? staffUnderstanding : understanding)
        let outages = try await store.activeOutages(since: now.addingTimeInterval(-outageMemory))
        let input = TurnInput(message: message, understood: understood, role: role, session: session,
                              workbook: workbook, outages: outages, handoffs: try await store.openHandoffs(), now: now)
        let (output, ticket) = rowOrder.decide { agent.handle(input) }
        defer { if let ticket { rowOrder.end(ticket) } }
        let replies = await phrased(output, input: input, heard: heard, deadline: deadline)
        if let ticket { await rowOrder.waitForEarlier(ticket) }
        guard let committed = try await commit(output, replies: replies, message: message, inboxID: inboxID, now: now,
                                               queued: { if let ticket { rowOrder.end(ticket) } }) else {
            return .duplicate
        }
        BotMetrics.turn(intent: output.intent, seconds: (ContinuousClock.now - started).seconds)
        logger.info("turn", metadata: [
            "channel": "\(chat.channel.rawValue)", "chat": "\(chat.masked)", "request": "\(Text.maskDigits(message.id))",
            "intent": "\(output.intent.rawValue)", "replies": "\(output.replies.count)", "effects": "\(output.effects.count)",
        ])
        return Result(replies: replies, effects: output.effects, intent: output.intent,
                      outboundIDs: committed.outboundIDs, duplicate: false, silent: output.silent)
    }

    // MARK: The stages

    /// A message handled before (the platform delivered it again) is dropped here.
    func isDuplicate(_ message: InboundMessage, inboxID: Int64?) async throws -> Bool {
        guard try await store.isProcessed(message.chat.channel, messageID: message.id) else { return false }
        logger.debug("duplicate message skipped", metadata: ["chat": "\(message.chat.masked)", "message": "\(message.id)"])
        if let inboxID { try await store.deleteInbox(inboxID) }
        BotMetrics.duplicate()
        return true
    }

    /// A voice note becomes the words heard, answered like the same words typed. It shares the
    /// turn's deadline with understanding and phrasing.
    func transcribed(_ message: InboundMessage, deadline: Date) async -> (InboundMessage, heard: String?) {
        guard let heard = await voice.transcript(of: message, deadline: deadline) else { return (message, nil) }
        var typed = message
        typed.content = .text(heard)
        return (typed, heard)
    }

    /// The replies as they go out: "Escuché: «…»" before a voice note's answer; phrased by the
    /// model for customers when configured, unless the phrasing names anyone else.
    func phrased(_ output: TurnOutput, input: TurnInput, heard: String?, deadline: Date) async -> [Reply] {
        var replies = output.replies
        if let heard, !replies.isEmpty {
            replies[0].text = agent.book.text(.heardVoice, output.session.language, ["text": heard]) + "\n" + replies[0].text
        }
        guard let phrasing, input.role == .customer, !replies.isEmpty, heard == nil else { return replies }
        let message = input.message, workbook = input.workbook
        let phrased = await phrasing.phrase(replies, PhrasingRequest(
            intent: output.intent, language: output.session.language, customerText: message.text,
            facts: PhrasingFacts.facts(for: input), maxLength: agent.settings.maxResponseLength, deadline: deadline))
        let caller = workbook.client(chat: message.chat, verifiedPhone: output.session.phone ?? message.verifiedPhone)
        if let leak = phrased.lazy.compactMap({ PrivacyGuard.leak(in: $0.text, workbook: workbook, caller: caller) }).first {
            logger.warning("phrased reply held back; the template goes instead", metadata: ["chat": "\(message.chat.masked)", "why": "\(leak)"])
            return replies
        }
        return phrased
    }

    /// Session, back-office writes and replies in one transaction; then the cache shows the
    /// writes and the outbox is woken. nil when another process committed this message first.
    func commit(_ output: TurnOutput, replies: [Reply], message: InboundMessage, inboxID: Int64?,
                now: Date, queued: @Sendable () -> Void = {}) async throws -> CommittedTurn? {
        let committed = try await committer.commit(
            (TurnRecord(message: message, session: output.session, effects: output.effects, replies: replies,
                        counters: keys.used(), inboxID: inboxID, staff: staff), at: now), queued: queued)
        guard committed.isNew else {
            BotMetrics.duplicate()
            return nil
        }
        await cache.apply(output.effects)
        if output.effects.contains(where: \.isBackOfficeWrite) { outbox.kick() }
        return committed
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

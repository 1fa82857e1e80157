import Foundation

/// What one Bot API call answers: the envelope and the HTTP status (always = `error_code`).
struct TelegramAnswer: Sendable {
    var status: Int
    var body: JSON
    /// A file download answers bytes, not the JSON envelope.
    var raw: (bytes: [UInt8], mimeType: String)? = nil

    static func ok(_ result: JSON, description: String? = nil) -> TelegramAnswer {
        TelegramAnswer(status: 200, body: .obj([("ok", .bool(true)), ("result", result), ("description", .str(description))]))
    }

    static func error(_ code: Int, _ description: String, parameters: JSON? = nil) -> TelegramAnswer {
        TelegramAnswer(
            status: code,
            body: .obj([
                ("ok", .bool(false)), ("error_code", .int(Int64(code))), ("description", .string(description)),
                ("parameters", parameters),
            ])
        )
    }

    static func badRequest(_ what: String) -> TelegramAnswer { .error(400, "Bad Request: " + what) }

    static let unauthorized = TelegramAnswer.error(401, "Unauthorized")
    static let notFound = TelegramAnswer.error(404, "Not Found")
    static let blocked = TelegramAnswer.error(403, "Forbidden: bot was blocked by the user")
    static let chatNotFound = TelegramAnswer.badRequest("chat not found")
    static let pollConflict = TelegramAnswer.error(
        409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
    static let webhookActive = TelegramAnswer.error(
        409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")

    static func tooManyRequests(retryAfter: Int) -> TelegramAnswer {
        .error(
            429, "Too Many Requests: retry after \(retryAfter)", parameters: .object([("retry_after", .int(Int64(retryAfter)))]))
    }
}

/// The bot the token belongs to.
struct TelegramBotIdentity: Sendable {
    var token: String
    var id: Int64
    var firstName: String
    var username: String

    init(token: String, username: String) {
        self.token = token
        let digits = token.prefix(while: { $0 != ":" }).filter(\.isNumber)
        self.id = Int64(digits) ?? 7_999_999_999
        self.firstName = "Red Soluciones"
        self.username = username
    }

    /// The bot as a message's `from`.
    var userJSON: JSON {
        .object([("id", .int(id)), ("is_bot", .bool(true)), ("first_name", .string(firstName)), ("username", .string(username))])
    }

    /// What getMe answers.
    var getMeJSON: JSON {
        .object([
            ("id", .int(id)), ("is_bot", .bool(true)), ("first_name", .string(firstName)), ("username", .string(username)),
            ("can_join_groups", .bool(true)), ("can_read_all_group_messages", .bool(false)),
            ("supports_inline_queries", .bool(false)), ("can_connect_to_business", .bool(false)),
            ("has_main_web_app", .bool(false)),
        ])
    }
}

/// An update waiting for confirmation.
struct TelegramQueuedUpdate: Sendable {
    var id: Int64
    var type: String
    var payload: JSON
    /// Put back by `redeliver`: survives offsets until it has been handed out once more.
    var redelivered = false

    var json: JSON { .object([("update_id", .int(id)), (type, payload)]) }
}

/// A message in a chat, from the user or from the bot, kept to build callback queries, replies and edits.
struct TelegramStoredMessage: Sendable {
    var id: Int64
    var chatID: Int64
    var fromBot: Bool
    var json: JSON
}

struct TelegramWebhookConfig: Sendable, Equatable {
    var url: String
    var secretToken: String?
    var maxConnections: Int
}

/// Why a held getUpdates request was woken.
enum TelegramPollWake: Sendable {
    case ready, timeout, conflict, webhookSet
}

struct TelegramPollWaiter: Sendable {
    var id: UInt64
    var continuation: CheckedContinuation<TelegramPollWake, Never>
    var timeoutTask: Task<Void, Never>?
}

/// Everything the emulator knows, behind one lock.
struct TelegramState: Sendable {
    let bot: TelegramBotIdentity

    static let updateIDBase: Int64 = 812_345_000
    var nextUpdateID: Int64 = TelegramState.updateIDBase
    var nextMessageID: Int64 = 100
    var nextSerial: Int64 = 0

    var queue: [TelegramQueuedUpdate] = []
    var history: [Int64: TelegramQueuedUpdate] = [:]
    var confirmedUpdateID: Int64 = 0
    var allowedUpdates: [String]?

    var webhook: TelegramWebhookConfig?
    var webhookLastErrorDate: Int?
    var webhookLastErrorMessage: String?
    var webhookKick: AsyncStream<Void>.Continuation?

    var chats: [Int64: TelegramEmulator.User] = [:]
    var blocked: Set<Int64> = []
    var messages: [Int64: [Int64: TelegramStoredMessage]] = [:]
    var lastUserMessage: [Int64: Int64] = [:]
    var openCallbackQueries: Set<String> = []
    var answeredCallbackQueries: [String] = []
    var sentMessages: [TelegramEmulator.SentMessage] = []
    var requests: [TelegramEmulator.RecordedRequest] = []
    var commands: JSON = .array([])

    var faults: [String: (fault: TelegramEmulator.Fault, remaining: Int)] = [:]
    var floodPerChat: Int?
    var floodGlobal: Int?
    var recentSends: [(at: ContinuousClock.Instant, chatID: Int64)] = []

    var waiter: TelegramPollWaiter?
    /// Between stop() and start(): a getUpdates that still gets through is answered at once.
    var stopped = false
    var nextWaiterID: UInt64 = 0

    init(bot: TelegramBotIdentity) {
        self.bot = bot
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    mutating func serial() -> Int64 {
        nextSerial += 1
        return nextSerial
    }

    mutating func newMessageID() -> Int64 {
        nextMessageID += 1
        return nextMessageID
    }

    // MARK: Updates

    /// Types delivered when `allowed_updates` is unset or empty.
    static let excludedByDefault: Set<String> = ["chat_member", "message_reaction", "message_reaction_count"]

    func isAllowed(_ type: String) -> Bool {
        guard let allowed = allowedUpdates, !allowed.isEmpty else { return !Self.excludedByDefault.contains(type) }
        return allowed.contains(type)
    }

    /// Creates an update. Types the bot did not ask for (`allowed_updates`) are never created,
    /// as on Telegram; the id is still used up. Returns the waiter to wake, if any.
    mutating func enqueue(type: String, payload: JSON) -> (id: Int64, wake: TelegramPollWaiter?) {
        nextUpdateID += 1
        let update = TelegramQueuedUpdate(id: nextUpdateID, type: type, payload: payload)
        history[update.id] = update
        guard isAllowed(type) else { return (update.id, nil) }
        queue.append(update)
        return (update.id, updatesChanged())
    }

    /// Queues `id` again (same update_id). Returns the waiter to wake, if any.
    mutating func redeliver(_ id: Int64) -> TelegramPollWaiter? {
        guard var update = history[id] else { return nil }
        queue.removeAll(where: { $0.id == id })
        update.redelivered = true
        let index = queue.firstIndex(where: { $0.id > id }) ?? queue.count
        queue.insert(update, at: index)
        return updatesChanged()
    }

    /// New updates: kick the webhook sender or take the held poller out to be woken.
    mutating func updatesChanged() -> TelegramPollWaiter? {
        if webhook != nil {
            webhookKick?.yield()
            return nil
        }
        return takeWaiter()
    }

    mutating func takeWaiter() -> TelegramPollWaiter? {
        defer { waiter = nil }
        waiter?.timeoutTask?.cancel()
        return waiter
    }

    /// getUpdates' `offset`: confirms what is below it (a negative one keeps only the last N).
    mutating func applyOffset(_ offset: Int64) {
        if offset > 0 {
            queue.removeAll(where: { $0.id < offset && !$0.redelivered })
            let highestBelow = min(offset - 1, nextUpdateID)
            if highestBelow > Self.updateIDBase { confirmedUpdateID = max(confirmedUpdateID, highestBelow) }
        } else if offset < 0 {
            let keep = Int(min(Int64(queue.count), -offset))
            let dropped = queue.prefix(queue.count - keep)
            if let highest = dropped.map(\.id).max() { confirmedUpdateID = max(confirmedUpdateID, highest) }
            queue.removeFirst(queue.count - keep)
        }
    }

    /// Up to `limit` queued updates; re-delivered ones count as handed out (the next offset confirms them).
    mutating func takeBatch(limit: Int) -> [JSON] {
        let count = min(limit, queue.count)
        var batch: [JSON] = []
        for index in 0..<count {
            batch.append(queue[index].json)
            queue[index].redelivered = false
        }
        return batch
    }

    /// Drops every pending update (drop_pending_updates).
    mutating func dropPending() {
        if let highest = queue.map(\.id).max() { confirmedUpdateID = max(confirmedUpdateID, highest) }
        queue.removeAll()
    }

    // MARK: Chats and messages

    func chatJSON(_ chatID: Int64) -> JSON {
        if let user = chats[chatID] { return Self.chatJSON(user) }
        return .object([("id", .int(chatID)), ("type", .string("private"))])
    }

    static func chatJSON(_ user: TelegramEmulator.User) -> JSON {
        .obj([
            ("id", .int(user.id)), ("first_name", .string(user.firstName)), ("last_name", .str(user.lastName)),
            ("username", .str(user.username)), ("type", .string("private")),
        ])
    }

    static func userJSON(_ user: TelegramEmulator.User) -> JSON {
        .obj([
            ("id", .int(user.id)), ("is_bot", .bool(false)), ("first_name", .string(user.firstName)),
            ("last_name", .str(user.lastName)), ("username", .str(user.username)), ("language_code", .str(user.languageCode)),
        ])
    }

    func message(_ id: Int64, in chatID: Int64) -> TelegramStoredMessage? {
        messages[chatID]?[id]
    }

    mutating func store(_ message: TelegramStoredMessage) {
        messages[message.chatID, default: [:]][message.id] = message
        if !message.fromBot { lastUserMessage[message.chatID] = message.id }
    }

    // MARK: Faults and flood control

    /// The injected fault for this call, counting it down.
    mutating func takeFault(for method: String) -> TelegramAnswer? {
        let key = method.lowercased()
        guard let entry = faults[key], entry.remaining > 0 else { return nil }
        faults[key] = entry.remaining > 1 ? (entry.fault, entry.remaining - 1) : nil
        switch entry.fault {
        case .tooManyRequests(let seconds): return .tooManyRequests(retryAfter: seconds)
        case .serverError: return .error(502, "Bad Gateway")
        case .unauthorized: return .unauthorized
        }
    }

    /// 429 when one more send to `chatID` would go over a limit; otherwise counts the send.
    mutating func admitSend(to chatID: Int64) -> TelegramAnswer? {
        guard floodPerChat != nil || floodGlobal != nil else { return nil }
        let now = ContinuousClock.now
        recentSends.removeAll(where: { now - $0.at >= .seconds(1) })
        if let limit = floodGlobal, recentSends.count >= limit { return .tooManyRequests(retryAfter: 1) }
        if let limit = floodPerChat, recentSends.filter({ $0.chatID == chatID }).count >= limit {
            return .tooManyRequests(retryAfter: 1)
        }
        recentSends.append((now, chatID))
        return nil
    }
}

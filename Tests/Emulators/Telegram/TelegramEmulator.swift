import Foundation
import Synchronization

/// A loopback emulator of the Telegram Bot API (`/bot<token>/<method>` on 127.0.0.1), for tests.
///
/// Tests play the users (`sendText`, `pressButton`, `shareContact`, ...), the bot long-polls
/// `getUpdates` or receives webhook POSTs, and the tests then look at what the bot did
/// (`sentMessages`, `requests`, `answeredCallbackQueries`). Faults and flood limits are scriptable.
/// Answers use the real envelopes and error texts (the Bot API reference).
public final class TelegramEmulator: Sendable {
    public let token: String
    let state: Mutex<TelegramState>
    let host = LoopbackHost(emulator: "Telegram")

    /// A token of the real shape (`<bot id>:<35 characters>`), made up at run time so that no
    /// token-looking string is ever committed.
    public static func randomToken(botID: Int64 = 7_000_000_001) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        return "\(botID):AA" + String((0..<33).map { _ in alphabet.randomElement()! })
    }

    public init(token: String = TelegramEmulator.randomToken(), botUsername: String = "red_soluciones_bot") {
        self.token = token
        self.state = Mutex(TelegramState(bot: TelegramBotIdentity(token: token, username: botUsername)))
    }

    /// The port listened on (0 before the first start()).
    public var port: Int { host.port }

    /// `http://127.0.0.1:<port>`; the bot calls `baseURL + "/bot<token>/<method>"`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The bot's user id (the digits before the token's colon).
    public var botID: Int64 { state.withLock { $0.bot.id } }

    // MARK: What the bot did

    public var sentMessages: [SentMessage] { state.withLock { $0.sentMessages } }

    public func messages(to chatID: Int64) -> [SentMessage] {
        state.withLock { $0.sentMessages.filter { $0.chatID == chatID } }
    }

    /// Callback query ids answered with answerCallbackQuery, in order.
    public var answeredCallbackQueries: [String] { state.withLock { $0.answeredCallbackQueries } }

    /// Every call answered, in the order the answers were given.
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The highest update_id confirmed (by a later getUpdates offset, or by a 2xx webhook answer); 0 when none.
    public var confirmedUpdateID: Int64 { state.withLock { $0.confirmedUpdateID } }

    /// Updates not yet confirmed.
    public var pendingUpdates: Int { state.withLock { $0.queue.count } }

    public var webhookURL: String? { state.withLock { $0.webhook?.url } }

    /// Whether a getUpdates long poll is being held open right now.
    public var isHoldingPoll: Bool { state.withLock { $0.waiter != nil } }

    /// The `allowed_updates` last given to getUpdates or setWebhook (nil = never given).
    public var allowedUpdates: [String]? { state.withLock { $0.allowedUpdates } }

    /// Whether `user` has blocked the bot.
    public func isBlocked(_ user: User) -> Bool { state.withLock { $0.blocked.contains(user.id) } }

    // MARK: Faults and limits

    /// The next `times` calls of `method` (case-insensitive) fail with `fault`, before any other check.
    public func inject(_ fault: Fault, forMethod method: String = "sendMessage", times: Int = 1) {
        state.withLock { state in
            let key = method.lowercased()
            if times <= 0 {
                state.faults[key] = nil
            } else {
                state.faults[key] = (fault, times)
            }
        }
    }

    /// Flood control for sendMessage: more than `perChatPerSecond` sends to one chat, or more than
    /// `globalPerSecond` sends overall, within one second → 429 with `retry_after` 1. nil = off.
    public func setFloodControl(perChatPerSecond: Int?, globalPerSecond: Int?) {
        state.withLock { state in
            state.floodPerChat = perChatPerSecond
            state.floodGlobal = globalPerSecond
            state.recentSends.removeAll()
        }
    }
}

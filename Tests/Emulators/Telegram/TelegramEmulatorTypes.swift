import Foundation

extension TelegramEmulator {
    /// A Telegram user who talks to the bot in a private chat (the chat id is the user id).
    public struct User: Sendable, Hashable {
        public var id: Int64
        public var firstName: String
        public var lastName: String?
        public var username: String?
        public var languageCode: String?

        public init(id: Int64, firstName: String, lastName: String? = nil, username: String? = nil, languageCode: String? = "es")
        {
            self.id = id
            self.firstName = firstName
            self.lastName = lastName
            self.username = username
            self.languageCode = languageCode
        }
    }

    /// A message the bot sent successfully, as the bot sent it (`replyMarkupJSON` is the
    /// `reply_markup` received, compact JSON).
    public struct SentMessage: Sendable, Equatable {
        public var messageID: Int64
        public var chatID: Int64
        public var text: String
        public var replyMarkupJSON: String?
        public var date: Int

        public init(messageID: Int64, chatID: Int64, text: String, replyMarkupJSON: String?, date: Int) {
            self.messageID = messageID
            self.chatID = chatID
            self.text = text
            self.replyMarkupJSON = replyMarkupJSON
            self.date = date
        }
    }

    /// One Bot API call the emulator answered.
    public struct RecordedRequest: Sendable, Equatable {
        /// The method as the Bot API spells it (`sendMessage`), whatever case the caller used.
        public var method: String
        /// The HTTP status answered (= `error_code` on failure).
        public var status: Int
        /// The parameters received (query string and body merged), compact JSON.
        public var parameters: String
        /// When the request arrived, unix time.
        public var at: Double

        public init(method: String, status: Int, parameters: String, at: Double) {
            self.method = method
            self.status = status
            self.parameters = parameters
            self.at = at
        }
    }

    /// A failure to answer the next calls of a method with.
    public enum Fault: Sendable, Equatable {
        /// 429 `Too Many Requests: retry after N` with `parameters.retry_after = N`.
        case tooManyRequests(retryAfter: Int)
        /// 502 `Bad Gateway`.
        case serverError
        /// 401 `Unauthorized`.
        case unauthorized
    }
}

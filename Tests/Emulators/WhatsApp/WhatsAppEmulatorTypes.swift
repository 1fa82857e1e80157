import Foundation

extension WhatsAppEmulator {
    /// What the bot's webhook answered to the GET verification handshake.
    public struct Verification: Sendable, Equatable {
        public var status: Int
        public var body: String

        public init(status: Int, body: String) {
            self.status = status
            self.body = body
        }
    }

    /// A WhatsApp user who writes to the business number. `waID` is the phone as WhatsApp shows it
    /// (`5214441234567` for a Mexican mobile); an empty `waID` with a `userID` plays a username user
    /// who hides the phone (no `wa_id`/`from`, `from_user_id` instead). `userID` is the
    /// business-scoped user id (`MX.1000000000000001`).
    public struct Contact: Sendable, Hashable {
        public var waID: String
        public var name: String
        public var userID: String?

        public init(waID: String, name: String, userID: String? = nil) {
            self.waID = waID
            self.name = name
            self.userID = userID
        }
    }

    /// What the bot's webhook answered to one notification, and the wamid of the inbound message it carried.
    public struct Delivery: Sendable, Equatable {
        public var status: Int
        public var messageID: String?

        public init(status: Int, messageID: String?) {
            self.status = status
            self.messageID = messageID
        }
    }

    /// A message the bot sent and the API accepted (HTTP 200).
    public struct SentMessage: Sendable, Equatable {
        /// The wamid issued for it.
        public var id: String
        /// The resolved recipient: the `wa_id` (a 12-digit `52…` number becomes `521…`), or the BSUID
        /// given in `recipient` when the user's phone is unknown.
        public var to: String
        /// `text`, `interactive`, `template`, `image`, `reaction`, ...
        public var type: String
        /// `text.body` for text; `interactive.body.text` for interactive; the caption for media; nil otherwise.
        public var text: String?
        /// The `interactive` object as received, compact JSON.
        public var interactiveJSON: String?
        /// `context.message_id`, when the bot quoted a message.
        public var contextMessageID: String?
        /// The `Authorization` header as received.
        public var authorization: String
        /// The whole request body as received.
        public var bodyJSON: String
        /// nil when it was delivered; 131047 when it was free-form and the 24-hour window was closed
        /// (the API answered 200 and a `failed` status was posted).
        public var failedWith: Int?

        public init(
            id: String, to: String, type: String, text: String?, interactiveJSON: String?, contextMessageID: String?,
            authorization: String, bodyJSON: String, failedWith: Int? = nil
        ) {
            self.id = id
            self.to = to
            self.type = type
            self.text = text
            self.interactiveJSON = interactiveJSON
            self.contextMessageID = contextMessageID
            self.authorization = authorization
            self.bodyJSON = bodyJSON
            self.failedWith = failedWith
        }
    }

    /// One HTTP request the emulator answered.
    public struct RecordedRequest: Sendable, Equatable {
        public var method: String
        /// The path without the query (`/v23.0/106540352242922/messages`).
        public var path: String
        /// The HTTP status answered.
        public var status: Int
        /// The request body as received.
        public var body: String
        /// When it arrived, unix time.
        public var at: Double

        public init(method: String, path: String, status: Int, body: String, at: Double) {
            self.method = method
            self.path = path
            self.status = status
            self.body = body
            self.at = at
        }
    }

    /// A failure for the next message sends (mark-as-read and typing calls are not affected).
    public enum Fault: Sendable, Equatable {
        /// HTTP 400, code 131056, the body of `whatsapp_error_131056.json`.
        case pairRateLimit
        /// HTTP 400, code 130429, the body of `whatsapp_error_130429.json`.
        case throughput
        /// HTTP 400, code 131030, the body of `whatsapp_error_131030.json`.
        case notAllowed
        /// HTTP 400, code 100, the body of `whatsapp_error_100_invalid_parameter.json`.
        case invalidParameter
        /// HTTP 401, code 190, the body of `whatsapp_error_190_expired_token.json`.
        case expiredToken
        /// HTTP 500, code 131000 `Something went wrong`.
        case serverError
    }

    /// One notification POSTed to the bot's webhook (customer messages, statuses, raw posts).
    public struct WebhookDelivery: Sendable, Equatable {
        /// The inbound wamid (messages) or the bot's wamid (statuses); nil for raw posts.
        public var messageID: String?
        /// `sent`, `delivered` or `failed` for status notifications; nil for messages and raw posts.
        public var statusName: String?
        /// What the webhook answered; nil when it could not be reached.
        public var httpStatus: Int?
        /// The exact body posted.
        public var body: String
    }

    public enum EmulatorError: Error, Equatable, CustomStringConvertible {
        /// A customer action or handshake before `setWebhook(url:)`.
        case noWebhook
        /// `setWebhook` got something that is not an http(s) URL.
        case badWebhookURL(String)
        /// `redeliver` for a wamid the emulator never posted.
        case unknownMessage(String)
        /// `sendMedia` with a kind other than image, audio, voice, video, document, sticker.
        case unknownMediaKind(String)

        public var description: String {
            switch self {
            case .noWebhook: return "no webhook URL: call setWebhook(url:) first"
            case .badWebhookURL(let url): return "not an http(s) webhook URL: \(url)"
            case .unknownMessage(let id): return "no notification was posted for \(id)"
            case .unknownMediaKind(let kind): return "unknown media kind \(kind) (image|audio|voice|video|document|sticker)"
            }
        }
    }
}

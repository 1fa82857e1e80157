import AgentCore
import ChannelKit
import Foundation
import Logging

/// `POST /webhook/telegram`: the secret header is checked (in constant time) before anything
/// else; a valid update is put in the inbox and answered 200, so Telegram does not resend it.
public struct TelegramWebhook: Sendable {
    let secret: String
    let events: TelegramEventHandler
    let logger: Logger

    public init(secret: String, events: TelegramEventHandler, logger: Logger = Logger(label: "telegram.webhook")) {
        self.secret = secret
        self.events = events
        self.logger = logger
    }

    public static let secretHeader = "X-Telegram-Bot-Api-Secret-Token"

    /// The HTTP status to answer.
    /// Checked from the headers alone, before a byte of the body is read.
    public func accepts(secretHeader: String?) -> Bool {
        guard let secretHeader, ConstantTime.equals(secretHeader, secret) else {
            logger.warning("webhook call without the right secret token refused")
            return false
        }
        return true
    }

    public func receive(body: Data, secretHeader: String?) async -> Int {
        guard accepts(secretHeader: secretHeader) else { return 401 }
        guard let update = try? JSONDecoder().decode(TelegramUpdate.self, from: body) else {
            logger.warning("malformed Telegram update refused", metadata: ["bytes": "\(body.count)"])
            return 400
        }
        do {
            try await events.handle(update)
            return 200
        } catch {
            // Not stored: a non-2xx answer makes Telegram deliver it again.
            logger.error("update not stored; Telegram will retry", metadata: ["error": "\(error)"])
            return 503
        }
    }
}

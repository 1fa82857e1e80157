import AgentCore
import ChannelKit
import Foundation

/// Sends replies on Telegram and says what became of each in the delivery queue's terms.
public struct TelegramSender: ChannelSender {
    public let channel = Channel.telegram
    let client: TelegramClient

    public init(client: TelegramClient) {
        self.client = client
    }

    public func send(_ reply: Reply, to chat: ChatRef, inReplyTo: String?) async -> SendOutcome {
        guard let chatID = Int64(chat.chatID) else { return .rejected("not a Telegram chat id: \(chat.masked)") }
        for part in ReplyRenderer.parts(for: reply) {
            do {
                try await client.sendMessage(chatID: chatID, text: part.text, keyboard: part.keyboard)
            } catch {
                return Self.outcome(of: error)
            }
        }
        return .sent()
    }

    static func outcome(of error: TelegramError) -> SendOutcome {
        switch error.code {
        case 429: .retryAfter(TimeInterval(error.retryAfter ?? 5))
        case 403: .unreachable(error.text)
        case 400: error.text.contains("chat not found") ? .unreachable(error.text) : .rejected(error.text)
        case 401, 404: .failed("the bot token was refused (\(error.text)) — check TELEGRAM_BOT_TOKEN")
        default: .failed(error.description)
        }
    }
}

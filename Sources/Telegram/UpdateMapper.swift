import AgentCore
import Foundation

/// What a Telegram update means to the bot.
public enum TelegramEvent: Sendable, Equatable {
    /// Something for the agent. `callbackQueryID` is set for a button press (answer it at once).
    case message(InboundMessage, callbackQueryID: String?)
    /// The person blocked the bot.
    case blocked(ChatRef)
    /// Nothing to do (an edit, a group message, an update type the bot does not handle).
    case ignored(String)
}

/// Turns Bot API updates into channel-neutral messages.
public struct UpdateMapper: Sendable {
    /// The bot's own username, so "/start@red_soluciones_bot" is understood and other bots' commands are not.
    public var botUsername: String?

    public init(botUsername: String?) {
        self.botUsername = botUsername
    }

    public static let allowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"]

    public func map(_ update: TelegramUpdate, receivedAt: Date = Date()) -> TelegramEvent {
        if let query = update.callbackQuery {
            guard let data = query.data, let message = query.message, message.chat.type ?? "private" == "private" else {
                return .ignored("callback query without data")
            }
            let chat = ChatRef(.telegram, String(message.chat.id))
            return .message(InboundMessage(id: "cb:\(query.id)", chat: chat, content: .quickReply(id: data, title: data),
                                           receivedAt: receivedAt, profileName: query.from.displayName),
                            callbackQueryID: query.id)
        }
        if let member = update.myChatMember {
            let chat = ChatRef(.telegram, String(member.chat.id))
            return member.newChatMember.status == "kicked" ? .blocked(chat) : .ignored("chat member \(member.newChatMember.status)")
        }
        if update.editedMessage != nil { return .ignored("edited message") }
        guard let message = update.message else { return .ignored("update type not handled") }
        guard message.chat.type ?? "private" == "private" else { return .ignored("not a private chat") }
        guard let content = content(of: message) else { return .ignored("a command for another bot") }
        return .message(InboundMessage(id: "\(message.chat.id):\(message.messageID)", chat: ChatRef(.telegram, String(message.chat.id)),
                                       content: content, receivedAt: message.date.map { Date(timeIntervalSince1970: Double($0)) } ?? receivedAt,
                                       profileName: message.from?.displayName,
                                       mediaID: (message.voice ?? message.audio ?? message.videoNote)?.fileID,
                                       replyToText: message.replyToText),
                        callbackQueryID: nil)
    }

    private func content(of message: TelegramMessage) -> Content? {
        if let contact = message.contact {
            // Only a contact the person shared from their own account proves their number.
            let own = contact.userID != nil && contact.userID == message.from?.id
            return .contact(phone: contact.phoneNumber, name: contact.firstName, isOwn: own)
        }
        if let location = message.location {
            return .location(GeoPoint(latitude: location.latitude, longitude: location.longitude))
        }
        if message.voice != nil || message.videoNote != nil { return .media(.voice) }
        if message.audio != nil { return .media(.audio) }
        if message.photo != nil { return .media(.image) }
        if message.video != nil { return .media(.video) }
        if message.sticker != nil { return .media(.sticker) }
        if message.document != nil { return .media(.document) }
        guard let text = message.text else { return .media(.other) }
        if text.hasPrefix("/") {
            // "/start", "/ayuda@red_soluciones_bot"; a command addressed to another bot is not ours.
            let parts = text.dropFirst().prefix { !$0.isWhitespace }.split(separator: "@", maxSplits: 1)
            if parts.count == 2, let botUsername, parts[1].lowercased() != botUsername.lowercased() { return nil }
            if let name = parts.first, !name.isEmpty { return .command(String(name)) }
        }
        return .text(text)
    }
}

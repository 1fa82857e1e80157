import Foundation

/// A message from a customer or staff member, in the same shape whatever the channel.
public struct InboundMessage: Sendable, Codable, Equatable {
    /// The channel's own message id (Telegram update id, WhatsApp wamid): the deduplication key.
    public var id: String
    public var chat: ChatRef
    public var content: Content
    public var receivedAt: Date
    /// The name the channel shows for the sender (WhatsApp profile, Telegram first/last name).
    public var profileName: String?
    /// A phone number the channel vouches for (the WhatsApp wa_id), never one the user typed.
    public var verifiedPhone: String?
    /// The channel's id for attached media (a Telegram file_id, a WhatsApp media id), to fetch it.
    public var mediaID: String?
    /// The text of the message this one answers, when the channel quotes it (a Telegram reply).
    public var replyToText: String?

    public init(id: String, chat: ChatRef, content: Content, receivedAt: Date = Date(),
                profileName: String? = nil, verifiedPhone: String? = nil, mediaID: String? = nil, replyToText: String? = nil) {
        self.id = id
        self.chat = chat
        self.content = content
        self.receivedAt = receivedAt
        self.profileName = profileName
        self.verifiedPhone = verifiedPhone
        self.mediaID = mediaID
        self.replyToText = replyToText
    }

    /// What the agent sees as text, for understanding and logs.
    public var text: String {
        switch content {
        case .text(let t): t
        case .quickReply(_, let title): title
        case .command(let name): "/\(name)"
        case .contact(let phone, _, _): phone
        case .location: ""
        case .media: ""
        }
    }
}

public enum Content: Sendable, Codable, Equatable {
    case text(String)
    /// A button the bot offered (its QuickReply id and title).
    case quickReply(id: String, title: String)
    /// A channel command: "start", "ayuda".
    case command(String)
    /// A shared contact; `isOwn` when the channel proved it is the sender's own number.
    case contact(phone: String, name: String?, isOwn: Bool)
    case location(GeoPoint)
    case media(MediaKind)
}

public enum MediaKind: String, Sendable, Codable, Equatable {
    case image, audio, voice, video, document, sticker, other
}

import AgentCore
import ChannelKit

/// The Bot API objects the bot reads. Unknown fields and update types are ignored, as
/// Telegram adds new ones regularly.
public struct TelegramUpdate: Decodable, Sendable {
    public var updateID: Int64
    public var message: TelegramMessage?
    public var editedMessage: TelegramMessage?
    public var callbackQuery: TelegramCallbackQuery?
    public var myChatMember: TelegramChatMemberUpdated?

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id", message, editedMessage = "edited_message", callbackQuery = "callback_query"
        case myChatMember = "my_chat_member"
    }

    /// Only the id is required: a part of an unexpected shape reads as absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        updateID = try c.decode(Int64.self, forKey: .updateID)
        message = c.lenient(TelegramMessage.self, forKey: .message)
        editedMessage = c.lenient(TelegramMessage.self, forKey: .editedMessage)
        callbackQuery = c.lenient(TelegramCallbackQuery.self, forKey: .callbackQuery)
        myChatMember = c.lenient(TelegramChatMemberUpdated.self, forKey: .myChatMember)
    }
}

public struct TelegramUser: Decodable, Sendable {
    public var id: Int64
    public var isBot: Bool?
    public var firstName: String?
    public var lastName: String?
    public var username: String?
    public var languageCode: String?

    enum CodingKeys: String, CodingKey {
        case id, isBot = "is_bot", firstName = "first_name", lastName = "last_name", username, languageCode = "language_code"
    }

    var displayName: String? {
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}

public struct TelegramChat: Decodable, Sendable {
    public var id: Int64
    public var type: String?
}

public struct TelegramMessage: Decodable, Sendable {
    public struct Contact: Decodable, Sendable {
        public var phoneNumber: String
        public var firstName: String?
        public var userID: Int64?
        enum CodingKeys: String, CodingKey { case phoneNumber = "phone_number", firstName = "first_name", userID = "user_id" }
    }
    public struct Location: Decodable, Sendable {
        public var latitude: Double
        public var longitude: Double
    }
    /// Media the bot only needs to recognise.
    public struct Media: Decodable, Sendable {
        public var fileID: String?
        enum CodingKeys: String, CodingKey { case fileID = "file_id" }
    }
    public struct Entity: Decodable, Sendable {
        public var type: String
        public var offset: Int
        public var length: Int
    }

    public var messageID: Int64
    public var from: TelegramUser?
    public var chat: TelegramChat
    public var date: Int?
    public var text: String?
    public var caption: String?
    public var entities: [Entity]?
    public var contact: Contact?
    public var location: Location?
    public var photo: [Media]?
    public var voice: Media?
    public var audio: Media?
    public var video: Media?
    public var videoNote: Media?
    public var sticker: Media?
    public var document: Media?
    public var editDate: Int?
    /// The text of the message this one replies to (staff answering a relayed message).
    public var replyToText: String?

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id", from, chat, date, text, caption, entities, contact, location, photo, voice, audio
        case video, videoNote = "video_note", sticker, document, editDate = "edit_date", replyTo = "reply_to_message"
    }

    private struct Quoted: Decodable { var text: String? }

    /// The id and the chat are required; content that does not fit reads as absent (the
    /// customer then gets the "can't read that" reply rather than silence).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try c.decode(Int64.self, forKey: .messageID)
        chat = try c.decode(TelegramChat.self, forKey: .chat)
        from = c.lenient(TelegramUser.self, forKey: .from)
        date = c.lenient(Int.self, forKey: .date)
        text = c.lenient(String.self, forKey: .text)
        caption = c.lenient(String.self, forKey: .caption)
        entities = c.lossy([Entity].self, forKey: .entities)
        contact = c.lenient(Contact.self, forKey: .contact)
        location = c.lenient(Location.self, forKey: .location)
        photo = c.lossy([Media].self, forKey: .photo)
        voice = c.lenient(Media.self, forKey: .voice)
        audio = c.lenient(Media.self, forKey: .audio)
        replyToText = c.lenient(Quoted.self, forKey: .replyTo)?.text
        video = c.lenient(Media.self, forKey: .video)
        videoNote = c.lenient(Media.self, forKey: .videoNote)
        sticker = c.lenient(Media.self, forKey: .sticker)
        document = c.lenient(Media.self, forKey: .document)
        editDate = c.lenient(Int.self, forKey: .editDate)
    }
}

public struct TelegramCallbackQuery: Decodable, Sendable {
    public var id: String
    public var from: TelegramUser
    public var message: TelegramMessage?
    public var data: String?
}

public struct TelegramChatMemberUpdated: Decodable, Sendable {
    public struct Member: Decodable, Sendable { public var status: String }
    public var chat: TelegramChat
    public var from: TelegramUser
    public var newChatMember: Member

    enum CodingKeys: String, CodingKey { case chat, from, newChatMember = "new_chat_member" }
}

public struct TelegramBotInfo: Decodable, Sendable {
    public var id: Int64
    public var username: String?
    public var firstName: String?
    enum CodingKeys: String, CodingKey { case id, username, firstName = "first_name" }
}

public struct TelegramWebhookInfo: Decodable, Sendable {
    public var url: String
    public var pendingUpdateCount: Int?
    public var lastErrorDate: Int?
    public var lastErrorMessage: String?
    enum CodingKeys: String, CodingKey {
        case url, pendingUpdateCount = "pending_update_count", lastErrorDate = "last_error_date", lastErrorMessage = "last_error_message"
    }
}

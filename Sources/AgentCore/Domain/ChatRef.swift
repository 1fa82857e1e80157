/// The messaging channels the bot speaks on.
public enum Channel: String, Sendable, Codable, CaseIterable, Hashable {
    case telegram
    case whatsapp

    /// How the channel is written in the spreadsheet's Canal column.
    public var sheetLabel: String {
        switch self {
        case .telegram: "Telegram"
        case .whatsapp: "WhatsApp"
        }
    }

    public init?(sheetLabel: String) {
        switch Text.fold(sheetLabel) {
        case "telegram": self = .telegram
        case "whatsapp": self = .whatsapp
        default: return nil
        }
    }
}

/// One conversation: a chat on a channel (a Telegram chat id or a WhatsApp wa_id).
public struct ChatRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var channel: Channel
    public var chatID: String

    public init(_ channel: Channel, _ chatID: String) {
        self.channel = channel
        self.chatID = chatID
    }

    public var description: String { "\(channel.rawValue):\(chatID)" }

    /// The chat id with all but its last four characters hidden, for logs and staff notes.
    public var masked: String { "\(channel.rawValue):\(Text.maskTail(chatID))" }
}

/// Who is writing: a customer, or someone in the configured staff lists.
public enum Role: String, Sendable, Codable {
    case customer
    case staff
}

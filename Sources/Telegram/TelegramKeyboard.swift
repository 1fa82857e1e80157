/// The buttons under a message: an inline keyboard (callback buttons), or a one-time reply
/// keyboard with a single "share my number" button.
public enum TelegramKeyboard: Encodable, Sendable, Equatable {
    public struct Button: Encodable, Sendable, Equatable {
        public var text: String
        public var callbackData: String
        enum CodingKeys: String, CodingKey { case text, callbackData = "callback_data" }
    }

    case inline([[Button]])
    case sharePhone(title: String)

    enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard", keyboard, resizeKeyboard = "resize_keyboard", oneTimeKeyboard = "one_time_keyboard"
    }

    private struct ContactButton: Encodable {
        var text: String
        var requestContact = true
        enum CodingKeys: String, CodingKey { case text, requestContact = "request_contact" }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .inline(let rows):
            try container.encode(rows, forKey: .inlineKeyboard)
        case .sharePhone(let title):
            try container.encode([[ContactButton(text: title)]], forKey: .keyboard)
            try container.encode(true, forKey: .resizeKeyboard)
            try container.encode(true, forKey: .oneTimeKeyboard)
        }
    }
}

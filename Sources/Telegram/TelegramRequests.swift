/// The Bot API calls the bot makes, as the JSON bodies Telegram reads.
enum TelegramRequest {
    struct None: Encodable, Sendable {}

    struct GetUpdates: Encodable, Sendable {
        var offset: Int64?
        var timeout: Int
        var allowedUpdates: [String]
        enum CodingKeys: String, CodingKey { case offset, timeout, allowedUpdates = "allowed_updates" }
    }

    /// Plain text: no parse mode, so nothing needs escaping.
    struct SendMessage: Encodable, Sendable {
        struct LinkPreview: Encodable, Sendable { var isDisabled = true; enum CodingKeys: String, CodingKey { case isDisabled = "is_disabled" } }
        var chatID: Int64
        var text: String
        var linkPreviewOptions = LinkPreview()
        var replyMarkup: TelegramKeyboard?
        enum CodingKeys: String, CodingKey {
            case chatID = "chat_id", text, linkPreviewOptions = "link_preview_options", replyMarkup = "reply_markup"
        }
    }

    struct AnswerCallbackQuery: Encodable, Sendable {
        var callbackQueryID: String
        var text: String?
        enum CodingKeys: String, CodingKey { case callbackQueryID = "callback_query_id", text }
    }

    /// editMessageReplyMarkup without a markup: the buttons go.
    struct RemoveButtons: Encodable, Sendable {
        var chatID: Int64
        var messageID: Int64
        enum CodingKeys: String, CodingKey { case chatID = "chat_id", messageID = "message_id" }
    }

    struct GetFile: Encodable, Sendable {
        var fileID: String
        enum CodingKeys: String, CodingKey { case fileID = "file_id" }
    }

    struct SetWebhook: Encodable, Sendable {
        var url: String
        var secretToken: String
        var allowedUpdates: [String]
        enum CodingKeys: String, CodingKey { case url, secretToken = "secret_token", allowedUpdates = "allowed_updates" }
    }

    struct DeleteWebhook: Encodable, Sendable {
        var dropPendingUpdates = false
        enum CodingKeys: String, CodingKey { case dropPendingUpdates = "drop_pending_updates" }
    }
}

import Foundation

/// sendMessage, editMessageText and editMessageReplyMarkup, with Telegram's validation.
extension TelegramState {
    static let maxTextLength = 4096

    /// The text (+ explicit `entities`) as Telegram reads it, or the 400 it gives.
    func parseText(_ p: TelegramParameters) -> Result<TelegramParsedText, TelegramAnswerError> {
        guard let raw = p.string("text"), !raw.isEmpty else {
            return .failure(TelegramAnswerError(.badRequest("message text is empty")))
        }
        if let mode = p.string("parse_mode"), !mode.isEmpty {
            return .failure(TelegramAnswerError(.badRequest("parse_mode \(mode) is not emulated: the bot sends plain text")))
        }
        let parsed = TelegramParsedText(plain: raw, entities: p["entities"]?.decodedStructure?.arrayValue ?? [])
        guard !parsed.text.isEmpty else { return .failure(TelegramAnswerError(.badRequest("message text is empty"))) }
        guard parsed.utf16Length <= Self.maxTextLength else {
            return .failure(TelegramAnswerError(.badRequest("message is too long")))
        }
        return .success(parsed)
    }

    /// `reply_markup` (an object, or JSON text): nil when absent; 400 when malformed.
    func parseReplyMarkup(_ p: TelegramParameters) -> Result<JSON?, TelegramAnswerError> {
        guard let raw = p["reply_markup"], raw != .null else { return .success(nil) }
        if case .string(let s) = raw, s.isEmpty { return .success(nil) }
        guard let markup = raw.decodedStructure, markup.objectPairs != nil else {
            return .failure(TelegramAnswerError(.badRequest("can't parse reply keyboard markup JSON object")))
        }
        if let problem = Self.validateMarkup(markup) { return .failure(TelegramAnswerError(.badRequest(problem))) }
        return .success(markup)
    }

    static func validateMarkup(_ markup: JSON) -> String? {
        if let inline = markup["inline_keyboard"] {
            guard let rows = inline.arrayValue else {
                return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array"
            }
            for row in rows {
                guard let buttons = row.arrayValue else {
                    return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays"
                }
                for button in buttons {
                    guard button.objectPairs != nil else {
                        return "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                    }
                    guard button["text"]?.stringValue != nil else {
                        return "can't parse inline keyboard button: Field \"text\" must be of type String"
                    }
                    let actions = [
                        "callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
                        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
                    ]
                    guard actions.contains(where: { button[$0] != nil }) else {
                        return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                    }
                    if let data = button["callback_data"] {
                        guard let text = data.textValue, (1...64).contains(text.utf8.count) else { return "BUTTON_DATA_INVALID" }
                    }
                    if let url = button["url"] {
                        guard let text = url.stringValue, TelegramParsedText.isAcceptableURL(text) else {
                            return "BUTTON_URL_INVALID"
                        }
                    }
                }
            }
        } else if let keyboard = markup["keyboard"] {
            guard let rows = keyboard.arrayValue else { return "field \"keyboard\" of the ReplyKeyboardMarkup must be an Array" }
            for row in rows {
                guard let buttons = row.arrayValue else {
                    return "field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays"
                }
                for button in buttons {
                    if button.stringValue != nil { continue }
                    guard button.objectPairs != nil, button["text"]?.stringValue != nil else {
                        return "can't parse keyboard button: Field \"text\" must be of type String"
                    }
                }
            }
            if let placeholder = markup["input_field_placeholder"]?.stringValue, placeholder.count > 64 {
                return "can't parse reply keyboard markup JSON object: input field placeholder is too long"
            }
        }
        return nil
    }

    /// The keyboard a Message reports: only a non-empty inline keyboard is part of the message.
    static func messageMarkup(_ markup: JSON?) -> JSON? {
        guard let markup, let rows = markup["inline_keyboard"]?.arrayValue, !rows.isEmpty else { return nil }
        return .object([("inline_keyboard", markup["inline_keyboard"]!)])
    }

    /// The message `reply_parameters` (or the older `reply_to_message_id`) points at.
    func replyTarget(_ p: TelegramParameters, chatID: Int64) -> Result<JSON?, TelegramAnswerError> {
        var messageID: Int64?
        var allowWithout = p.bool("allow_sending_without_reply")
        if let reply = p["reply_parameters"]?.decodedStructure {
            messageID = reply["message_id"]?.int64Value
            if let allow = reply["allow_sending_without_reply"] { allowWithout = allow.truthy }
            if messageID == nil { return .failure(TelegramAnswerError(.badRequest("message to be replied not found"))) }
        } else if let id = p.int64("reply_to_message_id") {
            messageID = id
        }
        guard let messageID else { return .success(nil) }
        if let target = message(messageID, in: chatID) {
            return .success(target.json.setting("reply_to_message", nil))
        }
        return allowWithout ? .success(nil) : .failure(TelegramAnswerError(.badRequest("message to be replied not found")))
    }

    mutating func sendMessage(_ p: TelegramParameters) throws(TelegramAnswerError) -> TelegramAnswer {
        guard p.has("chat_id"), let chatText = p.string("chat_id"), !chatText.isEmpty else {
            return .badRequest("chat_id is empty")
        }
        let parsed = try parseText(p).get()
        let markup = try parseReplyMarkup(p).get()
        let chatID = try resolveChat(p).get()
        let replyTo = try replyTarget(p, chatID: chatID).get()
        if let limited = admitSend(to: chatID) { return limited }

        let messageID = newMessageID()
        let date = Self.now
        let json = JSON.obj([
            ("message_id", .int(messageID)), ("from", bot.userJSON), ("chat", chatJSON(chatID)), ("date", .int(Int64(date))),
            ("reply_to_message", replyTo), ("text", .string(parsed.text)),
            ("entities", parsed.entities.isEmpty ? nil : .array(parsed.entities)),
            ("reply_markup", Self.messageMarkup(markup)),
        ])
        store(TelegramStoredMessage(id: messageID, chatID: chatID, fromBot: true, json: json))
        sentMessages.append(
            TelegramEmulator.SentMessage(
                messageID: messageID, chatID: chatID, text: p.string("text") ?? "", replyMarkupJSON: markup?.compact, date: date))
        return .ok(json)
    }

    /// The bot's message an edit names, or the 400 Telegram gives.
    func editTarget(_ p: TelegramParameters) -> Result<TelegramStoredMessage, TelegramAnswerError> {
        if p.has("inline_message_id") { return .failure(TelegramAnswerError(.badRequest("MESSAGE_ID_INVALID"))) }
        let chatID: Int64
        switch resolveChat(p) {
        case .failure(let error): return .failure(error)
        case .success(let id): chatID = id
        }
        guard let messageID = p.int64("message_id") else {
            return .failure(TelegramAnswerError(.badRequest("message identifier is not specified")))
        }
        guard let target = message(messageID, in: chatID) else {
            return .failure(TelegramAnswerError(.badRequest("message to edit not found")))
        }
        guard target.fromBot else { return .failure(TelegramAnswerError(.badRequest("message can't be edited"))) }
        return .success(target)
    }

    static let notModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

    mutating func editMessageText(_ p: TelegramParameters) throws(TelegramAnswerError) -> TelegramAnswer {
        let target = try editTarget(p).get()
        let parsed = try parseText(p).get()
        let markup = try parseReplyMarkup(p).get()
        let entities: JSON? = parsed.entities.isEmpty ? nil : .array(parsed.entities)
        let newMarkup = Self.messageMarkup(markup)
        if target.json["text"]?.stringValue == parsed.text, target.json["entities"] == entities,
            target.json["reply_markup"] == newMarkup
        {
            return .badRequest(Self.notModified)
        }
        let json = target.json.setting("text", .string(parsed.text)).setting("entities", entities)
            .setting("reply_markup", newMarkup).setting("edit_date", .int(Int64(Self.now)))
        store(TelegramStoredMessage(id: target.id, chatID: target.chatID, fromBot: true, json: json))
        return .ok(json)
    }

    mutating func editMessageReplyMarkup(_ p: TelegramParameters) throws(TelegramAnswerError) -> TelegramAnswer {
        let target = try editTarget(p).get()
        let markup = try parseReplyMarkup(p).get()
        if let markup, markup["inline_keyboard"] == nil {
            return .badRequest("can't parse reply keyboard markup JSON object: only inline keyboards can be edited")
        }
        let newMarkup = Self.messageMarkup(markup)
        if target.json["reply_markup"] == newMarkup { return .badRequest(Self.notModified) }
        let json = target.json.setting("reply_markup", newMarkup).setting("edit_date", .int(Int64(Self.now)))
        store(TelegramStoredMessage(id: target.id, chatID: target.chatID, fromBot: true, json: json))
        return .ok(json)
    }
}

import Foundation

/// What users do: each call creates one update (queued for getUpdates, or POSTed to the webhook)
/// in the shape Telegram sends, and returns its update_id.
extension TelegramEmulator {
    @discardableResult
    public func sendText(_ text: String, from user: User) -> Int64 {
        userMessage(from: user, [("text", .string(text))])
    }

    /// A text sent as a reply to the bot's message `messageID` (Telegram quotes it in
    /// `reply_to_message`, as the user's app does when they swipe to reply).
    @discardableResult
    public func replyText(_ text: String, to messageID: Int64, from user: User) -> Int64 {
        let quoted = state.withLock { $0.message(messageID, in: user.id)?.json.setting("reply_to_message", nil) }
        return userMessage(from: user, [("text", .string(text))] + (quoted.map { [("reply_to_message", $0)] } ?? []))
    }

    /// `/start`, `/ayuda arg`, `/start@bot`: a text with a `bot_command` entity over the command word.
    @discardableResult
    public func sendCommand(_ command: String, from user: User) -> Int64 {
        let word = command.prefix(while: { !$0.isWhitespace })
        let entity = TelegramParsedText.entity("bot_command", offset: 0, length: word.utf16.count)
        return userMessage(from: user, [("text", .string(command)), ("entities", .array([entity]))])
    }

    /// An inline-button press on the bot's message `messageID` (a fresh callback query id each time).
    /// The update carries the bot's message with its current keyboard; a message the emulator does
    /// not know comes as an inaccessible message (`date: 0`).
    @discardableResult
    public func pressButton(data: String, onMessage messageID: Int64, from user: User) -> Int64 {
        let (id, wake) = state.withLock { s -> (Int64, TelegramPollWaiter?) in
            s.chats[user.id] = user
            let queryID = String(3_012_345_678_901_234_567 + s.serial())
            s.openCallbackQueries.insert(queryID)
            let message =
                s.message(messageID, in: user.id)?.json
                ?? .object([("chat", TelegramState.chatJSON(user)), ("message_id", .int(messageID)), ("date", .int(0))])
            let payload = JSON.object([
                ("id", .string(queryID)), ("from", TelegramState.userJSON(user)), ("message", message),
                ("chat_instance", .string(Self.chatInstance(user.id))), ("data", .string(data)),
            ])
            return s.enqueue(type: "callback_query", payload: payload)
        }
        wakePoller(wake)
        return id
    }

    /// A contact shared from the `request_contact` button (`own`), or someone else's contact card.
    @discardableResult
    public func shareContact(phone: String, from user: User, own: Bool = true) -> Int64 {
        let contact: JSON =
            own
            ? .obj([
                ("phone_number", .string(phone)), ("first_name", .string(user.firstName)), ("last_name", .str(user.lastName)),
                ("user_id", .int(user.id)),
            ])
            : .object([
                ("phone_number", .string(phone)), ("first_name", .string("Contacto")), ("user_id", .int(user.id + 1_000_003)),
            ])
        return userMessage(from: user, [("contact", contact)])
    }

    @discardableResult
    public func sendLocation(latitude: Double, longitude: Double, from user: User) -> Int64 {
        userMessage(from: user, [("location", .object([("latitude", .double(latitude)), ("longitude", .double(longitude))]))])
    }

    /// A photo in three sizes, largest last.
    @discardableResult
    public func sendPhoto(from user: User, caption: String? = nil) -> Int64 {
        let n = state.withLock { $0.serial() }
        let sizes: [(String, Int, Int, Int)] = [
            ("Small", 90, 67, 1432), ("Medium", 320, 240, 21012), ("Large", 1280, 960, 98321),
        ]
        let photo = JSON.array(
            sizes.enumerated().map { index, size in
                .object([
                    ("file_id", .string("AgACAgEAAxkBAAIBaWEmu\(n)Photo\(size.0)")),
                    ("file_unique_id", .string("AQADEmu\(n)x\(index + 1)")),
                    ("file_size", .int(Int64(size.3))), ("width", .int(Int64(size.1))), ("height", .int(Int64(size.2))),
                ])
            })
        var fields: [(String, JSON)] = [("photo", photo)]
        if let caption { fields.append(("caption", .string(caption))) }
        return userMessage(from: user, fields)
    }

    @discardableResult
    public func sendVoice(from user: User, duration: Int = 4) -> Int64 {
        let n = state.withLock { $0.serial() }
        let voice = JSON.object([
            ("file_id", .string("AwACAgEAAxkBAAIBanEmu\(n)Voice")), ("file_unique_id", .string("AgADEmu\(n)V")),
            ("duration", .int(Int64(duration))), ("mime_type", .string("audio/ogg")),
            ("file_size", .int(Int64(3800 * max(duration, 1)))),
        ])
        return userMessage(from: user, [("voice", voice)])
    }

    @discardableResult
    public func sendSticker(from user: User) -> Int64 {
        let n = state.withLock { $0.serial() }
        let sticker = JSON.object([
            ("width", .int(512)), ("height", .int(512)), ("emoji", .string("👍")), ("set_name", .string("EmuladorStickers")),
            ("is_animated", .bool(false)), ("is_video", .bool(false)), ("type", .string("regular")),
            ("file_id", .string("CAACAgEAAxkBAAIBbEmu\(n)Sticker")), ("file_unique_id", .string("AgADEmu\(n)S")),
            ("file_size", .int(23456)),
        ])
        return userMessage(from: user, [("sticker", sticker)])
    }

    @discardableResult
    public func sendDocument(from user: User) -> Int64 {
        let n = state.withLock { $0.serial() }
        let document = JSON.object([
            ("file_name", .string("comprobante.pdf")), ("mime_type", .string("application/pdf")),
            ("file_id", .string("BQACAgEAAxkBAAIBbUmu\(n)Document")), ("file_unique_id", .string("AgADEmu\(n)D")),
            ("file_size", .int(48213)),
        ])
        return userMessage(from: user, [("document", document)])
    }

    /// The user edits their last message: an `edited_message` with the same message_id and date,
    /// an `edit_date`, and the new text (or caption, for a captioned message).
    @discardableResult
    public func editLastMessage(of user: User, newText: String) -> Int64 {
        let (id, wake) = state.withLock { s -> (Int64, TelegramPollWaiter?) in
            s.chats[user.id] = user
            let now = TelegramState.now
            var json: JSON
            if let lastID = s.lastUserMessage[user.id], let stored = s.message(lastID, in: user.id) {
                json = stored.json
                json = json["caption"] != nil ? json.setting("caption", .string(newText)) : json.setting("text", .string(newText))
                json = json.setting("entities", nil).setting("edit_date", .int(Int64(now)))
            } else {
                json = .object([
                    ("message_id", .int(s.newMessageID())), ("from", TelegramState.userJSON(user)),
                    ("chat", TelegramState.chatJSON(user)),
                    ("date", .int(Int64(now))), ("edit_date", .int(Int64(now))), ("text", .string(newText)),
                ])
            }
            if let messageID = json["message_id"]?.int64Value {
                s.store(
                    TelegramStoredMessage(id: messageID, chatID: user.id, fromBot: false, json: json.setting("edit_date", nil)))
            }
            return s.enqueue(type: "edited_message", payload: json)
        }
        wakePoller(wake)
        return id
    }

    /// The user blocks the bot: a `my_chat_member` update (member → kicked); from then on sends to
    /// this chat answer 403 `Forbidden: bot was blocked by the user`.
    @discardableResult
    public func blockBot(by user: User) -> Int64 {
        chatMemberChange(user, blocked: true)
    }

    /// The user unblocks (restarts) the bot: `my_chat_member` kicked → member; sends work again.
    @discardableResult
    public func unblockBot(by user: User) -> Int64 {
        chatMemberChange(user, blocked: false)
    }

    /// Any other update; the update_id is added. Chats and callback queries found in it become known.
    @discardableResult
    public func enqueueRaw(_ updateWithoutID: [String: any Sendable]) -> Int64 {
        let fields = updateWithoutID.filter { $0.key != "update_id" }
        let known = ["message", "edited_message", "callback_query", "my_chat_member", "chat_member", "channel_post"]
        let type = known.first(where: { fields[$0] != nil }) ?? fields.keys.sorted().first ?? "unknown"
        let payload = JSON.from(any: fields[type] as Any?)
        let (id, wake) = state.withLock { s -> (Int64, TelegramPollWaiter?) in
            for candidate in [payload, payload["message"] ?? .null] {
                if let chat = candidate["chat"], let chatID = chat["id"]?.int64Value, chat["type"]?.stringValue == "private",
                    s.chats[chatID] == nil
                {
                    s.chats[chatID] = User(
                        id: chatID, firstName: chat["first_name"]?.stringValue ?? "", lastName: chat["last_name"]?.stringValue,
                        username: chat["username"]?.stringValue, languageCode: nil)
                }
            }
            if let from = payload["from"], let userID = from["id"]?.int64Value, s.chats[userID] == nil,
                from["is_bot"]?.boolValue != true
            {
                s.chats[userID] = User(
                    id: userID, firstName: from["first_name"]?.stringValue ?? "", lastName: from["last_name"]?.stringValue,
                    username: from["username"]?.stringValue, languageCode: from["language_code"]?.stringValue)
            }
            if type == "callback_query", let queryID = payload["id"]?.textValue { s.openCallbackQueries.insert(queryID) }
            if type == "message", let messageID = payload["message_id"]?.int64Value,
                let chatID = payload["chat"]?["id"]?.int64Value
            {
                s.store(TelegramStoredMessage(id: messageID, chatID: chatID, fromBot: false, json: payload))
            }
            return s.enqueue(type: type, payload: payload)
        }
        wakePoller(wake)
        return id
    }

    /// Queues update `updateID` again with the same update_id, as Telegram does when the bot's
    /// confirmation was lost. It is handed out by the next getUpdates even if that call's offset
    /// is above it (or POSTed again to the webhook); the offset after that confirms it.
    public func redeliver(_ updateID: Int64) {
        let wake = state.withLock { $0.redeliver(updateID) }
        wakePoller(wake)
    }

    // MARK: Helpers

    func userMessage(from user: User, _ fields: [(String, JSON)]) -> Int64 {
        let (id, wake) = state.withLock { s -> (Int64, TelegramPollWaiter?) in
            s.chats[user.id] = user
            let messageID = s.newMessageID()
            let json = JSON.object(
                [
                    ("message_id", .int(messageID)), ("from", TelegramState.userJSON(user)),
                    ("chat", TelegramState.chatJSON(user)),
                    ("date", .int(Int64(TelegramState.now))),
                ] + fields)
            s.store(TelegramStoredMessage(id: messageID, chatID: user.id, fromBot: false, json: json))
            return s.enqueue(type: "message", payload: json)
        }
        wakePoller(wake)
        return id
    }

    private func chatMemberChange(_ user: User, blocked: Bool) -> Int64 {
        let (id, wake) = state.withLock { s -> (Int64, TelegramPollWaiter?) in
            s.chats[user.id] = user
            if blocked { s.blocked.insert(user.id) } else { s.blocked.remove(user.id) }
            let member = JSON.object([("user", s.bot.userJSON), ("status", .string("member"))])
            let kicked = JSON.object([("user", s.bot.userJSON), ("status", .string("kicked")), ("until_date", .int(0))])
            let payload = JSON.object([
                ("chat", TelegramState.chatJSON(user)), ("from", TelegramState.userJSON(user)),
                ("date", .int(Int64(TelegramState.now))),
                ("old_chat_member", blocked ? member : kicked), ("new_chat_member", blocked ? kicked : member),
            ])
            return s.enqueue(type: "my_chat_member", payload: payload)
        }
        wakePoller(wake)
        return id
    }

    func wakePoller(_ waiter: TelegramPollWaiter?, _ reason: TelegramPollWake = .ready) {
        waiter?.continuation.resume(returning: reason)
    }

    static func chatInstance(_ chatID: Int64) -> String {
        "-" + String(5_123_456_789_012_345_678 &+ (chatID % 1_000_000_000_000))
    }
}

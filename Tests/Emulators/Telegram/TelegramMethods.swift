import Foundation

/// Routing `/bot<token>/<method>` and the small methods.
extension TelegramEmulator {
    /// The methods answered, by lower-cased name (Bot API method names are case-insensitive).
    static let methodNames: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo", "sendMessage", "editMessageText",
            "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery", "sendChatAction", "setMyCommands",
            "getMyCommands", "deleteMyCommands", "getFile",
        ].map { ($0.lowercased(), $0) })

    /// Answers one HTTP request and records it.
    func handle(path rawPath: String, query: String?, contentType: String?, body: [UInt8]) async -> TelegramAnswer {
        let receivedAt = Date().timeIntervalSince1970
        let parameters = TelegramParameters(query: query, contentType: contentType, body: body)
        let path = rawPath.removingPercentEncoding ?? rawPath

        var recordedName = path
        let answer: TelegramAnswer
        if path.hasPrefix("/bot"), let slash = path.dropFirst(4).firstIndex(of: "/") {
            let token = path[path.index(path.startIndex, offsetBy: 4)..<slash]
            let method = String(path[path.index(after: slash)...])
            recordedName = Self.methodNames[method.lowercased()] ?? method
            if token != self.token {
                answer = .unauthorized
            } else if let fault = state.withLock({ $0.takeFault(for: method) }) {
                answer = fault
            } else {
                answer = await call(method.lowercased(), parameters)
            }
        } else if path.hasPrefix("/file/bot"), let slash = path.dropFirst(9).firstIndex(of: "/") {
            // Downloads: https://api.telegram.org/file/bot<token>/<file_path>
            let token = path[path.index(path.startIndex, offsetBy: 9)..<slash]
            let filePath = String(path[path.index(after: slash)...])
            recordedName = "file"
            answer = token != self.token ? .notFound : Self.download(filePath)
        } else {
            answer = .notFound
        }

        let record = RecordedRequest(
            method: recordedName, status: answer.status, parameters: parameters.json.compact, at: receivedAt)
        state.withLock { $0.requests.append(record) }
        return answer
    }

    /// getFile: voice notes the emulated users sent can be downloaded (a few bytes of fake Ogg/Opus).
    static func getFile(_ fileID: String?) -> TelegramAnswer {
        guard let fileID, fileID.hasSuffix("Voice") else { return .badRequest("invalid file_id") }
        return .ok(.obj([("file_id", .string(fileID)), ("file_unique_id", .string("AgAD" + fileID.suffix(8))),
                         ("file_size", .int(Int64(voiceBytes(fileID).count))), ("file_path", .string("voice/\(fileID).oga"))]))
    }

    static func download(_ filePath: String) -> TelegramAnswer {
        guard filePath.hasPrefix("voice/"), filePath.hasSuffix(".oga") else { return .notFound }
        let fileID = String(filePath.dropFirst(6).dropLast(4))
        var answer = TelegramAnswer(status: 200, body: .null)
        answer.raw = (voiceBytes(fileID), "audio/ogg")
        return answer
    }

    static func voiceBytes(_ fileID: String) -> [UInt8] {
        Array("OggS".utf8) + [0, 2] + Array(fileID.utf8)
    }

    private func call(_ method: String, _ p: TelegramParameters) async -> TelegramAnswer {
        switch method {
        case "getme": return .ok(state.withLock { $0.bot.getMeJSON })
        case "getfile": return Self.getFile(p.string("file_id"))
        case "getupdates": return await getUpdates(p)
        case "setwebhook": return setWebhook(p)
        case "deletewebhook": return deleteWebhook(p)
        case "getwebhookinfo": return getWebhookInfo()
        case "sendmessage": return state.withLock { s in TelegramAnswerError.answer { () throws(TelegramAnswerError) in try s.sendMessage(p) } }
        case "editmessagetext": return state.withLock { s in TelegramAnswerError.answer { () throws(TelegramAnswerError) in try s.editMessageText(p) } }
        case "editmessagereplymarkup": return state.withLock { s in TelegramAnswerError.answer { () throws(TelegramAnswerError) in try s.editMessageReplyMarkup(p) } }
        case "deletemessage": return state.withLock { $0.deleteMessage(p) }
        case "answercallbackquery": return state.withLock { $0.answerCallbackQuery(p) }
        case "sendchataction": return state.withLock { $0.sendChatAction(p) }
        case "setmycommands":
            guard let commands = p["commands"]?.decodedStructure, commands.arrayValue != nil else {
                return .badRequest("parameter \"commands\" is required")
            }
            state.withLock { $0.commands = commands }
            return .ok(.bool(true))
        case "getmycommands": return .ok(state.withLock { $0.commands })
        case "deletemycommands":
            state.withLock { $0.commands = .array([]) }
            return .ok(.bool(true))
        default: return .notFound
        }
    }
}

extension TelegramState {
    /// The private chat `chat_id` names: 400 when missing or unknown, 403 when the user blocked the bot.
    func resolveChat(_ p: TelegramParameters) -> Result<Int64, TelegramAnswerError> {
        guard p.has("chat_id"), let text = p.string("chat_id"), !text.isEmpty else {
            return .failure(TelegramAnswerError(.badRequest("chat_id is empty")))
        }
        guard let id = Int64(text), chats[id] != nil else { return .failure(TelegramAnswerError(.chatNotFound)) }
        if blocked.contains(id) { return .failure(TelegramAnswerError(.blocked)) }
        return .success(id)
    }

    mutating func answerCallbackQuery(_ p: TelegramParameters) -> TelegramAnswer {
        guard let id = p.string("callback_query_id"), openCallbackQueries.contains(id) else {
            return .badRequest("query is too old and response timeout expired or query ID is invalid")
        }
        if let text = p.string("text"), text.count > 200 { return .badRequest("MESSAGE_TOO_LONG") }
        openCallbackQueries.remove(id)
        answeredCallbackQueries.append(id)
        return .ok(.bool(true))
    }

    static let chatActions: Set<String> = [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ]

    func sendChatAction(_ p: TelegramParameters) -> TelegramAnswer {
        guard let action = p.string("action"), !action.isEmpty else { return .badRequest("parameter \"action\" is required") }
        guard Self.chatActions.contains(action) else { return .badRequest("wrong parameter action in request") }
        switch resolveChat(p) {
        case .failure(let error): return error.answer
        case .success: return .ok(.bool(true))
        }
    }

    mutating func deleteMessage(_ p: TelegramParameters) -> TelegramAnswer {
        let chatID: Int64
        switch resolveChat(p) {
        case .failure(let error): return error.answer
        case .success(let id): chatID = id
        }
        guard let messageID = p.int64("message_id"), messages[chatID]?[messageID] != nil else {
            return .badRequest("message to delete not found")
        }
        messages[chatID]?[messageID] = nil
        return .ok(.bool(true))
    }
}

/// A failed answer carried through `Result`.
struct TelegramAnswerError: Error, Sendable {
    var answer: TelegramAnswer
    init(_ answer: TelegramAnswer) { self.answer = answer }

    /// What a method answers, or the error answer of the first of its checks that failed.
    static func answer(_ method: () throws(TelegramAnswerError) -> TelegramAnswer) -> TelegramAnswer {
        do { return try method() } catch { return error.answer }
    }
}

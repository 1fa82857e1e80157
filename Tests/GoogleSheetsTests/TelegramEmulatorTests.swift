import AsyncHTTPClient
import Emulators
import Fixtures
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// The Telegram Bot API emulator, spoken to over HTTP as the bot would.
@Suite struct TelegramEmulatorTests {
    static let maria = TelegramEmulator.User(id: 7_000_000_101, firstName: "María", lastName: "López", username: "maria_prueba")
    static let juan = TelegramEmulator.User(id: 7_000_000_202, firstName: "Juan")

    struct Reply: @unchecked Sendable {
        var status: Int
        var body: [String: Any]

        var ok: Bool { body["ok"] as? Bool ?? false }
        var description: String? { body["description"] as? String }
        var result: Any? { body["result"] }
        var resultObject: [String: Any] { body["result"] as? [String: Any] ?? [:] }
        var updates: [[String: Any]] { body["result"] as? [[String: Any]] ?? [] }
        var updateIDs: [Int64] { updates.compactMap { int($0["update_id"]) } }
    }

    static func int(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

    /// POSTs a JSON body (or a form, or nothing) to `/bot<token>/<method>`.
    static func call(
        _ emulator: TelegramEmulator, _ method: String, _ parameters: [String: Any]? = nil, form: String? = nil,
        query: String? = nil, token: String? = nil, timeout: Int64 = 15
    ) async throws -> Reply {
        var url = emulator.baseURL + "/bot\(token ?? emulator.token)/\(method)"
        if let query { url += "?" + query }
        let result = try await HTTP.send(
            "POST", url, contentType: parameters != nil ? "application/json" : form != nil ? "application/x-www-form-urlencoded" : nil,
            bytes: try parameters.map(HTTP.json) ?? form.map { Array($0.utf8) }, timeout: .seconds(timeout))
        return Reply(status: result.status, body: try result.object())
    }

    static func started() async throws -> TelegramEmulator {
        let emulator = TelegramEmulator()
        try await emulator.start()
        return emulator
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        try Fixtures.object(name)
    }

    // MARK: - Routing and getMe

    @Test func getMeAnswersTheBotAndBadTokensAndMethodsGetTheRealErrors() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        let me = try await Self.call(emulator, "getMe")
        #expect(me.status == 200 && me.ok)
        #expect(Self.int(me.resultObject["id"]) == 7_000_000_001)
        #expect(me.resultObject["is_bot"] as? Bool == true)
        #expect(me.resultObject["username"] as? String == "red_soluciones_bot")
        #expect(me.resultObject["first_name"] as? String == "Red Soluciones")
        // The same keys as the fixture.
        let fixtureKeys = Set((try Self.fixture("telegram_getme_ok.json")["result"] as! [String: Any]).keys)
        #expect(Set(me.resultObject.keys) == fixtureKeys)

        // Method names are case-insensitive; GET with no body works.
        let upper = try await Self.call(emulator, "GETME")
        #expect(upper.status == 200 && upper.ok)

        let wrongToken = try await Self.call(emulator, "getMe", token: "123:wrong")
        #expect(wrongToken.status == 401)
        #expect(HTTP.sameJSON(wrongToken.body, try Self.fixture("telegram_error_401.json")))

        let unknown = try await Self.call(emulator, "sendTelepathy")
        #expect(unknown.status == 404 && unknown.description == "Not Found")
        #expect(Self.int(unknown.body["error_code"]) == 404)

        let recorded = emulator.requests.map(\.method)
        #expect(recorded == ["getMe", "getMe", "getMe", "sendTelepathy"])
        #expect(emulator.requests.map(\.status) == [200, 200, 401, 404])
    }

    @Test func restartKeepsThePortAndTheQueue() async throws {
        let emulator = try await Self.started()
        let port = emulator.port
        #expect(port > 0 && emulator.baseURL == "http://127.0.0.1:\(port)")
        let id = emulator.sendText("hola", from: Self.maria)
        await emulator.stop()
        try await emulator.start()
        #expect(emulator.port == port)
        let updates = try await Self.call(emulator, "getUpdates")
        #expect(updates.updateIDs == [id])
        await emulator.stop()
    }

    // MARK: - getUpdates

    @Test func aLongPollReturnsAsSoonAsAnUpdateArrivesAndEmptyAfterTheTimeout() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        let clock = ContinuousClock()
        let start = clock.now
        async let poll = Self.call(emulator, "getUpdates", ["timeout": 10])
        try await Task.sleep(for: .milliseconds(300))
        let id = emulator.sendText("hola, no tengo internet desde ayer", from: Self.maria)
        let reply = try await poll
        let elapsed = clock.now - start
        // Well before the 10 s the poll would hold (not a speed figure: a loaded CI took 3.4 s).
        #expect(elapsed < .seconds(8))
        #expect(reply.status == 200 && reply.updateIDs == [id])

        // The real message shape.
        let message = reply.updates[0]["message"] as? [String: Any] ?? [:]
        #expect(message["text"] as? String == "hola, no tengo internet desde ayer")
        let from = message["from"] as? [String: Any] ?? [:]
        #expect(Self.int(from["id"]) == Self.maria.id && from["is_bot"] as? Bool == false)
        #expect(from["language_code"] as? String == "es" && from["last_name"] as? String == "López")
        let chat = message["chat"] as? [String: Any] ?? [:]
        #expect(Self.int(chat["id"]) == Self.maria.id && chat["type"] as? String == "private")
        #expect(Self.int(message["message_id"]) != nil && Self.int(message["date"]) != nil)

        // Nothing more: the poll is held for the timeout and comes back empty.
        let quietStart = clock.now
        let quiet = try await Self.call(emulator, "getUpdates", ["offset": id + 1, "timeout": 1])
        let quietElapsed = clock.now - quietStart
        #expect(quiet.status == 200 && quiet.ok && quiet.updates.isEmpty)
        #expect(quietElapsed >= .milliseconds(900) && quietElapsed < .seconds(9))
        #expect(emulator.confirmedUpdateID == id)
    }

    @Test func offsetConfirmsAndUnconfirmedUpdatesComeBack() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        let first = emulator.sendCommand("/start", from: Self.maria)
        let second = emulator.sendText("hola", from: Self.juan)
        let third = emulator.shareContact(phone: "525512345678", from: Self.maria)
        #expect(second == first + 1 && third == second + 1)

        // Without an offset nothing is confirmed: the same updates again.
        let once = try await Self.call(emulator, "getUpdates")
        let twice = try await Self.call(emulator, "getUpdates")
        #expect(once.updateIDs == [first, second, third] && twice.updateIDs == [first, second, third])
        #expect(emulator.pendingUpdates == 3 && emulator.confirmedUpdateID == 0)

        // The command carries a bot_command entity.
        let command = once.updates[0]["message"] as? [String: Any] ?? [:]
        let entity = (command["entities"] as? [[String: Any]])?.first ?? [:]
        #expect(entity["type"] as? String == "bot_command" && Self.int(entity["length"]) == 6)
        // The contact is the user's own.
        let contact = (once.updates[2]["message"] as? [String: Any])?["contact"] as? [String: Any] ?? [:]
        #expect(Self.int(contact["user_id"]) == Self.maria.id && contact["phone_number"] as? String == "525512345678")

        // limit, also as a query-string parameter
        let limited = try await Self.call(emulator, "getUpdates", ["limit": 1])
        #expect(limited.updateIDs == [first])
        let queried = try await Self.call(emulator, "getupdates", query: "limit=2&timeout=0")
        #expect(queried.updateIDs == [first, second])

        // offset = first + 1 confirms the first.
        let rest = try await Self.call(emulator, "getUpdates", ["offset": first + 1])
        #expect(rest.updateIDs == [second, third])
        #expect(emulator.confirmedUpdateID == first && emulator.pendingUpdates == 2)

        // A negative offset keeps only the last N.
        let last = try await Self.call(emulator, "getUpdates", ["offset": -1])
        #expect(last.updateIDs == [third] && emulator.pendingUpdates == 1)

        let none = try await Self.call(emulator, "getUpdates", ["offset": third + 1])
        #expect(none.updates.isEmpty && emulator.confirmedUpdateID == third && emulator.pendingUpdates == 0)

        // A lost confirmation: Telegram sends the same update_id again, once.
        emulator.redeliver(second)
        let again = try await Self.call(emulator, "getUpdates", ["offset": third + 1])
        #expect(again.updateIDs == [second])
        let (text) = ((again.updates.first?["message"] as? [String: Any])?["text"] as? String)
        #expect(text == "hola")
        let after = try await Self.call(emulator, "getUpdates", ["offset": third + 1])
        #expect(after.updates.isEmpty && emulator.pendingUpdates == 0)
    }

    @Test func allowedUpdatesIsRememberedAndFiltersNewUpdates() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        let form = try await Self.call(emulator, "getUpdates", form: "allowed_updates=%5B%22callback_query%22%5D&timeout=0")
        #expect(form.ok)
        #expect(emulator.allowedUpdates == ["callback_query"])
        emulator.sendText("ignored", from: Self.maria)
        let press = emulator.pressButton(data: "menu:falla", onMessage: 1, from: Self.maria)
        let reply = try await Self.call(emulator, "getUpdates")
        #expect(reply.updateIDs == [press])
        let query = reply.updates[0]["callback_query"] as? [String: Any] ?? [:]
        #expect(query["data"] as? String == "menu:falla" && query["chat_instance"] is String)
        // An unknown message is an inaccessible one (date 0).
        #expect(Self.int((query["message"] as? [String: Any])?["date"]) == 0)
    }

    @Test func aSecondPollerAndAWebhookGetTheConflicts() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        async let older = Self.call(emulator, "getUpdates", ["timeout": 5])
        // Wait until the first poll is really held (under load a fixed pause is not enough).
        for _ in 0..<200 where !emulator.isHoldingPoll { try await Task.sleep(for: .milliseconds(10)) }
        let newer = try await Self.call(emulator, "getUpdates", ["timeout": 0])
        #expect(newer.status == 200 && newer.updates.isEmpty)
        let terminated = try await older
        #expect(terminated.status == 409)
        #expect(HTTP.sameJSON(terminated.body, try Self.fixture("telegram_error_409_conflict.json")))

        let set = try await Self.call(emulator, "setWebhook", ["url": "http://127.0.0.1:9/hook"])
        #expect(set.ok && set.description == "Webhook was set")
        #expect(emulator.webhookURL == "http://127.0.0.1:9/hook")
        let blocked = try await Self.call(emulator, "getUpdates")
        #expect(blocked.status == 409)
        #expect(HTTP.sameJSON(blocked.body, try Self.fixture("telegram_error_409_webhook_active.json")))

        let deleted = try await Self.call(emulator, "deleteWebhook", ["drop_pending_updates": true])
        #expect(deleted.ok && deleted.description == "Webhook was deleted" && emulator.webhookURL == nil)
        let polling = try await Self.call(emulator, "getUpdates")
        #expect(polling.status == 200)
    }

    @Test func mediaEditsAndRawUpdatesHaveTheRealShapes() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        let text = emulator.sendText("hola, no tengo internet desde ayer", from: Self.maria)
        emulator.sendLocation(latitude: 19.432608, longitude: -99.133209, from: Self.maria)
        emulator.sendPhoto(from: Self.maria, caption: "así están las luces del módem")
        emulator.sendVoice(from: Self.maria, duration: 7)
        emulator.sendSticker(from: Self.maria)
        emulator.sendDocument(from: Self.maria)
        emulator.shareContact(phone: "+52 55 1234 5678", from: Self.maria, own: false)
        emulator.editLastMessage(of: Self.maria, newText: "ya volvió")
        let raw = emulator.enqueueRaw([
            "message_reaction": ["chat": ["id": 1, "type": "private"] as [String: any Sendable], "date": 1]
                as [String: any Sendable]
        ])
        let explicit = emulator.enqueueRaw(["inline_query": ["id": "42", "query": "planes"] as [String: any Sendable]])

        let updates = try await Self.call(emulator, "getUpdates").updates
        // message_reaction is not delivered unless asked for explicitly.
        #expect(updates.count == 9 && !updates.contains { Self.int($0["update_id"]) == raw })
        #expect(Self.int(updates.last?["update_id"]) == explicit && updates.last?["inline_query"] != nil)
        let messages = updates.compactMap { $0["message"] as? [String: Any] }

        let fixture = try Self.fixture("telegram_getupdates_media.json")["result"] as! [[String: Any]]
        let location = messages[1]["location"] as? [String: Any] ?? [:]
        #expect(location["latitude"] as? Double == 19.432608 && location["longitude"] as? Double == -99.133209)

        let photo = messages[2]["photo"] as? [[String: Any]] ?? []
        let fixturePhoto = (fixture[1]["message"] as! [String: Any])["photo"] as! [[String: Any]]
        #expect(photo.count == 3 && Set(photo[0].keys) == Set(fixturePhoto[0].keys))
        #expect(Self.int(photo[2]["width"])! > Self.int(photo[0]["width"])!)
        #expect(messages[2]["caption"] as? String == "así están las luces del módem")

        let voice = messages[3]["voice"] as? [String: Any] ?? [:]
        let fixtureVoice = (fixture[2]["message"] as! [String: Any])["voice"] as! [String: Any]
        #expect(Set(voice.keys) == Set(fixtureVoice.keys) && Self.int(voice["duration"]) == 7)
        #expect(messages[4]["sticker"] != nil && messages[5]["document"] != nil)

        let contact = messages[6]["contact"] as? [String: Any] ?? [:]
        #expect(Self.int(contact["user_id"]) != Self.maria.id && contact["phone_number"] as? String == "+52 55 1234 5678")

        // The edit is of the last message the user sent (the contact), same message_id, with edit_date.
        let edited = try #require(updates.compactMap { $0["edited_message"] as? [String: Any] }.first)
        #expect(Self.int(edited["message_id"]) == Self.int(messages[6]["message_id"]))
        #expect(Self.int(edited["edit_date"]) != nil && edited["text"] as? String == "ya volvió")
        #expect(Self.int(updates[0]["update_id"]) == text)
    }

    @Test func stopLetsAHeldPollGoAndStartComesBack() async throws {
        let emulator = try await Self.started()
        let poll = Task { try? await Self.call(emulator, "getUpdates", ["timeout": 30], timeout: 40) }
        try await Task.sleep(for: .milliseconds(300))
        let clock = ContinuousClock()
        let began = clock.now
        await emulator.stop()
        // Not a speed figure: the held poll would keep stop() waiting its full 30 s (a loaded
        // machine took 3.3 s to stop, so the bound is well clear of that and of 30).
        #expect(clock.now - began < .seconds(15))
        let reply = await poll.value
        #expect(reply == nil || reply?.updates.isEmpty == true)
        try await emulator.start()
        #expect(try await Self.call(emulator, "getMe").ok)
        await emulator.stop()
    }

    // MARK: - sendMessage

    @Test func sendMessageValidatesLikeTelegram() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        let chat = Self.maria.id

        let unknownChat = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": "hola"])
        #expect(unknownChat.status == 400 && unknownChat.description == "Bad Request: chat not found")

        emulator.sendText("hola", from: Self.maria)

        let empty = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": ""])
        #expect(empty.status == 400 && empty.description == "Bad Request: message text is empty")

        let tooLong = try await Self.call(
            emulator, "sendMessage", ["chat_id": chat, "text": String(repeating: "a", count: 4097)])
        #expect(tooLong.status == 400)
        #expect(HTTP.sameJSON(tooLong.body, try Self.fixture("telegram_error_400_message_too_long.json")))
        // Counted in UTF-16 units: 2049 emoji are 4098 units.
        let emoji = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": String(repeating: "😀", count: 2049)])
        #expect(emoji.description == "Bad Request: message is too long")
        let longest = try await Self.call(
            emulator, "sendMessage", ["chat_id": chat, "text": String(repeating: "a", count: 4096)])
        #expect(longest.ok)

        let data65 = String(repeating: "x", count: 65)
        let badButton = try await Self.call(
            emulator, "sendMessage",
            ["chat_id": chat, "text": "elige", "reply_markup": ["inline_keyboard": [[["text": "A", "callback_data": data65]]]]])
        #expect(badButton.status == 400 && badButton.description == "Bad Request: BUTTON_DATA_INVALID")
        // 64 bytes is fine (and "ñ" counts two bytes: 33 of them are 66 bytes).
        let data64 = try await Self.call(
            emulator, "sendMessage",
            [
                "chat_id": chat, "text": "elige",
                "reply_markup": ["inline_keyboard": [[["text": "A", "callback_data": String(repeating: "x", count: 64)]]]],
            ])
        #expect(data64.ok)
        let accented = try await Self.call(
            emulator, "sendMessage",
            [
                "chat_id": chat, "text": "elige",
                "reply_markup": ["inline_keyboard": [[["text": "A", "callback_data": String(repeating: "ñ", count: 33)]]]],
            ])
        #expect(accented.description == "Bad Request: BUTTON_DATA_INVALID")

        // The bot sends plain text; a formatting mode is refused by name instead of emulated.
        let markdown = try await Self.call(
            emulator, "sendMessage", ["chat_id": chat, "text": "Tu plan cuesta $350.", "parse_mode": "MarkdownV2"])
        #expect(markdown.description == "Bad Request: parse_mode MarkdownV2 is not emulated: the bot sends plain text")
        let padded = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": "  hola \n"])
        #expect(padded.resultObject["text"] as? String == "hola")
        let blank = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": " \n "])
        #expect(blank.description == "Bad Request: message text is empty")

        // Plain text needs no escaping.
        let plain = try await Self.call(emulator, "sendMessage", ["chat_id": chat, "text": "Tu plan cuesta $350. ¡Gracias!"])
        #expect(plain.ok)

        // Only the successful sends were recorded.
        #expect(
            emulator.messages(to: chat).map(\.text) == [
                String(repeating: "a", count: 4096), "elige", "  hola \n", "Tu plan cuesta $350. ¡Gracias!",
            ])
        #expect(emulator.sentMessages.count == 4)
    }

    @Test func aSentMessageHasTheRealShapeAndItsButtonsCanBePressed() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.sendText("hola", from: Self.maria)

        var request = try Self.fixture("telegram_sendmessage_request.json")
        request["chat_id"] = Self.maria.id
        let sent = try await Self.call(emulator, "sendMessage", request)
        #expect(sent.status == 200)
        let expected = try Self.fixture("telegram_sendmessage_ok.json")["result"] as! [String: Any]
        #expect(Set(sent.resultObject.keys) == Set(expected.keys))
        #expect(
            HTTP.sameJSON(sent.resultObject["reply_markup"] as? [String: Any] ?? [:], expected["reply_markup"] as! [String: Any]))
        let from = sent.resultObject["from"] as? [String: Any] ?? [:]
        #expect(from["is_bot"] as? Bool == true && Self.int(from["id"]) == 7_000_000_001)
        let messageID = try #require(Self.int(sent.resultObject["message_id"]))

        let record = try #require(emulator.sentMessages.last)
        #expect(record.messageID == messageID && record.chatID == Self.maria.id)
        #expect(record.replyMarkupJSON?.contains(#""callback_data":"antena:si""#) == true)

        // A form-encoded send with reply_markup as JSON text, and a reply keyboard (not echoed back).
        let keyboard = #"{"keyboard":[[{"text":"📱 Compartir mi número","request_contact":true}]],"resize_keyboard":true}"#
        let form =
            "chat_id=\(Self.maria.id)&text=Comparte+tu+n%C3%BAmero&reply_markup="
            + keyboard.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let formSent = try await Self.call(emulator, "sendMessage", form: form)
        #expect(formSent.ok && formSent.resultObject["text"] as? String == "Comparte tu número")
        #expect(formSent.resultObject["reply_markup"] == nil)

        // The user presses "Sí": the update carries the bot's message with its keyboard.
        _ = try await Self.call(emulator, "getUpdates", ["offset": -1])
        let press = emulator.pressButton(data: "antena:si", onMessage: messageID, from: Self.maria)
        let updates = try await Self.call(emulator, "getUpdates", ["offset": press])
        let query = try #require(updates.updates.first?["callback_query"] as? [String: Any])
        let message = query["message"] as? [String: Any] ?? [:]
        #expect(Self.int(message["message_id"]) == messageID && message["reply_markup"] != nil)
        let queryID = try #require(query["id"] as? String)

        let answered = try await Self.call(emulator, "answerCallbackQuery", ["callback_query_id": queryID])
        #expect(answered.ok && answered.result as? Bool == true)
        #expect(emulator.answeredCallbackQueries == [queryID])
        let twice = try await Self.call(emulator, "answerCallbackQuery", ["callback_query_id": queryID])
        #expect(twice.status == 400)
        #expect(twice.description == "Bad Request: query is too old and response timeout expired or query ID is invalid")

        // The keyboard is taken off the message.
        let edited = try await Self.call(emulator, "editMessageReplyMarkup", ["chat_id": Self.maria.id, "message_id": messageID])
        #expect(edited.ok && edited.resultObject["reply_markup"] == nil)
        let again = try await Self.call(emulator, "editMessageReplyMarkup", ["chat_id": Self.maria.id, "message_id": messageID])
        #expect(again.description?.hasPrefix("Bad Request: message is not modified") == true)
    }

    @Test func aBlockedChatAnswers403() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.sendText("hola", from: Self.maria)
        let blockID = emulator.blockBot(by: Self.maria)

        let updates = try await Self.call(emulator, "getUpdates")
        let change = try #require(updates.updates.last)
        #expect(Self.int(change["update_id"]) == blockID)
        let member = change["my_chat_member"] as? [String: Any] ?? [:]
        #expect((member["new_chat_member"] as? [String: Any])?["status"] as? String == "kicked")
        #expect((member["old_chat_member"] as? [String: Any])?["status"] as? String == "member")

        let send = try await Self.call(emulator, "sendMessage", ["chat_id": Self.maria.id, "text": "¿Sigues ahí?"])
        #expect(send.status == 403)
        #expect(HTTP.sameJSON(send.body, try Self.fixture("telegram_error_403_blocked.json")))
        #expect(emulator.sentMessages.isEmpty)

        emulator.unblockBot(by: Self.maria)
        let back = try await Self.call(emulator, "sendMessage", ["chat_id": Self.maria.id, "text": "¡Hola de nuevo!"])
        #expect(back.ok)
    }

    // MARK: - Faults and limits

    @Test func injectedFaultsAndFloodControl() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.sendText("hola", from: Self.maria)
        emulator.sendText("hola", from: Self.juan)
        let toMaria: [String: Any] = ["chat_id": Self.maria.id, "text": "uno"]

        emulator.inject(.tooManyRequests(retryAfter: 35), times: 2)
        for _ in 0..<2 {
            let limited = try await Self.call(emulator, "sendMessage", toMaria)
            #expect(limited.status == 429)
            #expect(HTTP.sameJSON(limited.body, try Self.fixture("telegram_error_429.json")))
        }
        let through = try await Self.call(emulator, "sendMessage", toMaria)
        #expect(through.ok)

        emulator.inject(.serverError, forMethod: "getUpdates")
        let gateway = try await Self.call(emulator, "getUpdates")
        #expect(gateway.status == 502 && gateway.description == "Bad Gateway")
        emulator.inject(.unauthorized, forMethod: "getMe")
        let unauthorized = try await Self.call(emulator, "getMe")
        #expect(unauthorized.status == 401 && unauthorized.description == "Unauthorized")

        emulator.setFloodControl(perChatPerSecond: 2, globalPerSecond: nil)
        #expect(try await Self.call(emulator, "sendMessage", toMaria).ok)
        // Sends in a row until the limit answers (the third, unless a loaded machine spreads them over a second).
        var flooded = try await Self.call(emulator, "sendMessage", toMaria)
        for _ in 0..<20 where flooded.ok { flooded = try await Self.call(emulator, "sendMessage", toMaria) }
        #expect(flooded.status == 429 && flooded.description == "Too Many Requests: retry after 1")
        #expect(Self.int((flooded.body["parameters"] as? [String: Any])?["retry_after"]) == 1)
        // Another chat is not limited by Maria's sends.
        #expect(try await Self.call(emulator, "sendMessage", ["chat_id": Self.juan.id, "text": "hola"]).ok)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try await Self.call(emulator, "sendMessage", toMaria).ok)

        emulator.setFloodControl(perChatPerSecond: nil, globalPerSecond: 1)
        #expect(try await Self.call(emulator, "sendMessage", toMaria).ok)
        var global = try await Self.call(emulator, "sendMessage", ["chat_id": Self.juan.id, "text": "hola"])
        for _ in 0..<20 where global.ok { global = try await Self.call(emulator, "sendMessage", ["chat_id": Self.juan.id, "text": "hola"]) }
        #expect(global.status == 429)
    }

    // MARK: - Webhook

    /// A webhook receiver: records each POST (secret header and body) and answers `failFirst` 500s first.
    final class Receiver: Sendable {
        struct Hit: Sendable {
            var secret: String?
            var body: String
        }
        let hits = Mutex<[Hit]>([])
        let failuresLeft: Mutex<Int>
        let listening = Mutex<LoopbackServer?>(nil)

        init(failFirst: Int) {
            failuresLeft = Mutex(failFirst)
        }

        func start() async throws {
            let responder = CallbackResponder<BasicRequestContext> { request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                let secret = request.headers[HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!]
                self.hits.withLock { $0.append(Hit(secret: secret, body: String(buffer: body))) }
                let fail = self.failuresLeft.withLock { left -> Bool in
                    defer { left = max(0, left - 1) }
                    return left > 0
                }
                return Response(status: fail ? .internalServerError : .ok)
            }
            let server = try await LoopbackServer.start(emulator: "test receiver", port: 0, responder: responder)
            listening.withLock { $0 = server }
        }

        func stop() async {
            await listening.withLock { $0 }?.stop()
        }

        var url: String { "http://127.0.0.1:\(listening.withLock { $0?.port ?? 0 })/telegram/webhook" }
    }

    static func waitUntil(seconds: Double = 10, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test func webhookDeliveryPostsUpdatesWithTheSecretHeader() async throws {
        let receiver = Receiver(failFirst: 0)
        try await receiver.start()
        let emulator = try await Self.started()

        let bad = try await Self.call(emulator, "setWebhook", ["url": receiver.url, "secret_token": "no:colons"])
        #expect(bad.status == 400 && bad.description == "Bad Request: secret token contains unallowed characters")

        let set = try await Self.call(emulator, "setWebhook", ["url": receiver.url, "secret_token": "s3cr3t_TOKEN-1"])
        #expect(set.ok)
        let first = emulator.sendText("hola", from: Self.maria)
        let second = emulator.pressButton(data: "menu:planes", onMessage: 5, from: Self.maria)
        let long = String(repeating: "sin señal en la colonia centro ", count: 150)
        let third = emulator.sendText(long, from: Self.maria)
        try await Self.waitUntil { emulator.pendingUpdates == 0 }

        var hits = receiver.hits.withLock { $0 }
        #expect(hits.count == 3)
        let last = hits.removeLast()
        let lastBody = try JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: Any] ?? [:]
        #expect(Self.int(lastBody["update_id"]) == third && (lastBody["message"] as? [String: Any])?["text"] as? String == long)
        #expect(hits.allSatisfy { $0.secret == "s3cr3t_TOKEN-1" })
        let bodies = hits.compactMap { try? JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any] }
        #expect(bodies.compactMap { Self.int($0["update_id"]) } == [first, second])
        #expect((bodies.first?["message"] as? [String: Any])?["text"] as? String == "hola")
        #expect(emulator.confirmedUpdateID == third)

        let info = try await Self.call(emulator, "getWebhookInfo")
        #expect(info.resultObject["url"] as? String == receiver.url)
        #expect(Self.int(info.resultObject["pending_update_count"]) == 0)
        #expect(info.resultObject["has_custom_certificate"] as? Bool == false)

        await emulator.stop()
        await receiver.stop()
    }

    @Test func aFailingWebhookIsRetriedAndTheErrorShows() async throws {
        let receiver = Receiver(failFirst: 3)
        try await receiver.start()
        let emulator = try await Self.started()
        _ = try await Self.call(emulator, "setWebhook", ["url": receiver.url])
        let id = emulator.sendText("hola", from: Self.maria)

        // Three attempts 0.5 s apart, all 500: the error is recorded and the update stays pending.
        try await Self.waitUntil { receiver.hits.withLock { $0.count } >= 3 }
        try await Task.sleep(for: .milliseconds(300))
        let info = try await Self.call(emulator, "getWebhookInfo")
        #expect(
            info.resultObject["last_error_message"] as? String == "Wrong response from the webhook: 500 Internal Server Error")
        #expect(Self.int(info.resultObject["last_error_date"]) != nil)
        #expect(Self.int(info.resultObject["pending_update_count"]) == 1)
        #expect(receiver.hits.withLock { $0.allSatisfy { $0.secret == nil } })

        // The next round gets through, with the same update_id.
        try await Self.waitUntil { emulator.pendingUpdates == 0 }
        #expect(emulator.pendingUpdates == 0 && emulator.confirmedUpdateID == id)
        let ids = receiver.hits.withLock { $0.map(\.body) }.compactMap {
            Self.int((try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["update_id"])
        }
        #expect(ids == [id, id, id, id])

        await emulator.stop()
        await receiver.stop()
    }
}

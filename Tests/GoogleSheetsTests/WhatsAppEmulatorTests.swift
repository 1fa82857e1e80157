import AsyncHTTPClient
import Crypto
import Emulators
import Fixtures
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// The WhatsApp Cloud API emulator, spoken to over HTTP as the bot would, and its webhook
/// notifications, received by a small server that plays the bot's webhook.
@Suite struct WhatsAppEmulatorTests {
    static let maria = WhatsAppEmulator.Contact(waID: "5215512345678", name: "María López", userID: "MX.1000000000000001")
    static let juan = WhatsAppEmulator.Contact(waID: "5214441234567", name: "Juan Pérez")

    // MARK: - Helpers

    struct Reply: @unchecked Sendable {
        var status: Int
        var body: [String: Any]
        var error: [String: Any] { body["error"] as? [String: Any] ?? [:] }
        var code: Int? { (error["code"] as? NSNumber)?.intValue }
        var details: String? { (error["error_data"] as? [String: Any])?["details"] as? String }
        var messageID: String? { ((body["messages"] as? [[String: Any]])?.first)?["id"] as? String }
        var contact: [String: Any] { (body["contacts"] as? [[String: Any]])?.first ?? [:] }
    }

    static func fixtureData(_ name: String) throws -> Data {
        try Fixtures.data(name)
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: fixtureData(name)) as! [String: Any]
    }

    static func json(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    /// The value's structure: the same keys at every level, strings and scalars in the same places.
    static func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(shape(object[$0]!))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + array.map(shape).joined(separator: ",") + "]"
        case is String: return "s"
        default: return "n"
        }
    }

    static func sameShape(_ a: Any, _ b: Any) -> Bool {
        let (x, y) = (shape(a), shape(b))
        if x != y { print("shape differs:\n  \(x)\n  \(y)") }
        return x == y
    }

    /// The first message (or status) of a notification.
    static func value(_ notification: [String: Any]) -> [String: Any] {
        let entry = (notification["entry"] as? [[String: Any]])?.first ?? [:]
        let change = (entry["changes"] as? [[String: Any]])?.first ?? [:]
        return change["value"] as? [String: Any] ?? [:]
    }

    static func message(_ notification: [String: Any]) -> [String: Any] {
        (value(notification)["messages"] as? [[String: Any]])?.first ?? [:]
    }

    static func status(_ notification: [String: Any]) -> [String: Any] {
        (value(notification)["statuses"] as? [[String: Any]])?.first ?? [:]
    }

    /// POSTs to `/<version>/<phone-number-id>/messages` as the bot does.
    static func send(
        _ emulator: WhatsAppEmulator, _ body: Any, authorization: String?? = .none, version: String = "v23.0",
        phoneNumberID: String? = nil
    ) async throws -> Reply {
        let data = try (body as? Data) ?? JSONSerialization.data(withJSONObject: body)
        return try await http(
            emulator, .POST, "/\(version)/\(phoneNumberID ?? emulator.phoneNumberID)/messages", body: Array(data),
            authorization: authorization ?? "Bearer \(emulator.accessToken)")
    }

    static func http(
        _ emulator: WhatsAppEmulator, _ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, authorization: String?
    ) async throws -> Reply {
        let raw = try await rawHTTP(method, emulator.baseURL + path, body: body, authorization: authorization)
        return Reply(status: raw.status, body: json(raw.body))
    }

    static func rawHTTP(
        _ method: HTTPMethod, _ url: String, body: [UInt8]? = nil, authorization: String?
    ) async throws -> (status: Int, body: [UInt8], headers: [String: String]) {
        let result = try await HTTP.send(method.rawValue, url, headers: authorization.map { [("Authorization", $0)] } ?? [],
                                         contentType: body == nil ? nil : "application/json", bytes: body, timeout: .seconds(15))
        return (result.status, result.bytes, result.headers)
    }

    static func text(_ to: String, _ body: String) -> [String: Any] {
        ["messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "text", "text": ["body": body]]
    }

    static func buttons(_ buttons: [(String, String)], body: String = "¿En qué te ayudo?") -> [String: Any] {
        [
            "messaging_product": "whatsapp", "to": maria.waID, "type": "interactive",
            "interactive": [
                "type": "button", "body": ["text": body],
                "action": ["buttons": buttons.map { ["type": "reply", "reply": ["id": $0.0, "title": $0.1]] }],
            ],
        ]
    }

    static func list(_ sections: [[String: Any]], button: String = "Ver planes") -> [String: Any] {
        [
            "messaging_product": "whatsapp", "to": maria.waID, "type": "interactive",
            "interactive": ["type": "list", "body": ["text": "Elige un plan"], "action": ["button": button, "sections": sections]],
        ]
    }

    static func rows(_ count: Int, prefix: String = "r") -> [[String: Any]] {
        (0..<count).map { ["id": "\(prefix)\($0)", "title": "Opción \($0)"] }
    }

    static func started() async throws -> WhatsAppEmulator {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        return emulator
    }

    static func waitUntil(seconds: Double = 10, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// Plays the bot's webhook: verifies every POST's X-Hub-Signature-256 over the raw body (401 when
    /// it does not match) and answers the GET handshake when the verify token matches.
    final class Webhook: Sendable {
        struct Hit: Sendable {
            var method: String
            var body: [UInt8]
            var signature: String?
            var legacySignature: String?
            var contentType: String?
            var query: [String: String]
            var valid: Bool
        }
        let secret: String
        let verifyToken: String
        let hits = Mutex<[Hit]>([])
        let listening = Mutex<LoopbackServer?>(nil)

        init(secret: String, verifyToken: String = "verify-me") {
            self.secret = secret
            self.verifyToken = verifyToken
        }

        var posts: [Hit] { hits.withLock { $0.filter { $0.method == "POST" } } }
        var notifications: [[String: Any]] { posts.map { WhatsAppEmulatorTests.json($0.body) } }
        var statuses: [[String: Any]] {
            notifications.map(WhatsAppEmulatorTests.status).filter { !$0.isEmpty }
        }

        func start() async throws {
            let responder = CallbackResponder<BasicRequestContext> { request, _ in
                let body = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
                var query: [String: String] = [:]
                for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
                let signature = request.headers[HTTPField.Name("X-Hub-Signature-256")!]
                let expected = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(self.secret.utf8)))
                let hex = expected.map { String(format: "%02x", $0) }.joined()
                let valid = signature == "sha256=" + hex
                self.hits.withLock {
                    $0.append(
                        Hit(
                            method: request.method.rawValue, body: body, signature: signature,
                            legacySignature: request.headers[HTTPField.Name("X-Hub-Signature")!],
                            contentType: request.headers[.contentType], query: query, valid: valid))
                }
                if request.method == .get {
                    guard query["hub.mode"] == "subscribe", query["hub.verify_token"] == self.verifyToken else {
                        return Response(status: .forbidden)
                    }
                    return Response(
                        status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: query["hub.challenge"] ?? "")))
                }
                return Response(status: valid ? .ok : .unauthorized)
            }
            let server = try await LoopbackServer.start(emulator: "test receiver", port: 0, responder: responder)
            listening.withLock { $0 = server }
        }

        func stop() async {
            await listening.withLock { $0 }?.stop()
        }

        var url: String { "http://127.0.0.1:\(listening.withLock { $0?.port ?? 0 })/webhook/whatsapp" }
    }

    /// An emulator and a webhook wired together.
    static func wired() async throws -> (WhatsAppEmulator, Webhook) {
        let emulator = try await started()
        let webhook = Webhook(secret: emulator.appSecret)
        try await webhook.start()
        emulator.setWebhook(url: webhook.url)
        return (emulator, webhook)
    }

    // MARK: - Auth and routing

    @Test func aSendWithoutOrWithAWrongTokenGets401Code190() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.openWindow(for: Self.maria.waID)
        let fixture190 = try Self.fixture("whatsapp_error_190_expired_token.json")

        let none = try await Self.send(emulator, Self.text(Self.maria.waID, "hola"), authorization: .some(nil))
        #expect(none.status == 401 && HTTP.sameJSON(none.body, fixture190))

        let wrong = try await Self.send(emulator, Self.text(Self.maria.waID, "hola"), authorization: "Bearer EAAGwrong")
        #expect(wrong.status == 401 && wrong.code == 190 && HTTP.sameJSON(wrong.body, fixture190))

        let basic = try await Self.send(emulator, Self.text(Self.maria.waID, "hola"), authorization: "Basic \(emulator.accessToken)")
        #expect(basic.status == 401 && basic.code == 190)

        let unknownNumber = try await Self.send(emulator, Self.text(Self.maria.waID, "hola"), phoneNumberID: "999999999999999")
        #expect(unknownNumber.status == 400 && unknownNumber.code == 100)
        #expect(unknownNumber.error["type"] as? String == "GraphMethodException")
        #expect((unknownNumber.error["message"] as? String ?? "").hasPrefix("Unsupported post request. Object with ID '999999999999999'"))

        var noProduct = Self.text(Self.maria.waID, "hola")
        noProduct["messaging_product"] = nil
        let missing = try await Self.send(emulator, noProduct)
        #expect(missing.status == 400 && missing.code == 100)
        #expect(missing.error["message"] as? String == "(#100) The parameter messaging_product is required.")
        noProduct["messaging_product"] = "sms"
        #expect(try await Self.send(emulator, noProduct).code == 100)

        #expect(emulator.sentMessages.isEmpty)
        #expect(emulator.requests.map(\.status) == [401, 401, 401, 400, 400, 400])
        #expect(emulator.requests.allSatisfy { $0.method == "POST" && $0.path.hasSuffix("/messages") })
    }

    @Test func restartKeepsThePort() async throws {
        let emulator = try await Self.started()
        let port = emulator.port
        #expect(port > 0 && emulator.baseURL == "http://127.0.0.1:\(port)")
        await emulator.stop()
        try await emulator.start()
        #expect(emulator.port == port)
        emulator.openWindow(for: Self.juan.waID)
        #expect(try await Self.send(emulator, Self.text(Self.juan.waID, "hola")).status == 200)
        await emulator.stop()
    }

    // MARK: - Sending

    @Test func aTextSendAnswersTheSendOkShapeAndIsRecorded() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.openWindow(for: Self.maria.waID)

        let reply = try await Self.send(emulator, try Self.fixtureData("whatsapp_send_text_request.json"))
        #expect(reply.status == 200)
        #expect(Self.sameShape(reply.body, try Self.fixture("whatsapp_send_ok.json")))
        #expect(reply.body["messaging_product"] as? String == "whatsapp")
        #expect(reply.contact["input"] as? String == "5215512345678" && reply.contact["wa_id"] as? String == "5215512345678")
        let id = try #require(reply.messageID)
        #expect(id.hasPrefix("wamid.HBgN"))

        let sent = try #require(emulator.sentMessages.last)
        #expect(sent.id == id && sent.to == "5215512345678" && sent.type == "text")
        #expect(sent.text == "Lamento la falla 😔. Ya levanté tu reporte con folio INC-0042. Un técnico te contactará hoy.")
        #expect(sent.authorization == "Bearer \(emulator.accessToken)" && sent.failedWith == nil)
        #expect(sent.bodyJSON == String(decoding: try Self.fixtureData("whatsapp_send_text_request.json"), as: UTF8.self))
        #expect(emulator.messages(to: "5215512345678") == [sent])

        // A Mexican 52 + 10 digits resolves to the 521 wa_id; any version prefix is accepted.
        let mexican = try await Self.send(emulator, Self.text("525512345678", "¿Sigue la falla?"), version: "v26.0")
        #expect(mexican.status == 200)
        #expect(mexican.contact["input"] as? String == "525512345678" && mexican.contact["wa_id"] as? String == "5215512345678")
        #expect(mexican.messageID != id)
        #expect(emulator.messages(to: "525512345678").map(\.id) == [id, mexican.messageID!])

        // Replies with context, buttons and lists from the fixtures.
        let context = try await Self.send(emulator, try Self.fixtureData("whatsapp_send_reply_context_request.json"))
        #expect(context.status == 200)
        #expect(emulator.sentMessages.last?.contextMessageID == "wamid.HBgNNTIxNTUxMjM0NTY3ODBUWFQxAA==")
        let buttons = try await Self.send(emulator, try Self.fixtureData("whatsapp_send_interactive_buttons_request.json"))
        #expect(buttons.status == 200 && emulator.sentMessages.last?.type == "interactive")
        #expect(emulator.sentMessages.last?.text == "Hola María 👋 ¿En qué te puedo ayudar?")
        let interactive = Self.json(Array((emulator.sentMessages.last?.interactiveJSON ?? "").utf8))
        #expect(HTTP.sameJSON(interactive, try Self.fixture("whatsapp_send_interactive_buttons_request.json")["interactive"]!))
        let list = try await Self.send(emulator, try Self.fixtureData("whatsapp_send_interactive_list_request.json"))
        #expect(list.status == 200)

        // Mark as read and the typing indicator.
        let read = try await Self.send(emulator, try Self.fixtureData("whatsapp_mark_read_request.json"))
        #expect(try read.status == 200 && HTTP.sameJSON(read.body, Self.fixture("whatsapp_success_true.json")))
        let typing = try await Self.send(emulator, try Self.fixtureData("whatsapp_typing_indicator_request.json"))
        #expect(typing.status == 200 && typing.body["success"] as? Bool == true)
        #expect(emulator.readReceipts == ["wamid.HBgNNTIxNTUxMjM0NTY3ODBUWFQxAA==", "wamid.HBgNNTIxNTUxMjM0NTY3ODBUWFQxAA=="])
        #expect(emulator.typingIndicators == ["wamid.HBgNNTIxNTUxMjM0NTY3ODBUWFQxAA=="])

        #expect(emulator.sentMessages.count == 5)
        #expect(Set(emulator.sentMessages.map(\.id)).count == 5)
        #expect(emulator.requests.count == 7 && emulator.requests.allSatisfy { $0.status == 200 })

        // Text limits.
        let empty = try await Self.send(emulator, Self.text(Self.maria.waID, ""))
        #expect(empty.status == 400 && empty.code == 100)
        let long = try await Self.send(emulator, Self.text(Self.maria.waID, String(repeating: "ñ", count: 4097)))
        #expect(long.status == 400 && long.code == 131009)
        let longest = try await Self.send(emulator, Self.text(Self.maria.waID, String(repeating: "ñ", count: 4096)))
        #expect(longest.status == 200)
    }

    @Test func interactiveLimitsAnswer131009() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.openWindow(for: Self.maria.waID)

        func rejected(_ body: [String: Any], _ detail: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let reply = try await Self.send(emulator, body)
            #expect(reply.status == 400, sourceLocation: sourceLocation)
            #expect(reply.code == 131009, sourceLocation: sourceLocation)
            #expect(reply.error["message"] as? String == "(#131009) Parameter value is not valid", sourceLocation: sourceLocation)
            #expect(reply.error["type"] as? String == "OAuthException", sourceLocation: sourceLocation)
            #expect(reply.details?.contains(detail) == true, "\(reply.details ?? "no details")", sourceLocation: sourceLocation)
            #expect(reply.error["fbtrace_id"] is String, sourceLocation: sourceLocation)
        }

        let four = [("a", "Uno"), ("b", "Dos"), ("c", "Tres"), ("d", "Cuatro")]
        try await rejected(Self.buttons(four), "maximum is 3")
        try await rejected(Self.buttons([("a", String(repeating: "x", count: 21))]), "reply.title is 21 characters")
        try await rejected(Self.buttons([("a", "Uno"), ("a", "Dos")]), "is not unique")
        try await rejected(Self.buttons([("a", "Uno"), ("b", "Uno")]), "is not unique")
        try await rejected(Self.buttons([(String(repeating: "i", count: 257), "Uno")]), "reply.id is 257 characters")
        try await rejected(Self.buttons([("a", "Uno")], body: String(repeating: "b", count: 1025)), "body.text is 1025 characters")
        var longHeader = Self.buttons([("a", "Uno")])
        var inner = longHeader["interactive"] as! [String: Any]
        inner["header"] = ["type": "text", "text": String(repeating: "h", count: 61)]
        inner["footer"] = ["text": "ok"]
        longHeader["interactive"] = inner
        try await rejected(longHeader, "header.text is 61 characters")
        inner["header"] = nil
        inner["footer"] = ["text": String(repeating: "f", count: 61)]
        longHeader["interactive"] = inner
        try await rejected(longHeader, "footer.text is 61 characters")

        try await rejected(Self.list([["title": "Todos", "rows": Self.rows(11)]]), "11 rows in total")
        try await rejected(
            Self.list([["title": "A", "rows": Self.rows(6, prefix: "a")], ["title": "B", "rows": Self.rows(5, prefix: "b")]]),
            "11 rows in total")
        try await rejected(Self.list([["rows": Self.rows(2, prefix: "a")], ["rows": Self.rows(2, prefix: "b")]]), "title is required")
        try await rejected(Self.list([["title": String(repeating: "s", count: 25), "rows": Self.rows(1)]]), "title is 25 characters")
        try await rejected(Self.list([["rows": [["id": "x", "title": String(repeating: "t", count: 25)]]]]), "title is 25 characters")
        try await rejected(
            Self.list([["rows": [["id": "x", "title": "Plan", "description": String(repeating: "d", count: 73)]]]]),
            "description is 73 characters")
        try await rejected(Self.list([["rows": [["id": String(repeating: "i", count: 201), "title": "Plan"]]]]), "id is 201 characters")
        try await rejected(Self.list([["rows": Self.rows(1)]], button: String(repeating: "v", count: 21)), "action.button is 21 characters")
        try await rejected(Self.list(Array(repeating: ["title": "S", "rows": Self.rows(1)], count: 11)), "maximum is 10")
        #expect(emulator.sentMessages.isEmpty)

        // Exactly at the limits (accents and emoji count as one character each).
        let three = [("menu:falla", "Reportar falla 📶"), ("menu:planes", "Planes y precios"), ("b", String(repeating: "á", count: 20))]
        #expect(try await Self.send(emulator, Self.buttons(three)).status == 200)
        let ten = Self.list([["title": "Hogar", "rows": Self.rows(4, prefix: "h")], ["title": "Negocio", "rows": Self.rows(6, prefix: "n")]])
        #expect(try await Self.send(emulator, ten).status == 200)
        #expect(emulator.sentMessages.count == 2)
    }

    @Test func injectedFaultsAnswerTheFixtureBodies() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.openWindow(for: Self.maria.waID)
        let hola = Self.text(Self.maria.waID, "hola")

        emulator.inject(.pairRateLimit)
        // Mark-as-read calls do not use up a fault.
        #expect(try await Self.send(emulator, try Self.fixtureData("whatsapp_mark_read_request.json")).status == 200)
        let limited = try await Self.send(emulator, hola)
        #expect(try limited.status == 400 && HTTP.sameJSON(limited.body, Self.fixture("whatsapp_error_131056.json")))
        #expect(try await Self.send(emulator, hola).status == 200)

        emulator.inject(.throughput, times: 2)
        for _ in 0..<2 {
            let reply = try await Self.send(emulator, hola)
            #expect(try reply.status == 400 && HTTP.sameJSON(reply.body, Self.fixture("whatsapp_error_130429.json")))
        }
        emulator.inject(.notAllowed)
        let notAllowed = try await Self.send(emulator, hola)
        #expect(try notAllowed.status == 400 && HTTP.sameJSON(notAllowed.body, Self.fixture("whatsapp_error_131030.json")))
        emulator.inject(.invalidParameter)
        let invalid = try await Self.send(emulator, hola)
        #expect(try invalid.status == 400 && HTTP.sameJSON(invalid.body, Self.fixture("whatsapp_error_100_invalid_parameter.json")))
        emulator.inject(.expiredToken)
        let expired = try await Self.send(emulator, hola)
        #expect(try expired.status == 401 && HTTP.sameJSON(expired.body, Self.fixture("whatsapp_error_190_expired_token.json")))
        emulator.inject(.serverError)
        let server = try await Self.send(emulator, hola)
        #expect(server.status == 500 && server.code == 131000)
        emulator.inject(.pairRateLimit, times: 3)
        emulator.inject(.pairRateLimit, times: 0)
        #expect(try await Self.send(emulator, hola).status == 200)
        #expect(emulator.sentMessages.count == 2)
    }

    // MARK: - Notifications

    @Test func notificationsAreSignedOverTheRawBytesWithNonASCIIKept() async throws {
        let (emulator, webhook) = try await Self.wired()
        defer { Task { await emulator.stop(); await webhook.stop() } }

        let text = "¿Sigue sin servicio? Sí, señor — ñandú 📶 \"comillas\""
        let before = Int(Date().timeIntervalSince1970)
        let delivery = try await emulator.sendText(text, from: Self.maria)
        #expect(delivery.status == 200)
        let id = try #require(delivery.messageID)
        #expect(id.hasPrefix("wamid.HBgN"))

        let hit = try #require(webhook.posts.first)
        #expect(hit.valid && hit.contentType == "application/json")
        #expect(hit.signature == emulator.sign(hit.body))
        #expect(hit.legacySignature?.hasPrefix("sha1=") == true)
        // The UTF-8 bytes are in the raw body, not \u escapes.
        let raw = String(decoding: hit.body, as: UTF8.self)
        #expect(raw.contains("María López") && raw.contains("ñandú 📶") && !raw.contains("\\u"))

        let notification = Self.json(hit.body)
        #expect(Self.sameShape(notification, try Self.fixture("whatsapp_webhook_text.json")))
        #expect(notification["object"] as? String == "whatsapp_business_account")
        let value = Self.value(notification)
        let metadata = value["metadata"] as? [String: Any] ?? [:]
        #expect(metadata["phone_number_id"] as? String == emulator.phoneNumberID)
        #expect(metadata["display_phone_number"] as? String == "15551234567")
        let message = Self.message(notification)
        #expect(message["from"] as? String == Self.maria.waID && message["id"] as? String == id)
        #expect((message["text"] as? [String: Any])?["body"] as? String == text)
        let timestamp = try #require(Int(message["timestamp"] as? String ?? ""))
        #expect(timestamp >= before && timestamp <= before + 5)

        // The same bytes and signature again.
        let again = try await emulator.redeliver(messageID: id)
        #expect(again == delivery)
        #expect(webhook.posts.count == 2 && webhook.posts[1].body == hit.body && webhook.posts[1].signature == hit.signature)

        // Attacks: a changed body under the old signature, no signature, and a correct one.
        var tampered = hit.body
        tampered[tampered.count - 3] = UInt8(ascii: " ")
        #expect(try await emulator.post(rawBody: tampered, signature: hit.signature) == 401)
        #expect(try await emulator.post(rawBody: hit.body, signature: nil) == 401)
        #expect(webhook.posts.last?.signature == nil)
        #expect(try await emulator.post(rawBody: tampered, signature: emulator.sign(tampered)) == 200)

        // Two messages never share a wamid.
        let second = try await emulator.sendText("hola", from: Self.juan)
        #expect(second.messageID != id)
        #expect(emulator.webhookDeliveries.count == 6)

        // The signature example: the same key and raw bytes give the documented header value.
        let example = try Self.fixture("whatsapp_webhook_signature_example.json")
        let signer = WhatsAppEmulator(appSecret: example["app_secret"] as! String)
        #expect(signer.sign(Array((example["raw_body"] as! String).utf8)) == example["header_value"] as? String)
    }

    @Test func customerActionsHaveTheFixtureShapes() async throws {
        let (emulator, webhook) = try await Self.wired()
        defer { Task { await emulator.stop(); await webhook.stop() } }
        let outbound = "wamid.HBgNNTIxNTUxMjM0NTY3ODBPVVQxAA=="
        emulator.statusWebhooks = false  // only the customers' messages reach the webhook here

        try await emulator.pressButton(id: "menu:falla", title: "Reportar falla", from: Self.maria, context: outbound)
        try await emulator.chooseListRow(id: "plan_50", title: "50 Mbps", description: "$450 al mes", from: Self.maria, context: outbound)
        try await emulator.sendLocation(latitude: 19.432608, longitude: -99.133209, from: Self.maria)
        try await emulator.sendMedia("voice", from: Self.maria)
        let image = try await emulator.sendMedia("image", from: Self.maria, caption: "así están las luces del módem")
        try await emulator.sendUnsupported(from: Self.maria)
        let fixtures = [
            "whatsapp_webhook_button_reply.json", "whatsapp_webhook_list_reply.json", "whatsapp_webhook_location.json",
            "whatsapp_webhook_audio.json", "whatsapp_webhook_image.json", "whatsapp_webhook_unsupported.json",
        ]
        let notifications = webhook.notifications
        #expect(notifications.count == fixtures.count && webhook.posts.allSatisfy { $0.valid })
        for (notification, name) in zip(notifications, fixtures) {
            #expect(Self.sameShape(notification, try Self.fixture(name)), "\(name)")
        }
        #expect((Self.message(notifications[0])["context"] as? [String: Any])?["id"] as? String == outbound)
        let location = Self.message(notifications[2])["location"] as? [String: Any] ?? [:]
        #expect((location["latitude"] as? NSNumber)?.doubleValue == 19.432608)
        #expect((Self.message(notifications[3])["audio"] as? [String: Any])?["voice"] as? Bool == true)
        #expect(Self.message(notifications[5])["type"] as? String == "unsupported")

        // The image can be fetched as the bot would: metadata, then the URL with the same token.
        let media = Self.message(notifications[4])["image"] as? [String: Any] ?? [:]
        let mediaID = try #require(media["id"] as? String)
        let bearer = "Bearer \(emulator.accessToken)"
        let info = try await Self.http(emulator, .GET, "/v23.0/\(mediaID)", authorization: bearer)
        #expect(info.status == 200 && info.body["id"] as? String == mediaID && info.body["mime_type"] as? String == "image/jpeg")
        let download = try await Self.rawHTTP(.GET, try #require(info.body["url"] as? String), authorization: bearer)
        #expect(download.status == 200 && download.headers["content-type"] == "image/jpeg")
        #expect(Data(SHA256.hash(data: download.body)).base64EncodedString() == media["sha256"] as? String)
        #expect(try await Self.http(emulator, .GET, "/v23.0/\(mediaID)", authorization: nil).status == 401)
        #expect(image.messageID != nil)

        // Without a context, a button press answers the last button message sent to that customer.
        let sent = try await Self.send(emulator, Self.buttons([("si", "Sí"), ("no", "No")]))
        try await emulator.pressButton(id: "si", title: "Sí", from: Self.maria)
        let press = Self.message(try #require(webhook.notifications.last))
        #expect((press["context"] as? [String: Any])?["id"] as? String == sent.messageID)
        #expect((press["context"] as? [String: Any])?["from"] as? String == emulator.displayPhoneNumber)

        // Template quick replies, contacts and reactions.
        try await emulator.pressTemplateButton(payload: "CONFIRMAR", text: "Confirmar", from: Self.maria)
        let button = Self.message(try #require(webhook.notifications.last))
        #expect(button["type"] as? String == "button")
        #expect(HTTP.sameJSON(button["button"]!, ["payload": "CONFIRMAR", "text": "Confirmar"]))
        try await emulator.sendContacts(phone: "+52 1 55 9876 5432", name: "Pedro Ruiz", from: Self.maria)
        let card = (Self.message(try #require(webhook.notifications.last))["contacts"] as? [[String: Any]])?.first ?? [:]
        #expect(((card["phones"] as? [[String: Any]])?.first)?["wa_id"] as? String == "5215598765432")
        try await emulator.sendReaction(emoji: "👍", to: try #require(sent.messageID), from: Self.maria)
        let reaction = Self.message(try #require(webhook.notifications.last))["reaction"] as? [String: Any] ?? [:]
        #expect(reaction["emoji"] as? String == "👍" && reaction["message_id"] as? String == sent.messageID)
        await #expect(throws: WhatsAppEmulator.EmulatorError.unknownMediaKind("gif")) {
            try await emulator.sendMedia("gif", from: Self.maria)
        }
    }

    @Test func usernameUsersComeWithoutAPhoneAndAreReachedByUserID() async throws {
        let (emulator, webhook) = try await Self.wired()
        defer { Task { await emulator.stop(); await webhook.stop() } }
        emulator.statusWebhooks = false
        let hidden = WhatsAppEmulator.Contact(waID: "", name: "Ana", userID: "MX.2000000000000002")
        try await emulator.sendText("hola", from: hidden)
        let notification = try #require(webhook.notifications.first)
        let contact = (Self.value(notification)["contacts"] as? [[String: Any]])?.first ?? [:]
        #expect(contact["wa_id"] == nil && contact["user_id"] as? String == "MX.2000000000000002")
        let message = Self.message(notification)
        #expect(message["from"] == nil && message["from_user_id"] as? String == "MX.2000000000000002")

        let reply = try await Self.send(
            emulator, ["messaging_product": "whatsapp", "recipient": "MX.2000000000000002", "type": "text", "text": ["body": "¡Hola Ana!"]])
        #expect(reply.status == 200 && reply.contact["user_id"] as? String == "MX.2000000000000002")
        #expect(emulator.messages(to: "MX.2000000000000002").map(\.text) == ["¡Hola Ana!"])
        #expect(emulator.sentMessages.last?.failedWith == nil)
    }

    // MARK: - Statuses and the 24-hour window

    @Test func expiredWindowAccepts200ThenPostsAFailed131047Status() async throws {
        let (emulator, webhook) = try await Self.wired()
        defer { Task { await emulator.stop(); await webhook.stop() } }

        try await emulator.sendText("hola, no tengo internet", from: Self.maria)
        let inside = try await Self.send(emulator, Self.text(Self.maria.waID, "Lamento la falla"))
        #expect(inside.status == 200)
        await emulator.waitForStatusWebhooks()
        try await Self.waitUntil { webhook.statuses.count >= 2 }
        let statuses = webhook.statuses
        #expect(statuses.map { $0["status"] as? String } == ["sent", "delivered"])
        #expect(statuses.allSatisfy { $0["id"] as? String == inside.messageID && $0["recipient_id"] as? String == Self.maria.waID })
        #expect(webhook.posts.allSatisfy { $0.valid })
        let delivered = webhook.notifications.last!
        #expect(Self.sameShape(delivered, try Self.fixture("whatsapp_webhook_status_delivered.json")))
        let pricing = Self.status(delivered)["pricing"] as? [String: Any] ?? [:]
        #expect(pricing["billable"] as? Bool == false && pricing["category"] as? String == "service")
        #expect(pricing["pricing_model"] as? String == "PMP")

        emulator.expireWindow(for: Self.maria.waID)
        let outside = try await Self.send(emulator, Self.text("525512345678", "¿Sigue la falla?"))
        #expect(try outside.status == 200 && Self.sameShape(outside.body, Self.fixture("whatsapp_send_ok.json")))
        #expect(emulator.sentMessages.last?.failedWith == 131047)
        await emulator.waitForStatusWebhooks()
        try await Self.waitUntil { webhook.statuses.count >= 3 }
        let failedNotification = webhook.notifications.last!
        #expect(Self.sameShape(failedNotification, try Self.fixture("whatsapp_webhook_status_failed.json")))
        let failed = Self.status(failedNotification)
        #expect(failed["status"] as? String == "failed" && failed["id"] as? String == outside.messageID)
        let fixtureError = (Self.status(try Self.fixture("whatsapp_webhook_status_failed.json"))["errors"] as! [Any])[0]
        #expect(HTTP.sameJSON((failed["errors"] as? [Any])?.first ?? [:], fixtureError))

        // Approved templates pass outside the window.
        emulator.addTemplate("seguimiento_reporte", body: "Hola, ¿ya quedó tu servicio?")
        let template: [String: Any] = [
            "messaging_product": "whatsapp", "to": Self.maria.waID, "type": "template",
            "template": ["name": "seguimiento_reporte", "language": ["code": "es_MX"]],
        ]
        let templated = try await Self.send(emulator, template)
        #expect(templated.status == 200)
        #expect(((templated.body["messages"] as? [[String: Any]])?.first)?["message_status"] as? String == "accepted")
        await emulator.waitForStatusWebhooks()
        try await Self.waitUntil { webhook.statuses.count >= 5 }
        #expect(webhook.statuses.suffix(2).map { $0["status"] as? String } == ["sent", "delivered"])
        #expect((webhook.statuses.last?["pricing"] as? [String: Any])?["billable"] as? Bool == true)

        // The customer writes again: the window is open again.
        try await emulator.sendText("sí, sigue", from: Self.maria)
        #expect(try await Self.send(emulator, Self.text(Self.maria.waID, "Ya va el técnico")).status == 200)
        #expect(emulator.sentMessages.last?.failedWith == nil)

        // With status webhooks off, an accepted send posts nothing.
        await emulator.waitForStatusWebhooks()
        let count = webhook.posts.count
        emulator.statusWebhooks = false
        #expect(try await Self.send(emulator, Self.text(Self.maria.waID, "Gracias")).status == 200)
        try await Task.sleep(for: .milliseconds(200))
        #expect(webhook.posts.count == count)
    }

    @Test func theVerificationHandshakeReachesTheWebhookWithTheHubParameters() async throws {
        let emulator = WhatsAppEmulator()
        await #expect(throws: WhatsAppEmulator.EmulatorError.noWebhook) { try await emulator.verifyWebhook(token: "x") }
        let webhook = Webhook(secret: emulator.appSecret, verifyToken: "token de verificación+&=")
        try await webhook.start()
        defer { Task { await webhook.stop() } }
        emulator.setWebhook(url: webhook.url)

        let ok = try await emulator.verifyWebhook(token: "token de verificación+&=")
        #expect(ok.status == 200 && ok.body == "1158201444")
        let hit = try #require(webhook.hits.withLock { $0.first })
        #expect(hit.method == "GET")
        #expect(hit.query == ["hub.mode": "subscribe", "hub.verify_token": "token de verificación+&=", "hub.challenge": "1158201444"])

        let wrong = try await emulator.verifyWebhook(token: "otro", challenge: "42")
        #expect(wrong.status == 403 && wrong.body.isEmpty)
        #expect(webhook.hits.withLock { $0.count } == 2)
    }
}

extension WhatsAppEmulatorTests {
    @Test func templatesAreListedAndTheirSendsCheckedAsMetaDoes() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.addTemplate("incidente_resuelto", body: "Hola {{1}}, tu reporte {{2}} quedó resuelto.")
        emulator.addTemplate("aviso_personal", status: "PAUSED", body: "Aviso: {{1}}")
        emulator.addTemplate("instalacion_lista", status: "DISABLED", body: "Hola {{1}}")

        let list = try await Self.http(emulator, .GET, "/v23.0/\(emulator.businessAccountID)/message_templates?limit=2",
                                       authorization: "Bearer \(emulator.accessToken)")
        let page = list.body["data"] as? [[String: Any]] ?? []
        #expect(page.map { $0["name"] as? String } == ["incidente_resuelto", "aviso_personal"])
        #expect(page.first?["status"] as? String == "APPROVED" && page.first?["language"] as? String == "es_MX")
        #expect((list.body["paging"] as? [String: Any])?["next"] != nil, "a third template is on the next page")

        func send(_ name: String, _ parameters: [String], language: String = "es_MX") async throws -> Reply {
            try await Self.send(emulator, [
                "messaging_product": "whatsapp", "to": Self.maria.waID, "type": "template",
                "template": ["name": name, "language": ["code": language],
                             "components": [["type": "body", "parameters": parameters.map { ["type": "text", "text": $0] }]]],
            ])
        }
        func code(_ reply: Reply) -> Int? { (reply.body["error"] as? [String: Any])?["code"] as? Int }
        let ok = try await send("incidente_resuelto", ["Ana", "F-0012"])
        #expect(ok.status == 200 && emulator.sentMessages.last?.text == "Hola Ana, tu reporte F-0012 quedó resuelto.")
        #expect(code(try await send("incidente_resuelto", ["Ana"])) == 132000, "parameter count")
        #expect(code(try await send("incidente_resuelto", ["Ana", "F-1"], language: "en_US")) == 132001, "not in that language")
        #expect(code(try await send("no_existe", [])) == 132001)
        #expect(code(try await send("aviso_personal", ["x"])) == 132015, "paused")
        #expect(code(try await send("instalacion_lista", ["x"])) == 132016, "disabled")
        #expect(try await send("incidente_resuelto", ["Ana\nLópez", "F-1"]).status == 400, "no line breaks in parameters")
        #expect(emulator.sentMessages.count == 1, "only the good send went out")
    }
}

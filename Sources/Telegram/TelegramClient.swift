import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat

/// A thin Bot API client: the `{ok, result}` envelope and error bodies decoded, a timeout on
/// every call. The token is part of every URL, so URLs never appear in errors or logs.
public struct TelegramClient: Sendable {
    let base: String
    let token: String
    let http: HTTPClient
    let timeout: TimeAmount

    public init(token: String, apiBase: URL, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(15)) {
        let root = apiBase.absoluteString
        self.base = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.token = token
        self.http = http
        self.timeout = timeout
    }

    public func getMe() async throws(TelegramError) -> TelegramBotInfo {
        try await call("getMe", [:])
    }

    /// Long poll: waits up to `timeout` seconds for updates. An update Telegram sends in a shape
    /// the bot cannot read still comes back (with only its id), so the offset can move past it.
    public func getUpdates(offset: Int64?, timeout seconds: Int, allowedUpdates: [String]) async throws(TelegramError) -> [LenientUpdate] {
        var parameters: [String: Any] = ["timeout": seconds, "allowed_updates": allowedUpdates]
        if let offset { parameters["offset"] = offset }
        return try await call("getUpdates", parameters, timeout: .seconds(Int64(seconds) + 10))
    }

    /// Sends plain text (no parse mode, so nothing needs escaping). Returns the message id.
    @discardableResult
    public func sendMessage(chatID: Int64, text: String, replyMarkup: [String: Any]? = nil) async throws(TelegramError) -> Int64 {
        var parameters: [String: Any] = ["chat_id": chatID, "text": text, "link_preview_options": ["is_disabled": true]]
        if let replyMarkup { parameters["reply_markup"] = replyMarkup }
        let message: SentMessage = try await call("sendMessage", parameters)
        return message.messageID
    }

    public func answerCallbackQuery(id: String, text: String? = nil) async throws(TelegramError) {
        var parameters: [String: Any] = ["callback_query_id": id]
        if let text { parameters["text"] = text }
        let _: Bool = try await call("answerCallbackQuery", parameters)
    }

    /// Removes the buttons of a message once one was pressed.
    public func removeKeyboard(chatID: Int64, messageID: Int64) async throws(TelegramError) {
        let _: LenientResult = try await call("editMessageReplyMarkup", ["chat_id": chatID, "message_id": messageID])
    }

    /// Where a file can be downloaded from (valid for about an hour; at most 20 MB).
    public func getFile(_ fileID: String) async throws(TelegramError) -> String {
        struct File: Decodable { var file_path: String? }
        let file: File = try await call("getFile", ["file_id": fileID])
        guard let path = file.file_path else { throw TelegramError(method: "getFile", code: 400, description: "no file_path") }
        return path
    }

    public func download(_ filePath: String, limit: Int = 20 << 20) async throws(TelegramError) -> Data {
        var request = HTTPClientRequest(url: "\(base)/file/bot\(token)/\(filePath)")
        request.method = .GET
        do {
            let response = try await http.execute(request, timeout: timeout)
            guard response.status.code == 200 else {
                throw TelegramError(method: "file", code: Int(response.status.code), description: "download refused")
            }
            return Data(buffer: try await response.body.collect(upTo: limit))
        } catch let error as TelegramError {
            throw error
        } catch {
            throw TelegramError(method: "file", code: 0, description: "download failed (\(error))")
        }
    }

    public func setWebhook(url: String, secret: String, allowedUpdates: [String]) async throws(TelegramError) {
        let _: Bool = try await call("setWebhook", ["url": url, "secret_token": secret, "allowed_updates": allowedUpdates])
    }

    public func deleteWebhook() async throws(TelegramError) {
        let _: Bool = try await call("deleteWebhook", ["drop_pending_updates": false])
    }

    public func getWebhookInfo() async throws(TelegramError) -> TelegramWebhookInfo {
        try await call("getWebhookInfo", [:])
    }

    // MARK: The envelope

    private struct SentMessage: Decodable {
        var messageID: Int64
        enum CodingKeys: String, CodingKey { case messageID = "message_id" }
    }

    /// A result whose shape does not matter (a Message or `true`).
    private struct LenientResult: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    private struct Envelope<T: Decodable>: Decodable {
        struct Parameters: Decodable {
            var retryAfter: Int?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
        var ok: Bool
        var result: T?
        var errorCode: Int?
        var description: String?
        var parameters: Parameters?
        enum CodingKeys: String, CodingKey { case ok, result, errorCode = "error_code", description, parameters }
    }

    private struct ErrorEnvelope: Decodable {
        var errorCode: Int?
        var description: String?
        var parameters: Envelope<Bool>.Parameters?
        enum CodingKeys: String, CodingKey { case errorCode = "error_code", description, parameters }
    }

    private func call<T: Decodable>(_ method: String, _ parameters: [String: Any], timeout: TimeAmount? = nil) async throws(TelegramError) -> T {
        var request = HTTPClientRequest(url: "\(base)/bot\(token)/\(method)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        do {
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: parameters)))
        } catch {
            throw TelegramError(method: method, code: 0, description: "could not encode the request: \(error)")
        }
        let status: Int
        let data: Data
        do {
            let response = try await http.execute(request, timeout: timeout ?? self.timeout)
            status = Int(response.status.code)
            data = Data(buffer: try await response.body.collect(upTo: 16 << 20))
        } catch {
            // AsyncHTTPClient errors name the host, never the path holding the token.
            throw TelegramError(method: method, code: 0, description: "no answer from Telegram (\(error))")
        }
        if status == 200, let envelope = try? JSONDecoder().decode(Envelope<T>.self, from: data), envelope.ok, let result = envelope.result {
            return result
        }
        let failure = try? JSONDecoder().decode(ErrorEnvelope.self, from: data)
        throw TelegramError(method: method, code: failure?.errorCode ?? status,
                            description: failure?.description ?? "HTTP \(status)", retryAfter: failure?.parameters?.retryAfter)
    }
}

/// An update decoded as far as possible: `update` is nil for a shape the bot cannot read.
public struct LenientUpdate: Decodable, Sendable {
    public var updateID: Int64
    public var update: TelegramUpdate?

    public init(from decoder: any Decoder) throws {
        struct IDOnly: Decodable { var update_id: Int64 }
        updateID = try IDOnly(from: decoder).update_id
        update = try? TelegramUpdate(from: decoder)
    }
}

/// A failed Bot API call. `code` is Telegram's error_code (0 when Telegram never answered).
public struct TelegramError: Error, Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var code: Int
    /// Telegram's own words ("Forbidden: bot was blocked by the user").
    public var text: String
    public var retryAfter: Int?

    public init(method: String, code: Int, description: String, retryAfter: Int? = nil) {
        self.method = method
        self.code = code
        self.text = description
        self.retryAfter = retryAfter
    }

    public var description: String { "Telegram \(method): \(text)" }

    public var isConflict: Bool { code == 409 }
    public var isUnauthorized: Bool { code == 401 || code == 404 }
}

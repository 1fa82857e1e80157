import AsyncHTTPClient
import Foundation
import JSONAPI
import NIOCore

/// A thin Bot API client: typed requests, the `{ok, result}` envelope and error bodies decoded,
/// a timeout on every call. The token is part of every URL, so URLs never appear in errors or logs.
public struct TelegramClient: Sendable {
    let base: String
    let token: String
    let exchange: JSONExchange
    let timeout: TimeAmount

    public init(token: String, apiBase: URL, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(15)) {
        let root = apiBase.absoluteString
        self.base = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.token = token
        self.exchange = JSONExchange(http: http)
        self.timeout = timeout
    }

    public func getMe() async throws(TelegramError) -> TelegramBotInfo {
        try await call("getMe", TelegramRequest.None())
    }

    /// Long poll: waits up to `timeout` seconds for updates. An update Telegram sends in a shape
    /// the bot cannot read still comes back (with only its id), so the offset can move past it.
    public func getUpdates(offset: Int64?, timeout seconds: Int, allowedUpdates: [String]) async throws(TelegramError) -> [LenientUpdate] {
        try await call("getUpdates", TelegramRequest.GetUpdates(offset: offset, timeout: seconds, allowedUpdates: allowedUpdates),
                       timeout: .seconds(Int64(seconds) + 10))
    }

    /// Sends plain text (no parse mode, so nothing needs escaping). Returns the message id.
    @discardableResult
    public func sendMessage(chatID: Int64, text: String, keyboard: TelegramKeyboard? = nil) async throws(TelegramError) -> Int64 {
        let message: SentMessage = try await call("sendMessage", TelegramRequest.SendMessage(chatID: chatID, text: text, replyMarkup: keyboard))
        return message.messageID
    }

    public func answerCallbackQuery(id: String, text: String? = nil) async throws(TelegramError) {
        let _: Bool = try await call("answerCallbackQuery", TelegramRequest.AnswerCallbackQuery(callbackQueryID: id, text: text))
    }

    /// Removes the buttons of a message once one was pressed.
    public func removeKeyboard(chatID: Int64, messageID: Int64) async throws(TelegramError) {
        let _: LenientResult = try await call("editMessageReplyMarkup", TelegramRequest.RemoveButtons(chatID: chatID, messageID: messageID))
    }

    /// Where a file can be downloaded from (valid for about an hour; at most 20 MB).
    public func getFile(_ fileID: String) async throws(TelegramError) -> String {
        struct File: Decodable { var file_path: String? }
        let file: File = try await call("getFile", TelegramRequest.GetFile(fileID: fileID))
        guard let path = file.file_path else { throw TelegramError(method: "getFile", code: 400, description: "no file_path") }
        return path
    }

    public func download(_ filePath: String, limit: Int = 20 << 20) async throws(TelegramError) -> Data {
        let response: JSONExchange.Response
        do {
            response = try await exchange.download("\(base)/file/bot\(token)/\(filePath)", timeout: timeout, limit: limit)
        } catch {
            throw TelegramError(method: "file", code: 0, description: "download failed (\(error))")
        }
        guard response.status == 200 else { throw TelegramError(method: "file", code: response.status, description: "download refused") }
        return response.body
    }

    public func setWebhook(url: String, secret: String, allowedUpdates: [String]) async throws(TelegramError) {
        let _: Bool = try await call("setWebhook", TelegramRequest.SetWebhook(url: url, secretToken: secret, allowedUpdates: allowedUpdates))
    }

    public func deleteWebhook() async throws(TelegramError) {
        let _: Bool = try await call("deleteWebhook", TelegramRequest.DeleteWebhook())
    }

    public func getWebhookInfo() async throws(TelegramError) -> TelegramWebhookInfo {
        try await call("getWebhookInfo", TelegramRequest.None())
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
        var ok: Bool
        var result: T?
    }

    private struct ErrorEnvelope: Decodable {
        struct Parameters: Decodable {
            var retryAfter: Int?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
        var errorCode: Int?
        var description: String?
        var parameters: Parameters?
        enum CodingKeys: String, CodingKey { case errorCode = "error_code", description, parameters }
    }

    private func call<T: Decodable>(_ method: String, _ body: some Encodable & Sendable,
                                    timeout: TimeAmount? = nil) async throws(TelegramError) -> T {
        let response: JSONExchange.Response
        do {
            response = try await exchange.send(.POST, "\(base)/bot\(token)/\(method)", json: body,
                                               timeout: timeout ?? self.timeout, limit: 16 << 20)
        } catch {
            // The failure names the host at most, never the path holding the token.
            throw TelegramError(method: method, code: 0, description: "no answer from Telegram (\(error))")
        }
        if response.status == 200, let envelope = response.decode(Envelope<T>.self), envelope.ok, let result = envelope.result {
            return result
        }
        let failure = response.decode(ErrorEnvelope.self)
        throw TelegramError(method: method, code: failure?.errorCode ?? response.status,
                            description: failure?.description ?? "HTTP \(response.status)", retryAfter: failure?.parameters?.retryAfter)
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

import AsyncHTTPClient
import Foundation
import JSONAPI
import NIOCore
import NIOHTTP1

/// A thin Cloud API client for one business number. The access token travels only in the
/// Authorization header; errors are decoded from the Graph error body.
public struct WhatsAppClient: Sendable {
    let root: String
    /// `{base}/{version}`: media ids live there, beside the phone number.
    let versionRoot: String
    let token: String
    let exchange: JSONExchange
    let timeout: TimeAmount

    public init(apiBase: URL, version: String, phoneNumberID: String, token: String, http: HTTPClient = .shared,
                timeout: TimeAmount = .seconds(15)) {
        let base = apiBase.absoluteString.hasSuffix("/") ? String(apiBase.absoluteString.dropLast()) : apiBase.absoluteString
        self.versionRoot = "\(base)/\(version)"
        self.root = "\(base)/\(version)/\(phoneNumberID)"
        self.token = token
        self.exchange = JSONExchange(http: http)
        self.timeout = timeout
    }

    /// Sends one message; returns the wamid WhatsApp gave it.
    public func send(_ message: WhatsAppOutgoing) async throws(WhatsAppError) -> String? {
        struct Sent: Decodable { struct Message: Decodable { var id: String? }; var messages: [Message]? }
        let sent: Sent = try await request(.POST, root + "/messages", body: message)
        return sent.messages?.first?.id
    }

    /// Marks the customer's message as read (the blue ticks), which also covers earlier ones.
    public func markRead(_ messageID: String) async throws(WhatsAppError) {
        let _: Ignored = try await request(.POST, root + "/messages", body: WhatsAppReadReceipt(messageID: messageID))
    }

    /// A media file a customer sent: its URL (short-lived) and type, then the bytes.
    public func media(_ id: String, limit: Int = 16 << 20) async throws(WhatsAppError) -> (data: Data, mimeType: String) {
        struct Media: Decodable { var url: String?; var mime_type: String? }
        let info: Media = try await request(.GET, versionRoot + "/" + id)
        guard let url = info.url else { throw WhatsAppError(httpStatus: 200, code: 0, message: "no media url") }
        let response: JSONExchange.Response
        do {
            response = try await exchange.download(url, headers: [("Authorization", "Bearer \(token)")], timeout: timeout, limit: limit)
        } catch {
            throw WhatsAppError(httpStatus: 0, code: 0, message: "media download failed (\(error))")
        }
        guard response.status == 200 else {
            throw WhatsAppError(httpStatus: response.status, code: 0, message: "media download refused")
        }
        return (response.body, info.mime_type ?? "audio/ogg")
    }

    /// The business number's own fields, for status.
    public struct PhoneNumber: Decodable, Sendable {
        public var displayPhoneNumber: String?
        public var qualityRating: String?
        public var verifiedName: String?
        enum CodingKeys: String, CodingKey {
            case displayPhoneNumber = "display_phone_number", qualityRating = "quality_rating", verifiedName = "verified_name"
        }
    }

    public func phoneNumber() async throws(WhatsAppError) -> PhoneNumber {
        try await request(.GET, root + "?fields=display_phone_number,quality_rating,verified_name")
    }

    /// A message template of the business account, as WhatsApp Manager lists it.
    public struct Template: Decodable, Sendable, Equatable {
        public var name: String
        public var language: String
        /// APPROVED, PENDING, REJECTED, PAUSED, DISABLED.
        public var status: String
    }

    /// Every template of the business account (`GET /{waba-id}/message_templates`, page by page).
    public func templates(businessAccountID: String) async throws(WhatsAppError) -> [Template] {
        struct Page: Decodable {
            struct Paging: Decodable { struct Cursors: Decodable { var after: String? }; var cursors: Cursors?; var next: String? }
            var data: [Template]
            var paging: Paging?
        }
        var all: [Template] = []
        var after: String?
        for _ in 0..<20 {
            var url = "\(versionRoot)/\(businessAccountID)/message_templates?fields=name,language,status&limit=100"
            if let after { url += "&after=" + (after.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? after) }
            let page: Page = try await request(.GET, url)
            all += page.data
            guard page.paging?.next != nil, let next = page.paging?.cursors?.after else { break }
            after = next
        }
        return all
    }

    private struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    private struct GraphErrorBody: Decodable {
        struct Details: Decodable { var details: String? }
        struct Graph: Decodable {
            var message: String?
            var code: Int?
            var errorData: Details?
            enum CodingKeys: String, CodingKey { case message, code, errorData = "error_data" }
        }
        var error: Graph
    }

    private func request<T: Decodable>(_ method: HTTPMethod, _ url: String,
                                       body: (any Encodable & Sendable)? = nil) async throws(WhatsAppError) -> T {
        let response: JSONExchange.Response
        do {
            response = try await exchange.send(method, url, headers: [("Authorization", "Bearer \(token)")], json: body, timeout: timeout)
        } catch {
            throw WhatsAppError(httpStatus: 0, code: 0, message: "no answer from the Graph API (\(error))")
        }
        guard response.isSuccess else {
            let graph = response.decode(GraphErrorBody.self)?.error
            throw WhatsAppError(httpStatus: response.status, code: graph?.code ?? response.status,
                                message: graph?.message ?? "HTTP \(response.status)", details: graph?.errorData?.details)
        }
        guard let decoded = response.decode(T.self) else {
            throw WhatsAppError(httpStatus: response.status, code: 0, message: "unexpected answer from the Graph API")
        }
        return decoded
    }
}

/// A Graph API error: `code` is Meta's error code (131047, 131056, 190…), 0 when no answer came.
public struct WhatsAppError: Error, Sendable, Equatable, CustomStringConvertible {
    public var httpStatus: Int
    public var code: Int
    public var message: String
    public var details: String?

    public init(httpStatus: Int, code: Int, message: String, details: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String {
        "WhatsApp error \(code): \(message)\(details.map { " (\($0))" } ?? "")"
    }

    public var isExpiredToken: Bool { code == 190 || httpStatus == 401 }
}

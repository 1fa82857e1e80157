import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A thin Cloud API client for one business number. The access token travels only in the
/// Authorization header; errors are decoded from the Graph error body.
public struct WhatsAppClient: Sendable {
    let root: String
    /// `{base}/{version}`: media ids live there, beside the phone number.
    let versionRoot: String
    let token: String
    let http: HTTPClient
    let timeout: TimeAmount

    public init(apiBase: URL, version: String, phoneNumberID: String, token: String, http: HTTPClient = .shared,
                timeout: TimeAmount = .seconds(15)) {
        let base = apiBase.absoluteString.hasSuffix("/") ? String(apiBase.absoluteString.dropLast()) : apiBase.absoluteString
        self.versionRoot = "\(base)/\(version)"
        self.root = "\(base)/\(version)/\(phoneNumberID)"
        self.token = token
        self.http = http
        self.timeout = timeout
    }

    /// Sends one message; returns the wamid WhatsApp gave it.
    public func send(_ message: [String: Any]) async throws(WhatsAppError) -> String? {
        var body = message
        body["messaging_product"] = "whatsapp"
        let object = try await request(.POST, root + "/messages", body: body)
        return ((object["messages"] as? [[String: Any]])?.first?["id"]) as? String
    }

    /// Marks the customer's message as read (the blue ticks), which also covers earlier ones.
    public func markRead(_ messageID: String) async throws(WhatsAppError) {
        _ = try await request(.POST, root + "/messages", body: ["messaging_product": "whatsapp", "status": "read", "message_id": messageID])
    }

    /// A media file a customer sent: its URL (short-lived) and type, then the bytes.
    public func media(_ id: String, limit: Int = 16 << 20) async throws(WhatsAppError) -> (data: Data, mimeType: String) {
        let info = try await request(.GET, versionRoot + "/" + id, body: nil)
        guard let url = info["url"] as? String else { throw WhatsAppError(httpStatus: 200, code: 0, message: "no media url") }
        var download = HTTPClientRequest(url: url)
        download.headers.add(name: "Authorization", value: "Bearer \(token)")
        do {
            let response = try await http.execute(download, timeout: timeout)
            guard response.status.code == 200 else {
                throw WhatsAppError(httpStatus: Int(response.status.code), code: 0, message: "media download refused")
            }
            return (Data(buffer: try await response.body.collect(upTo: limit)), info["mime_type"] as? String ?? "audio/ogg")
        } catch let error as WhatsAppError {
            throw error
        } catch {
            throw WhatsAppError(httpStatus: 0, code: 0, message: "media download failed (\(error))")
        }
    }

    /// The business number's own fields, for status: display number, quality rating, verified name.
    public func phoneNumber() async throws(WhatsAppError) -> [String: Any] {
        try await request(.GET, root + "?fields=display_phone_number,quality_rating,verified_name", body: nil)
    }

    private func request(_ method: HTTPMethod, _ url: String, body: [String: Any]?) async throws(WhatsAppError) -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            guard let data = try? JSONSerialization.data(withJSONObject: body) else {
                throw WhatsAppError(httpStatus: 0, code: 0, message: "could not encode the request")
            }
            request.body = .bytes(ByteBuffer(data: data))
        }
        let status: Int
        let data: Data
        do {
            let response = try await http.execute(request, timeout: timeout)
            status = Int(response.status.code)
            data = Data(buffer: try await response.body.collect(upTo: 4 << 20))
        } catch {
            throw WhatsAppError(httpStatus: 0, code: 0, message: "no answer from the Graph API (\(error))")
        }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        guard (200..<300).contains(status) else {
            let error = object["error"] as? [String: Any] ?? [:]
            let details = (error["error_data"] as? [String: Any])?["details"] as? String
            throw WhatsAppError(httpStatus: status, code: error["code"] as? Int ?? status,
                                message: error["message"] as? String ?? "HTTP \(status)", details: details)
        }
        return object
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

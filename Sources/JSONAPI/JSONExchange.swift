import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// One JSON request and its answer: the part every API client (Sheets, OAuth, Telegram,
/// WhatsApp, Gemini) shares. Each client keeps what differs: its URL, its auth header, its
/// envelope and the error words of its API.
public struct JSONExchange: Sendable {
    let http: HTTPClient

    public init(http: HTTPClient = .shared) {
        self.http = http
    }

    /// What came back: any status, the body read up to the limit given.
    public struct Response: Sendable {
        public var status: Int
        public var body: Data

        public init(status: Int, body: Data) {
            self.status = status
            self.body = body
        }

        public var isSuccess: Bool { (200..<300).contains(status) }

        /// The body as `T`, or nil when it is not that shape (an empty body reads as `{}`).
        public func decode<T: Decodable>(_ type: T.Type = T.self) -> T? {
            try? JSONDecoder().decode(T.self, from: body.isEmpty ? Data("{}".utf8) : body)
        }
    }

    /// Sends `body` as JSON (or nothing for a GET) and reads the answer. Only a request that
    /// got no answer throws; an error status is a `Response` for the client to read.
    public func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)] = [],
                     json body: (any Encodable & Sendable)? = nil, form: String? = nil,
                     timeout: TimeAmount, limit: Int = 4 << 20) async throws(TransportFailure) -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            do {
                request.body = .bytes(ByteBuffer(data: try encoder.encode(body)))
            } catch {
                throw TransportFailure(.unencodable, "could not encode the request: \(error)")
            }
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        } else if let form {
            request.body = .bytes(ByteBuffer(string: form))
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        }
        do {
            let response = try await http.execute(request, timeout: timeout)
            let data = Data(buffer: try await response.body.collect(upTo: limit))
            return Response(status: Int(response.status.code), body: data)
        } catch {
            throw TransportFailure(error)
        }
    }

    /// A download: the bytes when the status is 200, else the status (0 when nothing answered).
    public func download(_ url: String, headers: [(String, String)] = [], timeout: TimeAmount,
                         limit: Int) async throws(TransportFailure) -> Response {
        try await send(.GET, url, headers: headers, timeout: timeout, limit: limit)
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// One HTTP call to an emulator, as a client of that API would make it: the helper every
/// emulator suite builds its own calls on.
enum HTTP {
    struct Result {
        var status: Int
        var bytes: [UInt8]
        var headers: [String: String] = [:]

        var body: String { String(decoding: bytes, as: UTF8.self) }

        func object() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "not a JSON object: \(body)")
        }

        /// The body as a JSON object, or empty when it is not one.
        var objectOrEmpty: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:] }
    }

    static func send(_ method: String, _ url: String, headers: [(String, String)] = [], contentType: String? = nil,
                     body: String? = nil, timeout: Duration = .seconds(10)) async throws -> Result {
        try await send(method, url, headers: headers, contentType: contentType, bytes: body.map { Array($0.utf8) }, timeout: timeout)
    }

    static func send(_ method: String, _ url: String, headers: [(String, String)] = [], contentType: String? = nil,
                     bytes: [UInt8]?, timeout: Duration = .seconds(10)) async throws -> Result {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let bytes { request.body = .bytes(ByteBuffer(bytes: bytes)) }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(milliseconds))
        let buffer = try await response.body.collect(upTo: 1 << 24)
        var received: [String: String] = [:]
        for header in response.headers { received[header.name.lowercased()] = header.value }
        return Result(status: Int(response.status.code), bytes: Array(buffer.readableBytesView), headers: received)
    }

    /// A JSON body from a dictionary or array.
    static func json(_ value: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: value))
    }

    /// Equal as JSON (both re-serialised with sorted keys).
    static func sameJSON(_ a: Any, _ b: Any) -> Bool {
        let options: JSONSerialization.WritingOptions = [.sortedKeys]
        guard let x = try? JSONSerialization.data(withJSONObject: a, options: options),
            let y = try? JSONSerialization.data(withJSONObject: b, options: options)
        else { return false }
        return x == y
    }
}

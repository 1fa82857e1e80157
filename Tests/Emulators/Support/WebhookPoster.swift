import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How the emulators that push (Telegram's webhook deliveries, WhatsApp's notifications and
/// its verification GET) reach the bot: Foundation's URLSession, one session for all of them,
/// made on first use (most tests never push).
enum WebhookPoster {
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 4
        return URLSession(configuration: configuration)
    }()

    /// POSTs a JSON body; returns the HTTP status (0 when the answer was not HTTP).
    static func post(_ url: URL, body: [UInt8], headers: [(String, String)], timeout: TimeInterval) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("", forHTTPHeaderField: "Expect")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    static func get(_ url: URL, headers: [(String, String)], timeout: TimeInterval) async throws -> (status: Int, body: [UInt8]) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data))
    }
}

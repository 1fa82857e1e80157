import AsyncHTTPClient
import Foundation
import JSONAPI
import Logging
import NIOCore

/// Access tokens for the service account: exchanged at the key file's token_uri, reused
/// until shortly before they expire, and refreshed by one request however many callers
/// need a token at that moment.
public actor TokenProvider {
    private let key: ServiceAccountKey
    private let api: JSONExchange
    private let timeout: TimeAmount
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var cached: (token: String, refreshAt: Date)?
    private var refreshing: Task<String, any Error>?
    /// How many token exchanges this process made (for tests and status).
    public private(set) var exchanges = 0
    public private(set) var lastError: AuthError?

    public init(key: ServiceAccountKey, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(15),
                logger: Logger = Logger(label: "google.auth"), now: @escaping @Sendable () -> Date = Date.init) {
        self.key = key
        self.api = JSONExchange(http: http)
        self.timeout = timeout
        self.logger = logger
        self.now = now
    }

    public var serviceAccountEmail: String { key.clientEmail }

    public func token() async throws -> String {
        if let cached, now() < cached.refreshAt { return cached.token }
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.exchange() }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    /// Forget the token (the API said 401): the next call exchanges a new one.
    public func invalidate() {
        cached = nil
    }

    private func exchange() async throws -> String {
        var attempt = 0
        while true {
            attempt += 1
            switch await attemptExchange() {
            case .success(let token):
                lastError = nil
                return token
            case .failure(let error):
                lastError = error
                guard error.isTransient, attempt < 3 else {
                    logger.error("token exchange failed", metadata: ["error": "\(error)"])
                    throw error
                }
                try await Task.sleep(for: .milliseconds(300 * attempt))
            }
        }
    }

    private func attemptExchange() async -> Result<String, AuthError> {
        do {
            return .success(try await requestToken())
        } catch {
            return .failure(error)
        }
    }

    private func requestToken() async throws(AuthError) -> String {
        let issuedAt = now()
        let assertion: String
        do {
            assertion = try JWTAssertion.make(key: key, issuedAt: issuedAt)
        } catch {
            throw .signing("\(error)")
        }
        let response: JSONExchange.Response
        do {
            response = try await api.send(.POST, key.tokenURI.absoluteString,
                                               form: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=\(assertion)",
                                               timeout: timeout, limit: 1 << 20)
        } catch {
            throw .unreachable(uri: key.tokenURI.absoluteString, reason: error.reason)
        }
        exchanges += 1
        struct Answer: Decodable {
            var access_token: String?
            var expires_in: Double?
            var error: String?
            var error_description: String?
        }
        let answer = response.decode(Answer.self)
        guard response.status == 200, let token = answer?.access_token else {
            if let error = answer?.error {
                throw .rejected(error: error, description: answer?.error_description ?? "", status: response.status)
            }
            throw .badResponse(status: response.status)
        }
        let expiresIn = answer?.expires_in ?? 3600
        // google-auth refreshes 3 min 45 s before expiry; short test tokens refresh at 3/4 of their life.
        let margin = min(225, expiresIn / 4)
        cached = (token, issuedAt.addingTimeInterval(expiresIn - margin))
        logger.info("access token obtained", metadata: ["expires_in_s": "\(Int(expiresIn))"])
        return token
    }
}

/// Why no token could be had. Descriptions say what to do and never include the key or assertion.
public enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    case rejected(error: String, description: String, status: Int)
    case unreachable(uri: String, reason: String)
    case badResponse(status: Int)
    case signing(String)

    var isTransient: Bool {
        switch self {
        case .unreachable: true
        case .badResponse(let status): status >= 500
        case .rejected(let error, _, let status): status >= 500 || ["internal_failure", "server_error", "temporarily_unavailable"].contains(error)
        case .signing: false
        }
    }

    public var description: String {
        switch self {
        case .rejected(let error, let description, _):
            // OAuth's invalid_grant covers a deleted key, a wrong clock and a deleted account
            // alike; only Google's description tells them apart.
            let lower = description.lowercased()
            if lower.contains("signature") {
                return "Google refused the service account key (\(error): \(description)) — the key was deleted or replaced; create a new JSON key (service_account/README.md)"
            }
            if lower.contains("timeframe") || lower.contains("short-lived") || lower.contains("clock") {
                return "Google refused the token request (\(error): the time in the request is off) — this server's clock is wrong; turn on time sync (timedatectl set-ntp true)"
            }
            if lower.contains("account not found") {
                return "Google says the service account no longer exists (\(error)) — create a service account and key again and share the sheet with it"
            }
            return "Google refused the token request (\(error)\(description.isEmpty ? "" : ": " + description))"
        case .unreachable(let uri, let reason):
            return "cannot reach Google's token endpoint \(uri) (\(reason))"
        case .badResponse(let status):
            return "the token endpoint answered HTTP \(status) without a token"
        case .signing(let reason):
            return "could not sign the token request with the service account key (\(reason))"
        }
    }
}

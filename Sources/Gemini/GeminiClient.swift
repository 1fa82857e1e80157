import AsyncHTTPClient
import Foundation
import JSONAPI
import Logging
import Metrics
import NIOCore

/// A thin client for `POST {base}/v1beta/models/{model}:generateContent`. The key goes in the
/// `x-goog-api-key` header only — never in the URL, never in logs. 429 and 503 are retried once
/// if the deadline leaves time; a circuit breaker stops calling for a while after repeated
/// failures, so a Gemini outage costs the customers nothing but plainer replies.
public actor GeminiClient {
    let base: String
    let model: String
    let key: String
    let exchange: JSONExchange
    let logger: Logger
    private var consecutiveFailures = 0
    private var openUntil: Date?

    /// After this many failures in a row, Gemini is left alone for `coolDown`.
    let breakerThreshold = 3
    let coolDown: TimeInterval = 60

    public init(apiBase: URL, model: String, apiKey: String, http: HTTPClient = .shared,
                logger: Logger = Logger(label: "gemini")) {
        let root = apiBase.absoluteString
        self.base = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.model = model
        self.key = apiKey
        self.exchange = JSONExchange(http: http)
        self.logger = logger
    }

    public nonisolated var modelName: String { model }

    /// Open: failing recently, not being called until the given time.
    public var breakerOpenUntil: Date? {
        guard let openUntil, openUntil > Date() else { return nil }
        return openUntil
    }

    /// Sends a request body; throws `GeminiError` (including `.circuitOpen` and `.deadline`).
    public func generate(_ body: GeminiRequest, deadline: Date) async throws(GeminiError) -> GeminiResponse {
        if let openUntil, openUntil > Date() { throw .circuitOpen(until: openUntil) }
        var attempt = 0
        while true {
            attempt += 1
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0.05 else { throw record(.deadline) }
            do {
                let response = try await send(body, timeout: remaining)
                consecutiveFailures = 0
                openUntil = nil
                Counter(label: "bot_gemini_tokens_total").increment(by: response.totalTokens)
                logger.debug("gemini answered", metadata: ["tokens": "\(response.totalTokens)", "finish": "\(response.finishReason ?? "-")"])
                return response
            } catch {
                // A 429 saying "retry in 21 s" is not retried in one: the breaker waits it out.
                let wait = error.retryDelay ?? 0.5
                let retryable = error.isRetryable && attempt == 1 && wait <= 1.0
                if retryable, deadline.timeIntervalSinceNow > wait + 0.3 {
                    logger.notice("gemini busy; one retry", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(wait))
                    continue
                }
                throw record(error)
            }
        }
    }

    private func record(_ error: GeminiError) -> GeminiError {
        Counter(label: "bot_gemini_failures_total").increment()
        consecutiveFailures += 1
        if case .rateLimited(let delay?) = error {
            // Google said when to come back: no call before then, whatever the count.
            let until = Date().addingTimeInterval(delay)
            openUntil = max(openUntil ?? until, until)
            logger.warning("gemini rate limited; offline rules until Google's retry time", metadata: ["pause_s": "\(Int(delay))"])
        }
        if consecutiveFailures >= breakerThreshold {
            openUntil = Date().addingTimeInterval(coolDown)
            logger.warning("gemini failing; using the offline rules for a while",
                           metadata: ["failures_in_a_row": "\(consecutiveFailures)", "pause_s": "\(Int(coolDown))", "error": "\(error)"])
        }
        if case .modelNotFound = error {
            logger.critical("gemini model not found — GEMINI_MODEL names a retired or unknown model", metadata: ["model": "\(model)"])
        }
        return error
    }

    private func send(_ body: GeminiRequest, timeout: TimeInterval) async throws(GeminiError) -> GeminiResponse {
        Counter(label: "bot_gemini_calls_total").increment()
        let response: JSONExchange.Response
        do {
            response = try await exchange.send(.POST, "\(base)/v1beta/models/\(model):generateContent",
                                               headers: [("x-goog-api-key", key)], json: body,
                                               timeout: .milliseconds(Int64(timeout * 1000)), limit: 8 << 20)
        } catch {
            throw .unreachable(error.reason)
        }
        guard response.status == 200 else {
            throw GeminiError.from(status: response.status, body: response.decode(GoogleErrorBody.self))
        }
        guard let wire = response.decode(GeminiResponse.Wire.self) else { throw .unusable("not a generateContent answer") }
        return GeminiResponse(wire)
    }
}

/// Why Gemini gave no usable answer. Never contains the key.
public enum GeminiError: Error, Sendable, Equatable, CustomStringConvertible {
    case rateLimited(retryDelay: Double?)
    case unavailable(status: Int, message: String)
    case modelNotFound(String)
    case badKey(String)
    case badRequest(String)
    case unreachable(String)
    case deadline
    case circuitOpen(until: Date)
    case unusable(String)

    var isRetryable: Bool {
        switch self {
        case .rateLimited, .unavailable: true
        default: false
        }
    }

    var retryDelay: Double? {
        if case .rateLimited(let delay) = self { return delay }
        return nil
    }

    static func from(status: Int, body: GoogleErrorBody?) -> GeminiError {
        let message = body?.error.message ?? "HTTP \(status)"
        let details = body?.error.details ?? []
        switch status {
        case 429:
            let delay = details.compactMap(\.retryDelay).first.flatMap { Double($0.dropLast()) }
            return .rateLimited(retryDelay: delay)
        case 404: return .modelNotFound(message)
        case 403: return .badKey(message)
        case 400 where details.contains(where: { $0.reason == "API_KEY_INVALID" }): return .badKey(message)
        case 400: return .badRequest(message)
        default: return status >= 500 ? .unavailable(status: status, message: message) : .badRequest(message)
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let delay): "Gemini rate limit (429)\(delay.map { ", retry in \(Int($0)) s" } ?? "")"
        case .unavailable(let status, let message): "Gemini unavailable (\(status)): \(message)"
        case .modelNotFound(let message): "model not found (404): \(message) — set GEMINI_MODEL to a current model"
        case .badKey(let message): "GEMINI_API_KEY refused: \(message)"
        case .badRequest(let message): "Gemini refused the request: \(message)"
        case .unreachable(let reason): "cannot reach Gemini (\(reason))"
        case .deadline: "no answer from Gemini within the turn's deadline"
        case .circuitOpen: "Gemini paused after repeated failures"
        case .unusable(let why): "Gemini's answer could not be used (\(why))"
        }
    }
}

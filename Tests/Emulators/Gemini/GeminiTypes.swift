import Foundation

extension GeminiEmulator {
    /// What the model answers to one generateContent call.
    public enum Answer: Sendable, Equatable {
        /// One text part, finishReason STOP.
        case text(String)
        /// One text part holding this JSON (for `responseMimeType: application/json`), STOP.
        case json(String)
        /// The prompt is blocked: no candidates, `promptFeedback.blockReason` = `reason` (e.g. "SAFETY").
        case blockedPrompt(reason: String)
        /// finishReason MAX_TOKENS with this (truncated) text.
        case maxTokens(truncatedText: String)
        /// finishReason MAX_TOKENS, content `{"role":"model"}` without parts (budget spent thinking).
        case maxTokensNoParts
        /// A candidate with finishReason SAFETY, safetyRatings and no content.
        case safety
        /// An error body: 429 (with RetryInfo "21s"), 500, 503 as in the fixtures; 400, 403, 404, 504 generic.
        case error(status: Int)
        /// Waits, then answers `then`.
        indirect case slow(seconds: Double, then: Answer)
    }

    public struct RecordedRequest: Sendable, Equatable {
        /// The model id from the path ("" when the path names none).
        public var model: String
        /// Path and query as received (percent-encoded).
        public var path: String
        /// The `x-goog-api-key` header, if sent.
        public var apiKeyHeader: String?
        /// The `key` query parameter, if sent.
        public var apiKeyQuery: String?
        /// The request body as received.
        public var body: String
        /// The HTTP status answered (0 while still being answered).
        public var status: Int
        /// When it arrived, seconds since 1970.
        public var at: Double

        public init(model: String, path: String, apiKeyHeader: String?, apiKeyQuery: String?, body: String, status: Int, at: Double) {
            self.model = model
            self.path = path
            self.apiKeyHeader = apiKeyHeader
            self.apiKeyQuery = apiKeyQuery
            self.body = body
            self.status = status
            self.at = at
        }
    }
}

/// Google's error body, the same for Sheets, Gemini and every v1 API:
/// `{"error": {code, message, status, details: [ErrorInfo, RetryInfo, …]}}`.
public struct GoogleErrorBody: Decodable, Sendable {
    public struct Detail: Decodable, Sendable {
        /// ErrorInfo's reason ("API_KEY_INVALID").
        public var reason: String?
        /// RetryInfo's delay ("21s").
        public var retryDelay: String?
    }

    public struct Body: Decodable, Sendable {
        public var code: Int?
        public var message: String?
        /// The canonical status ("INVALID_ARGUMENT", "RESOURCE_EXHAUSTED").
        public var status: String?
        public var details: [Detail]?
    }

    public var error: Body
}

import Foundation

/// An HTTP answer before it becomes a Hummingbird `Response`.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: String

    static func json(_ status: Int, _ value: JSON, headers: [(String, String)] = []) -> HTTPAnswer {
        HTTPAnswer(status: status, headers: headers, body: value.serialized())
    }
}

/// An error in Google's API shape: `{"error":{"code","message","status","details"?}}`.
struct APIError: Error, Sendable {
    var code: Int
    var message: String
    var status: String
    var details: [JSON]? = nil
    var headers: [(String, String)] = []

    var answer: HTTPAnswer {
        var fields: [(String, JSON)] = [
            ("code", .number(Double(code))),
            ("message", .string(message)),
            ("status", .string(status)),
        ]
        if let details { fields.append(("details", .array(details))) }
        return .json(code, .object([("error", .object(fields))]), headers: headers)
    }

    static func invalidArgument(_ message: String) -> APIError {
        APIError(code: 400, message: message, status: "INVALID_ARGUMENT")
    }

    static func unableToParse(_ range: String) -> APIError {
        invalidArgument("Unable to parse range: \(range)")
    }

    static func exceedsGrid(title: String, cells: String, sheet: Sheet) -> APIError {
        invalidArgument(
            "Range (\(A1.quoted(title))!\(cells)) exceeds grid limits. Max rows: \(sheet.rowCount), max columns: \(sheet.columnCount)"
        )
    }

    static let unauthenticated = APIError(
        code: 401,
        message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
        status: "UNAUTHENTICATED",
        headers: [("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")]
    )

    static let permissionDenied = APIError(code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED")

    static let insufficientScopes = APIError(
        code: 403,
        message: "Request had insufficient authentication scopes.",
        status: "PERMISSION_DENIED",
        details: [
            .object([
                ("@type", .string("type.googleapis.com/google.rpc.ErrorInfo")),
                ("reason", .string("ACCESS_TOKEN_SCOPE_INSUFFICIENT")),
                ("domain", .string("googleapis.com")),
                ("metadata", .object([("service", .string("sheets.googleapis.com")), ("method", .string("google.apps.sheets.v4.SpreadsheetsService"))])),
            ])
        ],
        headers: [("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\"")]
    )

    static let notFound = APIError(code: 404, message: "Requested entity was not found.", status: "NOT_FOUND")

    static let unavailable = APIError(code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE")

    static let internalError = APIError(code: 500, message: "Internal error encountered.", status: "INTERNAL")

    static func noSuchMethod(_ path: String) -> APIError {
        APIError(code: 404, message: "Method not found: \(path)", status: "NOT_FOUND")
    }

    static func missingInputOption() -> APIError {
        invalidArgument("'valueInputOption' is required but not specified")
    }

    static func badEnum(field: String, type: String, value: String) -> APIError {
        invalidArgument("Invalid value at '\(field)' (type.googleapis.com/google.apps.sheets.v4.\(type)), \"\(value)\"")
    }

    static let badJSON = invalidArgument("Invalid JSON payload received. Unexpected token.")

    /// 429 RESOURCE_EXHAUSTED exactly as in sheets_error_429.json, for reads or writes.
    static func quotaExceeded(write: Bool, limit: Int) -> APIError {
        let word = write ? "Write" : "Read"
        let metric = write ? "write_requests" : "read_requests"
        return APIError(
            code: 429,
            message: "Quota exceeded for quota metric '\(word) requests' and limit '\(word) requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'.",
            status: "RESOURCE_EXHAUSTED",
            details: [
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.ErrorInfo")),
                    ("reason", .string("RATE_LIMIT_EXCEEDED")),
                    ("domain", .string("googleapis.com")),
                    ("metadata", .object([
                        ("service", .string("sheets.googleapis.com")),
                        ("consumer", .string("projects/123456789012")),
                        ("quota_metric", .string("sheets.googleapis.com/\(metric)")),
                        ("quota_limit", .string("\(word)RequestsPerMinutePerUser")),
                        ("quota_limit_value", .string(String(limit))),
                        ("quota_location", .string("global")),
                        ("quota_unit", .string("1/min/{project}/{user}")),
                    ])),
                ]),
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.Help")),
                    ("links", .array([
                        .object([
                            ("description", .string("Request a higher quota limit.")),
                            ("url", .string("https://cloud.google.com/docs/quotas/help/request_increase")),
                        ])
                    ])),
                ]),
            ]
        )
    }
}

/// OAuth token endpoint errors: `{"error": ..., "error_description": ...}`.
struct OAuthError: Error, Sendable {
    var status: Int = 400
    var error: String
    var description: String

    var answer: HTTPAnswer {
        .json(status, .object([("error", .string(error)), ("error_description", .string(description))]))
    }

    static let invalidSignature = OAuthError(error: "invalid_grant", description: "Invalid JWT Signature.")
    static let accountNotFound = OAuthError(error: "invalid_grant", description: "Invalid grant: account not found")
    static let badTime = OAuthError(
        error: "invalid_grant",
        description: "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."
    )
    static let badAudience = OAuthError(error: "invalid_grant", description: "Invalid JWT: Failed audience check.")
    static let missingScope = OAuthError(error: "invalid_scope", description: "Empty or missing scope not allowed.")
    static let badScope = OAuthError(error: "invalid_scope", description: "Invalid OAuth scope or ID token audience provided.")
    static let unavailable = OAuthError(status: 503, error: "temporarily_unavailable", description: "The service is currently unavailable.")
}

/// Quota: requests per rolling minute, reads and writes counted apart.
struct QuotaCounter: Sendable {
    var readsPerMinute: Int?
    var writesPerMinute: Int?
    var reads: [ContinuousClock.Instant] = []
    var writes: [ContinuousClock.Instant] = []

    /// Counts the request, or returns the 429 when the minute's quota is used up.
    mutating func admit(write: Bool, now: ContinuousClock.Instant) -> APIError? {
        let windowStart = now - .seconds(60)
        reads.removeAll(where: { $0 <= windowStart })
        writes.removeAll(where: { $0 <= windowStart })
        if write {
            if let limit = writesPerMinute, writes.count >= limit { return .quotaExceeded(write: true, limit: limit) }
            writes.append(now)
        } else {
            if let limit = readsPerMinute, reads.count >= limit { return .quotaExceeded(write: false, limit: limit) }
            reads.append(now)
        }
        return nil
    }
}

import Foundation

/// The module's ordered JSON value (compact output, UTF-8 kept as is, exact integers), shared with
/// the Telegram emulator.

/// One answer of the Graph API emulator: HTTP status, JSON body, extra headers.
struct GraphAnswer: Sendable, Error {
    var status: Int
    var body: JSON
    /// The `WWW-Authenticate` header of 401 answers.
    var wwwAuthenticate: String?
    /// Raw bytes instead of JSON (media downloads).
    var raw: (bytes: [UInt8], contentType: String)?

    static func ok(_ body: JSON) -> GraphAnswer { GraphAnswer(status: 200, body: body) }

    static let success = GraphAnswer.ok(.object([("success", .bool(true))]))

    /// `{"error":{message, type, code, error_data?, error_subcode?, fbtrace_id}}`.
    static func error(
        status: Int = 400, code: Int, message: String, type: String = "OAuthException", details: String? = nil,
        subcode: Int? = nil, trace: String = GraphAnswer.newTrace()
    ) -> GraphAnswer {
        let errorData: JSON? = details.map {
            .object([("messaging_product", .string("whatsapp")), ("details", .string($0))])
        }
        let body = JSON.obj([
            ("message", .string(message)), ("type", .string(type)), ("code", .int(Int64(code))),
            ("error_data", errorData), ("error_subcode", subcode.map { .int(Int64($0)) }), ("fbtrace_id", .string(trace)),
        ])
        var answer = GraphAnswer(status: status, body: .object([("error", body)]))
        if status == 401 {
            answer.wwwAuthenticate = "OAuth \"Facebook Platform\" \"invalid_token\" \"\(message)\""
        }
        return answer
    }

    /// 100 for a missing or malformed Graph parameter (`(#100) The parameter to is required.`).
    static func param(_ message: String) -> GraphAnswer {
        .error(code: 100, message: "(#100) " + message)
    }

    /// 131009 `Parameter value is not valid`, `error_data.details` saying which limit.
    static func invalidValue(_ details: String) -> GraphAnswer {
        .error(code: 131009, message: "(#131009) Parameter value is not valid", details: details)
    }

    /// 131008 `Required parameter is missing`.
    static func missing(_ details: String) -> GraphAnswer {
        .error(code: 131008, message: "(#131008) Required parameter is missing", details: details)
    }

    static func unsupported(_ method: String, objectID: String) -> GraphAnswer {
        .error(
            code: 100,
            message: "Unsupported \(method) request. Object with ID '\(objectID)' does not exist, cannot be loaded due to "
                + "missing permissions, or does not support this operation. Please read the Graph API documentation at "
                + "https://developers.facebook.com/docs/graph-api",
            type: "GraphMethodException", subcode: 33)
    }

    static func unknownPath(_ components: String) -> GraphAnswer {
        .error(code: 2500, message: "Unknown path components: \(components)")
    }

    // MARK: The error bodies (as in Tests/Fixtures whatsapp_error_*.json)

    static let fixtureTrace = "ATestOnlyFbTrace01"

    /// Wrong, missing or expired token: HTTP 401, code 190 (the fixture's body).
    static let expiredToken = GraphAnswer.error(
        status: 401, code: 190,
        message: "Error validating access token: Session has expired on Thursday, 01-Jan-26 10:00:00 PST. "
            + "The current time is Thursday, 01-Jan-26 11:00:00 PST.",
        subcode: 463, trace: "ATestOnlyFbTrace02")

    static func fault(_ fault: WhatsAppEmulator.Fault) -> GraphAnswer {
        switch fault {
        case .pairRateLimit:
            return .error(
                code: 131056, message: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                details: "Message failed to send because there were too many messages sent from this phone number to the "
                    + "same phone number in a short period of time.", trace: fixtureTrace)
        case .throughput:
            return .error(
                code: 130429, message: "(#130429) Rate limit hit", details: "Cloud API message throughput has been reached.",
                trace: fixtureTrace)
        case .notAllowed:
            return .error(
                code: 131030, message: "(#131030) Recipient phone number not in allowed list",
                details: "Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.",
                trace: fixtureTrace)
        case .invalidParameter:
            return .error(code: 100, message: "(#100) Invalid parameter", details: "Parameter value is not valid", trace: fixtureTrace)
        case .expiredToken:
            return expiredToken
        case .serverError:
            return .error(
                status: 500, code: 131000, message: "(#131000) Something went wrong", details: "Something went wrong",
                trace: fixtureTrace)
        }
    }

    /// The `errors[]` entry of a `failed` status for a free-form send outside the 24-hour window.
    static let reengagementError = JSON.object([
        ("code", .int(131047)), ("title", .string("Re-engagement message")), ("message", .string("Re-engagement message")),
        (
            "error_data",
            .object([
                (
                    "details",
                    .string(
                        "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
                    )
                )
            ])
        ),
        ("href", .string("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")),
    ])

    /// A fresh `fbtrace_id` (`A` + 22 base62 characters, as Graph sends).
    static func newTrace() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        return "A" + String((0..<22).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }
}

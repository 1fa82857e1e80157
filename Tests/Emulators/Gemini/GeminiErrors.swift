import Foundation

/// Gemini API error bodies (fixtures `gemini_error_*.json`; shape `{"error":{code,message,status,details?}}`).
extension APIError {
    static func geminiInvalid(_ message: String) -> APIError {
        APIError(code: 400, message: message, status: "INVALID_ARGUMENT")
    }

    /// Proto-JSON payload problems, all in one answer (one line each, a BadRequest field violation each).
    static func geminiPayload(_ problems: [GeminiPayloadCheck.Problem]) -> APIError {
        let violations: [JSON] = problems.map { problem in
            var fields: [(String, JSON)] = []
            if let field = problem.field { fields.append(("field", .string(field))) }
            fields.append(("description", .string(problem.description)))
            return .object(fields)
        }
        return APIError(
            code: 400,
            message: problems.map(\.description).joined(separator: "\n"),
            status: "INVALID_ARGUMENT",
            details: [.object([("@type", .string("type.googleapis.com/google.rpc.BadRequest")), ("fieldViolations", .array(violations))])]
        )
    }

    /// Unknown query parameter (Google binds query parameters to request fields).
    static func geminiUnknownQueryParameter(_ name: String) -> APIError {
        let description =
            "Invalid JSON payload received. Unknown name \"\(name)\": Cannot bind query parameter. Field '\(name)' could not be found in request message."
        return APIError(
            code: 400, message: description, status: "INVALID_ARGUMENT",
            details: [.object([
                ("@type", .string("type.googleapis.com/google.rpc.BadRequest")),
                ("fieldViolations", .array([.object([("description", .string(description))])])),
            ])]
        )
    }

    /// No key at all (gemini_error_403_permission.json).
    static let geminiKeyMissing = APIError(
        code: 403,
        message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        status: "PERMISSION_DENIED"
    )

    /// A key that is not the emulator's (gemini_error_400_api_key.json).
    static let geminiKeyInvalid = APIError(
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [
            .object([
                ("@type", .string("type.googleapis.com/google.rpc.ErrorInfo")),
                ("reason", .string("API_KEY_INVALID")),
                ("domain", .string("googleapis.com")),
                ("metadata", .object([("service", .string("generativelanguage.googleapis.com"))])),
            ]),
            .object([
                ("@type", .string("type.googleapis.com/google.rpc.LocalizedMessage")),
                ("locale", .string("en-US")),
                ("message", .string("API key not valid. Please pass a valid API key.")),
            ]),
        ]
    )

    /// Unknown or retired model (gemini_error_404_model.json).
    static func geminiModelNotFound(_ model: String) -> APIError {
        APIError(
            code: 404,
            message: "models/\(model) is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.",
            status: "NOT_FOUND"
        )
    }

    static let geminiMethodNotFound = APIError(code: 404, message: "Method not found.", status: "NOT_FOUND")

    static func geminiNotEmulated(_ method: String) -> APIError {
        APIError(code: 501, message: "GeminiEmulator: \(method) is not emulated.", status: "UNIMPLEMENTED")
    }

    /// 429 as in gemini_error_429.json, for `model`.
    static func geminiQuota(model: String) -> APIError {
        APIError(
            code: 429,
            message: "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: \(model)\nPlease retry in 21.448393s.",
            status: "RESOURCE_EXHAUSTED",
            details: [
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.QuotaFailure")),
                    ("violations", .array([.object([
                        ("quotaMetric", .string("generativelanguage.googleapis.com/generate_content_free_tier_requests")),
                        ("quotaId", .string("GenerateRequestsPerMinutePerProjectPerModel-FreeTier")),
                        ("quotaDimensions", .object([("location", .string("global")), ("model", .string(model))])),
                        ("quotaValue", .string("10")),
                    ])])),
                ]),
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.Help")),
                    ("links", .array([.object([
                        ("description", .string("Learn more about Gemini API quotas")),
                        ("url", .string("https://ai.google.dev/gemini-api/docs/rate-limits")),
                    ])])),
                ]),
                .object([
                    ("@type", .string("type.googleapis.com/google.rpc.RetryInfo")),
                    ("retryDelay", .string("21s")),
                ]),
            ]
        )
    }

    /// The body for `Answer.error(status:)`.
    static func gemini(status: Int, model: String) -> APIError {
        switch status {
        case 429: return geminiQuota(model: model)
        case 500:
            return APIError(
                code: 500,
                message: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
                status: "INTERNAL")
        case 503: return APIError(code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE")
        case 504: return APIError(code: 504, message: "Deadline expired before operation could complete.", status: "DEADLINE_EXCEEDED")
        case 400: return geminiInvalid("Request contains an invalid argument.")
        case 403:
            return APIError(code: 403, message: "Your API key was reported as leaked. Please use another API key.", status: "PERMISSION_DENIED")
        case 404: return geminiModelNotFound(model)
        case 401:
            return APIError(
                code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED")
        case 409: return APIError(code: 409, message: "The operation was aborted.", status: "ABORTED")
        case 499: return APIError(code: 499, message: "The operation was cancelled.", status: "CANCELLED")
        case 501: return APIError(code: 501, message: "Operation is not implemented, or supported, or enabled.", status: "UNIMPLEMENTED")
        default: return APIError(code: status, message: "Unknown error.", status: "UNKNOWN")
        }
    }
}

/// A failed Sheets call, decoded from Google's error body when there is one.
public enum SheetsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Google answered with an error (`status` is the HTTP code, `reason` the canonical status).
    case api(status: Int, reason: String, message: String)
    /// No answer: connection refused, DNS, TLS, or the request timed out.
    case unreachable(String)
    case unexpectedResponse(String)
    case auth(AuthError)

    /// Safe to try again later: the request was certainly not applied, or it is a read.
    var isRateLimited: Bool {
        if case .api(429, _, _) = self { return true }
        return false
    }

    var isServerSide: Bool {
        if case .api(let status, _, _) = self { return status >= 500 }
        return false
    }

    public var description: String {
        switch self {
        case .api(let status, let reason, let message):
            let hint = switch status {
            case 403: " — share the spreadsheet with the service account's email as Editor (service_account/README.md)"
            case 404: " — check GOOGLE_SHEETS_ID (the part of the sheet's address between /d/ and /edit)"
            case 429: " — over the per-minute quota; the bot slows down and retries"
            default: ""
            }
            return "Google Sheets answered \(status) \(reason): \(message)\(hint)"
        case .unreachable(let reason): return "cannot reach Google Sheets (\(reason))"
        case .unexpectedResponse(let what): return "unexpected answer from Google Sheets: \(what)"
        case .auth(let error): return error.description
        }
    }
}

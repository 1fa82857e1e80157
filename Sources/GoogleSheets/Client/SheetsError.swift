import JSONAPI

/// A failed Sheets call, decoded from Google's error body when there is one.
public enum SheetsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Google answered with an error (`status` is the HTTP code, `reason` the canonical status).
    case api(status: Int, reason: String, message: String)
    /// No answer to `call`: connection refused, DNS, TLS, or the request timed out.
    case unreachable(call: String, TransportFailure)
    case unexpectedResponse(String)
    case auth(AuthError)

    /// Safe to try again later: the request was certainly not applied, or it is a read.
    var isRateLimited: Bool {
        if case .api(429, _, _) = self { return true }
        return false
    }

    /// No answer: a read can be sent again; a write only if it never left (`neverSent`).
    var transportFailure: TransportFailure? {
        if case .unreachable(_, let failure) = self { return failure }
        return nil
    }

    /// A range naming a tab that is not there (renamed or deleted). Google gives this 400 no
    /// code of its own, only these words.
    public var isUnknownRange: Bool {
        if case .api(400, _, let message) = self { return message.hasPrefix("Unable to parse range") }
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
        case .unreachable(let call, let failure): return "cannot reach Google Sheets (\(call): \(failure))"
        case .unexpectedResponse(let what): return "unexpected answer from Google Sheets: \(what)"
        case .auth(let error): return error.description
        }
    }
}

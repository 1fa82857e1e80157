import Foundation

/// Where a request goes: `POST /v1beta/models/{model}:generateContent`, the one method the bot
/// calls; any other path or method is Google's 404.
struct GeminiRoute: Sendable {
    enum Kind: Sendable, Equatable {
        case generateContent
        /// Any other path, model method or HTTP method.
        case unknown
    }

    var kind: Kind
    var model: String
    /// Query parameters, percent-decoded, in order.
    var query: [(name: String, value: String)]

    /// Standard Google API query parameters, accepted everywhere.
    static let systemParameters: Set<String> = [
        "key", "alt", "$alt", "prettyPrint", "$prettyPrint", "fields", "$fields", "quotaUser", "$quotaUser", "callback",
        "$callback", "upload_protocol", "uploadType", "access_token", "$.xgafv", "oauth_token",
    ]

    init(method: String, target: String) {
        let rawPath: Substring
        if let q = target.firstIndex(of: "?") {
            rawPath = target[..<q]
            var rawQuery = target[target.index(after: q)...]
            if let hash = rawQuery.firstIndex(of: "#") { rawQuery = rawQuery[..<hash] }
            query = rawQuery.split(separator: "&").map { item in
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ s: Substring) -> String {
                    let spaced = s.replacingOccurrences(of: "+", with: " ")
                    return spaced.removingPercentEncoding ?? spaced
                }
                return (decode(pair[0]), pair.count > 1 ? decode(pair[1]) : "")
            }
        } else {
            rawPath = Substring(target)
            query = []
        }
        let path = String(rawPath).removingPercentEncoding ?? String(rawPath)
        model = ""
        kind = .unknown
        let prefix = "/v1beta/models"
        guard path.hasPrefix(prefix) else { return }
        let rest = path.dropFirst(prefix.count)
        guard rest.hasPrefix("/") else { return }
        let resource = rest.dropFirst()
        guard !resource.contains("/") else { return }
        if let colon = resource.lastIndex(of: ":") {
            model = String(resource[..<colon])
            let verb = String(resource[resource.index(after: colon)...])
            if method == "POST", verb == "generateContent" { kind = .generateContent }
        }
    }

    func value(_ name: String) -> String? {
        query.last(where: { $0.name == name })?.value
    }

    /// The first query parameter this route does not bind.
    func unknownParameter() -> String? {
        query.first(where: { !Self.systemParameters.contains($0.name) })?.name
    }
}

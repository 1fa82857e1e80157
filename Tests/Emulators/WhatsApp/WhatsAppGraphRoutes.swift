import Foundation

/// Routing of the Graph API paths, the token check, and the small read-only objects
/// (the phone number, media metadata and downloads).
extension WhatsAppEmulator {
    func handle(method: String, path: String, query: String?, authorization: String?, body: [UInt8]) -> GraphAnswer {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let first = parts.first, Self.isVersion(first) { parts.removeFirst() }

        guard tokenMatches(authorization: authorization, query: query) else { return .expiredToken }

        let verb = method.uppercased()
        switch parts.count {
        case 2 where parts[0] == phoneNumberID && parts[1] == "messages":
            guard verb == "POST" else { return .unsupported(verb.lowercased(), objectID: phoneNumberID) }
            return send(authorization: authorization ?? "", body: body)
        case 2 where parts[0] == businessAccountID && parts[1] == "message_templates":
            guard verb == "GET" else { return .unsupported(verb.lowercased(), objectID: businessAccountID) }
            return listTemplates(query: query)
        case 1 where parts[0] == phoneNumberID:
            guard verb == "GET" else { return .unsupported(verb.lowercased(), objectID: phoneNumberID) }
            return .ok(phoneNumberObject)
        case 1 where verb == "GET":
            if let media = state.withLock({ $0.media[parts[0]] }) { return .ok(mediaObject(media)) }
        case 2 where parts[0] == "whatsapp_business" && parts[1] == "attachments" && verb == "GET":
            let mid = Self.queryValue("mid", in: query) ?? ""
            if let media = state.withLock({ $0.media[mid] }) {
                return GraphAnswer(status: 200, body: .null, raw: (media.bytes, media.mimeType))
            }
            return GraphAnswer(status: 404, body: .object([("error", .string("Not Found"))]))
        default:
            break
        }
        guard let objectID = parts.first else { return .unknownPath("/") }
        if parts.count >= 2, objectID == phoneNumberID {
            return .unknownPath("/" + parts.dropFirst().joined(separator: "/"))
        }
        return .unsupported(verb.lowercased(), objectID: objectID)
    }

    /// `v23.0`, `v26.0`, any `v<digits>…` first path component.
    static func isVersion(_ component: String) -> Bool {
        guard component.hasPrefix("v"), let second = component.dropFirst().first else { return false }
        return second.isASCII && second.isNumber
    }

    /// `Authorization: Bearer <token>` (Graph also takes `OAuth <token>` and `?access_token=`).
    func tokenMatches(authorization: String?, query: String?) -> Bool {
        if let header = authorization?.trimmingCharacters(in: .whitespaces), let space = header.firstIndex(of: " ") {
            let scheme = header[..<space].lowercased()
            let token = header[space...].trimmingCharacters(in: .whitespaces)
            if scheme == "bearer" || scheme == "oauth" { return token == accessToken }
            return false
        }
        if authorization == nil, let token = Self.queryValue("access_token", in: query) { return token == accessToken }
        return false
    }

    static func queryValue(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, kv[0] == name else { continue }
            return String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    var phoneNumberObject: JSON {
        .object([
            ("verified_name", .string("Red Soluciones")), ("code_verification_status", .string("VERIFIED")),
            ("display_phone_number", .string("+" + displayPhoneNumber)), ("quality_rating", .string("GREEN")),
            ("platform_type", .string("CLOUD_API")), ("throughput", .object([("level", .string("STANDARD"))])),
            ("id", .string(phoneNumberID)),
        ])
    }

    func mediaObject(_ media: WhatsAppMedia) -> JSON {
        .object([
            ("url", .string("\(baseURL)/whatsapp_business/attachments/?mid=\(media.id)&source=getMedia")),
            ("mime_type", .string(media.mimeType)), ("sha256", .string(media.sha256Hex)),
            ("file_size", .int(Int64(media.bytes.count))), ("id", .string(media.id)),
            ("messaging_product", .string("whatsapp")),
        ])
    }
}

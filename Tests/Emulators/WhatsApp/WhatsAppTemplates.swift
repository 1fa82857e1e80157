import Foundation

/// A message template of the business account, as WhatsApp Manager holds it.
public struct WhatsAppTemplate: Sendable, Equatable {
    public var name: String
    public var language: String
    /// APPROVED, PENDING, REJECTED, PAUSED or DISABLED: only APPROVED sends.
    public var status: String
    /// The body with positional parameters: "Hola {{1}}, tu reporte {{2}} quedó resuelto."
    public var body: String
    public var id: String

    /// How many parameters the body takes ({{1}}…{{n}}).
    var parameterCount: Int {
        var highest = 0
        var rest = body[...]
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            if let n = Int(after[..<close.lowerBound]) { highest = max(highest, n) }
            rest = after[close.upperBound...]
        }
        return highest
    }

    func rendered(_ parameters: [String]) -> String {
        var text = body
        for (i, value) in parameters.enumerated().reversed() { text = text.replacingOccurrences(of: "{{\(i + 1)}}", with: value) }
        return text
    }
}

extension WhatsAppEmulator {
    /// Adds (or replaces) a template of the business account.
    public func addTemplate(_ name: String, language: String = "es_MX", status: String = "APPROVED", body: String) {
        state.withLock { s in
            s.templates.removeAll { $0.name == name && $0.language == language }
            s.templates.append(WhatsAppTemplate(name: name, language: language, status: status, body: body,
                                                id: String(1_000_000_000_000_000 + s.templates.count + 1)))
        }
    }

    /// `GET /<version>/<waba-id>/message_templates` (`?name=`, `?status=`, `?limit=`, `?after=`), one page.
    func listTemplates(query: String?) -> GraphAnswer {
        let name = Self.queryValue("name", in: query)
        let status = Self.queryValue("status", in: query)?.uppercased()
        let limit = Self.queryValue("limit", in: query).flatMap(Int.init).map { min(max($0, 1), 100) } ?? 25
        let after = Self.queryValue("after", in: query).flatMap { Data(base64Encoded: $0) }.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        let all = state.withLock { $0.templates }.filter {
            (name == nil || $0.name.contains(name!)) && (status == nil || $0.status == status)
        }
        let page = all.dropFirst(after).prefix(limit)
        let data: [JSON] = page.map { t in
            .object([
                ("name", .string(t.name)), ("parameter_format", .string("POSITIONAL")),
                ("components", .array([.object([("type", .string("BODY")), ("text", .string(t.body))])])),
                ("language", .string(t.language)), ("status", .string(t.status)), ("category", .string("UTILITY")),
                ("id", .string(t.id)),
            ])
        }
        func cursor(_ n: Int) -> JSON { .string(Data(String(n).utf8).base64EncodedString()) }
        var paging: [(String, JSON)] = [("cursors", .object([("before", cursor(after)), ("after", cursor(after + page.count))]))]
        if after + page.count < all.count {
            paging.append(("next", .string("\(baseURL)/\(apiVersion)/\(businessAccountID)/message_templates?limit=\(limit)&after=\(Data(String(after + page.count).utf8).base64EncodedString())")))
        }
        return .ok(.object([("data", .array(data)), ("paging", .object(paging))]))
    }

    /// A template send checked as Meta does: the template must exist in that language, be
    /// approved, and get exactly its number of body parameters. Returns the text the customer sees.
    func renderTemplate(_ template: JSON) throws(GraphAnswer) -> String {
        let name = template["name"]?.stringValue ?? ""
        let language = template["language"]?["code"]?.stringValue ?? ""
        guard let found = state.withLock({ s in s.templates.first { $0.name == name && $0.language == language } }) else {
            throw .error(code: 132001, message: "(#132001) Template name does not exist in the translation",
                         details: "template name (\(name)) does not exist in \(language)")
        }
        switch found.status {
        case "APPROVED": break
        case "PAUSED":
            throw .error(code: 132015, message: "(#132015) Template is Paused", details: "Template is paused due to low quality")
        case "DISABLED":
            throw .error(code: 132016, message: "(#132016) Template has been disabled", details: "Template is disabled")
        default:
            throw .error(code: 132001, message: "(#132001) Template name does not exist in the translation",
                         details: "template name (\(name)) is \(found.status.lowercased()), not approved")
        }
        var parameters: [String] = []
        for component in template["components"]?.arrayValue ?? [] where component["type"]?.stringValue?.lowercased() == "body" {
            for parameter in component["parameters"]?.arrayValue ?? [] {
                guard let text = parameter["text"]?.stringValue else {
                    throw .error(code: 132012, message: "(#132012) Parameter format does not match format in the created template")
                }
                if text.contains("\n") || text.contains("\t") || text.contains("     ") {
                    throw .invalidValue("Param text cannot have new-line/tab characters or more than 4 consecutive spaces")
                }
                parameters.append(text)
            }
        }
        guard parameters.count == found.parameterCount else {
            throw .error(code: 132000, message: "(#132000) Number of parameters does not match the expected number of params",
                         details: "body: number of localizable_params (\(parameters.count)) does not match the expected number of params (\(found.parameterCount))")
        }
        return found.rendered(parameters)
    }
}

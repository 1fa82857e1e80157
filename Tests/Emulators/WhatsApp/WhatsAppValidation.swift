import Foundation

/// The checks of a message send's content, per type, with the Cloud API's limits
/// (protocols.md §2.3). Lengths count Unicode scalars.
extension WhatsAppEmulator {
    struct SendContent: Sendable {
        var text: String?
        var interactiveJSON: String?
    }

    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// `what` must be a string of 1...max characters.
    static func limited(_ value: JSON?, _ what: String, max: Int, required: Bool = true) throws(GraphAnswer) -> String? {
        guard let value, value != .null else {
            if required { throw .invalidValue("\(what) is required") }
            return nil
        }
        guard let s = value.stringValue else { throw .invalidValue("\(what) must be a string") }
        if s.isEmpty {
            if required { throw .invalidValue("\(what) must not be empty") }
            return s
        }
        let count = length(s)
        if count > max { throw .invalidValue("\(what) is \(count) characters long, the maximum is \(max)") }
        return s
    }

    static func validate(type: String, body: JSON) throws(GraphAnswer) -> SendContent {
        guard let object = body[type], object.objectPairs != nil || (type == "contacts" && object.arrayValue != nil) else {
            throw .param("The parameter \(type) is required.")
        }
        switch type {
        case "text":
            guard let text = object["body"]?.stringValue, !text.isEmpty else { throw .param("The parameter text['body'] is required.") }
            _ = try limited(object["body"], "text.body", max: 4096)
            if let preview = object["preview_url"], preview.boolValue == nil {
                throw .param("Param text['preview_url'] must be a boolean.")
            }
            return SendContent(text: text)
        case "interactive":
            return SendContent(text: try validateInteractive(object), interactiveJSON: object.compact)
        case "image", "video", "document", "audio", "sticker":
            let id = object["id"]?.stringValue ?? ""
            let link = object["link"]?.stringValue ?? ""
            guard !id.isEmpty || !link.isEmpty else { throw .param("The parameter \(type)['id'] or \(type)['link'] is required.") }
            let caption = try limited(object["caption"], "\(type).caption", max: 1024, required: false)
            if caption != nil, type == "audio" || type == "sticker" {
                throw .invalidValue("\(type).caption is not supported for \(type) messages")
            }
            return SendContent(text: caption)
        case "location":
            guard let lat = object["latitude"]?.doubleValue, let lon = object["longitude"]?.doubleValue else {
                throw .param("The parameters location['latitude'] and location['longitude'] are required.")
            }
            guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw .invalidValue("location: latitude must be within ±90 and longitude within ±180")
            }
            return SendContent(text: object["name"]?.stringValue)
        case "contacts":
            guard let list = object.arrayValue, !list.isEmpty else { throw .param("The parameter contacts is required.") }
            return SendContent()
        case "reaction":
            guard let id = object["message_id"]?.stringValue, !id.isEmpty else {
                throw .param("The parameter reaction['message_id'] is required.")
            }
            guard let emoji = object["emoji"]?.stringValue else { throw .param("The parameter reaction['emoji'] is required.") }
            return SendContent(text: emoji)
        case "template":
            guard let name = object["name"]?.stringValue, !name.isEmpty else {
                throw .param("The parameter template['name'] is required.")
            }
            guard let code = object["language"]?["code"]?.stringValue, !code.isEmpty else {
                throw .param("The parameter template['language']['code'] is required.")
            }
            return SendContent()
        default:
            return SendContent()
        }
    }

    /// Reply buttons and lists in full; other interactive types (cta_url, flow, ...) only for body and footer.
    /// Returns `body.text`.
    static func validateInteractive(_ i: JSON) throws(GraphAnswer) -> String? {
        guard let kind = i["type"]?.stringValue, !kind.isEmpty else { throw .missing("interactive.type is required") }
        let known = [
            "button", "list", "cta_url", "flow", "product", "product_list", "catalog_message", "location_request_message",
            "address_message", "call_permission_request",
        ]
        guard known.contains(kind) else {
            throw .invalidValue("interactive.type \"\(kind)\" is not one of \(known.joined(separator: ", "))")
        }
        let needsBody = kind != "product"
        let text = try limited(i["body"]?["text"], "interactive.body.text", max: 1024, required: needsBody)
        if let footer = i["footer"] { _ = try limited(footer["text"], "interactive.footer.text", max: 60) }
        if let header = i["header"] { try validateHeader(header, textOnly: kind == "list") }
        guard let action = i["action"], action.objectPairs != nil else { throw .missing("interactive.action is required") }
        switch kind {
        case "button": try validateButtons(action)
        case "list": try validateList(action)
        default: break
        }
        return text
    }

    static func validateHeader(_ header: JSON, textOnly: Bool) throws(GraphAnswer) {
        guard let type = header["type"]?.stringValue else { throw .missing("interactive.header.type is required") }
        switch type {
        case "text":
            _ = try limited(header["text"], "interactive.header.text", max: 60)
        case "image", "video", "document":
            if textOnly { throw .invalidValue("interactive.header.type must be text for list messages") }
            let media = header[type]
            guard media?["id"]?.stringValue != nil || media?["link"]?.stringValue != nil else {
                throw .missing("interactive.header.\(type) needs an id or a link")
            }
        default:
            throw .invalidValue(
                textOnly
                    ? "interactive.header.type must be text for list messages"
                    : "interactive.header.type \"\(type)\" is not one of text, image, video, document")
        }
    }

    static func validateButtons(_ action: JSON) throws(GraphAnswer) {
        guard let buttons = action["buttons"]?.arrayValue, !buttons.isEmpty else {
            throw .missing("interactive.action.buttons is required (1 to 3 reply buttons)")
        }
        if buttons.count > 3 {
            throw .invalidValue("interactive.action.buttons has \(buttons.count) buttons, the maximum is 3")
        }
        var ids = Set<String>()
        var titles = Set<String>()
        for (n, button) in buttons.enumerated() {
            let at = "interactive.action.buttons[\(n)]"
            guard button["type"]?.stringValue == "reply" else { throw .invalidValue("\(at).type must be reply") }
            guard let reply = button["reply"], reply.objectPairs != nil else { throw .missing("\(at).reply is required") }
            let id = try limited(reply["id"], "\(at).reply.id", max: 256) ?? ""
            let title = try limited(reply["title"], "\(at).reply.title", max: 20) ?? ""
            guard ids.insert(id).inserted else { throw .invalidValue("\(at).reply.id \"\(id)\" is not unique") }
            guard titles.insert(title).inserted else { throw .invalidValue("\(at).reply.title \"\(title)\" is not unique") }
        }
    }

    static func validateList(_ action: JSON) throws(GraphAnswer) {
        _ = try limited(action["button"], "interactive.action.button", max: 20)
        guard let sections = action["sections"]?.arrayValue, !sections.isEmpty else {
            throw .missing("interactive.action.sections is required (1 to 10 sections)")
        }
        if sections.count > 10 {
            throw .invalidValue("interactive.action.sections has \(sections.count) sections, the maximum is 10")
        }
        let total = sections.reduce(0) { $0 + ($1["rows"]?.arrayValue?.count ?? 0) }
        if total > 10 {
            throw .invalidValue("interactive.action.sections has \(total) rows in total, the maximum is 10")
        }
        var ids = Set<String>()
        for (s, section) in sections.enumerated() {
            let at = "interactive.action.sections[\(s)]"
            _ = try limited(section["title"], "\(at).title", max: 24, required: sections.count > 1)
            guard let rows = section["rows"]?.arrayValue, !rows.isEmpty else { throw .missing("\(at).rows is required (at least 1 row)") }
            for (r, row) in rows.enumerated() {
                let rowAt = "\(at).rows[\(r)]"
                let id = try limited(row["id"], "\(rowAt).id", max: 200) ?? ""
                _ = try limited(row["title"], "\(rowAt).title", max: 24)
                _ = try limited(row["description"], "\(rowAt).description", max: 72, required: false)
                guard ids.insert(id).inserted else { throw .invalidValue("\(rowAt).id \"\(id)\" is not unique") }
            }
        }
    }
}

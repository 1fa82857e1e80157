import Crypto
import Foundation

/// The customers' side: each action builds a real-shaped notification, signs it with the app
/// secret, POSTs it to the bot's webhook and answers what the webhook answered. Every inbound
/// message opens (or refreshes) the customer's 24-hour window, whatever the webhook answers.
extension WhatsAppEmulator {
    @discardableResult
    public func sendText(_ text: String, from: Contact) async throws -> Delivery {
        try await deliver(from: from, type: "text", payload: .object([("body", .string(text))]))
    }

    /// A tap on a reply button (`interactive.button_reply`). Without `context`, it answers the last
    /// reply-button message the bot sent to this customer.
    @discardableResult
    public func pressButton(id: String, title: String, from: Contact, context messageID: String? = nil) async throws -> Delivery {
        let reply = JSON.object([("id", .string(id)), ("title", .string(title))])
        return try await deliver(
            from: from, type: "interactive",
            payload: .object([("type", .string("button_reply")), ("button_reply", reply)]),
            context: messageID ?? lastSent(to: from, where: { $0.type == "interactive" && Self.interactiveKind($0) == "button" }))
    }

    /// A choice in a list (`interactive.list_reply`). Without `context`, it answers the last list the
    /// bot sent to this customer.
    @discardableResult
    public func chooseListRow(
        id: String, title: String, description: String? = nil, from: Contact, context messageID: String? = nil
    ) async throws -> Delivery {
        let reply = JSON.obj([("id", .string(id)), ("title", .string(title)), ("description", .str(description))])
        return try await deliver(
            from: from, type: "interactive",
            payload: .object([("type", .string("list_reply")), ("list_reply", reply)]),
            context: messageID ?? lastSent(to: from, where: { $0.type == "interactive" && Self.interactiveKind($0) == "list" }))
    }

    /// A quick-reply button of a template (`type: "button"`), answering the last template sent to the customer.
    @discardableResult
    public func pressTemplateButton(payload: String, text: String, from: Contact) async throws -> Delivery {
        try await deliver(
            from: from, type: "button", payload: .object([("payload", .string(payload)), ("text", .string(text))]),
            context: lastSent(to: from, where: { $0.type == "template" }))
    }

    @discardableResult
    public func sendLocation(latitude: Double, longitude: Double, name: String? = nil, from: Contact) async throws -> Delivery {
        try await deliver(
            from: from, type: "location",
            payload: .obj([("latitude", .double(latitude)), ("longitude", .double(longitude)), ("name", .str(name))]))
    }

    /// A shared contact card (`type: "contacts"`).
    @discardableResult
    public func sendContacts(phone: String, name: String, from: Contact) async throws -> Delivery {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        let waID = phone.filter { $0.isASCII && $0.isNumber }
        let card = JSON.object([
            ("name", .object([("formatted_name", .string(name)), ("first_name", .string(first))])),
            (
                "phones",
                .array([.obj([("phone", .string(phone)), ("type", .string("CELL")), ("wa_id", waID.isEmpty ? nil : .string(waID))])])
            ),
        ])
        return try await deliver(from: from, type: "contacts", payload: .array([card]))
    }

    /// A media message: `image`, `audio`, `voice` (an `audio` with `voice: true`), `video`, `document`
    /// or `sticker`. The media can then be fetched with `GET /<ver>/<media-id>` and its `url`.
    @discardableResult
    public func sendMedia(_ kind: String, from: Contact, caption: String? = nil) async throws -> Delivery {
        let mime: String
        switch kind {
        case "image": mime = "image/jpeg"
        case "audio", "voice": mime = "audio/ogg; codecs=opus"
        case "video": mime = "video/mp4"
        case "document": mime = "application/pdf"
        case "sticker": mime = "image/webp"
        default: throw EmulatorError.unknownMediaKind(kind)
        }
        let media = state.withLock { s -> WhatsAppMedia in
            let id = s.ids.mediaID()
            let bytes = Array("emulated \(kind) \(id)".utf8)
            let digest = Array(SHA256.hash(data: bytes))
            let media = WhatsAppMedia(
                id: id, mimeType: mime, bytes: bytes, sha256Hex: Self.hex(digest), sha256Base64: Data(digest).base64EncodedString())
            s.media[id] = media
            return media
        }
        let common: [(String, JSON?)] = [
            ("mime_type", .string(mime)), ("sha256", .string(media.sha256Base64)), ("id", .string(media.id)),
        ]
        let captioned = kind == "image" || kind == "video" || kind == "document"
        let leading: [(String, JSON?)] = captioned ? [("caption", .str(caption))] : []
        let payload: JSON
        switch kind {
        case "audio", "voice": payload = .obj(common + [("voice", .bool(kind == "voice"))])
        case "document": payload = .obj(leading + [("filename", .string("documento.pdf"))] + common)
        case "sticker": payload = .obj(common + [("animated", .bool(false))])
        default: payload = .obj(leading + common)
        }
        return try await deliver(from: from, type: kind == "voice" ? "audio" : kind, payload: payload)
    }

    /// A reaction to one of the bot's messages; an empty emoji removes it (no `emoji` field).
    @discardableResult
    public func sendReaction(emoji: String, to messageID: String, from: Contact) async throws -> Delivery {
        try await deliver(
            from: from, type: "reaction",
            payload: .obj([("message_id", .string(messageID)), ("emoji", emoji.isEmpty ? nil : .string(emoji))]))
    }

    /// A message type the Cloud API cannot pass on (a poll): `type: "unsupported"` with error 131051.
    @discardableResult
    public func sendUnsupported(from: Contact) async throws -> Delivery {
        let error = JSON.object([
            ("code", .int(131051)), ("title", .string("Message type unknown")), ("message", .string("Message type unknown")),
            ("error_data", .object([("details", .string("Message type is currently not supported."))])),
        ])
        return try await deliver(
            from: from, type: "unsupported", payload: .object([("type", .string("poll"))]), errors: .array([error]))
    }

    // MARK: Plumbing

    func deliver(
        from contact: Contact, type: String, payload: JSON, context messageID: String? = nil, errors: JSON? = nil
    ) async throws -> Delivery {
        let url = try webhookTarget()
        let context = messageID.map {
            JSON.object([("from", .string(displayPhoneNumber)), ("id", .string($0))])
        }
        let (id, body) = state.withLock { s -> (String, WhatsAppSignedBody) in
            let id = s.ids.wamid(phone: contact.waID.isEmpty ? (contact.userID ?? "") : contact.waID)
            let notification = messageNotification(
                from: contact, id: id, timestamp: Self.unixNow, type: type, payload: payload, context: context, errors: errors)
            let body = signed(notification)
            s.inbound[id] = body
            s.noteInbound(from: contact)
            return (id, body)
        }
        let status: Int
        do {
            status = try await post(body, to: url)
        } catch {
            record(WebhookDelivery(messageID: id, statusName: nil, httpStatus: nil, body: String(decoding: body.bytes, as: UTF8.self)))
            throw error
        }
        record(WebhookDelivery(messageID: id, statusName: nil, httpStatus: status, body: String(decoding: body.bytes, as: UTF8.self)))
        return Delivery(status: status, messageID: id)
    }

    /// The wamid of the last accepted message to `contact` that matches.
    func lastSent(to contact: Contact, where matches: (SentMessage) -> Bool) -> String? {
        state.withLock { s in
            var keys = Set<String>()
            if !contact.waID.isEmpty { keys.formUnion(s.keys(for: contact.waID)) }
            if let userID = contact.userID { keys.formUnion(s.keys(for: userID)) }
            return s.sentMessages.last(where: { keys.contains($0.to) && matches($0) })?.id
        }
    }

    static func interactiveKind(_ message: SentMessage) -> String? {
        guard let json = message.interactiveJSON, let parsed = try? JSON.parse(Array(json.utf8)) else { return nil }
        return parsed["type"]?.stringValue
    }
}

import Foundation

/// `POST /<version>/<phone-number-id>/messages`: message sends and mark-as-read / typing calls.
extension WhatsAppEmulator {
    /// Types a message send may have (the object named by `type` carries the content).
    static let messageTypes = [
        "audio", "contacts", "document", "image", "interactive", "location", "reaction", "sticker", "template", "text", "video",
    ]

    func send(authorization: String, body: [UInt8]) -> GraphAnswer {
        do {
            return try sendOrThrow(authorization: authorization, body: body)
        } catch {
            return error
        }
    }

    private func sendOrThrow(authorization: String, body raw: [UInt8]) throws(GraphAnswer) -> GraphAnswer {
        guard let body = try? JSON.parse(raw), body.objectPairs != nil else {
            throw .param("The parameter messaging_product is required.")
        }
        guard let product = body["messaging_product"] else { throw .param("The parameter messaging_product is required.") }
        guard product.stringValue?.lowercased() == "whatsapp" else {
            throw .param("Param messaging_product must be one of {WHATSAPP} - got \(product.compact).")
        }
        if let status = body["status"] { return try markRead(status: status, body: body) }

        if let fault = state.withLock({ $0.takeFault() }) { throw .fault(fault) }

        // The recipient: `to` (a phone / wa_id) or `recipient` (a business-scoped user id).
        let input: String
        let byUserID: Bool
        if let to = body["to"] {
            guard let text = to.textValue, !text.isEmpty else { throw .param("The parameter to is required.") }
            guard WhatsAppPhone.isPhone(text) else {
                throw .invalidValue("to: \"\(text)\" is not a phone number (use recipient for a business-scoped user id)")
            }
            input = text
            byUserID = false
        } else if let recipient = body["recipient"]?.stringValue, !recipient.isEmpty {
            input = recipient
            byUserID = true
        } else {
            throw .param("The parameter to is required.")
        }
        if let recipientType = body["recipient_type"] {
            guard recipientType.stringValue == "individual" else {
                throw .param("Param recipient_type must be one of {INDIVIDUAL} - got \(recipientType.compact).")
            }
        }

        let type = body["type"]?.stringValue ?? "text"
        guard Self.messageTypes.contains(type) else {
            throw .param(
                "Param type must be one of {\(Self.messageTypes.map { $0.uppercased() }.joined(separator: ", "))} - got \"\(type)\".")
        }
        var content = try Self.validate(type: type, body: body)
        if type == "template", let template = body["template"] { content.text = try renderTemplate(template) }

        var contextID: String?
        if let context = body["context"] {
            guard let id = context["message_id"]?.stringValue, !id.isEmpty else {
                throw .param("The parameter context['message_id'] is required.")
            }
            contextID = id
        }

        let bodyText = String(decoding: raw, as: UTF8.self)
        let (wamid, waID, userID) = state.withLock { s -> (String, String?, String?) in
            let waID: String?
            let userID: String?
            if byUserID {
                userID = input
                waID = s.waIDByUserID[input]
            } else {
                waID = WhatsAppPhone.resolve(input)
                userID = waID.flatMap { s.userIDByWaID[$0] }
            }
            let wamid = s.ids.wamid(phone: waID ?? input)
            let closed = type != "template" && !s.windowOpen(waID: waID, userID: userID)
            s.sentMessages.append(
                SentMessage(
                    id: wamid, to: waID ?? input, type: type, text: content.text, interactiveJSON: content.interactiveJSON,
                    contextMessageID: contextID, authorization: authorization, bodyJSON: bodyText,
                    failedWith: closed ? 131047 : nil))
            if closed {
                s.enqueueStatus(
                    WhatsAppStatusJob(
                        messageID: wamid, status: "failed", recipientWaID: waID,
                        recipientUserID: waID == nil ? userID : nil, pricing: nil,
                        errors: .array([GraphAnswer.reengagementError])))
            } else if s.statusWebhooks {
                let pricing = Self.pricing(template: type == "template")
                for status in ["sent", "delivered"] {
                    s.enqueueStatus(
                        WhatsAppStatusJob(
                            messageID: wamid, status: status, recipientWaID: waID, recipientUserID: userID, pricing: pricing,
                            errors: nil))
                }
            }
            return (wamid, waID, userID)
        }

        var contact: [(String, JSON?)] = [("input", .string(input)), ("wa_id", .str(waID))]
        if byUserID { contact.append(("user_id", .str(userID))) }
        let message = JSON.obj([
            ("id", .string(wamid)), ("message_status", type == "template" ? .string("accepted") : nil),
        ])
        return .ok(
            .object([
                ("messaging_product", .string("whatsapp")), ("contacts", .array([.obj(contact)])), ("messages", .array([message])),
            ]))
    }

    /// `{"messaging_product":"whatsapp","status":"read","message_id":…,"typing_indicator"?:{"type":"text"}}`.
    private func markRead(status: JSON, body: JSON) throws(GraphAnswer) -> GraphAnswer {
        guard status.stringValue == "read" else {
            throw .param("Param status must be one of {READ} - got \(status.compact).")
        }
        guard let messageID = body["message_id"]?.stringValue, !messageID.isEmpty else {
            throw .param("The parameter message_id is required.")
        }
        var typing = false
        if let indicator = body["typing_indicator"] {
            guard indicator["type"]?.stringValue == "text" else {
                throw .param("Param typing_indicator['type'] must be one of {TEXT} - got \((indicator["type"] ?? .null).compact).")
            }
            typing = true
        }
        state.withLock { s in
            s.readReceipts.append(messageID)
            if typing { s.typingIndicators.append(messageID) }
        }
        return .success
    }

    /// `pricing` of `sent`/`delivered` statuses (per-message pricing, as in the fixtures).
    static func pricing(template: Bool) -> JSON {
        .object([
            ("billable", .bool(template)), ("pricing_model", .string("PMP")),
            ("type", .string(template ? "regular" : "free_customer_service")),
            ("category", .string(template ? "utility" : "service")),
        ])
    }
}

import Foundation

/// The notification bodies, in the exact shape of the fixtures (whatsapp_webhook_*.json):
/// `{"object":"whatsapp_business_account","entry":[{"id":…,"changes":[{"value":{…},"field":"messages"}]}]}`.
extension WhatsAppEmulator {
    func envelope(_ value: [(String, JSON)]) -> JSON {
        let metadata = JSON.object([
            ("display_phone_number", .string(displayPhoneNumber)), ("phone_number_id", .string(phoneNumberID)),
        ])
        let change = JSON.object([
            ("value", .object([("messaging_product", .string("whatsapp")), ("metadata", metadata)] + value)),
            ("field", .string("messages")),
        ])
        return .object([
            ("object", .string("whatsapp_business_account")),
            ("entry", .array([.object([("id", .string(businessAccountID)), ("changes", .array([change]))])])),
        ])
    }

    static func contactJSON(_ contact: Contact) -> JSON {
        .obj([
            ("profile", .object([("name", .string(contact.name))])),
            ("wa_id", contact.waID.isEmpty ? nil : .string(contact.waID)),
            ("user_id", .str(contact.userID)),
        ])
    }

    /// An inbound message from `contact`: `from`, `timestamp`, `id`, `context`?, `errors`?, then the
    /// type and its object (`text` before `type`, as Meta orders it; the others after).
    func messageNotification(
        from contact: Contact, id: String, timestamp: Int, type: String, payload: JSON, context: JSON?,
        errors: JSON?
    ) -> JSON {
        var message: [(String, JSON?)] = [
            ("from", contact.waID.isEmpty ? nil : .string(contact.waID)),
            ("from_user_id", contact.waID.isEmpty ? .str(contact.userID) : nil),
            ("timestamp", .string(String(timestamp))), ("id", .string(id)), ("context", context), ("errors", errors),
        ]
        if type == "text" {
            message += [(type, payload), ("type", .string(type))]
        } else {
            message += [("type", .string(type)), (type, payload)]
        }
        return envelope([("contacts", .array([Self.contactJSON(contact)])), ("messages", .array([.obj(message)]))])
    }

    /// A status of a message the bot sent (no `contacts`, no `messages`).
    func statusNotification(_ job: WhatsAppStatusJob, timestamp: Int) -> JSON {
        let status = JSON.obj([
            ("id", .string(job.messageID)), ("status", .string(job.status)), ("timestamp", .string(String(timestamp))),
            ("recipient_id", .str(job.recipientWaID)), ("recipient_user_id", .str(job.recipientUserID)),
            ("pricing", job.pricing), ("errors", job.errors),
        ])
        return envelope([("statuses", .array([status]))])
    }

    static var unixNow: Int { Int(Date().timeIntervalSince1970) }
}

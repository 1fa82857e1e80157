/// A message the bot sends through the Cloud API (`POST /{phone-number-id}/messages`), as Meta
/// reads it: text, reply buttons, or a list.
public struct WhatsAppOutgoing: Encodable, Sendable, Equatable {
    public struct Text: Encodable, Sendable, Equatable {
        public var body: String
        public var previewURL = false
        enum CodingKeys: String, CodingKey { case body, previewURL = "preview_url" }
    }

    public struct Option: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
    }

    public enum Content: Sendable, Equatable {
        case text(Text)
        /// At most 3 reply buttons under a body of at most 1024 characters.
        case buttons(body: String, [Option])
        /// A list behind one button: at most 10 rows in one section.
        case list(body: String, button: String, section: String, [Option])
        /// An approved template, its body parameters in order ({{1}}, {{2}}…): the only kind
        /// that reaches a customer more than 24 hours after they last wrote.
        case template(name: String, language: String, parameters: [String])
    }

    /// A phone number (digits) goes in `to`; anything else is a business-scoped user id.
    public var recipient: String
    public var content: Content

    public init(to recipient: String, _ content: Content) {
        self.recipient = recipient
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case messagingProduct = "messaging_product", recipientType = "recipient_type", to, recipient, type, text, interactive, template
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("whatsapp", forKey: .messagingProduct)
        try container.encode("individual", forKey: .recipientType)
        try container.encode(recipient, forKey: recipient.allSatisfy(\.isNumber) ? .to : .recipient)
        switch content {
        case .text(let text):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .buttons(let body, let options):
            try container.encode("interactive", forKey: .type)
            try container.encode(Interactive(type: "button", body: .init(text: body),
                                             action: .init(buttons: options.map { .init(reply: $0) })), forKey: .interactive)
        case .list(let body, let button, let section, let options):
            try container.encode("interactive", forKey: .type)
            try container.encode(Interactive(type: "list", body: .init(text: body),
                                             action: .init(button: button, sections: [.init(title: section, rows: options)])),
                                 forKey: .interactive)
        case .template(let name, let language, let parameters):
            try container.encode("template", forKey: .type)
            try container.encode(Template(name: name, language: .init(code: language),
                                          components: parameters.isEmpty ? [] : [.init(parameters: parameters.map { .init(text: $0) })]),
                                 forKey: .template)
        }
    }

    private struct Template: Encodable {
        struct Language: Encodable { var code: String }
        struct Component: Encodable {
            struct Parameter: Encodable {
                var type = "text"
                var text: String
            }
            var type = "body"
            var parameters: [Parameter]
        }
        var name: String
        var language: Language
        var components: [Component]
    }

    private struct Interactive: Encodable {
        struct Body: Encodable { var text: String }
        struct Button: Encodable {
            var type = "reply"
            var reply: Option
        }
        struct Section: Encodable {
            var title: String
            var rows: [Option]
        }
        struct Action: Encodable {
            var buttons: [Button]?
            var button: String?
            var sections: [Section]?
        }
        var type: String
        var body: Body
        var action: Action
    }
}

/// `POST /messages` with `status: read`: the blue ticks.
struct WhatsAppReadReceipt: Encodable, Sendable {
    var messagingProduct = "whatsapp"
    var status = "read"
    var messageID: String
    enum CodingKeys: String, CodingKey { case messagingProduct = "messaging_product", status, messageID = "message_id" }
}

/// One message the bot sends back: text plus optional buttons.
public struct Reply: Sendable, Codable, Equatable {
    public var text: String
    public var quickReplies: [QuickReply]
    /// Offer the channel's "share my phone number" button (Telegram request_contact).
    public var asksForPhone: Bool
    /// Set on messages the bot sends on its own: what a template would say instead.
    public var notice: Notice?

    public init(_ text: String, quickReplies: [QuickReply] = [], asksForPhone: Bool = false, notice: Notice? = nil) {
        self.text = text
        self.quickReplies = quickReplies
        self.asksForPhone = asksForPhone
        self.notice = notice
    }
}

/// A button: `id` comes back when pressed (at most 64 bytes, Telegram's callback_data limit),
/// `title` is what the person sees (at most 20 characters, WhatsApp's button limit).
public struct QuickReply: Sendable, Codable, Equatable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

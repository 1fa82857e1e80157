import AgentCore

/// The approved template an operator chose for a kind of notice (WhatsApp's message templates:
/// a name and a language code such as es_MX).
public struct NoticeTemplate: Sendable, Equatable {
    public var name: String
    public var language: String

    public init(name: String, language: String) {
        self.name = name
        self.language = language
    }
}

/// A channel that can reach a person who has not written lately, with a template.
public protocol TemplateSender: ChannelSender {
    func send(_ notice: Notice, as template: NoticeTemplate, to chat: ChatRef) async -> SendOutcome
}

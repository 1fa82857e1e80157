import AgentCore
import ChannelKit
import Foundation
import Logging

/// Sends replies on WhatsApp: buttons as reply buttons (at most 3, titles of 20 characters)
/// or a list (at most 10 rows, titles of 24), within Meta's limits; the customer's message is
/// marked read first. Graph errors become what the delivery queue needs to know.
public struct WhatsAppSender: TemplateSender {
    public let channel = Channel.whatsapp
    let client: WhatsAppClient
    let logger: Logger
    let listButton: String

    public init(client: WhatsAppClient, listButton: String = "Ver opciones", logger: Logger = Logger(label: "whatsapp.sender")) {
        self.client = client
        self.listButton = listButton
        self.logger = logger
    }

    public func send(_ reply: Reply, to chat: ChatRef, inReplyTo: String?) async -> SendOutcome {
        if let inReplyTo, inReplyTo.hasPrefix("wamid.") {
            try? await client.markRead(inReplyTo)
        }
        do {
            let id = try await client.send(Self.message(for: reply, to: chat.chatID, listButton: listButton))
            return .sent(id: id)
        } catch {
            return outcome(of: error)
        }
    }

    /// A notice as the operator's approved template. Meta refuses parameters with line breaks,
    /// tabs or more than four spaces in a row, so they are flattened first.
    public func send(_ notice: Notice, as template: NoticeTemplate, to chat: ChatRef) async -> SendOutcome {
        let parameters = notice.parameters.map(Self.templateParameter)
        do {
            let id = try await client.send(WhatsAppOutgoing(to: chat.chatID, .template(name: template.name, language: template.language,
                                                                                       parameters: parameters)))
            return .sent(id: id)
        } catch {
            if Self.templateErrors.keys.contains(error.code) {
                logger.error("WhatsApp template refused; fix it in Meta's WhatsApp Manager (README: message templates)", metadata: [
                    "template": "\(template.name) (\(template.language))", "notice": "\(notice.kind.rawValue)",
                    "error": "\(error.code) \(Self.templateErrors[error.code] ?? "")", "chat": "\(chat.masked)",
                ])
                return .rejected("template \(template.name): \(Self.templateErrors[error.code] ?? error.message) (\(error.code))")
            }
            return outcome(of: error)
        }
    }

    /// Meta's template errors: the template needs fixing, sending again cannot help.
    static let templateErrors: [Int: String] = [
        132000: "the number of parameters does not match the template",
        132001: "the template does not exist in that language",
        132005: "the text with its parameters is too long",
        132007: "the template breaks a format policy",
        132012: "a parameter's format does not match the template",
        132015: "the template is paused",
        132016: "the template is disabled",
    ]

    static func templateParameter(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " · ")
        let spaced = flat.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return spaced.isEmpty ? "-" : String(spaced.prefix(1000))
    }

    static func message(for reply: Reply, to recipient: String, listButton: String) -> WhatsAppOutgoing {
        let options = reply.quickReplies
        let body = String(reply.text.prefix(1024))
        if options.isEmpty || reply.text.count > 1024 {
            return WhatsAppOutgoing(to: recipient, .text(.init(body: String(reply.text.prefix(4096)))))
        }
        if options.count <= 3 {
            return WhatsAppOutgoing(to: recipient, .buttons(body: body, unique(options).prefix(3).map {
                .init(id: String($0.id.prefix(256)), title: String($0.title.prefix(20)))
            }))
        }
        return WhatsAppOutgoing(to: recipient, .list(body: body, button: String(listButton.prefix(20)), section: "Opciones",
                                                     unique(options).prefix(10).map {
                                                         .init(id: String($0.id.prefix(200)), title: String($0.title.prefix(24)))
                                                     }))
    }

    /// Meta refuses repeated ids or titles.
    static func unique(_ options: [QuickReply]) -> [QuickReply] {
        var seen = Set<String>()
        return options.filter { seen.insert($0.id).inserted && seen.insert("title:" + $0.title.prefix(20)).inserted }
    }

    func outcome(of error: WhatsAppError) -> SendOutcome {
        switch error.code {
        case 131056: return .retryAfter(10)   // pair rate limit: this customer, a little later
        case 130429, 4, 80007: return .retryAfter(5)
        case 131047: return .notNow("more than 24 hours since the customer last wrote — only an approved template can reach them")
        case 131026: return .unreachable("not deliverable to this number (\(error.message))")
        case 131030: return .rejected("recipient not in the test number's allowed list — add it in Meta's dashboard")
        case 190:
            logger.critical("WhatsApp access token expired or invalid — replace WHATSAPP_ACCESS_TOKEN (use a System User permanent token)")
            return .failed("access token expired (190)")
        case 100, 131008, 131009: return .rejected(error.description)
        default: return error.httpStatus == 401 ? .failed("access token refused (401)") : .failed(error.description)
        }
    }
}

import AgentCore
import ChannelKit
import Foundation
import Logging
import Store
import WhatsApp

/// The WhatsApp front-end wired for a run: the Cloud API client and sender; the webhook that
/// receives messages and delivery statuses is made once the inbox exists, by `webhook(…)`.
struct WhatsAppChannel: Sendable {
    let config: BotConfig.WhatsApp
    let client: WhatsAppClient
    let sender: WhatsAppSender

    static func make(_ config: BotConfig.WhatsApp) -> WhatsAppChannel {
        let client = WhatsAppClient(apiBase: config.apiBase, version: config.apiVersion, phoneNumberID: config.phoneNumberID,
                                    token: config.accessToken.value)
        return WhatsAppChannel(config: config, client: client, sender: WhatsAppSender(client: client))
    }

    /// `onRetry`: a delivery status says a message is worth sending again (rate limits).
    func webhook(sink: any InboxSink, store: Store, onRetry: @escaping @Sendable () -> Void) -> WhatsAppWebhook {
        let logger = Logger(label: "whatsapp")
        return WhatsAppWebhook(appSecret: config.appSecret.value, verifyToken: config.verifyToken?.value,
                               phoneNumberID: config.phoneNumberID, sink: sink, statuses: { reports in
            var retry = false
            for report in reports {
                let error = report.errorCode.map { "\($0) \(report.errorTitle ?? "")" }
                let chat = try? await store.recordDelivery(providerID: report.messageID, status: report.status, error: error,
                                                           retryIn: report.retryIn)
                guard report.status == "failed" else { continue }
                retry = retry || report.isRetryable
                switch report.errorCode {
                case 131047:
                    logger.warning("message not delivered: more than 24 h since the customer wrote; a notice goes again as its template",
                                   metadata: ["chat": "\(chat?.masked ?? "?")"])
                case 131026:
                    if let chat { try? await store.markUnreachable(chat, reason: "WhatsApp cannot deliver to this number (131026)") }
                default:
                    logger.warning("message delivery failed", metadata: ["chat": "\(chat?.masked ?? "?")", "error": "\(error ?? "?")",
                                                                         "retried": "\(report.isRetryable)"])
                }
            }
            if retry { onRetry() }
        })
    }

    /// The status line: the number's display form and quality rating, as the Graph API reports them.
    static func status(_ config: BotConfig.WhatsApp) async -> StatusReport.State {
        let client = WhatsAppClient(apiBase: config.apiBase, version: config.apiVersion, phoneNumberID: config.phoneNumberID,
                                    token: config.accessToken.value, timeout: .seconds(10))
        do {
            let info = try await client.phoneNumber()
            let number = info.displayPhoneNumber ?? config.phoneNumberID
            let quality = info.qualityRating.map { ", quality \($0)" } ?? ""
            let name = info.verifiedName.map { " «\($0)»" } ?? ""
            let verify = config.verifyToken == nil ? "; WHATSAPP_VERIFY_TOKEN not set, so Meta cannot verify the webhook" : ""
            return .ok("\(number)\(name)\(quality), webhook /webhook/whatsapp\(verify)")
        } catch {
            if error.isExpiredToken {
                return .fail("WHATSAPP_ACCESS_TOKEN expired or invalid (\(error.message)) — create a System User permanent token in Meta Business settings")
            }
            return .fail(error.code == 0 ? "cannot reach the Graph API (\(error.message))" : error.description)
        }
    }

    /// The status line for the templates the notices use: each must exist in its language and
    /// be APPROVED in the business account, or those notices stop past the 24-hour window.
    static func templateStatus(_ config: BotConfig.WhatsApp, _ chosen: [Notice.Kind: NoticeTemplate]) async -> StatusReport.State {
        if chosen.isEmpty { return .notConfigured("no whatsapp_template_* in messaging/settings.txt: notices stop 24 h after a customer's last message") }
        guard let account = config.businessAccountID else {
            return .notConfigured("set WHATSAPP_BUSINESS_ACCOUNT_ID to check the \(chosen.count) templates in messaging/settings.txt")
        }
        let client = WhatsAppClient(apiBase: config.apiBase, version: config.apiVersion, phoneNumberID: config.phoneNumberID,
                                    token: config.accessToken.value, timeout: .seconds(10))
        let existing: [WhatsAppClient.Template]
        do {
            existing = try await client.templates(businessAccountID: account)
        } catch {
            return .fail("cannot list the message templates of WHATSAPP_BUSINESS_ACCOUNT_ID \(account): \(error)")
        }
        var problems: [String] = []
        for kind in Notice.Kind.allCases {
            guard let template = chosen[kind] else { continue }
            let found = existing.first { $0.name == template.name && $0.language == template.language }
            switch found?.status {
            case "APPROVED": continue
            case nil: problems.append("\(template.name) \(template.language) (\(kind.rawValue)) does not exist")
            case let status?: problems.append("\(template.name) \(template.language) (\(kind.rawValue)) is \(status)")
            }
        }
        if problems.isEmpty { return .ok("\(chosen.count) templates approved") }
        return .fail(problems.joined(separator: "; ") + " — create or fix them in WhatsApp Manager (README: WhatsApp message templates)")
    }
}

import AgentCore
import ChannelKit
import Foundation
import Logging

/// `GET|POST /webhook/whatsapp`. The POST's signature is checked against the raw body before
/// anything is parsed; each message is put in the inbox before the 200 (Meta retries anything
/// else); duplicate deliveries of a wamid are absorbed by the inbox.
public struct WhatsAppWebhook: Sendable {
    let signature: WebhookSignature
    let verifyToken: String?
    let sink: any InboxSink
    let statuses: @Sendable ([DeliveryReport]) async -> Void
    let phoneNumberID: String?
    let logger: Logger

    public init(appSecret: String, verifyToken: String?, phoneNumberID: String? = nil, sink: any InboxSink,
                statuses: @escaping @Sendable ([DeliveryReport]) async -> Void,
                logger: Logger = Logger(label: "whatsapp.webhook")) {
        self.signature = WebhookSignature(appSecret: appSecret)
        self.verifyToken = verifyToken
        self.phoneNumberID = phoneNumberID
        self.sink = sink
        self.statuses = statuses
        self.logger = logger
    }

    /// The subscription handshake: the challenge echoed for the right token, 403 otherwise.
    public func verify(mode: String?, token: String?, challenge: String?) -> (status: Int, body: String) {
        guard mode == "subscribe", let verifyToken, let token, let challenge, ConstantTime.equals(token, verifyToken) else {
            logger.warning("webhook verification refused")
            return (403, "")
        }
        return (200, challenge)
    }

    public func receive(body: Data, signatureHeader: String?) async -> Int {
        guard signatureHeader != nil else {
            logger.warning("unsigned webhook call refused", metadata: ["bytes": "\(body.count)"])
            return 401
        }
        guard signature.isValid(signatureHeader, body: body) else {
            logger.warning("webhook call with a wrong signature refused", metadata: ["bytes": "\(body.count)"])
            return 403
        }
        guard let notification = try? JSONDecoder().decode(Notification.self, from: body) else {
            // Meta signed it, so it is genuine, and it will never read better: acknowledged, so
            // Meta does not retry it for days, and logged for the operator.
            logger.error("signed webhook notification the bot cannot read; acknowledged and dropped", metadata: ["bytes": "\(body.count)"])
            return 200
        }
        let mapped = NotificationMapper.map(notification, phoneNumberID: phoneNumberID)
        for message in mapped.messages {
            do {
                _ = try await sink.accept(message)
            } catch {
                logger.error("message not stored; Meta will retry", metadata: ["error": "\(error)"])
                return 503
            }
        }
        if !mapped.statuses.isEmpty {
            await statuses(mapped.statuses.map { DeliveryReport(messageID: $0.messageID, status: $0.status,
                                                                errorCode: $0.errorCode, errorTitle: $0.errorTitle) })
        }
        return 200
    }
}

/// What WhatsApp says became of a message the bot sent.
public struct DeliveryReport: Sendable, Equatable {
    public var messageID: String
    public var status: String
    public var errorCode: Int?
    public var errorTitle: String?

    /// Failures worth sending again later: rate limits, WhatsApp's own trouble, and the shut
    /// 24-hour window (131047), after which a notice goes again at once, as its template.
    public var isRetryable: Bool { retryIn != nil }

    /// When to send again (nil: never).
    public var retryIn: TimeInterval? {
        guard status == "failed", let errorCode else { return nil }
        if errorCode == 131047 { return 0 }
        return [131056, 130429, 131000, 131016].contains(errorCode) ? 30 : nil
    }
}

import AgentCore
import Foundation
import Logging

/// Everything the launcher reads from the environment (DESIGN.md §3), validated once.
public struct BotConfig: Sendable {
    public struct Telegram: Sendable {
        public var token: Secret
        public var webhookSecret: Secret?
        public var webhookURL: String?
        public var apiBase: URL
    }

    public struct WhatsApp: Sendable {
        public var phoneNumberID: String
        public var accessToken: Secret
        public var verifyToken: Secret?
        public var appSecret: Secret
        public var apiBase: URL
        public var apiVersion: String
        /// The WhatsApp Business Account: where status checks the message templates.
        public var businessAccountID: String?
    }

    public struct Sheets: Sendable {
        public var spreadsheetID: String
        public var credentialsPath: String
        public var apiBase: URL
        /// How often the cache reads the whole spreadsheet again.
        public var refreshSeconds: Int
        /// Pacing under Google's per-user quota (60 reads and 60 writes a minute).
        public var requestsPerMinute: Int
        public var timeoutSeconds: Int
    }

    public struct Gemini: Sendable {
        public var apiKey: Secret
        public var model: String
        public var apiBase: URL
        /// A turn waits at most this long for the model; then the offline rules answer.
        public var deadlineSeconds: Double
    }

    public var telegram: Telegram?
    public var telegramAPIBase: URL
    public var whatsApp: WhatsApp?
    public var sheets: Sheets?
    public var gemini: Gemini?
    public var messagingHost: String
    public var messagingPort: Int
    /// A connection silent this long is closed (slow or stuck clients cannot hold the server).
    public var idleTimeoutSeconds = 30
    public var staffTelegramIDs: Set<String>
    /// National 10 digits of each staff WhatsApp number (521… and 52… are the same phone).
    public var staffWhatsAppNumbers: Set<String>
    /// The staff WhatsApp numbers as configured (digits), where alerts are sent.
    public var staffWhatsAppRecipients: [String]
    public var dataDirectory: String
    public var logDirectory: String
    public var logLevel: Logger.Level
    public var maxResponseLength: Int
    public var enableEmojis: Bool
    public var messagingDirectory: String
    /// False only for benchmarks and tests that measure: SQLite commits without fsync.
    public var durableWrites: Bool
    /// More messages than this from one person in a minute: one notice, then quiet.
    public var rateLimitPerMinute: Int
    /// Sessions, processed message ids and sent messages older than this are deleted (privacy).
    public var retentionDays: Int
    /// The most messages waiting in the inbox; beyond it webhooks answer 503 (the platforms retry).
    public var maxInbox: Int
    public var logFormat: LogFormat
    /// Maintenance: messages are received and kept in the inbox, answered after a restart without it.
    public var inboxPaused: Bool

    public enum LogFormat: String, Sendable { case text, json }

    /// Where staff alerts go: each staff Telegram id, and each staff WhatsApp number (521… form)
    /// when WhatsApp is on.
    public var staffChats: [ChatRef] {
        let telegram = telegram == nil ? [] : staffTelegramIDs.sorted().map { ChatRef(.telegram, $0) }
        let whatsapp = whatsApp == nil ? [] : staffWhatsAppRecipients.map { ChatRef(.whatsapp, $0) }
        return telegram + whatsapp
    }

    /// The role of a chat by the staff lists.
    public func role(of chat: ChatRef, verifiedPhone: String?) -> Role {
        switch chat.channel {
        case .telegram:
            return staffTelegramIDs.contains(chat.chatID) ? .staff : .customer
        case .whatsapp:
            let key = PhoneNumber.matchKey(verifiedPhone ?? chat.chatID)
            return key.map(staffWhatsAppNumbers.contains) == true ? .staff : .customer
        }
    }
}

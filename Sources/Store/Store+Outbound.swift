import AgentCore
import Foundation

/// Something to send: a reply to a chat, or an alert for every staff member.
public enum OutboundPayload: Sendable, Codable, Equatable {
    case reply(Reply)
    case alert(StaffAlert)
}

public struct OutboundMessage: Sendable, Equatable {
    public var id: Int64
    /// nil for staff alerts: every staff identity gets them.
    public var chat: ChatRef?
    public var payload: OutboundPayload
    public var inReplyTo: String?
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    /// Why the last attempt failed ("131047 Re-engagement message" when WhatsApp said the
    /// 24-hour window was shut).
    public var lastError: String?
}

extension Store {
    func queueOutbound(_ chat: ChatRef?, _ payload: OutboundPayload, inReplyTo: String?, at now: Date) throws -> Int64 {
        let kind = switch payload {
        case .reply: "reply"
        case .alert: "alert"
        }
        try db.query("""
            INSERT INTO outbound (channel, chat_id, kind, payload, in_reply_to, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.optional(chat?.channel.rawValue), .optional(chat?.chatID), .text(kind), .text(encode(payload)),
                  .optional(inReplyTo), .real(now.timeIntervalSince1970)])
        return db.lastInsertID
    }

    /// Messages not yet sent nor given up on, oldest first, whether due or waiting (a chat's
    /// messages must go in order). `channel` nil: every channel, and unaddressed staff alerts.
    public func pendingOutbound(channel: Channel?, limit: Int = 100) throws -> [OutboundMessage] {
        let rows = try db.query("""
            SELECT id, channel, chat_id, payload, in_reply_to, attempts, created_at, next_attempt_at, last_error FROM outbound
            WHERE sent_at IS NULL AND failed_at IS NULL AND (? IS NULL OR channel = ?) ORDER BY id LIMIT ?
            """, [.optional(channel?.rawValue), .optional(channel?.rawValue), .integer(Int64(limit))])
        return try rows.map(outboundMessage)
    }

    public func outbound(ids: [Int64]) throws -> [OutboundMessage] {
        try ids.compactMap { id in
            try db.query("SELECT id, channel, chat_id, payload, in_reply_to, attempts, created_at, next_attempt_at, last_error FROM outbound WHERE id = ?",
                         [.integer(id)]).first.map(outboundMessage)
        }
    }

    private func outboundMessage(_ row: [SQLValue]) throws -> OutboundMessage {
        let chat = row[1].string.flatMap(Channel.init(rawValue:)).map { ChatRef($0, row[text: 2]) }
        return OutboundMessage(id: row[int: 0], chat: chat, payload: try decode(OutboundPayload.self, row[3].string),
                               inReplyTo: row[4].string, attempts: Int(row[int: 5]),
                               createdAt: Date(timeIntervalSince1970: row[double: 6]),
                               nextAttemptAt: Date(timeIntervalSince1970: row[double: 7]), lastError: row[8].string)
    }

    /// Marks a message sent. Returns true when a status that had arrived before this call (the
    /// channel answered the webhook faster than the send returned) puts it back in the queue.
    @discardableResult
    public func markSent(_ id: Int64, providerID: String? = nil, at now: Date = Date()) throws -> Bool {
        try db.query("UPDATE outbound SET sent_at = ?, provider_id = ?, delivery = 'sent' WHERE id = ?",
                     [.real(now.timeIntervalSince1970), .optional(providerID), .integer(id)])
        guard let providerID,
              let early = try db.query("SELECT status, error, retry_in FROM early_delivery WHERE provider_id = ?", [.text(providerID)]).first
        else { return false }
        try db.query("DELETE FROM early_delivery WHERE provider_id = ?", [.text(providerID)])
        try recordDelivery(providerID: providerID, status: early[text: 0], error: early[1].string, retryIn: early[2].double, at: now)
        return try db.query("SELECT sent_at IS NULL AND failed_at IS NULL FROM outbound WHERE id = ?", [.integer(id)]).first?[int: 0] == 1
    }

    /// A delivery status from the channel (delivered, read, failed). A failure worth retrying
    /// (`retryIn` seconds from now) puts the message back in the queue; others end it.
    /// Returns the chat it was for.
    @discardableResult
    public func recordDelivery(providerID: String, status: String, error: String?, retryIn: TimeInterval?,
                               at now: Date = Date()) throws -> ChatRef? {
        guard let row = try db.query("SELECT id, channel, chat_id, attempts FROM outbound WHERE provider_id = ?",
                                     [.text(providerID)]).first else {
            // Kept for the send still being recorded (a few minutes at most).
            try db.query("DELETE FROM early_delivery WHERE received_at < ?", [.real(now.addingTimeInterval(-600).timeIntervalSince1970)])
            try db.query("INSERT OR REPLACE INTO early_delivery (provider_id, status, error, retry_in, received_at) VALUES (?, ?, ?, ?, ?)",
                         [.text(providerID), .text(status), .optional(error), retryIn.map { .real($0) } ?? .null,
                          .real(now.timeIntervalSince1970)])
            return nil
        }
        let id = row[int: 0]
        let chat = row[1].string.flatMap(Channel.init(rawValue:)).map { ChatRef($0, row[text: 2]) }
        if status == "failed", let retryIn, row[int: 3] < 5 {
            try db.query("UPDATE outbound SET sent_at = NULL, delivery = 'failed', last_error = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                         [.optional(error), .real(now.addingTimeInterval(retryIn).timeIntervalSince1970), .integer(id)])
        } else if status == "failed" {
            try db.query("UPDATE outbound SET delivery = 'failed', last_error = ?, failed_at = ? WHERE id = ?",
                         [.optional(error), .real(now.timeIntervalSince1970), .integer(id)])
        } else {
            try db.query("UPDATE outbound SET delivery = ? WHERE id = ?", [.text(status), .integer(id)])
        }
        return chat
    }

    public func delivery(of id: Int64) throws -> String? {
        try db.query("SELECT delivery FROM outbound WHERE id = ?", [.integer(id)]).first?[0].string
    }

    /// A failed send: retried at `retryAt`, or given up on when `retryAt` is nil.
    public func markSendFailed(_ id: Int64, error: String, retryAt: Date?, at now: Date = Date()) throws {
        if let retryAt {
            try db.query("UPDATE outbound SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                         [.text(error), .real(retryAt.timeIntervalSince1970), .integer(id)])
        } else {
            try db.query("UPDATE outbound SET attempts = attempts + 1, last_error = ?, failed_at = ? WHERE id = ?",
                         [.text(error), .real(now.timeIntervalSince1970), .integer(id)])
        }
    }

    public func outboundBacklog() throws -> Int {
        Int(try db.query("SELECT count(*) FROM outbound WHERE sent_at IS NULL AND failed_at IS NULL").first?[int: 0] ?? 0)
    }
}

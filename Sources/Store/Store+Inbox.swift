import AgentCore
import Foundation

/// Messages accepted from a channel but not yet handled. A webhook answers 200 only after the
/// message is here, so a crash after the answer loses nothing.
extension Store {
    /// Stores the message unless it is already waiting or was handled. Returns its inbox id, or
    /// nil for a duplicate delivery.
    public func enqueue(_ message: InboundMessage, at now: Date = Date()) throws -> Int64? {
        try transaction {
            if try isProcessed(message.chat.channel, messageID: message.id) { return nil }
            try db.query("INSERT OR IGNORE INTO inbox (channel, message_id, payload, received_at) VALUES (?, ?, ?, ?)",
                         [.text(message.chat.channel.rawValue), .text(message.id), .text(encode(message)),
                          .real(now.timeIntervalSince1970)])
            return db.changes == 1 ? db.lastInsertID : nil
        }
    }

    public enum Enqueued: Sendable, Equatable {
        case queued(Int64)
        case duplicate
        /// The inbox holds `limit` messages already.
        case full
    }

    /// Many messages in one transaction (one fsync), for webhooks arriving together. A message
    /// from a chat marked unreachable makes it reachable again.
    public func enqueue(_ messages: [InboundMessage], limit: Int, at now: Date = Date()) throws -> [Enqueued] {
        try transaction {
            var size = Int(try db.query("SELECT count(*) FROM inbox").first?[int: 0] ?? 0)
            return try messages.map { message -> Enqueued in
                let chat = message.chat
                if try isProcessed(chat.channel, messageID: message.id) { return .duplicate }
                guard size < limit else { return .full }
                try db.query("INSERT OR IGNORE INTO inbox (channel, message_id, payload, received_at) VALUES (?, ?, ?, ?)",
                             [.text(chat.channel.rawValue), .text(message.id), .text(encode(message)), .real(now.timeIntervalSince1970)])
                guard db.changes == 1 else { return .duplicate }
                let id = db.lastInsertID
                size += 1
                try db.query("DELETE FROM unreachable_chats WHERE channel = ? AND chat_id = ?",
                             [.text(chat.channel.rawValue), .text(chat.chatID)])
                return .queued(id)
            }
        }
    }

    public func pendingInbox(limit: Int = 100) throws -> [(id: Int64, message: InboundMessage)] {
        try db.query("SELECT id, payload FROM inbox ORDER BY id LIMIT ?", [.integer(Int64(limit))]).map { row in
            (row[int: 0], try decode(InboundMessage.self, row[1].string))
        }
    }

    public func inboxCount() throws -> Int {
        Int(try db.query("SELECT count(*) FROM inbox").first?[int: 0] ?? 0)
    }
}

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

    public func pendingInbox(limit: Int = 100) throws -> [(id: Int64, message: InboundMessage)] {
        try db.query("SELECT id, payload FROM inbox ORDER BY id LIMIT ?", [.integer(Int64(limit))]).map { row in
            (row[int: 0], try decode(InboundMessage.self, row[1].string))
        }
    }

    public func inboxCount() throws -> Int {
        Int(try db.query("SELECT count(*) FROM inbox").first?[int: 0] ?? 0)
    }
}

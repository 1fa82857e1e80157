import AgentCore
import Foundation

/// Chats that blocked the bot: nothing more is sent to them until they write again.
extension Store {
    public func markUnreachable(_ chat: ChatRef, reason: String, at now: Date = Date()) throws {
        try db.query("INSERT OR REPLACE INTO unreachable_chats (channel, chat_id, reason, since) VALUES (?, ?, ?, ?)",
                     [.text(chat.channel.rawValue), .text(chat.chatID), .text(reason), .real(now.timeIntervalSince1970)])
    }

    public func unreachableReason(_ chat: ChatRef) throws -> String? {
        try db.query("SELECT reason FROM unreachable_chats WHERE channel = ? AND chat_id = ?",
                     [.text(chat.channel.rawValue), .text(chat.chatID)]).first?[0].string
    }

    /// A message from the person proves the chat works again.
    public func markReachable(_ chat: ChatRef) throws {
        try db.query("DELETE FROM unreachable_chats WHERE channel = ? AND chat_id = ?",
                     [.text(chat.channel.rawValue), .text(chat.chatID)])
    }

    public func deleteInbox(_ id: Int64) throws {
        try db.query("DELETE FROM inbox WHERE id = ?", [.integer(id)])
    }
}

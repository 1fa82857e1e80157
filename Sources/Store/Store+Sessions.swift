import AgentCore
import Foundation

extension Store {
    public func session(for chat: ChatRef) throws -> Session? {
        guard let row = try db.query("SELECT data FROM sessions WHERE channel = ? AND chat_id = ?",
                                     [.text(chat.channel.rawValue), .text(chat.chatID)]).first else { return nil }
        do {
            return try decode(Session.self, row[0].string)
        } catch {
            // A session written by an older version that no longer decodes: start over rather than fail every turn.
            return nil
        }
    }

    /// Stores a change the bot made to a chat's session on its own (a question asked, a
    /// reminder sent, a handoff ended) without moving its time: that time says when the person
    /// last wrote, which is WhatsApp's 24-hour window.
    func updateSessionKeepingTime(_ session: Session, for chat: ChatRef) throws {
        try db.query("UPDATE sessions SET data = ? WHERE channel = ? AND chat_id = ?",
                     [.text(encode(session)), .text(chat.channel.rawValue), .text(chat.chatID)])
    }

    func saveSession(_ session: Session, for chat: ChatRef, at now: Date) throws {
        try db.query("INSERT OR REPLACE INTO sessions (channel, chat_id, data, updated_at) VALUES (?, ?, ?, ?)",
                     [.text(chat.channel.rawValue), .text(chat.chatID), .text(encode(session)), .real(now.timeIntervalSince1970)])
    }

    /// When the chat last had a turn, without reading the whole session.
    public func lastActivity(of chat: ChatRef) throws -> Date? {
        try db.query("SELECT updated_at FROM sessions WHERE channel = ? AND chat_id = ?",
                     [.text(chat.channel.rawValue), .text(chat.chatID)]).first.map { Date(timeIntervalSince1970: $0[double: 0]) }
    }

    public func sessionCount() throws -> Int {
        Int(try db.query("SELECT count(*) FROM sessions").first?[int: 0] ?? 0)
    }
}

extension Store {
    /// Forgets what is older than `cutoff`: sessions (with their recent messages), processed
    /// message ids, delivered back-office writes, and sent or abandoned messages. Rows still
    /// waiting are never touched. Returns how many rows went.
    @discardableResult
    public func purge(olderThan cutoff: Date) throws -> Int {
        try transaction {
            let t = SQLValue.real(cutoff.timeIntervalSince1970)
            var removed = 0
            for statement in [
                "DELETE FROM sessions WHERE updated_at < ?",
                "DELETE FROM processed_messages WHERE processed_at < ?",
                "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?",
                "DELETE FROM outbound WHERE (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < ?",
                "DELETE FROM relay_log WHERE at < ?",
            ] {
                try db.query(statement, [t])
                removed += db.changes
            }
            return removed
        }
    }

    /// The sessions whose person last wrote within the range, oldest first.
    public func sessions(lastActiveFrom start: Date, to end: Date) throws -> [(ChatRef, Session)] {
        try db.query("""
            SELECT channel, chat_id, data FROM sessions WHERE updated_at BETWEEN ? AND ? ORDER BY updated_at
            """, [.real(start.timeIntervalSince1970), .real(end.timeIntervalSince1970)]).compactMap { row in
            guard let channel = Channel(rawValue: row[text: 0]), let session = try? decode(Session.self, row[2].string) else { return nil }
            return (ChatRef(channel, row[text: 1]), session)
        }
    }

    /// Queues a reminder and notes it in the session, in one transaction and only once: false
    /// when the session was reminded already (or changed meanwhile to no longer need it).
    public func remind(_ chat: ChatRef, with reply: Reply, at now: Date) throws -> Bool {
        let queued = try transaction { () throws -> Bool in
            guard var session = try session(for: chat), !session.signupReminded, case .signup = session.flow else { return false }
            session.signupReminded = true
            try updateSessionKeepingTime(session, for: chat)
            _ = try queueOutbound(chat, .reply(reply), inReplyTo: nil, at: now)
            return true
        }
        if queued { outboundBell.ring() }
        return queued
    }
}

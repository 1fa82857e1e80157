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

    func saveSession(_ session: Session, for chat: ChatRef, at now: Date) throws {
        try db.query("INSERT OR REPLACE INTO sessions (channel, chat_id, data, updated_at) VALUES (?, ?, ?, ?)",
                     [.text(chat.channel.rawValue), .text(chat.chatID), .text(encode(session)), .real(now.timeIntervalSince1970)])
    }

    public func sessionCount() throws -> Int {
        Int(try db.query("SELECT count(*) FROM sessions").first?[int: 0] ?? 0)
    }
}

import AgentCore
import Foundation

/// Everything one turn changes, stored in one transaction: the message is marked processed,
/// the session saved, back-office writes queued in the outbox and replies and alerts queued
/// for sending. A crash leaves either all of it or none of it.
public struct TurnRecord: Sendable {
    public var message: InboundMessage
    public var session: Session
    public var effects: [Effect]
    public var replies: [Reply]
    /// The highest key number used so far, per tab (C-0031 → 31).
    public var counters: [Tab: Int]
    /// The inbox row this message came from, removed with the commit.
    public var inboxID: Int64?
    /// Who gets staff alerts; none configured → one unaddressed alert, recorded as undeliverable.
    public var staff: [ChatRef]

    public init(message: InboundMessage, session: Session, effects: [Effect], replies: [Reply],
                counters: [Tab: Int] = [:], inboxID: Int64? = nil, staff: [ChatRef] = []) {
        self.message = message
        self.session = session
        self.effects = effects
        self.replies = replies
        self.counters = counters
        self.inboxID = inboxID
        self.staff = staff
    }
}

public struct CommittedTurn: Sendable {
    /// false when the message had been processed before: nothing was stored this time.
    public var isNew: Bool
    public var outboundIDs: [Int64]
}

extension Store {
    public func commit(_ turn: TurnRecord, at now: Date = Date()) throws -> CommittedTurn {
        try transaction { try record(turn, at: now) }
    }

    /// Several turns (of different chats) in one transaction: one fsync for all of them.
    public func commit(_ turns: [TurnRecord], at now: Date = Date()) throws -> [CommittedTurn] {
        try transaction { try turns.map { try record($0, at: now) } }
    }

    private func record(_ turn: TurnRecord, at now: Date) throws -> CommittedTurn {
        let chat = turn.message.chat
        try db.query("INSERT OR IGNORE INTO processed_messages (channel, message_id, processed_at) VALUES (?, ?, ?)",
                     [.text(chat.channel.rawValue), .text(turn.message.id), .real(now.timeIntervalSince1970)])
        guard db.changes == 1 else {
            if let inbox = turn.inboxID { try db.query("DELETE FROM inbox WHERE id = ?", [.integer(inbox)]) }
            return CommittedTurn(isNew: false, outboundIDs: [])
        }
        try saveSession(turn.session, for: chat, at: now)
        var outbound: [Int64] = []
        for effect in turn.effects {
            switch effect {
            case .appendRow(let tab, let row):
                try queueWrite(tab: tab, op: "append", key: row.key, payload: encode(OutboxWrite.append(row)), at: now)
            case .updateRow(let tab, let key, let cells):
                try queueWrite(tab: tab, op: "update", key: key, payload: encode(OutboxWrite.update(key: key, cells: cells)), at: now)
            case .appendNote(let tab, let key, let column, let note):
                try queueWrite(tab: tab, op: "update", key: key,
                               payload: encode(OutboxWrite.appendNote(key: key, column: column, note: note)), at: now)
            case .alertStaff(let alert):
                guard !turn.staff.isEmpty else {
                    // Kept (status shows it) but never pending: nobody could ever receive it.
                    let id = try queueOutbound(nil, .alert(alert), inReplyTo: nil, at: now)
                    try markSendFailed(id, error: "no staff identities configured (STAFF_TELEGRAM_IDS, STAFF_WHATSAPP_NUMBERS)", retryAt: nil, at: now)
                    continue
                }
                outbound += try queueAlerts(alert, to: turn.staff, at: now)
            case .declareOutage(let zone):
                try db.query("INSERT OR REPLACE INTO outages (zone, name, declared_at) VALUES (?, ?, ?)",
                             [.text(Text.fold(zone)), .text(zone), .real(now.timeIntervalSince1970)])
            case .releaseHandoff(let other):
                try db.query("DELETE FROM handoffs WHERE channel = ? AND chat_id = ?", [.text(other.channel.rawValue), .text(other.chatID)])
                if var session = try session(for: other), session.handoffUntil != nil {
                    session.handoffUntil = nil
                    try updateSessionKeepingTime(session, for: other)
                }
            case .openHandoff(let customer, let label):
                try db.query("""
                    INSERT OR REPLACE INTO handoffs (channel, chat_id, label, requested_at) VALUES (?, ?, ?, ?)
                    """, [.text(customer.channel.rawValue), .text(customer.chatID), .text(label), .real(now.timeIntervalSince1970)])
            case .takeHandoff(let customer, let staff, let name):
                try db.query("""
                    UPDATE handoffs SET holder_channel = ?, holder_chat_id = ?, holder_name = ?, taken_at = ?
                    WHERE channel = ? AND chat_id = ? AND holder_chat_id IS NULL
                    """, [.text(staff.channel.rawValue), .text(staff.chatID), .text(name), .real(now.timeIntervalSince1970),
                          .text(customer.channel.rawValue), .text(customer.chatID)])
            case .relay(let other, let reply):
                outbound.append(try queueOutbound(other, .reply(reply), inReplyTo: nil, at: now))
                try db.query("""
                    INSERT INTO relay_log (from_channel, from_chat_id, to_channel, to_chat_id, text, at) VALUES (?, ?, ?, ?, ?, ?)
                    """, [.text(chat.channel.rawValue), .text(chat.chatID), .text(other.channel.rawValue), .text(other.chatID),
                          .text(reply.text), .real(now.timeIntervalSince1970)])
            }
        }
        for reply in turn.replies {
            outbound.append(try queueOutbound(chat, .reply(reply), inReplyTo: turn.message.id, at: now))
        }
        for (tab, value) in turn.counters {
            try db.query("INSERT INTO counters (tab, value) VALUES (?, ?) ON CONFLICT (tab) DO UPDATE SET value = max(value, excluded.value)",
                         [.text(tab.rawValue), .integer(Int64(value))])
        }
        if let inbox = turn.inboxID { try db.query("DELETE FROM inbox WHERE id = ?", [.integer(inbox)]) }
        return CommittedTurn(isNew: true, outboundIDs: outbound)
    }

    public func isProcessed(_ channel: Channel, messageID: String) throws -> Bool {
        !(try db.query("SELECT 1 FROM processed_messages WHERE channel = ? AND message_id = ?",
                       [.text(channel.rawValue), .text(messageID)])).isEmpty
    }

    public func counters() throws -> [Tab: Int] {
        var result: [Tab: Int] = [:]
        for row in try db.query("SELECT tab, value FROM counters") {
            if let tab = Tab(rawValue: row[text: 0]) { result[tab] = Int(row[int: 1]) }
        }
        return result
    }

    /// Zones (folded) whose outage was declared after `since`.
    public func activeOutages(since: Date) throws -> Set<String> {
        Set(try db.query("SELECT zone FROM outages WHERE declared_at >= ?", [.real(since.timeIntervalSince1970)]).map { $0[text: 0] })
    }
}

extension Store {
    /// A message handled without a turn (rate limited): marked processed, out of the inbox,
    /// with at most a notice queued. Its session and the back office are not touched.
    public func discard(_ message: InboundMessage, inboxID: Int64?, notice: Reply?, at now: Date = Date()) throws {
        try transaction {
            try db.query("INSERT OR IGNORE INTO processed_messages (channel, message_id, processed_at) VALUES (?, ?, ?)",
                         [.text(message.chat.channel.rawValue), .text(message.id), .real(now.timeIntervalSince1970)])
            if let notice, db.changes == 1 {
                _ = try queueOutbound(message.chat, .reply(notice), inReplyTo: message.id, at: now)
            }
            if let inboxID { try db.query("DELETE FROM inbox WHERE id = ?", [.integer(inboxID)]) }
        }
    }
}

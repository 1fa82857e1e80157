import AgentCore
import Foundation

/// A back-office write waiting in the outbox.
public enum OutboxWrite: Sendable, Codable, Equatable {
    case append(RowValues)
    case update(key: String, cells: [String: String])
    case appendNote(key: String, column: String, note: String)
}

public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var tab: Tab
    public var write: OutboxWrite
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
}

public struct OutboxBacklog: Sendable, Equatable {
    public var count: Int
    public var oldest: Date?
    public var lastError: String?
    public var givenUp: Int = 0
}

extension Store {
    func queueWrite(tab: Tab, op: String, key: String, payload: String, at now: Date) throws {
        // The unique index on (tab, key) for appends makes a repeated append a no-op here too.
        try db.query("INSERT OR IGNORE INTO outbox (tab, op, row_key, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                     [.text(tab.rawValue), .text(op), .text(key), .text(payload), .real(now.timeIntervalSince1970)])
    }

    /// Undelivered writes, oldest first: they are delivered in this order.
    public func pendingOutbox(limit: Int = 500) throws -> [OutboxEntry] {
        try db.query("""
            SELECT id, tab, payload, attempts, created_at, next_attempt_at FROM outbox
            WHERE delivered_at IS NULL AND given_up_at IS NULL ORDER BY id LIMIT ?
            """, [.integer(Int64(limit))]).compactMap { row in
            guard let tab = Tab(rawValue: row[text: 1]) else { return nil }
            return OutboxEntry(id: row[int: 0], tab: tab, write: try decode(OutboxWrite.self, row[2].string),
                               attempts: Int(row[int: 3]), createdAt: Date(timeIntervalSince1970: row[double: 4]),
                               nextAttemptAt: Date(timeIntervalSince1970: row[double: 5]))
        }
    }

    public func markDelivered(_ ids: [Int64], at now: Date = Date()) throws {
        try transaction {
            for id in ids {
                try db.query("UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ?",
                             [.real(now.timeIntervalSince1970), .integer(id)])
            }
        }
    }

    /// Counts an attempt before it is made (see OutboxWriter).
    public func markAttemptStarted(_ ids: [Int64]) throws {
        try transaction {
            for id in ids { try db.query("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", [.integer(id)]) }
        }
    }

    public func markAttemptFailed(_ ids: [Int64], error: String, retryAt: Date) throws {
        try transaction {
            for id in ids {
                try db.query("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?",
                             [.text(error), .real(retryAt.timeIntervalSince1970), .integer(id)])
            }
        }
    }

    /// Pending writes waiting out a backoff become due now; returns how many.
    @discardableResult
    public func resetOutboxBackoff(at now: Date = Date()) throws -> Int {
        try db.query("UPDATE outbox SET next_attempt_at = ? WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at > ?",
                     [.real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970)])
        return db.changes
    }

    /// A write the back office refuses for good (its row was deleted, a column is missing):
    /// kept for the operator to see, no longer blocking the writes behind it.
    public func markGivenUp(_ id: Int64, error: String, at now: Date = Date()) throws {
        try db.query("UPDATE outbox SET last_error = ?, given_up_at = ? WHERE id = ?",
                     [.text(error), .real(now.timeIntervalSince1970), .integer(id)])
    }

    public func outboxBacklog() throws -> OutboxBacklog {
        let pending = "delivered_at IS NULL AND given_up_at IS NULL"
        let row = try db.query("SELECT count(*), min(created_at) FROM outbox WHERE \(pending)").first
        let count = Int(row?[int: 0] ?? 0)
        let lastError = try db.query("SELECT last_error FROM outbox WHERE \(pending) AND last_error IS NOT NULL ORDER BY id LIMIT 1").first?[0].string
        let givenUp = Int(try db.query("SELECT count(*) FROM outbox WHERE given_up_at IS NOT NULL").first?[int: 0] ?? 0)
        return OutboxBacklog(count: count, oldest: count > 0 ? row.map { Date(timeIntervalSince1970: $0[double: 1]) } : nil,
                             lastError: lastError, givenUp: givenUp)
    }

    /// Delivered writes older than `before` are only history; drop them to keep the file small.
    public func pruneDeliveredOutbox(before: Date) throws {
        try db.query("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?", [.real(before.timeIntervalSince1970)])
    }
}

extension Store {
    /// An append whose key staff took meanwhile goes out under `row.key` instead: the entry,
    /// the later writes to the same row, the key counter and the customer's notice change in
    /// one transaction, before the append is sent.
    public func rekey(_ entryID: Int64, tab: Tab, from old: String, to row: RowValues,
                      notice: (chat: ChatRef, reply: Reply)?, number: Int?, at now: Date = Date()) throws {
        try transaction {
            try db.query("UPDATE outbox SET row_key = ?, payload = ? WHERE id = ?",
                         [.text(row.key), .text(encode(OutboxWrite.append(row))), .integer(entryID)])
            let later = try db.query("""
                SELECT id, payload FROM outbox WHERE tab = ? AND op = 'update' AND row_key = ? AND id > ?
                AND delivered_at IS NULL AND given_up_at IS NULL
                """, [.text(tab.rawValue), .text(old), .integer(entryID)])
            for update in later {
                let moved: OutboxWrite
                switch try decode(OutboxWrite.self, update[1].string) {
                case .update(_, let cells): moved = .update(key: row.key, cells: cells)
                case .appendNote(_, let column, let note): moved = .appendNote(key: row.key, column: column, note: note)
                case .append: continue
                }
                try db.query("UPDATE outbox SET row_key = ?, payload = ? WHERE id = ?",
                             [.text(row.key), .text(encode(moved)), .integer(update[int: 0])])
            }
            if let number {
                try db.query("INSERT INTO counters (tab, value) VALUES (?, ?) ON CONFLICT (tab) DO UPDATE SET value = max(value, excluded.value)",
                             [.text(tab.rawValue), .integer(Int64(number))])
            }
            if let notice { _ = try queueOutbound(notice.chat, .reply(notice.reply), inReplyTo: nil, at: now) }
        }
        if notice != nil { outboundBell.ring() }
    }
}

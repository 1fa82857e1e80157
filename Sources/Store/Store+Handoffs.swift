import AgentCore
import Foundation

extension Store {
    /// Every customer waiting for a person or talking to one, oldest first.
    public func openHandoffs() throws -> [Handoff] {
        try db.query("""
            SELECT channel, chat_id, label, requested_at, holder_channel, holder_chat_id, holder_name FROM handoffs
            ORDER BY requested_at
            """).compactMap { row in
            guard let channel = Channel(rawValue: row[text: 0]) else { return nil }
            let holder = row[4].string.flatMap(Channel.init(rawValue:)).map { ChatRef($0, row[text: 5]) }
            return Handoff(customer: ChatRef(channel, row[text: 1]), label: row[text: 2],
                           requestedAt: Date(timeIntervalSince1970: row[double: 3]), holder: holder, holderName: row[6].string)
        }
    }

    /// Handoffs nobody took within `wait`, not yet alerted again; marked as alerted again.
    public func unclaimedHandoffs(waitingSince: Date, at now: Date) throws -> [Handoff] {
        try transaction {
            let waiting = try openHandoffs().filter { $0.holder == nil && $0.requestedAt < waitingSince }
            var due: [Handoff] = []
            for handoff in waiting {
                try db.query("UPDATE handoffs SET realerted_at = ? WHERE channel = ? AND chat_id = ? AND realerted_at IS NULL",
                             [.real(now.timeIntervalSince1970), .text(handoff.customer.channel.rawValue), .text(handoff.customer.chatID)])
                if db.changes == 1 { due.append(handoff) }
            }
            return due
        }
    }

    /// Queues a staff alert for each recipient, outside a turn.
    public func alert(_ alert: StaffAlert, to staff: [ChatRef], at now: Date = Date()) throws {
        _ = try transaction { try queueAlerts(alert, to: staff, at: now) }
        if !staff.isEmpty { outboundBell.ring() }
    }

    /// One outbound row per staff member, the one the alert names as `except` left out.
    func queueAlerts(_ alert: StaffAlert, to staff: [ChatRef], at now: Date) throws -> [Int64] {
        try staff.filter { $0 != alert.except }.map { try queueOutbound($0, .alert(alert), inReplyTo: nil, at: now) }
    }

    /// Handoffs nobody took and whose customer gave up waiting (older than `cutoff`) go.
    public func dropStaleHandoffs(requestedBefore cutoff: Date) throws {
        try db.query("DELETE FROM handoffs WHERE holder_chat_id IS NULL AND requested_at < ?", [.real(cutoff.timeIntervalSince1970)])
    }

    /// What was relayed between a customer and staff, oldest first.
    public func relayTranscript(of customer: ChatRef) throws -> [(from: ChatRef, text: String, at: Date)] {
        try db.query("""
            SELECT from_channel, from_chat_id, text, at FROM relay_log
            WHERE (from_channel = ? AND from_chat_id = ?) OR (to_channel = ? AND to_chat_id = ?) ORDER BY id
            """, [.text(customer.channel.rawValue), .text(customer.chatID), .text(customer.channel.rawValue), .text(customer.chatID)])
            .compactMap { row in
                guard let channel = Channel(rawValue: row[text: 0]) else { return nil }
                return (ChatRef(channel, row[text: 1]), row[text: 2], Date(timeIntervalSince1970: row[double: 3]))
            }
    }
}

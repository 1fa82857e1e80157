import AgentCore
import Foundation

/// The last copy of the spreadsheet, so a restart while Google is down still knows the plans,
/// zones and clients.
extension Store {
    public func saveMirror(_ tabs: [Tab: TabData], fetchedAt: Date) throws {
        try transaction {
            for (tab, data) in tabs {
                try db.query("INSERT OR REPLACE INTO cache_tabs (tab, data, fetched_at) VALUES (?, ?, ?)",
                             [.text(tab.rawValue), .text(encode(data)), .real(fetchedAt.timeIntervalSince1970)])
            }
        }
    }

    public func loadMirror() throws -> (tabs: [Tab: TabData], fetchedAt: Date)? {
        var tabs: [Tab: TabData] = [:]
        var oldest = Date.distantFuture
        for row in try db.query("SELECT tab, data, fetched_at FROM cache_tabs") {
            guard let tab = Tab(rawValue: row[text: 0]) else { continue }
            tabs[tab] = try decode(TabData.self, row[1].string)
            oldest = min(oldest, Date(timeIntervalSince1970: row[double: 2]))
        }
        return tabs.isEmpty ? nil : (tabs, oldest)
    }
}

/// What changed in rows staff edit, and the notices it causes, stored together.
public struct WatchUpdate: Sendable {
    public var states: [(tab: Tab, key: String, state: String)] = []
    public var notices: [(chat: ChatRef, reply: Reply)] = []
    public var resolvedOutages: [String] = []
    /// Chats asked "¿Ya quedó tu servicio?" about a report.
    public var repairChecks: [(chat: ChatRef, folio: String)] = []

    public init() {}
}

extension Store {
    public func watchedStates(_ tab: Tab) throws -> [String: String] {
        var states: [String: String] = [:]
        for row in try db.query("SELECT row_key, state FROM watched_states WHERE tab = ?", [.text(tab.rawValue)]) {
            states[row[text: 0]] = row[text: 1]
        }
        return states
    }

    /// New states, the customer notices they cause and the outages they end, in one transaction:
    /// each notice is queued exactly once, even across restarts.
    public func apply(_ update: WatchUpdate, at now: Date = Date()) throws {
        try transaction {
            for state in update.states {
                try db.query("INSERT OR REPLACE INTO watched_states (tab, row_key, state) VALUES (?, ?, ?)",
                             [.text(state.tab.rawValue), .text(state.key), .text(state.state)])
            }
            for notice in update.notices {
                _ = try queueOutbound(notice.chat, .reply(notice.reply), inReplyTo: nil, at: now)
            }
            for zone in update.resolvedOutages {
                try db.query("DELETE FROM outages WHERE zone = ?", [.text(zone)])
            }
            for check in update.repairChecks {
                try awaitRepairCheck(check.folio, in: check.chat, at: now)
            }
        }
        if !update.notices.isEmpty { outboundBell.ring() }
    }

    /// Declared outages: folded zone → (name as written, when it was declared).
    public func outages() throws -> [String: (name: String, declaredAt: Date)] {
        var result: [String: (name: String, declaredAt: Date)] = [:]
        for row in try db.query("SELECT zone, name, declared_at FROM outages") {
            result[row[text: 0]] = (row[text: 1], Date(timeIntervalSince1970: row[double: 2]))
        }
        return result
    }

    /// Notes in the chat's session that its answer is awaited.
    private func awaitRepairCheck(_ folio: String, in chat: ChatRef, at now: Date) throws {
        let check = RepairCheck(folio: folio, askedAt: now)
        if var session = try session(for: chat) {
            session.repairCheck = check
            try updateSessionKeepingTime(session, for: chat)
        } else {
            // Never wrote to the bot: no time of theirs to keep.
            var session = Session(lastActivity: Date(timeIntervalSince1970: 0))
            session.repairCheck = check
            try saveSession(session, for: chat, at: Date(timeIntervalSince1970: 0))
        }
    }
}

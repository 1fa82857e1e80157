import AgentCore

/// What to do with each row the outbox is about to append, decided against the tab as it is
/// in the back office right now. Staff type rows by hand while the bot runs, sometimes with
/// the very key the bot gave a customer a moment ago; and an append whose answer was lost may
/// have landed. A row of the tab with the same key is the bot's own only when it also carries
/// the bot's content (who wrote, from which chat, when): a key alone proves nothing.
public struct AppendPlan: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        /// Append it as it is.
        case write(RowValues)
        /// An earlier attempt landed: nothing to write.
        case alreadyThere
        /// Someone else's row has this key: append under `RowValues.key`, a fresh one.
        case rekeyed(RowValues, oldKey: String)
    }

    public var steps: [Step]

    /// `fresh` gives a key no row has, above `floor` (the highest number in the tab now).
    public init(rows: [RowValues], tab: Tab, current: TabData, fresh: (_ floor: Int) -> String) throws(HeaderMap.Problem) {
        guard let keyColumn = tab.columns.first(where: { $0.name == tab.keyColumn }) else {
            steps = rows.map { .write($0) }
            return
        }
        let map = try HeaderMap(tab: tab, header: current.header)
        var existing: [String: [[String]]] = [:]
        var floor = 0
        for row in current.rows {
            let key = map.value(keyColumn, in: row)
            guard !key.isEmpty else { continue }
            existing[key, default: []].append(row)
            floor = max(floor, KeyAllocator.number(key, in: tab) ?? 0)
        }
        steps = rows.map { row in
            guard let rows = existing[row.key] else { return .write(row) }
            if rows.contains(where: { Self.isOwn(row, $0, map: map, tab: tab) }) { return .alreadyThere }
            var moved = row
            moved.key = fresh(floor)
            moved.cells[keyColumn.name] = moved.key
            return .rekeyed(moved, oldKey: row.key)
        }
    }

    /// The columns only the bot's own write fills this way: staff may edit state columns
    /// (Estado, Prioridad, Notas) of the bot's row before a retry, never these.
    static func identity(_ tab: Tab) -> [ColumnSpec] {
        switch tab {
        case .clients: [Col.Client.name, Col.Client.channel, Col.Client.chatID, Col.Client.since]
        case .incidents: [Col.Incident.date, Col.Incident.channel, Col.Incident.chatID, Col.Incident.description]
        case .prospects: [Col.Prospect.date, Col.Prospect.channel, Col.Prospect.chatID, Col.Prospect.name]
        case .plans, .zones: []
        }
    }

    static func isOwn(_ row: RowValues, _ sheet: [String], map: HeaderMap, tab: Tab) -> Bool {
        identity(tab).allSatisfy { column in
            guard map.has(column) else { return true }
            return Text.fold(map.value(column, in: sheet)) == Text.fold(row.cells[column.name] ?? "")
        }
    }
}

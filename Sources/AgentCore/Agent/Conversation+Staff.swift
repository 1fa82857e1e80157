import Foundation

/// Staff answers: statistics, client search, and giving a chat back to the bot.
/// Only reached for identities in the staff lists (the router refuses customers).
extension Conversation {
    /// "liberar telegram:12345" (or just the chat id) ends a handoff.
    mutating func staffCommand() -> Bool {
        let words = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first.map(Text.fold), ["liberar", "release", "soltar"].contains(verb) else { return false }
        intent = .staffSearch
        guard words.count == 2 else {
            say(.staffReleaseUsage)
            return true
        }
        let target = words[1].trimmingSpaces
        let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let channel = Channel(rawValue: Text.fold(parts[0])) {
            effects.append(.releaseHandoff(ChatRef(channel, parts[1])))
        } else {
            for channel in Channel.allCases { effects.append(.releaseHandoff(ChatRef(channel, target))) }
        }
        say(.staffReleased, ["chat": target])
        return true
    }

    mutating func staffStats() {
        let clients = workbook.clients
        func count(_ status: ClientStatus) -> Int { clients.filter { $0.status == status }.count }
        let current = clients.filter { $0.status != .cancelled }
        let zoneCounts: [(String, Int)] = Dictionary(grouping: current, by: \.zone).map { ($0.key.isEmpty ? "—" : $0.key, $0.value.count) }
        let byZone = zoneCounts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let planCounts: [(Int, Int)] = Dictionary(grouping: current, by: { $0.planMbps ?? 0 }).map { ($0.key, $0.value.count) }
        let byPlan = planCounts.sorted { $0.0 < $1.0 }.map { "\($0.0) Mbps \($0.1)" }.joined(separator: ", ")
        let revenue = clients.filter { $0.status == .active }.reduce(0.0) { sum, client in
            sum + (client.price ?? client.planMbps.flatMap(workbook.plan(mbps:))?.monthlyPrice ?? 0)
        }
        let open = workbook.incidents.filter(\.status.isOpen)
        func openCount(_ p: Priority) -> Int { open.filter { $0.priority == p }.count }
        say(.staffStats, [
            "total": String(clients.count), "active": String(count(.active)),
            "pending": String(count(.pendingInstallation)), "suspended": String(count(.suspended)),
            "cancelled": String(count(.cancelled)), "byZone": byZone, "byPlan": byPlan,
            "revenue": Money.format(revenue), "open": String(open.count),
            "alta": String(openCount(.alta)), "media": String(openCount(.media)), "baja": String(openCount(.baja)),
            "prospects": String(workbook.prospects.count),
        ])
    }

    mutating func staffSearch() {
        let slots = understood.slots
        var matches: [Client]
        var query: String
        if let phone = slots.phone.flatMap(PhoneNumber.matchKey) {
            query = phone
            matches = workbook.clients.filter { PhoneNumber.matchKey($0.phone) == phone }
        } else if let name = slots.name ?? searchWords() {
            query = name
            let words = Text.fold(name).split(separator: " ")
            matches = workbook.clients.filter { client in
                let folded = Text.fold(client.name + " " + client.id)
                return words.allSatisfy { folded.contains($0) }
            }
            if matches.isEmpty, let zone = workbook.zone(named: name) {
                query = zone.name
                matches = workbook.clients.filter { Text.fold($0.zone) == Text.fold(zone.name) }
            }
        } else if let zone = slots.zone {
            query = zone
            matches = workbook.clients.filter { Text.fold($0.zone) == Text.fold(zone) }
        } else {
            say(.staffSearchAsk)
            return
        }
        guard !matches.isEmpty else {
            say(.staffSearchNone, ["query": query])
            return
        }
        let lines = matches.prefix(10).map { c in
            "\(c.id) \(c.name) · \(c.zone) · \(c.planMbps.map { "\($0) Mbps" } ?? "?") · \(c.status.sheetLabel) · \(PhoneNumber.display(c.phone))"
        }
        let more = matches.count > 10 ? "\n" + agent.book.text(.staffSearchMore, .es, ["count": String(matches.count - 10)]) : ""
        say(.staffSearchResults, ["query": query, "count": String(matches.count),
                                  "results": lines.joined(separator: "\n") + more])
    }

    /// The words after "busca", "buscar", "cliente", "datos de" when understanding found no slot.
    private func searchWords() -> String? {
        let folded = Text.fold(text)
        let fillers: Set<Substring> = ["busca", "buscar", "buscame", "cliente", "clientes", "datos", "de", "del", "a",
                                       "al", "la", "el", "info", "informacion", "search", "find", "for", "quien", "es",
                                       "por", "favor", "porfa", "los", "las", "zona", "en", "me", "dame", "pasame"]
        let words = folded.split(separator: " ").filter { !fillers.contains($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}

import Foundation

/// The back office as the agent sees it: the five tabs decoded into records, with the
/// lookups a turn needs. An immutable value: a turn reads one consistent snapshot.
public struct Workbook: Sendable {
    public private(set) var tabs: [Tab: TabData]
    public private(set) var problems: [HeaderMap.Problem] = []
    public private(set) var plans: [Plan] = []
    public private(set) var zones: [Zone] = []
    public private(set) var clients: [Client] = []
    public private(set) var incidents: [Incident] = []
    public private(set) var prospects: [Prospect] = []

    private var maps: [Tab: HeaderMap] = [:]
    private var rowByKey: [Tab: [String: Int]] = [:]
    private var clientsByChat: [ChatRef: Int] = [:]
    private var clientsByPhone: [String: Int] = [:]
    private var phoneRows: [String: Int] = [:]

    /// In a client row's Notas: the phone was typed by the customer, nobody vouched for it.
    public static let unverifiedPhoneNote = "telefono sin verificar"
    private let time: LocalTime

    public init(tabs: [Tab: TabData], time: LocalTime = .mexicoCity) {
        self.tabs = tabs
        self.time = time
        for tab in Tab.allCases {
            guard let data = tabs[tab] else { continue }
            do {
                maps[tab] = try HeaderMap(tab: tab, header: data.header)
            } catch {
                problems.append(error)
                continue
            }
            for (i, row) in data.rows.enumerated() { index(row, at: i, in: tab) }
        }
    }

    public static let empty = Workbook(tabs: [:])

    public func headerMap(_ tab: Tab) -> HeaderMap? { maps[tab] }

    // MARK: Lookups

    public func plan(mbps: Int) -> Plan? { plans.first { $0.mbps == mbps } }

    public var plansBySpeed: [Plan] { plans.sorted { $0.mbps < $1.mbps } }

    public func zone(named name: String) -> Zone? {
        let folded = Text.fold(name)
        return zones.first { Text.fold($0.name) == folded }
    }

    public var coveredZones: [Zone] { zones.filter(\.hasCoverage) }

    /// The zone whose circle contains the point (nearest centre first).
    public func zone(containing point: GeoPoint) -> Zone? {
        zones.compactMap { zone -> (Zone, Double)? in
            guard let c = zone.center, let r = zone.radiusKm else { return nil }
            let d = c.distanceKm(to: point)
            return d <= r ? (zone, d) : nil
        }.min { $0.1 < $1.1 }?.0
    }

    /// The caller's own client row: by chat, else by a phone the channel vouched for.
    public func client(chat: ChatRef, verifiedPhone: String?) -> Client? {
        if let i = clientsByChat[chat] { return clients[i] }
        if let phone = verifiedPhone, let key = PhoneNumber.matchKey(phone), let i = clientsByPhone[key] {
            return clients[i]
        }
        return nil
    }

    /// The caller's own incidents (by chat or by their client id), newest first.
    public func incidents(chat: ChatRef, clientID: String?) -> [Incident] {
        incidents.filter { inc in
            (inc.channel == chat.channel && inc.chatID == chat.chatID)
                || (clientID.map { !$0.isEmpty && inc.clientID == $0 } ?? false)
        }.reversed()
    }

    public func incidents(inZone zone: String, since: Date) -> [Incident] {
        let folded = Text.fold(zone)
        return incidents.filter { inc in
            Text.fold(inc.zone) == folded && (inc.openedAt.map { $0 >= since } ?? false)
        }
    }

    public func prospect(chat: ChatRef) -> Prospect? {
        prospects.last { $0.channel == chat.channel && $0.chatID == chat.chatID }
    }

    /// Highest number used in a tab's keys (C-0031 → 31), to continue the sequence.
    public func maxKeyNumber(_ tab: Tab) -> Int {
        guard let prefix = tab.keyPrefix else { return 0 }
        return (rowByKey[tab] ?? [:]).keys.reduce(0) { best, key in
            guard key.hasPrefix(prefix), let n = Int(key.dropFirst(prefix.count)) else { return best }
            return max(best, n)
        }
    }

    public func containsKey(_ key: String, in tab: Tab) -> Bool { rowByKey[tab]?[key] != nil }

    // MARK: Changes (the cache applies the bot's own writes before they land)

    public mutating func append(_ values: RowValues, to tab: Tab) {
        guard let map = maps[tab], rowByKey[tab]?[values.key] == nil else { return }
        let row = map.row(from: values)
        tabs[tab, default: TabData(header: map.header)].rows.append(row)
        index(row, at: tabs[tab]!.rows.count - 1, in: tab)
    }

    /// "Falta de pago" + "Solicitó baja…" → "Falta de pago | Solicitó baja…".
    public static func appending(_ note: String, to cell: String) -> String {
        cell.trimmingSpaces.isEmpty ? note : cell + " | " + note
    }

    public mutating func appendNote(tab: Tab, key: String, column: String, note: String) {
        guard let map = maps[tab], let i = rowByKey[tab]?[key], let spec = tab.columns.first(where: { $0.name == column }) else { return }
        let before = tabs[tab].map { map.value(spec, in: $0.rows[i]) } ?? ""
        update(tab: tab, key: key, cells: [column: Self.appending(note, to: before)])
    }

    public mutating func update(tab: Tab, key: String, cells: [String: String]) {
        guard let map = maps[tab], let i = rowByKey[tab]?[key] else { return }
        var row = tabs[tab]!.rows[i]
        for (name, value) in cells {
            guard let p = map.position(of: name) else { continue }
            if row.count <= p { row += Array(repeating: "", count: p - row.count + 1) }
            row[p] = value
        }
        tabs[tab]!.rows[i] = row
        reindex(tab)
    }

    private mutating func reindex(_ tab: Tab) {
        switch tab {
        case .plans: plans = []
        case .zones: zones = []
        case .clients: clients = []; clientsByChat = [:]; clientsByPhone = [:]; phoneRows = [:]
        case .incidents: incidents = []
        case .prospects: prospects = []
        }
        rowByKey[tab] = [:]
        for (i, row) in (tabs[tab]?.rows ?? []).enumerated() { index(row, at: i, in: tab) }
    }

    // MARK: Decoding

    private mutating func index(_ row: [String], at i: Int, in tab: Tab) {
        guard let m = maps[tab], row.contains(where: { !$0.isEmpty }) else { return }
        if let keyColumn = tab.keyColumn, let spec = tab.columns.first(where: { $0.name == keyColumn }) {
            let key = m.value(spec, in: row)
            if !key.isEmpty { rowByKey[tab, default: [:]][key] = i }
        }
        switch tab {
        case .plans:
            typealias C = Col.Plan
            guard let mbps = Cell.int(m.value(C.mbps, in: row)), let price = Cell.number(m.value(C.price, in: row))
            else { return }
            let name = m.value(C.name, in: row)
            plans.append(Plan(name: name.isEmpty ? "\(mbps) Mbps" : name, mbps: mbps, monthlyPrice: price,
                              description: m.value(C.description, in: row)))
        case .zones:
            typealias C = Col.Zone
            let name = m.value(C.name, in: row)
            guard !name.isEmpty else { return }
            let lat = Cell.number(m.value(C.latitude, in: row)), lon = Cell.number(m.value(C.longitude, in: row))
            zones.append(Zone(name: name, hasCoverage: Cell.yes(m.value(C.coverage, in: row)),
                              notes: m.value(C.notes, in: row),
                              center: lat.flatMap { la in lon.map { GeoPoint(latitude: la, longitude: $0) } },
                              radiusKm: Cell.number(m.value(C.radius, in: row)),
                              aliases: m.value(C.aliases, in: row).split(separator: ",").map { String($0).trimmingSpaces }
                                  .filter { !$0.isEmpty }))
        case .clients:
            typealias C = Col.Client
            let client = Client(
                id: m.value(C.id, in: row), name: m.value(C.name, in: row), phone: m.value(C.phone, in: row),
                channel: Channel(sheetLabel: m.value(C.channel, in: row)), chatID: m.value(C.chatID, in: row),
                zone: m.value(C.zone, in: row), planMbps: Cell.int(m.value(C.plan, in: row)),
                price: Cell.number(m.value(C.price, in: row)), status: ClientStatus(cell: m.value(C.status, in: row)),
                since: m.value(C.since, in: row), notes: m.value(C.notes, in: row))
            clients.append(client)
            let n = clients.count - 1
            if let channel = client.channel, !client.chatID.isEmpty { clientsByChat[ChatRef(channel, client.chatID)] = n }
            // A number identifies a person only when someone vouched for it: staff typed the row,
            // or the channel proved it (never a number a customer typed for a bot sign-up). A
            // number on several rows identifies nobody.
            if let key = PhoneNumber.matchKey(client.phone), !Text.fold(client.notes).contains(Self.unverifiedPhoneNote) {
                phoneRows[key, default: 0] += 1
                clientsByPhone[key] = phoneRows[key] == 1 ? n : nil
            }
        case .incidents:
            typealias C = Col.Incident
            let date = m.value(C.date, in: row)
            incidents.append(Incident(
                folio: m.value(C.folio, in: row), date: date, openedAt: time.parse(date),
                clientID: m.value(C.clientID, in: row), name: m.value(C.name, in: row),
                channel: Channel(sheetLabel: m.value(C.channel, in: row)), chatID: m.value(C.chatID, in: row),
                zone: m.value(C.zone, in: row), description: m.value(C.description, in: row),
                since: m.value(C.since, in: row), modemRestarted: m.value(C.modemRestarted, in: row),
                priority: Priority(cell: m.value(C.priority, in: row)),
                status: IncidentStatus(cell: m.value(C.status, in: row)), updated: m.value(C.updated, in: row)))
        case .prospects:
            typealias C = Col.Prospect
            prospects.append(Prospect(
                id: m.value(C.id, in: row), date: m.value(C.date, in: row), name: m.value(C.name, in: row),
                phone: m.value(C.phone, in: row), channel: Channel(sheetLabel: m.value(C.channel, in: row)),
                chatID: m.value(C.chatID, in: row), zone: m.value(C.zone, in: row),
                planMbps: Cell.int(m.value(C.plan, in: row)), reason: m.value(C.reason, in: row)))
        }
    }
}

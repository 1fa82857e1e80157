import AgentCore
import Foundation
import Logging
import Store

/// Turns staff's edits in the sheet into messages customers are waiting for: an incident
/// marked "resuelto", a client moved from "pendiente de instalación" to "activo", and the end
/// of a zone outage (when every report of it is resolved). Each is told once.
public struct StaffEditWatcher: Sendable {
    let store: Store
    let notices: CustomerNotices
    let settings: AgentSettings
    let logger: Logger

    public init(store: Store, notices: CustomerNotices, settings: AgentSettings,
                logger: Logger = Logger(label: "backoffice.watcher")) {
        self.store = store
        self.notices = notices
        self.settings = settings
        self.logger = logger
    }

    @discardableResult
    public func observe(_ workbook: Workbook) async throws -> Int {
        var update = WatchUpdate()
        let incidentStates = try await store.watchedStates(.incidents)
        let clientStates = try await store.watchedStates(.clients)
        var toldAboutOutage = Set<String>()

        // Outages end when every report behind them is resolved.
        for (zone, outage) in try await store.outages() {
            let reports = workbook.incidents(inZone: outage.name, since: outage.declaredAt.addingTimeInterval(-settings.outageWindow))
            guard !reports.isEmpty, reports.allSatisfy({ $0.status == .resolved }) else { continue }
            update.resolvedOutages.append(zone)
            var chats = Set<ChatRef>()
            for report in reports {
                toldAboutOutage.insert(report.folio)
                guard let channel = report.channel, !report.chatID.isEmpty else { continue }
                let chat = ChatRef(channel, report.chatID)
                if chats.insert(chat).inserted {
                    update.notices.append((chat, try await notice(.notifyOutageResolved, ["zone": outage.name], chat,
                                                                  Notice(.outageOver, [outage.name]))))
                }
            }
        }

        for incident in workbook.incidents where !incident.folio.isEmpty {
            let state = Text.fold(incident.status.sheetLabel)
            let before = incidentStates[incident.folio]
            if before != state { update.states.append((.incidents, incident.folio, state)) }
            guard let before, before != "resuelto", incident.status == .resolved, !toldAboutOutage.contains(incident.folio),
                  let channel = incident.channel, !incident.chatID.isEmpty else { continue }
            let chat = ChatRef(channel, incident.chatID)
            // "¿Ya quedó tu servicio?": the customer's answer reopens the report or rates the repair.
            var resolved = try await notices.reply(.notifyIncidentResolved, ["folio": incident.folio], to: chat,
                                                   buttons: [(.buttonRepairFixed, "yes"), (.buttonRepairStillBroken, "no")])
            resolved.notice = Notice(.incidentResolved, [Self.firstName(incident.name), incident.folio])
            update.notices.append((chat, resolved))
            update.repairChecks.append((chat, incident.folio))
        }

        for client in workbook.clients where !client.id.isEmpty {
            let state = Text.fold(client.status.sheetLabel)
            let before = clientStates[client.id]
            if before != state { update.states.append((.clients, client.id, state)) }
            guard before == "pendiente de instalacion", client.status == .active,
                  let channel = client.channel, !client.chatID.isEmpty else { continue }
            let chat = ChatRef(channel, client.chatID)
            let first = Self.firstName(client.name)
            update.notices.append((chat, try await notice(.notifyClientActive, ["name": first], chat,
                                                          Notice(.installationDone, [first]))))
        }

        guard !update.states.isEmpty || !update.notices.isEmpty || !update.resolvedOutages.isEmpty else { return 0 }
        try await store.apply(update)
        if !update.notices.isEmpty {
            logger.info("staff edits told to customers", metadata: ["notices": "\(update.notices.count)",
                                                                    "outages_ended": "\(update.resolvedOutages.count)"])
        }
        return update.notices.count
    }

    private func notice(_ key: ReplyKey, _ values: [String: String], _ chat: ChatRef, _ template: Notice) async throws -> Reply {
        var reply = try await notices.reply(key, values, to: chat)
        reply.notice = template
        return reply
    }

    /// A template parameter may not be empty: "cliente" stands in for a missing name.
    static func firstName(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? "cliente"
    }
}

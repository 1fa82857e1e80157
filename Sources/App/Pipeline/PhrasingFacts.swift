import AgentCore

/// The facts a phrased reply may state: the ISP's public ones (plans, prices, coverage) and
/// the caller's own client row and incidents. Never another client's data.
enum PhrasingFacts {
    static func facts(for input: TurnInput) -> [String] {
        let workbook = input.workbook
        var facts = workbook.plansBySpeed.map { plan in
            "Plan de \(plan.mbps) Mbps: \(Money.format(plan.monthlyPrice)) al mes\(plan.description.isEmpty ? "" : " (\(plan.description))")"
        }
        facts.append("Zonas con cobertura: " + workbook.coveredZones.map(\.name).joined(separator: ", "))
        let without = workbook.zones.filter { !$0.hasCoverage }.map(\.name)
        if !without.isEmpty { facts.append("Zonas sin cobertura todavía: " + without.joined(separator: ", ")) }
        let phone = input.session?.phone ?? input.message.verifiedPhone
        if let client = workbook.client(chat: input.message.chat, verifiedPhone: phone) {
            facts.append("El cliente: \(client.name), número \(client.id), plan de \(client.planMbps.map(String.init) ?? "?") Mbps, estado \(client.status.sheetLabel), zona \(client.zone)")
            for incident in workbook.incidents(chat: input.message.chat, clientID: client.id).prefix(3) {
                facts.append("Su reporte \(incident.folio) del \(incident.date): \(incident.status.sheetLabel)")
            }
        }
        return facts
    }
}

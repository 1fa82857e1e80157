import Foundation

/// Staff asking for what belongs in the spreadsheet (a whole list exported, a row changed or deleted), and the
/// short follow-ups of a search ("sus datos", "tiene reporte?", "de esos cuáles son del centro").
extension Conversation {
    /// Returns true when the message was answered here.
    mutating func staffSheetWork() -> Bool {
        // "mandame todos los tel d los clientes en un archivo, excel o pdf": a whole list of personal data.
        let everyone = [" todos los tel", " todos los numeros", " todos los cel", " todos los clientes", " toda la lista",
                        " la base completa", " all the phone", " all client", " every client", " all the clients"]
            .contains(where: folded.contains)
        let export = [" archivo", " excel", " pdf", " csv", " exporta", " export", " descarga", " file", " spreadsheet file"]
            .contains(where: folded.contains)
        // (Not "todos los clientes del Norte con su tel": one zone's list is a search.)
        if everyone && (export || OthersDataRequest.mentionsData(text) && understood.slots.zone == nil) {
            intent = .staffSearch
            say(.staffExport)
            return true
        }
        // "cambiale el plan a jose luis martinez", "borra a gabriela cruz d la hoja": the sheet is where rows change; the
        // client named is shown, to do it there.
        let edits = [" cambiale ", " cambiarle el plan", " cambia el plan", " cambia su ", " borra ", " borralo", " borrala", " elimina ",
                     " eliminalo", " eliminala", " edita ", " modifica ", " actualiza ", " change his plan", " change her plan",
                     " delete ", " remove "].contains(where: folded.contains)
        if edits {
            intent = .staffSearch
            let lead = replies.count
            say(.staffEditInSheet)
            if understood.slots.name != nil { staffSearch() }
            mergeReplies(from: lead)
            return true
        }
        let shown = previous.searchResults.compactMap { id in workbook.clients.first { $0.id == id } }
        // "ok pasame sus datos pa cambiarlo yo en la hoja", "esa es del sur verdad? tiene reporte?" after one client shown.
        if shown.count == 1, understood.slots.name == nil {
            if [" tiene reporte", " tiene algun reporte", " tiene reportes", " tiene inc", " any report", " has a report"]
                .contains(where: folded.contains) {
                intent = .staffSearch
                showReports(of: shown)
                return true
            }
            if [" sus datos", " su info", " sus generales", " his details", " her details", " su telefono", " su tel ", " su cel ",
                " su numero", " his number", " her number", " his phone", " her phone", " de quien es", " whose is"]
                .contains(where: folded.contains) {
                intent = .staffSearch
                showClients(shown, query: shown[0].name)
                return true
            }
        }
        // "El tercero de la lista, ¿de qué zona es y qué plan contrató?": that one.
        if shown.count > 1, understood.slots.name == nil, [" de la lista", " of the list", " on the list"].contains(where: folded.contains)
            || folded.split(separator: " ").count <= 3,
           let n = placeInList(of: min(shown.count, 10)) {
            intent = .staffSearch
            showClients([shown[n]], query: shown[n].name)
            return true
        }
        // "d esos cuales son del centro", "¿Cuál de ellos es de Norte?": the clients last shown, narrowed to a zone.
        // ("de esos" after a figure is about the figure.)
        if shown.count > 1, let zone = understood.slots.zone.flatMap(workbook.zone(named:)),
           previous.statsTopic == nil && [" de esos", " d esos", " de esas", " d esas", " of those"].contains(where: folded.contains)
            || [" de ellos", " de ellas", " of them"].contains(where: folded.contains) {
            intent = .staffSearch
            showClients(shown.filter { Text.fold($0.zone) == Text.fold(zone.name) }, query: zone.name)
            return true
        }
        // "clientes con plan d 100": the clients on that plan.
        if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, understood.slots.name == nil,
           understood.slots.zone == nil, [" clientes con", " clientes del plan", " clientes de plan", " clients on", " quienes tienen"]
            .contains(where: folded.contains) {
            intent = .staffSearch
            showClients(workbook.clients.filter { $0.planMbps == mbps }, query: "\(mbps) Mbps")
            return true
        }
        // "pasamelos" after the open reports' count: who has them; "y alguno d alta??": the urgent ones.
        // (Not "¿Quiénes se dieron de alta este mes?", sign-ups.)
        if previous.statsTopic == StaffTopic.incidents.rawValue, folded.split(separator: " ").count <= 8,
           [nil, .incidents].contains(StaffTopic.of(text)),
           [" pasamelos", " damelos", " pasalos", " mandamelos", " listalos", " cuales son", " de alta", " d alta", " urgentes"]
            .contains(where: folded.contains) {
            intent = .staffStats
            staffStats(topic: .incidents, zone: previous.statsZone ?? understood.slots.zone.flatMap(workbook.zone(named:))?.name)
            return true
        }
        return false
    }
}

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

    /// Statistics, focused on what was asked ("¿y de lana cuánto va?", "altas este mes",
    /// "prospectos en La Loma", "reportes de prioridad alta"), for one zone when one is named.
    mutating func staffStats(topic asked: StaffTopic? = nil, zone only: String? = nil, alone: Bool = false, wholeTown: Bool = false) {
        // ("cuantos dados de baja", "cuántos suspendidos hay?": few clients; the count with who they are, so "¿quién?" needs
        // no second question.)
        if asked == nil, only == nil, understood.slots.zone == nil, folded.contains(" cuant"),
           case let statuses = StaffTopic.statusFilter(text), !statuses.isEmpty, !statuses.contains(.active),
           [nil, .summary].contains(StaffTopic.of(text)) {
            intent = .staffSearch
            return showClients(withStatus: statuses)
        }
        let topic = asked ?? StaffTopic.of(text) ?? .summary
        // ("how many prospects and from which zones? Poniente is the one my dad keeps asking about": every zone.)
        let byZone = [" which zones", " what zones", " que zonas", " cuales zonas", " de que zona", " por zona", " by zone", " each zone",
                      " cada zona"].contains(where: folded.contains)
        // "compárame Norte contra Sur": the same figures for each zone named.
        if only == nil, !byZone {
            let named = workbook.zones.map(\.name).filter { folded.contains(" " + Text.fold($0) + " ") }
            if named.count > 1 {
                for zone in named { staffStats(topic: topic, zone: zone) }
                return
            }
        }
        let zone = byZone || wholeTown ? nil : only ?? understood.slots.zone.flatMap(workbook.zone(named:))?.name
        // "clientes zona Sur" from a technician: the list of them, not their count.
        // ("¿y qué clientes tenemos en el Oriente?" after other figures, too.)
        let namesClients = [" clientes", " clients", " customers", " clts", " cltes"].contains(where: folded.contains)
        if only == nil || namesClients, topic == .summary, let zone, !StaffTopic.asksACount(text) {
            intent = .staffSearch
            return searchZone(zone)
        }
        // "¿y altas nuevas este mes? ¿y prospectos esperando?": both figures.
        if !alone {
            let topics = StaffTopic.all(text)
            // ("altas del mes, prospectos y los clientes del sur": the figures of the whole town, and the zone's list.)
            let zones = workbook.zones.map(\.name)
            let listed = StaffTopic.parts(text).lazy.compactMap { part -> String? in
                let folded = " " + Text.fold(part) + " "
                guard [" clientes", " clients", " customers"].contains(where: folded.contains), !StaffTopic.asksACount(part) else { return nil }
                return zones.first { folded.contains(" " + Text.fold($0) + " ") }
            }.first
            if topics.count > 1 || listed != nil && topics.contains(where: { $0 != .summary }) {
                for each in topics where each != .summary || listed == nil {
                    staffStats(topic: each, zone: listed == nil ? zone : nil, alone: true, wholeTown: listed != nil)
                }
                if let listed {
                    intent = .staffSearch
                    searchZone(listed)
                }
                return
            }
        }
        session.context.statsTopic = topic.rawValue
        session.context.statsZone = zone
        session.context.searchZone = nil
        let inZone = { (z: String) in zone.map { Text.fold($0) == Text.fold(z) } ?? true }
        let clients = workbook.clients.filter { inZone($0.zone) }
        let zoneNote = zoneNote(for: zone)
        let month = settings.time.month(now)
        let signups = clients.filter { $0.since.hasPrefix(month) }
        switch topic {
        case .revenue:
            // ("los de 20 cuanto dejan al mes?": the revenue of that plan's clients.)
            if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil {
                sayRevenue(of: clients.filter { $0.planMbps == mbps }, scope: zoneNote + " · \(mbps) Mbps")
            } else {
                sayRevenue(of: clients, scope: zoneNote)
            }
        case .incidents:
            let open = workbook.incidents.filter { $0.status.isOpen && inZone($0.zone) }
            let high = open.filter { $0.priority == .alta }
            // The urgent ones listed; every open one, with whose it is, when asked who has them.
            let who = Self.asksWho(folded)
            let list = (who ? open : high).prefix(8).map { incident in
                "\n• \(incident.folio) \(incident.zone) · " + (who ? "\(incident.name) · " : "") + "\(incident.description.prefix(60))"
            }.joined()
            say(.staffStatsIncidents, ["open": String(open.count), "zone": zoneNote,
                                       "alta": String(high.count), "media": String(open.filter { $0.priority == .media }.count),
                                       "baja": String(open.filter { $0.priority == .baja }.count), "list": list])
        case .signups:
            if [" quienes", " quien ", " cuales", " lista", " who ", " which "].contains(where: folded.contains) {
                // "¿Quiénes se dieron de alta este mes?": the people, not the count.
                return showClients(signups, query: agent.book.text(.staffQuerySignups, lang) + zoneNote)
            }
            // ("¿y nomás esta semana?": the last seven days.)
            if [" esta semana", " this week", " la semana"].contains(where: folded.contains) {
                let weekAgo = settings.time.day(now.addingTimeInterval(-6 * 86_400))
                let week = clients.filter { $0.since >= weekAgo }
                return say(.staffStatsSignupsWeek, ["count": String(week.count), "zone": zoneNote,
                                                    "byZone": countsByZone(week.map(\.zone))])
            }
            say(.staffStatsSignups, ["count": String(signups.count), "zone": zoneNote, "byZone": countsByZone(signups.map(\.zone))])
        case .prospects:
            let prospects = workbook.prospects.filter { inZone($0.zone) }
            say(.staffStatsProspects, ["count": String(prospects.count), "zone": zoneNote,
                                       "byZone": countsByZone(prospects.map { $0.zone.isEmpty ? "—" : $0.zone })])
        case .suspended:
            let suspended = clients.filter { $0.status == .suspended }
            showClients(suspended, query: agent.book.text(.staffQuerySuspended, lang) + zoneNote)
        case .summary where zone != nil:
            let current = clients.filter { $0.status != .cancelled }
            let planCounts = Dictionary(grouping: current, by: { $0.planMbps ?? 0 }).sorted { $0.key < $1.key }
                .map { "\($0.key) Mbps \($0.value.count)" }.joined(separator: ", ")
            say(.staffStatsZone, ["zone": zone ?? "", "total": String(current.count),
                                  "active": String(current.filter { $0.status == .active }.count),
                                  "pending": String(current.filter { $0.status == .pendingInstallation }.count),
                                  "suspended": String(current.filter { $0.status == .suspended }.count),
                                  "byPlan": planCounts, "revenue": Money.format(revenue(clients))])
        case .summary:
            staffSummary(signups: signups.count)
        }
    }

    private mutating func lastMonth(zone: String?) {
        let last = settings.time.month(now, offset: -1)
        let clients = workbook.clients.filter { client in zone.map { Text.fold(client.zone) == Text.fold($0) } ?? true }
        let signups = clients.filter { $0.since.hasPrefix(last) }
        // ("¿Cuánto llevamos facturado este mes?… ¿Y el mes pasado?… Ahora solo Oriente": still the figure asked first.)
        session.context.statsTopic = previous.statsTopic == StaffTopic.revenue.rawValue ? StaffTopic.revenue.rawValue
            : StaffTopic.signups.rawValue
        session.context.statsZone = zone
        say(.staffStatsLastMonth, ["month": last, "zone": zoneNote(for: zone), "signups": String(signups.count),
                                   "revenue": Money.format(revenue(clients))])
    }

    private mutating func staffSummary(signups: Int) {
        let clients = workbook.clients
        func count(_ status: ClientStatus) -> Int { clients.filter { $0.status == status }.count }
        let current = clients.filter { $0.status != .cancelled }
        let byZone = countsByZone(current.map(\.zone))
        let planCounts: [(Int, Int)] = Dictionary(grouping: current, by: { $0.planMbps ?? 0 }).map { ($0.key, $0.value.count) }
        let byPlan = planCounts.sorted { $0.0 < $1.0 }.map { "\($0.0) Mbps \($0.1)" }.joined(separator: ", ")
        let open = workbook.incidents.filter(\.status.isOpen)
        func openCount(_ p: Priority) -> Int { open.filter { $0.priority == p }.count }
        say(.staffStats, [
            "total": String(clients.count), "active": String(count(.active)),
            "pending": String(count(.pendingInstallation)), "suspended": String(count(.suspended)),
            "cancelled": String(count(.cancelled)), "byZone": byZone, "byPlan": byPlan,
            "revenue": Money.format(revenue(clients)), "open": String(open.count),
            "alta": String(openCount(.alta)), "media": String(openCount(.media)), "baja": String(openCount(.baja)),
            "prospects": String(workbook.prospects.count), "signups": String(signups),
        ])
    }

    /// Estimated monthly revenue: what the active clients pay.
    private func revenue(_ clients: [Client]) -> Double {
        clients.filter { $0.status == .active }.reduce(0.0) { sum, client in
            sum + (client.price ?? client.planMbps.flatMap(workbook.plan(mbps:))?.monthlyPrice ?? 0)
        }
    }

    private func countsByZone(_ zones: [String]) -> String {
        let counts = Dictionary(grouping: zones, by: { $0.isEmpty ? "—" : $0 }).map { ($0.key, $0.value.count) }
        return counts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// Staff follow-ups read against the last answer: "ahora Oriente" after a search, "¿y de
    /// lana?" or "¿y en el Sur?" after statistics, "¿cuál de esos está suspendido?".
    mutating func staffFollowUp(_ previous: DialogueContext) -> Bool {
        // "búscame a José Luis Martínez, creo que es uno de esos": a search, whatever it points back to.
        if understood.slots.name != nil, [" busca", " buscame", " busque", " look up", " find "].contains(where: folded.contains) {
            return false
        }
        // "y silvia ramos? tiene un reporte de cortes": that client, and her reports.
        if let name = understood.slots.name, [" reporte", " report", " falla", " incidente"].contains(where: folded.contains),
           ![" cuant", " how many"].contains(where: folded.contains), let found = clientsNamed(name), (1...3).contains(found.count) {
            intent = .staffSearch
            showClients(found, query: name, withReports: true)
            return true
        }
        let zone = understood.slots.zone.flatMap(workbook.zone(named:))?.name
        // "¿y el mes pasado?" after the figures: last month's sign-ups; the sheet keeps no payments by month.
        if previous.statsTopic != nil, [" mes pasado", " last month", " el mes anterior"].contains(where: folded.contains) {
            intent = .staffStats
            lastMonth(zone: zone ?? previous.statsZone)
            return true
        }
        var topic = StaffTopic.of(text)
        // ("sin contar los suspendidos ni los d baja" after the revenue: which counts the active clients only, said again.)
        if previous.statsTopic == StaffTopic.revenue.rawValue || previous.statsTopic == StaffTopic.summary.rawValue,
           [" sin contar", " excluding", " without counting", " solo los activos", " nomas los activos", " only active"]
            .contains(where: folded.contains), understood.slots.zone == nil {
            topic = .revenue
        }
        // "¿cuántos de alta?" right after the open incidents: the priority, not sign-ups.
        // "de esos, ¿cuántos son de Poniente?": the same figures, narrowed.
        // ("¿cuántos prospectos hay? de esos que piden el Poniente": a figure of its own, narrowed.)
        if topic == nil || topic == .summary, let last = previous.statsTopic.flatMap(StaffTopic.init(rawValue:)),
           [" de esos", " de esas", " de ellos", " of those", " of them"].contains(where: folded.contains) {
            topic = last
        }
        // ("y norte nomas?" right after the figures by zone or the revenue: the same figures, of that zone.)
        // ("Y LOS DE NORTE" right after "Y LOS DE ORIENTE CUANTO PAGAN AL MES": the same question, of another zone.)
        if topic == nil, zone != nil, folded.split(separator: " ").count <= 4,
           [StaffTopic.summary.rawValue, StaffTopic.revenue.rawValue].contains(previous.statsTopic),
           [" nomas", " nada mas", " solo", " only", " just ", " specifically", " en especifico", " en particular"]
            .contains(where: folded.contains) || folded.hasPrefix(" y ") && previous.statsZone != nil {
            topic = previous.statsTopic.flatMap(StaffTopic.init(rawValue:))
        }
        // ("la loma specifically" after the waiting list: that place's prospects.)
        if topic == nil, zone != nil, folded.split(separator: " ").count <= 4, previous.statsTopic == StaffTopic.prospects.rawValue {
            topic = .prospects
        }
        // ("de que zonas son?" after the prospects waiting: the same figure, whose breakdown says the zones.)
        if topic == nil, let last = previous.statsTopic.flatMap(StaffTopic.init(rawValue:)), last != .summary, last != .revenue,
           [" de que zona", " de q zona", " en que zona", " en q zona", " which zone", " what zone"]
            .contains(where: folded.contains) {
            topic = last
        }
        // "¿y por plan?" after the figures: the same figures, which break down by plan and zone.
        if previous.statsTopic != nil, topic == nil,
           [" por plan", " por zona", " x plan", " x zona", " by plan", " by zone", " por paquete", " por colonia"]
            .contains(where: folded.contains) {
            topic = .summary
        }
        let signingUp = [" altas", " dieron de alta", " dio de alta", " dar de alta", " nuevos", " este mes", " esta semana"]
            .contains(where: folded.contains)
        // ("y medias?" after the open reports of priority alta; not "no, digo clientes dados de baja".)
        if previous.statsTopic == StaffTopic.incidents.rawValue,
           [" alta ", " media ", " baja ", " medias ", " bajas ", " urgentes ", " high ", " medium ", " low ", " en proceso ", " in progress "]
            .contains(where: folded.contains),
           !signingUp, ![" dados de baja", " dadas de baja", " clientes", " clients"].contains(where: folded.contains) {
            topic = .incidents
        }
        // ("¿y nomás esta semana?" after the sign-ups: the same figure, over the last seven days.)
        if topic == nil, let last = previous.statsTopic.flatMap(StaffTopic.init(rawValue:)),
           [" esta semana", " this week", " la semana"].contains(where: folded.contains) {
            topic = last
        }
        // "¿el de que se le corta a cada rato de quién es?", "De los de prioridad media, ¿a qué clientes corresponden?" after the
        // open reports: the clients of the reports described.
        // (The reports themselves first, under the open count, then their clients' lines for what comes next.)
        if previous.statsTopic == StaffTopic.incidents.rawValue, understood.slots.name == nil, let described = reportsDescribed() {
            intent = .staffSearch
            let lead = replies.count
            let open = workbook.incidents.filter(\.status.isOpen)
            say(.staffStatsIncidents, ["open": String(open.count), "zone": "",
                                       "alta": String(open.filter { $0.priority == .alta }.count),
                                       "media": String(open.filter { $0.priority == .media }.count),
                                       "baja": String(open.filter { $0.priority == .baja }.count),
                                       "list": described.map { incident in
                                           "\n• \(incident.folio) \(incident.zone) · \(incident.name) · \(incident.description.prefix(60))"
                                       }.joined()])
            let ids = described.map(\.clientID)
            showClients(workbook.clients.filter { ids.contains($0.id) }, query: described.map(\.folio).joined(separator: ", "))
            mergeReplies(from: lead)
            return true
        }
        // ("y kien los tiene? pa armar la ruta d hoy" after the open reports: the same reports, with whose they are.)
        if previous.statsTopic == StaffTopic.incidents.rawValue, topic == nil, zone == nil, Self.asksWho(folded) { topic = .incidents }
        // "¿tiene reporte abierto?", "alguno de esos tiene reporte?", "su reporte ya quedó cerrado?": the reports of the
        // clients just shown (not "¿cuántos reportes hay?", a figure).
        if !previous.searchResults.isEmpty, previous.searchResults.count <= 10, understood.slots.name == nil, understood.slots.zone == nil,
           [" reporte", " report", " falla", " incidente", " folio", " inc ", " incs ", " rep ", " reps ", " ticket"].contains(where: folded.contains),
           [" tiene", " su ", " sus ", " de esos", " de ellos", " alguno", " ya quedo", " de que es", " has ", " her ", " his ",
            " he have", " she have", " they have"]
            .contains(where: folded.contains), ![" cuant", " how many"].contains(where: folded.contains) {
            intent = .staffSearch
            showReports(of: workbook.clients.filter { previous.searchResults.contains($0.id) })
            return true
        }
        // "¿qué plan tiene?", "¿y su teléfono?" about the one client just shown.
        // "¿todavía no se le ha instalado?": "se le", "su", "ella" point at that client whatever the topic.
        let pointsBack = [" se le ", " su ", " sus ", " ella ", " a ella", " a el ", " her ", " his ", " she ", " he "].contains(where: folded.contains)
        // ("q plan tiene? me esta llamando q se quiere subir al de 50": a short question first, then why.)
        let firstQuestion = text.split(separator: "?").first.map { " " + Text.fold(String($0)) + " " }
        // ("¿Qué paquete va a tener?", "¿Me confirmas cuánto paga al mes y qué plan tiene…?": asked outright, at any length.)
        let outright = [" que paquete", " q paquete", " que plan tiene", " q plan tiene", " cuanto paga", " cuanto le cobra",
                        " cuanto le vamos a cobrar", " what plan", " which plan", " datos del cliente"].contains(where: folded.contains)
        let asked = isShort || outright ? folded
            : text.contains("?") && (firstQuestion?.split(separator: " ").count ?? 9) <= 4 ? firstQuestion : nil
        // ("y cuantos x zona?" after one client shown: a count, not that client.)
        if let asked, understood.slots.name == nil, understood.slots.zone == nil,
           topic == nil || pointsBack, ![" cuantos ", " cuantas ", " how many "].contains(where: asked.contains),
           let client = clientShown {
            // "¿cuánto paga?", "esa, ¿está al corriente?": the client's line, which says plan, price and status.
            if pointsBack || [" tiene", " esta ", " que plan", " q plan", " telefono", " tel ", " datos", " zona", " debe", " estatus",
                              " instalado", " instalacion", " paga", " pagaba", " cuanto es", " corriente", " plan", " pays",
                              " paying"].contains(where: asked.contains) || outright {
                intent = .staffSearch
                showClients([client], query: client.name)
                return true
            }
        }
        // ("cuanto de eso es del de 50" after the month's revenue: that plan's part of it.)
        if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, previous.statsTopic == StaffTopic.revenue.rawValue,
           topic == nil || topic == .revenue, [" cuanto", " how much"].contains(where: folded.contains) {
            intent = .staffStats
            session.context.statsTopic = StaffTopic.revenue.rawValue
            let place = zone ?? previous.statsZone
            sayRevenue(of: workbook.clients.filter { client in
                           client.planMbps == mbps && place.map { Text.fold(client.zone) == Text.fold($0) } != false
                       },
                       scope: (lang == .en ? " of the \(mbps) Mbps plan" : " del plan de \(mbps) Mbps"))
            return true
        }
        if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, topic == nil || topic == .summary,
           previous.statsTopic != nil || previous.searchZone != nil || !previous.searchResults.isEmpty {
            // "ahora los de 100": clients on that plan (in the zone being looked at).
            intent = .staffSearch
            let zone = zone ?? previous.searchZone
            let found = workbook.clients.filter { client in
                client.planMbps == mbps && (zone.map { Text.fold(client.zone) == Text.fold($0) } ?? true)
            }
            session.context.searchZone = zone
            // ("el de la esquina, una sra patricia, trae el de 100 creo": the one of them with that first name.)
            let named = found.filter { client in
                client.name.split(separator: " ").first.map { folded.contains(" " + Text.fold(String($0)) + " ") } ?? false
            }
            if named.count == 1 {
                showClients(named, query: named[0].name)
            } else {
                showClients(found, query: "\(mbps) Mbps" + (zone.map { ", \($0)" } ?? ""))
            }
            return true
        }
        // ("busca maria" → two shown → "el segundo": that one.)
        // ("el primero no tenía un reporte?": that one's reports.)
        // (Not "por último los incidentes abiertos por prioridad", "¿cuántos reportes…? …cuáles atiende primero": figures.)
        let asksReports = [" reporte", " report", " falla"].contains(where: folded.contains)
            && ![" cuant", " how many", " por ultimo", " por ultima", " abiertos", " by priority", " por prioridad"]
                .contains(where: folded.contains)
        if previous.searchResults.count >= 2, folded.split(separator: " ").count <= 5 || asksReports,
           let client = pickedFromTheList(previous.searchResults) {
            intent = .staffSearch
            showClients([client], query: client.name, withReports: asksReports)
            return true
        }
        // ("y esos cuanto dan" after a list: what those clients pay together.)
        if !previous.searchResults.isEmpty, understood.slots.zone == nil,
           [" esos ", " estos ", " ellos ", " those ", " them "].contains(where: folded.contains),
           [" cuanto dan", " cuanto pagan", " cuanto suman", " cuanto dejan", " cuanto deja", " how much do they pay",
            " how much they pay"].contains(where: folded.contains) {
            intent = .staffStats
            sayRevenue(of: workbook.clients.filter { previous.searchResults.contains($0.id) },
                       scope: (lang == .en ? " of " : " de ") + agent.book.text(.staffQueryPrevious, lang))
            return true
        }
        // "¿quién es?", "¿cuáles son?": the clients just counted or listed, by name.
        // ("¿Quiénes más están suspendidos?" after one of them: the others, not the list narrowed.)
        let others = [" mas ", " otros ", " otras ", " else ", " other "].contains(where: folded.contains)
        if !previous.searchResults.isEmpty, !others,
           folded.split(separator: " ").count <= 4
            && ([" quien es", " quienes son", " quienes", " cuales son", " cuales", " who ", " which ", " quien "]
                .contains(where: folded.contains)
                // ("tel de esa cte" after a report's client: that client.)
                || previous.searchResults.count == 1 && [" esa cte", " ese cte", " esa clienta", " ese cliente", " that client",
                                                          " that customer"].contains(where: folded.contains))
            // ("pasame la list de esos" after a count of them.)
            || [" lista", " list ", " listado", " nombres"].contains(where: folded.contains)
                && [" esos ", " esas ", " estos ", " ellos ", " those ", " them ", " sus ", " their "].contains(where: folded.contains) {
            intent = .staffSearch
            // ("d centro quienes" after the pending installations: those of that zone.)
            let zone = understood.slots.zone.flatMap(workbook.zone(named:))?.name
            showClients(workbook.clients.filter { client in
                            previous.searchResults.contains(client.id) && zone.map { client.zone == $0 } != false
                        },
                        query: agent.book.text(.staffQueryPrevious, lang) + (zone.map { ", \($0)" } ?? ""))
            return true
        }
        // "Ahora al Paco de Norte, ¿sigue suspendido?": someone called by a nickname is looked up, not the last list narrowed.
        // ("Pásame todos los clientes del Sur… y de una vez checo el nodo": "checo" is a verb there; the zone's list is asked.)
        if understood.slots.zone == nil || ![" clientes", " todos los ", " todas las "].contains(where: folded.contains),
           folded.split(separator: " ").contains(where: { Nicknames.given[String($0)] != nil && String($0) != selfIntroduced }) {
            let (found, named) = clientsByNameWords()
            if !found.isEmpty, found.count <= 3 {
                intent = .staffSearch
                showClients(found, query: named.joined(separator: ", "), withReports: asksTheSameOfAnother)
                return true
            }
        }
        let narrows = [" de esos", " de ellos", " de estos", " cuales", " of those", " which of"].contains(where: folded.contains)
            || !folded.contains(" cuant") && !others
        // ("dame los clientes del Centro, hay dos pendientes ahí" names a zone of its own: a new search.)
        if case let statuses = StaffTopic.statusFilter(text), !statuses.isEmpty, !previous.searchResults.isEmpty, topic != .prospects,
           understood.slots.name == nil, understood.slots.zone == nil, narrows {
            intent = .staffSearch
            var shown = workbook.clients.filter { previous.searchResults.contains($0.id) && statuses.contains($0.status) }
            // ("y cual es el que esta de baja?" after "nomas los activos" of Sur: the other status, among that zone's clients.)
            if shown.isEmpty, let zone = previous.searchZone {
                shown = workbook.clients.filter { Text.fold($0.zone) == Text.fold(zone) && statuses.contains($0.status) }
            }
            session.context.searchZone = previous.searchZone
            let label = statuses.map(\.sheetLabel).joined(separator: " / ")
            showClients(shown, query: "\(label) (\(previous.searchZone ?? agent.book.text(.staffQueryPrevious, lang)))")
            return true
        }
        // "páseme la lista de los clientes de la zona Norte": the clients, not their count.
        // "ahora los del norte" after the figures: the people of that zone.
        // ("la relación de clientes de la zona Oriente, con su plan, para cotejar la facturación": the clients, whatever for.)
        let listsClients = [" relacion de clientes", " relacion de los clientes", " listado de clientes", " listado de los clientes",
                            " lista de clientes", " lista de los clientes", " list of clients", " list of customers"].contains(where: folded.contains)
        // ("PASA LOS DE NORTE. VOY PARA ALLA" after the prospects: the clients there.)
        let wantsList = ([" lista", " pasame", " paseme", " pasa los ", " pasa las ", " mandame", " muestrame", " ensename",
                          " quienes son", " list ", " show me", " pasamelos", " pasamelas", " con sus telefonos",
                          " with their phones"].contains(where: folded.contains) || listsClients
                         || zone != nil && topic == nil && [nil, StaffTopic.revenue.rawValue, StaffTopic.summary.rawValue].contains(previous.statsTopic)
                            && [" los de ", " los del ", " las de ", " las del "].contains(where: folded.contains))
            && !folded.contains(" cuant")
            // ("how many prospects do we have on the waiting list?" is a figure; "pasame reportes abiertos de zona sur" the
            // reports.)
            && ([nil, .summary].contains(StaffTopic.of(text)) || listsClients)
        if let zone = zone ?? previous.statsZone ?? previous.searchZone, wantsList {
            intent = .staffSearch
            searchZone(zone)
            // ("pasame la lista de clientes del norte y del oriente": each zone's list.)
            for other in zonesNamed.dropFirst() where Text.fold(other.name) != Text.fold(zone) { searchZone(other.name) }
            return true
        }
        if let topic, topic != .summary || previous.statsTopic != nil, understood.intent != .staffSearch || previous.statsTopic != nil {
            intent = .staffStats
            // "y de esos, ¿cuánto es de lana?" after the clients of Oriente: the figures of Oriente.
            let those = [" de esos", " de esas", " de ellos", " of those"].contains(where: folded.contains)
            staffStats(topic: topic, zone: zone ?? (those ? previous.searchZone ?? previous.statsZone : nil))
            return true
        }
        // "ahora Hernández", "¿y Martínez?" after a search: clients by that name; "no esa no es, la otra…, patty algo" too.
        if zone == nil, !previous.searchResults.isEmpty || previous.searchZone != nil, topic == nil,
           isShort || understood.intent == .outOfScope {
            let (found, named) = clientsByNameWords()
            if !found.isEmpty {
                intent = .staffSearch
                showClients(found, query: named.joined(separator: ", "))
                return true
            }
        }
        // "cuántos son de Poniente? es que ya casi entra la antena": the last figures, for that zone.
        let countsAgain = previous.statsTopic != nil && folded.contains(" cuant")
        guard let zone, isShort || startsWithAnd || countsAgain, understood.slots.name == nil || understood.intent != .staffSearch
        else { return false }
        if previous.searchZone != nil || !previous.searchResults.isEmpty, previous.statsTopic == nil {
            intent = .staffSearch
            searchZone(zone)
            return true
        }
        if let last = previous.statsTopic.flatMap(StaffTopic.init(rawValue:)) {
            intent = .staffStats
            staffStats(topic: last)
            return true
        }
        return false
    }

    mutating func staffSearch() {
        // "compárame Norte contra Sur": figures side by side, not two lists.
        if [" compar", " contra ", " versus ", " vs "].contains(where: folded.contains) {
            intent = .staffStats
            return staffStats()
        }
        let slots = understood.slots
        if let phone = slots.phone.flatMap(PhoneNumber.matchKey) {
            return showClients(workbook.clients.filter { PhoneNumber.matchKey($0.phone) == phone },
                               query: PhoneNumber.display(phone))
        }
        // ("soy Lalo el técnico, pásame los de la zona Sur": the writer's own name is nobody to look up.)
        let name = slots.name.flatMap { Text.fold($0).split(separator: " ").first.map(String.init) == selfIntroduced ? nil : $0 }
        if let name, let found = clientsNamed(name), !found.isEmpty {
            showClients(found, query: name)
            // ("busca a laura mendoza y a daniel romero": each one.)
            let folded = self.folded
            if let and = [" y a ", " and ", " y "].lazy.compactMap({ folded.range(of: $0, options: .backwards) }).first {
                let other = folded[and.upperBound...].split(separator: " ").map(String.init)
                if (1...3).contains(other.count), !Text.fold(name).contains(other.joined(separator: " ")),
                   let more = clientsNamed(other.joined(separator: " ")), !more.isEmpty, more.count <= 3,
                   Set(more.map(\.id)).isDisjoint(with: found.map(\.id)) {
                    showClients(more, query: other.map(\.capitalized).joined(separator: " "))
                    session.context.searchResults = (found + more).map(\.id)
                }
            }
            return
        }
        if let zone = slots.zone.flatMap(workbook.zone(named:))?.name {
            return searchZone(zone)
        }
        // ("me puedes enseñar los que estan suspendidos?": every client with that status.)
        if name == nil, case let statuses = StaffTopic.statusFilter(text), !statuses.isEmpty {
            return showClients(withStatus: statuses)
        }
        if let words = searchWords() {
            if let found = clientsNamed(words), !found.isEmpty { return showClients(found, query: words) }
            if let zone = workbook.zone(named: words) { return searchZone(zone.name) }
            // "hola, búscame a los de apellido García", "el de la calle Morelos, Héctor": the words that are names.
            let (found, named) = clientsByNameWords()
            if !found.isEmpty { return showClients(found, query: named.joined(separator: ", ")) }
            // ("quienes son los clientes de la calle hidalgo?": the sheet has no streets; the zone is asked.)
            if [" calle ", " street ", " avenida ", " av "].contains(where: folded.contains) {
                return say(.staffNoStreets, ["zones": coveredZoneList()])
            }
            say(.staffSearchNone, ["query": words])
            return
        }
        if let name {
            say(.staffSearchNone, ["query": name])
            return
        }
        // ("buscala" right after a client was named: that client.)
        let shown = workbook.clients.filter { previous.searchResults.contains($0.id) }
        if !shown.isEmpty, shown.count <= 3 {
            return showClients(shown, query: shown.map(\.name).joined(separator: ", "))
        }
        say(.staffSearchAsk)
    }

    /// Clients in a zone, only those of a status when one is named ("suspendidos del Norte").
    mutating func searchZone(_ zone: String) {
        var found = workbook.clients.filter { Text.fold($0.zone) == Text.fold(zone) }
        var query = zone
        // ("tel de rikardo dias orinte": the zone's client with that name.)
        let (byName, named) = clientsByNameWords()
        let narrowed = found.filter { client in byName.contains { $0.id == client.id } }
        if !narrowed.isEmpty, narrowed.count < found.count {
            found = narrowed
            query = named.joined(separator: " ") + ", " + zone
        }
        if case let statuses = StaffTopic.statusFilter(text), !statuses.isEmpty {
            found = found.filter { statuses.contains($0.status) }
            query = "\(zone), \(statuses.map(\.sheetLabel).joined(separator: " / "))"
        }
        session.context.searchZone = zone
        showClients(found, query: query)
    }

    /// Clients whose name holds every word given, accents and case aside (a typo allowed).
    func clientsNamed(_ name: String) -> [Client]? {
        let words = Text.fold(name).split(separator: " ").map(String.init).filter { $0.count >= 2 }
        guard !words.isEmpty else { return nil }
        let exact = workbook.clients.filter { client in
            let folded = Text.fold(client.name + " " + client.id)
            return words.allSatisfy { folded.contains($0) }
        }
        if !exact.isEmpty { return exact }
        // "Lupita" is Guadalupe, "Paco" Francisco.
        let nicknamed = workbook.clients.filter { client in
            let folded = Text.fold(client.name)
            return words.allSatisfy { word in Nicknames.forms(word).contains(where: folded.contains) }
        }
        if !nicknamed.isEmpty { return nicknamed }
        return workbook.clients.filter { client in
            let parts = Text.fold(client.name).split(separator: " ").map(String.init)
            return words.allSatisfy { word in parts.contains { SpellFixer.distance($0, word) <= (word.count >= 5 ? 1 : 0) } }
        }
    }

    /// What these clients bring in a month, how many are active and how many signed up this month.
    mutating func sayRevenue(of clients: [Client], scope: String) {
        let month = settings.time.month(now)
        say(.staffStatsRevenue, ["revenue": Money.format(revenue(clients)), "zone": scope,
                                 "active": String(clients.filter { $0.status == .active }.count),
                                 "signups": String(clients.filter { $0.since.hasPrefix(month) }.count)])
    }

    /// Every client in one of these states ("los suspendidos", "cuantos dados de baja").
    mutating func showClients(withStatus statuses: [ClientStatus]) {
        showClients(workbook.clients.filter { statuses.contains($0.status) }, query: statuses.map(\.sheetLabel).joined(separator: " / "))
    }

    /// The clients' lines and, when asked, their reports, as one message.
    mutating func showClients(_ matches: [Client], query: String, withReports: Bool) {
        let lead = replies.count
        showClients(matches, query: query)
        if withReports { showReports(of: matches) }
        mergeReplies(from: lead)
    }

    mutating func showClients(_ matches: [Client], query: String) {
        session.context.searchResults = matches.map(\.id)
        guard !matches.isEmpty else {
            say(.staffSearchNone, ["query": query])
            return
        }
        let lines = matches.prefix(10).map { c in
            // What the client pays, as staff are asked it on the phone ("¿cuánto paga ella?").
            let price = (c.price ?? c.planMbps.flatMap(workbook.plan(mbps:))?.monthlyPrice).map { " (\(Money.format($0)))" } ?? ""
            return "\(c.id) \(c.name) · \(c.zone) · \(c.planMbps.map { "\($0) Mbps" } ?? "?")\(price) · \(c.status.sheetLabel) · \(PhoneNumber.display(c.phone))"
        }
        let more = matches.count > 10 ? "\n" + agent.book.text(.staffSearchMore, lang, ["count": String(matches.count - 10)]) : ""
        say(.staffSearchResults, ["query": query, "count": String(matches.count),
                                  "results": lines.joined(separator: "\n") + more])
    }

    /// The words after "busca", "buscar", "cliente", "datos de" when understanding found no slot.
    /// Clients any of whose names sounds like a word of the message (four letters or more).
    func clientsByNameWords() -> (clients: [Client], words: [String]) {
        var found: [Client] = []
        var named: [String] = []
        for word in folded.split(separator: " ").map(String.init) where word != selfIntroduced && (word.count >= 4
            && !CommonWords.all.contains(word) || CommonWords.names.contains(word) || Nicknames.given[word] != nil) {
            let matches = workbook.clients.filter { client in
                Text.fold(client.name).split(separator: " ").contains { part in
                    Nicknames.forms(word).contains { SlotExtractor.sameName($0, String(part)) }
                }
            }
            guard !matches.isEmpty, matches.count < workbook.clients.count / 2 else { continue }
            named.append(word)
            found += matches.filter { match in !found.contains { $0.id == match.id } }
        }
        return (found, named)
    }

    /// "reporte pa fernado ortis": the one client every name word fits, however it is misspelt.
    func clientNamedLoosely() -> Client? {
        let (found, named) = clientsByNameWords()
        guard named.count >= 2 else { return nil }
        let fitting = found.filter { client in
            let parts = Text.fold(client.name).split(separator: " ").map(String.init)
            return named.allSatisfy { word in parts.contains { part in Nicknames.forms(word).contains { SlotExtractor.sameName($0, part) } } }
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// The reports of the clients shown, newest last, for staff.
    /// "¿quién los tiene?", "¿cuáles son?": the people or items behind a figure.
    /// "el segundo", "la primera", "the last one": a client of the list just shown, by place.
    func pickedFromTheList(_ ids: [String]) -> Client? {
        placeInList(of: ids.count).flatMap { n in workbook.clients.first { $0.id == ids[n] } }
    }

    /// "el segundo", "la última": which item of a list of `count` shown.
    func placeInList(of count: Int) -> Int? {
        let places = ["primero": 0, "primera": 0, "first": 0, "segundo": 1, "segunda": 1, "second": 1, "tercero": 2, "tercera": 2,
                      "third": 2, "cuarto": 3, "cuarta": 3, "fourth": 3, "ultimo": count - 1, "ultima": count - 1,
                      "last": count - 1]
        let words = folded.split(separator: " ").map(String.init)
        guard let n = words.lazy.compactMap({ places[$0] }).first, n >= 0, n < count,
              words.contains(where: { ["el", "la", "the", "ese", "esa", "al", "a"].contains($0) }) else { return nil }
        return n
    }

    /// The open reports a question after their count points at, by priority ("los de prioridad media") or by what fails
    /// ("el de la contraseña del wifi"), when it asks whose they are; nil when it points at none in particular.
    func reportsDescribed() -> [Incident]? {
        guard [nil, .incidents, .summary].contains(StaffTopic.of(text)),
              Self.asksWho(folded) || [" a que cliente", " a q cliente", " corresponden", " whose", " datos del cliente",
                                       " cliente de ese", " client of that"].contains(where: folded.contains) else { return nil }
        let open = workbook.incidents.filter { incident in
            incident.status.isOpen && previous.statsZone.map { Text.fold(incident.zone) == Text.fold($0) } != false
        }
        let priorities: [(Priority, [String])] = [(.alta, [" alta ", " high ", " urgente"]), (.media, [" media ", " medium "]),
                                                  (.baja, [" baja ", " low "])]
        let named = priorities.filter { $0.1.contains(where: folded.contains) }.map(\.0)
        if !named.isEmpty {
            let matched = open.filter { $0.priority.map(named.contains) == true }
            return matched.isEmpty ? nil : matched
        }
        // What fails, in words shared with the report's description: two of four letters or more, or one of six ("desconecta"
        // and "corta" share none: "cada rato" does; "contraseña" alone is enough).
        let everyday: Set<Substring> = ["quiere", "tiene", "cambiar", "internet", "desde", "esta", "para", "pero", "porque", "cuando",
                                        "saber", "como", "todo", "todos"]
        let asked = Set(folded.split(separator: " ").filter { $0.count >= 4 && !everyday.contains($0) })
        let scored = open.map { incident in
            (incident, Set(Text.fold(incident.description).split(separator: " ")).intersection(asked)
                .reduce(0) { sum, word in sum + (word.count >= 6 ? 2 : 1) })
        }
        guard let best = scored.map(\.1).max(), best >= 2 else {
            // ("Datos del cliente de ese reporte" when one report is open there.)
            return open.count == 1 && [" ese reporte", " that report", " de ese", " ese inc"].contains(where: folded.contains) ? open : nil
        }
        let matched = scored.filter { $0.1 == best }.map(\.0)
        return matched.count < open.count ? matched : nil
    }

    static func asksWho(_ folded: String) -> Bool {
        [" quien", " kien", " quienes", " cuales", " de quien", " who ", " which ", " lista ", " pasamelos", " damelos", " pasalos",
         " mandamelos", " listalos"].contains(where: folded.contains)
    }

    mutating func showReports(of clients: [Client]) {
        let ids = Set(clients.map(\.id))
        let reports = workbook.incidents.filter { ids.contains($0.clientID) }
        let who = clients.count == 1 ? clients[0].name : clients.map(\.id).joined(separator: ", ")
        let id = clients.count == 1 ? clients[0].id : "\(clients.count)"
        guard !reports.isEmpty else {
            return say(.staffClientNoReports, ["name": who, "id": id])
        }
        let list = reports.suffix(8).map { report in
            "\n• \(report.folio) · \(report.name) · \(report.status.sheetLabel) · \(report.priority?.rawValue ?? "?") · \(report.date) · \(report.description.prefix(60))"
        }.joined()
        // (One of them open: "ese mismo, como va" next asks after it.)
        if case let open = reports.filter(\.status.isOpen), open.count == 1 { session.context.shownIncident = open[0].folio }
        say(.staffClientReports, ["name": who, "id": id, "list": list])
    }

    /// " en Sur" / " in Sur" after a figure's name, or nothing for the whole business.
    func zoneNote(for zone: String?) -> String {
        zone.map { (lang == .en ? " in " : " en ") + $0 } ?? ""
    }

    /// "soy Beto el técnico, ¿qué incidentes hay?": the writer's own name, which is nobody to look up.
    var selfIntroduced: String? {
        let words = folded.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(where: { ["soy", "habla", "aqui"].contains($0) }), at + 1 < words.count else { return nil }
        return words[at + 1]
    }

    /// "pásame tel y plan del C-0012", "y el C-0028": clients by their number.
    mutating func clientsByNumber() -> Bool {
        let ids = folded.matches(of: /\bc ?0*([0-9]{1,4})\b/).compactMap { Int($0.output.1) }.map { String(format: "C-%04d", $0) }
        let found = workbook.clients.filter { ids.contains($0.id) }
        guard !found.isEmpty else { return false }
        intent = .staffSearch
        showClients(found, query: found.map(\.id).joined(separator: ", "))
        return true
    }

    /// "el F-0004 de q cte es y q trae", "como va el F-0002", "cierra el inc F-0003": any client's report by its folio, with
    /// whose it is ("tel de esa cte" then shows that client). Closing one is the sheet's job, said so.
    mutating func staffIncident() -> Bool {
        // ("ese mismo, como va" after a client's one open report was shown.)
        // ("levantalo pa q quede registro" right after the report was written: that one, which is.)
        let refersBack = [" ese inc", " ese reporte", " ese folio", " that report", " that ticket"].contains(where: folded.contains)
            || folded.split(separator: " ").count <= 5
                && [" como va", " como sigue", " en que va", " how s it going", " any update"].contains(where: folded.contains)
            || previous.writtenIncident != nil && [" levantalo", " levantala", " registralo", " quede registro", " quede registrado"]
                .contains(where: folded.contains)
        // ("y ese?" after the open reports of a zone, one of them: that one.)
        let short = folded.split(separator: " ").count <= 3 && [" ese", " esa", " that one", " cual es"].contains(where: folded.contains)
        // (The open reports just counted or listed.)
        let listed = previous.statsTopic == StaffTopic.incidents.rawValue
            ? workbook.incidents.filter { incident in
                incident.status.isOpen && previous.statsZone.map { Text.fold(incident.zone) == Text.fold($0) } != false
            }
            : []
        let onlyOneOpen = short ? listed : []
        // ("el otro, el 1, ya cerrado?" after other folios: that number, read as a folio is.)
        let words = folded.split(separator: " ").map(String.init)
        let byNumber = previous.shownIncident == nil ? nil : words.indices.dropFirst()
            .first { words[$0 - 1] == "el" && Int(words[$0]) != nil }
            .flatMap { OfflineUnderstanding.folio(in: "F-" + words[$0]) }
        // ("el segundo" after the open reports listed: that one; "y alguno d alta??" next still asks about those reports.)
        let picked = listed.isEmpty || folded.split(separator: " ").count > 4
            ? nil : placeInList(of: min(listed.count, 8)).map { listed[$0].folio }
        // ("el de silvia ramos q es" after the open reports of Sur: hers, when one of them is.)
        let asksWhose = !listed.isEmpty && !OthersDataRequest.mentionsData(text)
            && [" el de ", " la de ", " y el de ", " y la de "].contains(where: folded.hasPrefix)
        let hers = asksWhose ? understood.slots.name.map { name in listed.filter { Text.fold($0.name).contains(Text.fold(name)) } } ?? [] : []
        // ("y lo d la contraseña del wifi q tenia pendiente como va?" right after a report written for Ricardo Díaz: his other
        // open one, by what it is about.)
        let othersOfTheClient: [Incident] = {
            guard [" como va", " pendiente", " como sigue", " en que va", " how s it going"].contains(where: folded.contains),
                  let written = previous.writtenIncident ?? previous.shownIncident,
                  let clientID = workbook.incidents.first(where: { $0.folio == written })?.clientID, !clientID.isEmpty
            else { return [] }
            let password = PriorityRule.asksForAPassword(text)
            return workbook.incidents.filter {
                $0.clientID == clientID && $0.folio != written && $0.status.isOpen
                    && PriorityRule.asksForAPassword($0.description) == password
            }
        }()
        let otherOfTheClient: String? = othersOfTheClient.count == 1 ? othersOfTheClient[0].folio : nil
        guard let folio = understood.folio ?? otherOfTheClient
                ?? (refersBack ? previous.shownIncident ?? previous.writtenIncident : nil) ?? byNumber
                ?? (onlyOneOpen.count == 1 ? onlyOneOpen[0].folio : nil) ?? picked ?? (hers.count == 1 ? hers[0].folio : nil),
              let incident = workbook.incidents.first(where: { $0.folio.caseInsensitiveCompare(folio) == .orderedSame })
        else { return false }
        if picked != nil {
            session.context.statsTopic = previous.statsTopic
            session.context.statsZone = previous.statsZone
        }
        showToStaff(incident)
        return true
    }

    /// One report, for staff: its folio, client and contact, state and what was told.
    mutating func showToStaff(_ incident: Incident) {
        intent = .incidentStatus
        let client = workbook.clients.first { $0.id == incident.clientID }
        session.context.shownIncident = incident.folio
        session.context.searchResults = client.map { [$0.id] } ?? []
        let who = client.map { "\($0.name) (\($0.id)) · \(PhoneNumber.display($0.phone))" } ?? incident.name
        say(.staffIncident, ["folio": incident.folio, "client": who, "zone": incident.zone,
                             "priority": incident.priority?.rawValue ?? "?", "status": incident.status.sheetLabel,
                             "date": incident.date, "description": incident.description])
    }

    /// "y cuanto pagaria con el de 100" after a client's line: that plan's price.
    mutating func staffPlanPrice() -> Bool {
        guard let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, understood.slots.name == nil,
              [" cuanto pagaria", " cuanto cuesta", " cuanto sale", " cuanto es el", " precio del", " how much is the",
               " how much would", " cuanto le saldria", " cuanto saldria", " cuanto le sale", " a como sale", " a como le sale",
               // ("ok y cuanto cobramos x el d 20 q no me acuerdo jaja")
               " cuanto cobramos x", " cuanto cobramos por", " cuanto cobramos el", " what do we charge for",
               " how much do we charge for"]
                .contains(where: folded.contains) else { return false }
        // ("un amigo que vive en San Isidro, cuanto le saldria el de 20?": the price, and whether it reaches him.)
        let place = understood.slots.zone
        guard place == nil || [" vive en", " vive por", " vive alla", " lives in", " amigo", " compadre", " conocido", " friend"]
            .contains(where: folded.contains) else { return false }
        intent = .plansPrices
        // ("cuanto sale el d 50 y el d 100? es pa un compa": each one.)
        let named = workbook.plansBySpeed.map(\.mbps).filter(mentionsSpeed)
        for each in named.contains(mbps) ? named : [mbps] { describePlan(each) }
        if let place {
            let lead = replies.count
            answerCoverage(place)
            session.flow = nil
            mergeReplies(from: lead)
        }
        return true
    }

    /// "alta nueva en mostrador: ernesto salas ibarra, zona oriente, el de 50, tel 444 987 1230", "dala de alta: Yolanda
    /// Cervantes Ruiz": staff signing up a customer in front of them; the sign-up is the customer's, not a count of sign-ups.
    mutating func staffSignsUpSomeone() -> Bool {
        // ("aki en el local esta una señora q quiere contratar, como le hago pa darla d alta": asked before anything of hers.)
        let toSignUpThem = [" darla de alta", " darlo de alta", " darla d alta", " darlo d alta"].contains(where: folded.contains)
        guard session.flow == nil,
              // ("…en mostrador: ernesto salas ibarra, zona oriente, el de 50": the name is the list's first item.)
              [" alta nueva", " nueva alta", " dala de alta", " dalo de alta", " dar de alta a ", " registra a ", " registrala",
               " registralo", " inscribe a ", " sign up this", " new sign up for",
               // ("da de alta a una señora… zona sur", "aqui un señor en poniente quiere internet… se llama ramon ibarra",
               // "apuntame a uno mas, don Chuy Olvera, es d la loma")
               " da de alta a ", " dale de alta a ", " quiere internet", " quiere el internet", " quiere contratar", " wants internet",
               " apuntame a ", " anotame a ", " anota a ",
               // ("un vecino de juan carlos garcia me pidio q lo demos de alta", "agrega a uno mas, se llama Refugio Salas")
               " lo demos de alta", " la demos de alta", " agrega a ", " agregame a "].contains(where: folded.contains) || toSignUpThem,
              ![" cuantas", " cuantos", " how many", " quienes", " quien ", " este mes", " esta semana"].contains(where: folded.contains),
              understood.slots.name != nil || understood.slots.phone != nil || understood.slots.planMbps != nil
                || understood.slots.zone != nil
                || toSignUpThem
        else { return false }
        // (Not routed: "alta" reads as the sign-ups' count there.)
        if understood.slots.name == nil, let item = listedName { session.context.statedName = item }
        intent = .register
        // ("un vecino de juan carlos garcia…": the client named is who they live by, not whose the service is.)
        let byWhom = [" vecino de ", " vecina de ", " amigo de ", " amiga de ", " conocido de ", " conocida de ", " neighbor of "]
            .contains(where: folded.contains) && !namesSomeoneElse
        startSignup(nameless: byWhom)
        return true
    }

    /// The one client the last reply showed to staff, if it showed exactly one.
    var clientShown: Client? {
        previous.searchResults.count == 1 ? workbook.clients.first { $0.id == previous.searchResults[0] } : nil
    }

    /// "y sus datos?", "su tel?" right after one client was shown: that client's line again.
    mutating func dataOfTheOneShown() -> Bool {
        guard let shown = clientShown, folded.split(separator: " ").count <= 8,
              [" sus datos", " su tel", " su numero", " su cel", " her data", " his data", " her number", " his number", " her phone",
               " his phone"].contains(where: folded.contains)
        else { return false }
        // ("y fernando ortiz? su tel" after Raúl Herrera was shown: the one named now.)
        let client = clientNamed(in: folded) ?? shown
        intent = .staffSearch
        showClients([client], query: client.name)
        return true
    }

    /// The first item of a list after ":" when it is two to four words of letters no rule knows: "ernesto salas ibarra".
    private var listedName: String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let item = text[text.index(after: colon)...].split(separator: ",").first.map { String($0).trimmingSpaces } ?? ""
        let words = item.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count), words.allSatisfy({ $0.allSatisfy(\.isLetter) }),
              !words.contains(where: { CommonWords.all.contains(Text.fold($0)) && !CommonWords.names.contains(Text.fold($0)) }),
              workbook.zone(named: item) == nil else { return nil }
        return CellText.inert(Text.titleCased(item), maxLength: 80)
    }

    /// "¿qué instalaciones tengo pendientes?": the clients waiting for theirs.
    mutating func pendingInstallations() -> Bool {
        // ("y en centro quien falta?" right after the pending installations of Oriente: those of that zone.)
        // ("cual es la de sur" after them: the one there.)
        let followsUp = previous.pendingShown == true && understood.slots.zone != nil
            && folded.split(separator: " ").count <= 6 && StaffTopic.of(text) == nil
        guard followsUp || [" instalaciones pendientes", " pendientes de instal", " pendientes d instal", " pendientes x instal", " por instalar", " pending install", " instalaciones tengo",
               " instalaciones hay", " falta instalar", " faltan de instalar",
               // ("¿y quién más anda esperando que le instalen?": those clients, not the waiting list of places not covered.)
               " esperando que le instal", " esperando que les instal", " esperando la instal", " esperando su instal",
               " waiting for install", " waiting to be installed",
               // ("instalaciones pend en oriente?")
               " instalaciones pend", " inst pend", " instalaciones x hacer", " instalaciones por hacer",
               // ("q inst tengo pendientes")
               " inst tengo pend", " inst hay pend", " instalaciones tengo pend", " pending installs", " installs pending"]
                .contains(where: folded.contains)
        else { return false }
        // ("¿cuántos reportes abiertos hay y de qué prioridad? Quiero saber si… alcanzan las instalaciones pendientes": the
        // question is the reports; the installations are why.)
        if text.contains("?"), let asked = text.split(separator: "?").first.map(String.init),
           StaffTopic.of(asked) == .incidents, !asked.contains("instal") { return false }
        intent = .staffSearch
        // "De esos, los pendientes de instalación." after a list: those of the list.
        if !previous.searchResults.isEmpty, [" de esos", " de esas", " de estos", " de ellos", " of those", " of them"]
            .contains(where: folded.contains) {
            showClients(workbook.clients.filter { previous.searchResults.contains($0.id) && $0.status == .pendingInstallation },
                        query: ClientStatus.pendingInstallation.sheetLabel + " (" + agent.book.text(.staffQueryPrevious, lang) + ")")
            return true
        }
        // "dame los clientes del Centro, hay dos pendientes de instalación ahí": those of that zone.
        if let zone = understood.slots.zone.flatMap(workbook.zone(named:)) {
            if followsUp || [" pend", " instal"].contains(where: folded.contains) && !folded.contains(" clientes") {
                showClients(workbook.clients.filter { $0.status == .pendingInstallation && Text.fold($0.zone) == Text.fold(zone.name) },
                            query: ClientStatus.pendingInstallation.sheetLabel + ", " + zone.name)
                session.context.pendingShown = true
            } else {
                searchZone(zone.name)
            }
            return true
        }
        showClients(workbook.clients.filter { $0.status == .pendingInstallation },
                    query: ClientStatus.pendingInstallation.sheetLabel)
        session.context.pendingShown = true
        return true
    }

    /// "¿Y Silvia Ramos?" right after "¿Ricardo Díaz tiene algún reporte abierto?": the reports, of another client.
    var asksTheSameOfAnother: Bool {
        folded.hasPrefix(" y ") && folded.split(separator: " ").count <= 6
            && input.session?.recent.last(where: { $0.speaker == .customer }).map { turn in
                [" reporte", " report", " falla", " incidente"].contains(where: (" " + Text.fold(turn.text) + " ").contains)
            } == true
    }

    /// A client of the sheet named by staff in any words ("el Ricardo Díaz ¿qué plan trae?"): that client.
    /// "me escribio un cliente mira: "oiga don chava desde ayer no tengo internet…" q hago": a customer's words passed on by
    /// staff, not a report or a cancellation of their own. The client named in them is looked up, or asked for.
    mutating func staffForwarded() -> Bool {
        guard text.filter({ "\"“”«»".contains($0) }).count >= 2,
              [" me escribio", " me escribieron", " me mandaron", " me mando", " me llego", " me reenviaron", " forwarded",
               " q hago", " que hago", " que le digo", " q le digo", " what do i tell", " what should i do"].contains(where: folded.contains)
        else { return false }
        if let name = understood.slots.name, let found = clientsNamed(name), !found.isEmpty, found.count <= 3 {
            intent = .staffSearch
            showClients(found, query: name, withReports: true)
            return true
        }
        // ("una sra pregunta: "cuanto cuesta el de cincuenta y si llegan a la loma" q le digo": the price and the place, both
        // answered; "apuntala pa q le avisen" next puts her on that list.)
        if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, let zone = understood.slots.zone {
            intent = .coverage
            let lead = replies.count
            describePlan(mbps)
            answerCoverage(zone)
            mergeReplies(from: lead)
            return true
        }
        // ("…"¿cuánto es el de 50 y llegan a La Loma?" q le contesto": a price or a place asked, answered as usual.)
        guard understood.slots.planMbps == nil, understood.slots.zone == nil, !asksAboutPrice,
              ![.plansPrices, .coverage].contains(understood.intent) else { return false }
        intent = .staffSearch
        say(.staffForwarded)
        return true
    }

    mutating func namedClient() -> Bool {
        guard let name = understood.slots.name, understood.intent != .staffStats,
              Text.fold(name).split(separator: " ").first.map(String.init) != selfIntroduced,
              let found = clientsNamed(name), !found.isEmpty, found.count <= 3 else { return false }
        intent = .staffSearch
        // ("¿Ricardo Díaz tiene algún reporte abierto?": and the reports.)
        // ("toy con silvia ramos en sur, tiene rep abierto no?": "rep", as technicians write it.)
        let asksReports = [" reporte", " report", " falla", " incidente", " folio", " rep ", " reps "].contains(where: folded.contains)
        showClients(found, query: name, withReports: asksReports || asksTheSameOfAnother)
        return true
    }

    private func searchWords() -> String? {
        let fillers: Set<Substring> = ["busca", "buscar", "buscame", "cliente", "clientes", "datos", "de", "del", "a",
                                       "al", "la", "el", "info", "informacion", "search", "find", "for", "quien", "es",
                                       "por", "favor", "porfa", "los", "las", "zona", "en", "me", "dame", "pasame", "y",
                                       "ahora", "tambien", "checame", "checa", "un", "tal", "una", "q", "que", "tel",
                                       "telefono", "plan", "tiene", "esta", "activo", "activa", "show", "me", "the", "clients",
                                       "customers", "in", "of", "lista", "todos", "ver", "muestrame", "mostrar", "buscala",
                                       "buscalo", "numero", "cual", "su", "y", "con", "apellido", "apelliden", "se", "llame"]
        let words = folded.split(separator: " ").filter { !fillers.contains($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}

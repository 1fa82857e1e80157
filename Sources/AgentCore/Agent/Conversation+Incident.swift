import Foundation

/// Incident: what fails (the first message), since when, whether the modem was restarted;
/// the zone and name too when the caller is not a known client. Then one row and a folio.
extension Conversation {
    /// `told`: the part of the message that tells the failure, when the rest asks something else.
    mutating func startIncident(told: String? = nil) {
        let wording = told ?? self.wording, text = told ?? self.text
        let client = caller
        // ("…ya lo desconecte alv y nada y cuanto sale el de 100 pa cambiarme": the price asked beside the failure, answered.)
        // ("…con el plan de 50 megas… Aprovecho para preguntar cuánto costaría pasarme al plan de 100": the plan named after the
        // question, not the one they have.)
        let asking = [" cuanto sale", " cuanto cuesta", " cuanto es el", " how much is", " how much does", " cuanto costaria",
                      " cuanto me costaria", " how much would", " y cuanto seria", " cuanto saldria"]
        if told == nil, let mbps = understood.slots.planMbps,
           let at = asking.compactMap({ folded.range(of: $0)?.upperBound }).min() {
            let asked = workbook.plansBySpeed.map(\.mbps).filter { Self.says(speed: $0, in: String(folded[at...])) }
            describePlan(asked.count == 1 ? asked[0] : mbps)
        }
        // ("esq nos acabamos de cambiar con la niña y aqui no agarra nada" right after hearing we do not reach La Loma): no
        // signal where we have no service yet is why they asked, not a failure of ours.
        if told == nil, client == nil, input.role == .customer, let offered = previous.listOffered,
           let zone = workbook.zone(named: offered), !zone.hasCoverage,
           understood.slots.zone.map({ Text.fold($0) == Text.fold(zone.name) }) ?? true, understood.slots.since == nil,
           understood.slots.modemRestarted == nil,
           [" aqui no ", " aca no ", " nothing here", " no signal", " no agarra", " no llega nada", " no hay senal"].contains(where: folded.contains) {
            intent = .coverage
            return answerCoverage(zone.name)
        }
        // ("Hello, I'm looking for a fixed connection in Poniente… Right now I'm tethering off my phone and getting 15% packet
        // loss"): someone without our service looking for it; the failure is the phone's.
        if told == nil, client == nil, input.role == .customer,
           [" looking for a fixed", " looking for internet", " looking for a connection", " looking for an internet",
            " looking for service", " busco internet", " ando buscando internet", " estoy buscando internet", " busco un servicio de internet",
            " ando buscando quien", " busco quien me ponga"].contains(where: folded.contains) {
            intent = .register
            return startSignup()
        }
        // No internet because the service is suspended: what brings it back is a payment.
        if let client, client.status == .suspended {
            intent = .billing
            let price = client.price ?? client.planMbps.flatMap(workbook.plan(mbps:))?.monthlyPrice
            say(.suspendedReconnect, ["name": firstName(client.name), "id": client.id, "price": price.map(Money.format) ?? "?"],
                buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        // ("no ya no falla ya se compuso solito desde el domingo, nomas era pa saber", "ya volvió el internet since this
        // morning so never mind"): it works again, so nothing is reported.
        if told == nil, saysItWorksAgain {
            say(.serviceBack, buttons: menuButtons())
            return
        }
        // "I'm writing for my father in law… he has your internet in Norte. The receipt says C-0010": nothing told
        // fails yet, so what fails is asked; no report is written on a guess.
        let toldNoFailure = told == nil && understood.slots.since == nil && understood.slots.modemRestarted == nil
            && !PriorityRule.namesAFailure(wording)
        // ("hola me urge internet, me voy a mudar con unas amigas", "…es una tienda… queremos poner internet para la terminal de
        // las tarjetas y pues para el wifi": someone who wants the service.)
        let wantsService = OfflineUnderstanding.wantsService
            + [" me urge internet", " urge internet", " ocupo internet", " necesito internet", " queremos poner internet", " quiere el internet",
               " quiero poner internet", " quisiera poner internet", " queriamos poner internet",
               // ("my wife's sister wants internet at her place. She lives in Centro")
               " wants internet", " wants the internet",
               // ("…WE HAVE NEVER HAD DECENT INTERNET… WE WANT THE 50 MEGA ONE": a plan chosen, by someone without our service.)
               " we want the ", " i want the ", " queremos el de ", " quiero el de "]
        // (A client for a relative too: "oiga mi hijo se cambia a la norte la otra semana y quiere el internet".)
        if toldNoFailure, caller == nil || namesARelative, movesHouse || wantsService.contains(where: foldedAndRead.contains) {
            intent = .register
            return startSignup()
        }
        // ("…me pidio que le reportara una falla": a failure of no kind yet; what it is is asked.)
        let named = (" " + Text.fold(wording) + " ").replacingOccurrences(of: "internet", with: " ")
            .replacingOccurrences(of: " falla ", with: " ").replacingOccurrences(of: " fallas ", with: " ")
        // ("aparte del folio que tengo abierto de lo del cambio de contraseña del wifi, ahora tengo otro problema": the other
        // problem is still to be told; the words before it are the open one's.)
        // ("ya tengo un reporte abierto por lo de la contraseña del wifi pero ahora es otra cosa")
        let anotherUntold = [" otro problema", " otra falla", " another problem", " another issue", " otra cosa",
                             " something else"].contains { folded.hasSuffix($0 + " ") }
        if toldNoFailure, anotherUntold || !PriorityRule.asksForAPassword(wording) && !PriorityRule.asksToMoveEquipment(wording)
            && !PriorityRule.mentionsAProblem(padded: named) {
            // ("pa mi hermana" … "internet" from a chat with no service: wanting it or reporting it, asked.)
            if told == nil, caller == nil, input.role == .customer, folded.split(separator: " ").count <= 2 {
                return askWhich(.register, or: .incident)
            }
            say(.incidentAskProblem)
            session.context.askedWhatFails = true
            return
        }
        // "1) pedí que me cambiaran la contraseña del wifi y nadie ha venido 2) ahora en las tardes está lentísimo":
        // the request is the one open, said so; the failure beside it is a report of its own.
        if told == nil, let (request, failure) = requestBesideFailure,
           let asked = workbook.incidents(chat: chat, clientID: client?.id).first(where: {
               $0.status.isOpen && PriorityRule.priority(for: $0.description, zoneHasOutage: false) == .baja
                   && (PriorityRule.asksForAPassword($0.description) == PriorityRule.asksForAPassword(request))
           }) {
            let lead = replies.count
            say(.incidentAlreadyOpen, ["folio": asked.folio, "status": asked.status.sheetLabel, "date": asked.date],
                buttons: [button(.buttonHuman, MenuOption.human.id)])
            startIncident(told: failure)
            mergeReplies(from: lead)
            return
        }
        // The same failure again within a few days is the report already open; another one (a wifi
        // password while a slow connection is being fixed) is a report of its own, and so is the same
        // failure told again when the open report is older than that (it names the old one).
        // (The report just talked about takes the details, unless they are a failure and it was a request
        // — "pero ahora tengo otro pedo peor, no hay nada de internet" after asking about the wifi password.)
        let kind = PriorityRule.priority(for: wording, zoneHasOutage: false)
        // ("pues ahora está peor, ya no tengo nada de internet" after asking how the drops report goes: worse is another.)
        // ("y el negocio esta en el centro, el contrato esta a nombre de mi jefa Rosa Maria Rodriguez: ahi de plano no hay nada
        // de internet" after a report for the house in Oriente: another place's account, a report of its own.)
        let otherAccount = otherAccountsPlace(from: client)
        let another = Self.tellsAnotherProblem(folded)
            || kind == .alta && saysItGotWorse || otherAccount != nil
        // ("su hijo cambió la contraseña del wifi…" after asking how the drops report goes: a request of its own.)
        let request = kind == .baja && PriorityRule.asksForARequest(wording)
        let open = workbook.incidents(chat: chat, clientID: client?.id).filter {
            let openKind = PriorityRule.priority(for: $0.description, zoneHasOutage: false)
            // ("en la cosina no agarra el wifi" after asking for the modem to be moved: why it is moved, not another failure.)
            let whyMoved = openKind == .baja && PriorityRule.asksToMoveEquipment($0.description) && PriorityRule.aRoomIsWhy(foldedAndRead)
            let talkedAbout = $0.folio == previous.writtenIncident && !another && (!(openKind == .baja && kind != .baja) || whyMoved)
                && !(request && openKind != .baja)
            // ("la señora reporto que se corta, eso ya no pasa mucho. ahora es otra: la internet muy lento": said to be another.)
            return $0.status.isOpen && (talkedAbout || openKind == kind && !Self.tellsAnotherProblem(folded))
        }
        let isRecent = { (incident: Incident) in
            incident.folio == previous.writtenIncident
                || settings.time.parse(incident.date).map { now.timeIntervalSince($0) < Self.sameReportWindow } ?? true
        }
        // ("yo reporte hace dias que en las noches se pone lento el internet. Como va eso?": the state of that report, however old.)
        // ("…dice que el internet se le sigue cortando y que ya lo había reportado como va eso", dictated without "?".)
        // ("ayer en la noche levantamos un reporte xq no jalaba el internet y sigue sin jalar. como va eso?" with none on
        // file: the answer says so, rather than a report nobody asked for.)
        let reportedBefore = [" levantamos un reporte", " levante un reporte", " hicimos un reporte", " hice un reporte",
                              " ya habiamos reportado", " ya habia reportado", " ya lo reporte", " ya lo reportamos",
                              " i opened a ticket", " we opened a ticket", " already reported", " my ticket", " mi ticket",
                              " called about", " llamo para reportar", " hablo para reportar", " we reported", " i reported",
                              " ya reportamos", " ya lo habia reportado",
                              // ("I called your office this morning at 7 to report that my internet is down… What's the status of my report???")
                              " called your office", " called the office", " llame a la oficina", " hable a la oficina",
                              // ("yo hace unos dias reporte que en las noches el internet se pone bien lento")
                              " hace unos dias reporte", " yo reporte"].contains(where: folded.contains)
        // ("ke onda con el reporte del internet lento, ya van dias": the report itself asked after, without a question mark.)
        // ("tengo un reporte de que en la noche el internet esta lentisimo, quiero saber como va")
        // ("el tecnico iba a venir el jueves a ver lo del internet q se pone lentisimo en las noches y nunca llego": the visit of
        // the report open, asked after.)
        let asksAfterTheReport = [" onda con el reporte", " onda con mi reporte", " paso con el reporte", " paso con mi reporte",
                                  " saber como va", " saber en que va", " y nunca llego", " y no llego", " y nunca vino", " y no vino",
                                  " never came", " never showed", " status of my report",
                                  // ("mi mama reporto q el internet se pone bien lento en la noche, como va eso")
                                  " como va eso", " como va lo que reporto", " como va lo que reporte",
                                  // ("…y me dijeron que iban a mandar a alguien": the visit promised, asked after.)
                                  " iban a mandar a alguien", " quedaron de mandar", " quedaron de venir"]
            .contains(where: folded.contains)
        if told == nil, text.contains("?") || folded.contains(" reportado como va") || asksAfterTheReport,
           !open.isEmpty || reportedBefore, !another,
           // ("ya vino alguien? lo del internet lento en la noche", "the guy is coming or what??")
           [" como va", " ya va a venir", " still open", " que paso con", " en que quedo", " ya viene", " any news", " ya vino alguien",
            " vino alguien", " is coming", " coming or what", " onda con el reporte", " onda con mi reporte", " nunca llego", " no llego",
            " nunca vino", " no vino", " never came", " never showed", " status of my report", " iban a mandar a alguien",
            " quedaron de mandar", " quedaron de venir"].contains(where: folded.contains) {
            intent = .incidentStatus
            return incidentStatus()
        }
        if let open = open.first(where: isRecent) {
            say(.incidentAlreadyOpen, ["folio": open.folio, "status": open.status.sheetLabel, "date": open.date],
                buttons: [button(.buttonHuman, MenuOption.human.id)])
            // Details the person adds next ("desde el lunes", "ya lo desconecté") go in that report.
            session.context.writtenIncident = open.folio
            return
        }
        // ("le escribo de la casa de la señora Patricia Flores en el centro", then the failure: that zone and name;
        // not after refusing someone else's data, whose name and zone those were.)
        let earlier = !previous.refusedData && PriorityRule.mentionsAProblem(text) ? previous : DialogueContext()
        let zone = client?.zone ?? understood.slots.zone.flatMap { workbook.zone(named: $0)?.name }
            ?? earlier.zone.flatMap { workbook.zone(named: $0) }.flatMap { $0.hasCoverage ? $0.name : nil }
        let stale = open.first.map { " (sigue abierto \($0.folio) del \($0.date))" } ?? ""
        // ("1) en las noches el internet se pone lentisimo 2) cuanto cuesta el de 100" answered with the price, then "empezo hace
        // una semana. El modem no lo he reiniciado": the failure told the message before.)
        let toldBefore = told == nil && !PriorityRule.mentionsAProblem(wording)
            ? session.recent.dropLast().suffix(3).last(where: { $0.speaker == .customer && PriorityRule.namesAFailure($0.text) })?.text
            : nil
        let failure = toldBefore.map { $0 + " / " + text } ?? text
        var draft = IncidentDraft(
            description: CellText.inert(failure, maxLength: 300 - stale.count) + stale,
            priority: PriorityRule.priority(for: toldBefore ?? wording, zoneHasOutage: zone.map(hasOutage) ?? false))
        draft.since = understood.slots.since
        draft.modemRestarted = understood.slots.modemRestarted
        draft.zone = zone
        draft.name = client?.name ?? understood.slots.name.map(Text.titleCased) ?? earlier.statedName ?? profileName
        if let otherAccount {
            draft.zone = otherAccount.zone
            draft.name = otherAccount.name
            draft.forAnotherAccount = true
        }
        takeAccountNumber(into: &draft)
        advanceIncident(draft)
    }

    /// A technician's "abre rep pa fernando ortiz, le anda bien lento", "toy en oriente con el cte miguel angel ramirez, tiene
    /// luz LOS roja desde ayer": one client's failure told, not a question about them. The report is that client's.
    mutating func staffReportsForClient() -> Bool {
        // ("levanta reporte: cte jose luis martinez…", "reporte pa claudia morales de centro, luz LOS roja")
        let opens = [" abre rep", " abre un rep", " abre reporte", " abrele", " levanta rep", " levanta un rep", " levantale",
                     " levantarle", " rep pa ", " rep para ", " open a report", " open a ticket", " reporte pa ", " reporte para ",
                     " ponle reporte", " ponle un reporte", " metele reporte", " metele un reporte",
                     // ("inc pa raul herrera, oriente. no tiene nada d inet, luz LOS roja")
                     " inc pa ", " inc para ", " incidente pa ", " incidente para "].contains(where: folded.contains)
            || folded.hasPrefix(" reporte ") && !folded.hasPrefix(" reporte de ") && !folded.hasPrefix(" reportes ")
        // ("buscame a Teresa Castro, tiene luz LOS", "busca a Silvia Ramos, tiene drops reportados": looked up, not reported.)
        let asksToLookUp = [" busca", " buscame", " buscar", " checa", " checame", " dame ", " pasame", " need ", " datos", " info",
                       " find ", " look up", " search", " zona y plan", " su zona", " su plan", " su tel", " su numero",
                       " reportados", " reportado", " ya tiene rep", " tiene rep"].contains(where: folded.contains)
        // (An order to open one is no question about the reports: "levanta reporte pa…" names reports and is not stats.)
        // ("toy con hector jimenez en norte, quiere cambio de contraseña del wifi": a request is reported too.)
        let request = PriorityRule.asksForAPassword(wording) || PriorityRule.asksToMoveEquipment(wording)
        // ("estoy con norma aguilar centro, quiere cambiar la contraseña del wifi": the password is the request, not data asked;
        // not "ah es lo de la contraseña del wifi, ese lo hago hoy", the open one told about.)
        let asksNow = request && [" quiere", " pide", " pidio", " necesita", " wants", " asks"].contains(where: folded.contains)
        let looksUp = asksToLookUp || OthersDataRequest.mentionsData(text) && !asksNow
        guard understood.folio == nil, !text.contains("?"), opens || (PriorityRule.namesAFailure(wording) || request) && !looksUp,
              opens && ![" cuantos", " cuantas", " how many"].contains(where: folded.contains) || StaffTopic.of(text) == nil,
              // ("…aparte dice q en las tardes se le va la señal, levantale otro" right after looking one client up: that one.)
              // ("ese mismo. ando aqui con el, no tiene inter desde ayer" right after looking one client up: that one's failure.)
              let client = clientNamed(in: folded)
                ?? clientShown
                ?? (opens ? clientNamedLoosely() : nil)
        else { return false }
        intent = .reportIncident
        startStaffIncident(for: client)
        return true
    }

    /// The one client whose whole name (or first and last words) the text says, as written or, failing that, by sound
    /// ("monica castiyo", "juan carlos garsia").
    func clientNamed(in padded: String) -> Client? {
        let spelt = workbook.clients.filter { Self.says(nameOf: $0, in: padded, as: { Text.fold($0).split(separator: " ").map(String.init) }) }
        if spelt.count == 1 { return spelt[0] }
        guard spelt.isEmpty else { return nil }
        let told = " " + Self.heard(padded).joined(separator: " ") + " "
        let found = workbook.clients.filter { Self.says(nameOf: $0, in: told, as: Self.heard) }
        return found.count == 1 ? found[0] : nil
    }

    /// The report of a client a staff member names: that account, its zone and holder; what is missing is asked.
    private mutating func startStaffIncident(for client: Client) {
        var draft = IncidentDraft(description: CellText.inert(text, maxLength: 300),
                                  priority: PriorityRule.priority(for: wording, zoneHasOutage: hasOutage(client.zone)))
        draft.since = understood.slots.since
        draft.modemRestarted = understood.slots.modemRestarted
        draft.zone = client.zone
        draft.name = client.name
        draft.holder = client.id
        // ("Está aquí la señora Silvia Ramos… dice que se le sigue cayendo el internet", with her drops report open: that one.)
        // (Not when a report is ordered outright: "levanta otro reporte…" is a new one.)
        if PriorityRule.namesAFailure(wording),
           ![" levanta", " abre", " open a", " reporte pa", " reporte para", " rep pa", " ponle", " metele"].contains(where: folded.contains),
           let open = workbook.incidents.last(where: {
            $0.clientID == client.id && $0.status.isOpen
                && PriorityRule.priority(for: $0.description, zoneHasOutage: false) == draft.priority
        }) {
            return showToStaff(open)
        }
        // ("levanta reporte pal sr hector jimenes de norte, esta aqui conmigo": what fails is asked before anything is written.)
        // ("reporte" itself is no failure: only a failure named counts here.)
        let toldNow = PriorityRule.namesAFailure(wording) || PriorityRule.asksForAPassword(wording)
            || PriorityRule.asksToMoveEquipment(wording)
        // ("levanta rep baja y yo la cambio" after "quiere cambio de contraseña del wifi": what was told before.)
        if !toldNow, let told = session.recent.dropLast().suffix(4).last(where: { line in
               line.speaker == .customer && (PriorityRule.namesAFailure(line.text) || PriorityRule.asksForAPassword(line.text))
           }) {
            draft.description = CellText.inert(told.text + " / " + text, maxLength: 300)
            draft.priority = PriorityRule.priority(for: told.text, zoneHasOutage: hasOutage(client.zone))
            return advanceIncident(draft)
        }
        if !toldNow {
            draft.failurePending = true
            session.flow = .incident(draft)
            say(.incidentAskProblem)
            return
        }
        advanceIncident(draft)
    }

    /// A client who tells a failure at another zone's account, named ("el contrato esta a nombre de mi jefa Rosa Maria
    /// Rodriguez"), right after a report of their own: that place and holder.
    func otherAccountsPlace(from client: Client?) -> (zone: String, name: String)? {
        // ("vengo a reportar el internet de mi mama… ella es Rosa María Rodríguez, en el centro" from a client in Norte: the
        // account of the client named, in the zone said, when it is that client's.)
        // (The zone is checked first: the names are looked up, by sound too, only when it is another than the client's.)
        if let client, let zone = understood.slots.zone.flatMap(workbook.zone(named:)), Text.fold(zone.name) != Text.fold(client.zone),
           PriorityRule.namesAFailure(wording), let other = clientNamed(in: folded), other.id != client.id,
           Text.fold(zone.name) == Text.fold(other.zone) {
            return (other.zone, other.name)
        }
        // ("mi hermana Laura Mendoza tambien es clienta, vive aqui en el sur… y ella esta sin internet desde ayer": in the
        // client's own zone, a client of her own, said so.)
        if let client, [" tambien es client", " tambien tiene internet con", " tambien tiene el internet con", " tiene su propio contrato",
                         " es otra cuenta", " tiene su propia cuenta", " is also a client", " is also a customer"].contains(where: folded.contains),
           // ("Tengo dos problemas: en mi casa no hay internet y en la casa de mi mamá (también es cliente…)": her own first.)
           ![" en mi casa", " dos problemas", " mi internet", " el mio", " la mia", " my internet", " my house"].contains(where: folded.contains),
           PriorityRule.namesAFailure(wording), let other = clientNamed(in: folded), other.id != client.id,
           understood.slots.zone.flatMap(workbook.zone(named:)).map({ Text.fold($0.name) == Text.fold(other.zone) }) ?? true {
            return (other.zone, other.name)
        }
        // ("y mi tio Fernando Ortiz en el oriente, a el si le jala pero bien lento" right after his mother's report, from a
        // number that holds no account: the uncle's account, another report.)
        if client == nil, input.role == .customer, let written = previous.writtenIncident, PriorityRule.mentionsAProblem(wording),
           let zone = understood.slots.zone.flatMap(workbook.zone(named:)), let other = clientNamed(in: folded),
           Text.fold(zone.name) == Text.fold(other.zone),
           workbook.incidents.first(where: { $0.folio == written })?.clientID != other.id {
            return (other.zone, other.name)
        }
        guard let client, previous.writtenIncident != nil, PriorityRule.namesAFailure(wording),
              let zone = understood.slots.zone.flatMap(workbook.zone(named:)), zone.hasCoverage,
              Text.fold(zone.name) != Text.fold(client.zone),
              [" a nombre de", " esta a nombre", " es de mi", " la cuenta de", " el contrato de", " in the name of", " account is"]
                .contains(where: folded.contains),
              let name = understood.slots.name.flatMap(explicitName) ?? standingNameClause,
              !SlotExtractor.sameName(name, client.name) else { return nil }
        return (zone.name, CellText.inert(Text.titleCased(name), maxLength: 80))
    }

    /// "el internet está a nombre de mi roomie Raúl Herrera, C-0028": a report from a chat that is no
    /// client's, for the account whose number it gives. The row carries that account and its zone; the
    /// replies say neither.
    @discardableResult
    func takeAccountNumber(into draft: inout IncidentDraft) -> Bool {
        guard caller == nil, input.role == .customer,
              let id = accountNumberTold ?? session.context.accountTold,
              let client = workbook.clients.first(where: { $0.id == id }) else { return false }
        // ("el recibo dice C-0001" after naming her, the holder already found: the same account, told again.)
        if let holder = draft.holder { return holder == id && accountNumberTold == id }
        draft.holder = client.id
        draft.zone = client.zone
        return true
    }

    /// "el internet esta a nombre de mi tio, miguel angel ramirez, en el oriente", "la cuenta es de patricia flores, centro": a
    /// report from a chat that is no client's, for the account of the holder it names, when the sheet has that one client by
    /// that whole name in the report's zone. As with a number, the replies say nothing of the account.
    @discardableResult
    func takeHolderNamed(into draft: inout IncidentDraft) -> Bool {
        // ("es del señor donde rento jorge alberto torres", before the zone is asked: the one client of that whole name.)
        guard caller == nil, input.role == .customer, draft.holder == nil,
              [" a nombre de", " a su nombre", " la cuenta es de", " cuenta esta a nombre", " es de mi ", " account is", " under ",
               " titular", " the account", " el servicio es de", " el internet es de", " el internet esta a nombre", " es del senor",
               " es de la senora", " donde rento", " el dueno", " la duena"]
                .contains(where: folded.contains) else { return false }
        let zone = draft.zone.map(Text.fold)
        let holders = workbook.clients.filter { client in
            client.status != .cancelled && zone.map { Text.fold(client.zone) == $0 } != false
                && client.name.split(separator: " ").count >= 2 && folded.contains(" " + Text.fold(client.name) + " ")
        }
        guard holders.count == 1 else { return false }
        draft.holder = holders[0].id
        // ("ES DE MI HIJA CLAUDIA MORALES EN EL CENTRO" when the name was asked: the name they wrote is the answer.)
        if draft.name == nil { draft.name = holders[0].name }
        return true
    }

    /// The one client number the message gives ("en el recibo dice C-0028"), when the sheet has it.
    var accountNumberTold: String? {
        // (Most messages have no digit, so no number: ruled out before the pattern runs, on every turn of a stranger.)
        guard folded.contains(where: \.isNumber) else { return nil }
        let ids = Set(folded.matches(of: /\bc ?-? ?0*([0-9]{1,4})\b/).compactMap { Int($0.output.1) }.map { String(format: "C-%04d", $0) })
        guard ids.count == 1, let client = workbook.clients.first(where: { ids.contains($0.id) }), client.status != .cancelled
        else { return nil }
        return client.id
    }

    /// "no quiero levantar reporte", "I don't want a report": no report wanted.
    var refusesAReport: Bool {
        [" no quiero levantar reporte", " no quiero levantar un reporte", " no quiero reporte", " no quiero otro reporte",
         " no quiero ningun reporte", " sin reporte", " don t want a report", " dont want a report", " no report"].contains(where: folded.contains)
    }

    mutating func continueIncident(_ start: IncidentDraft) -> Bool {
        // ("ahorita si funciona pero ya me tienen harto, quiero hablar con una persona, no con un bot": a person, outright.)
        if input.role == .customer, [" hablar con una persona", " hablar con alguien", " hablar con un humano", " no con un bot",
                                     " not a bot", " talk to a person", " talk to a human", " speak to a person"].contains(where: folded.contains) {
            session.flow = nil
            intent = .humanAgent
            handOff()
            return true
        }
        if understood.answer == .stop {
            session.flow = nil
            say(.incidentStopped, buttons: menuButtons())
            return true
        }
        if withAnotherCompany { return leaveAnotherCompanysFailure(toldBefore: start.description) }
        // ("busca a fco perez norte" from staff while since when is asked: the search; the report is left.)
        if input.role == .staff, [.staffSearch, .staffStats].contains(understood.intent), understood.confidence >= 0.6,
           [" busca", " buscame", " clientes de", " cuantos", " dame los", " lista de", " estadistic", " stats"].contains(where: folded.contains),
           understood.slots.since == nil, understood.slots.modemRestarted == nil, !PriorityRule.mentionsAProblem(wording) {
            session.flow = nil
            return false
        }
        // What fails, for the client staff named: the report is told from here on.
        if start.failurePending == true {
            guard PriorityRule.mentionsAProblem(wording) || PriorityRule.namesAFailure(wording) else {
                session.flow = nil
                return false
            }
            var draft = start
            draft.failurePending = nil
            draft.description = CellText.inert(text, maxLength: 300)
            draft.priority = PriorityRule.priority(for: wording, zoneHasOutage: draft.zone.map(hasOutage) ?? false)
            draft.since = understood.slots.since ?? draft.since
            draft.modemRestarted = understood.slots.modemRestarted ?? draft.modemRestarted
            advanceIncident(draft)
            return true
        }
        // ("AAAY estaba desconectado… ya lo conecte, deje ver si prende": gone to look; the report waits for what they see.)
        if input.role == .customer, !text.contains("?"),
           [" deje ver si", " deja ver si", " dejeme ver si", " dejame ver si", " let me see if", " let me check if", " a ver si ya",
            " a ver si prende", " a ver si jala",
            // ("le pido a mi compañera que lo reinicie y ahorita le confirmo")
            " ahorita le confirmo", " ahorita te confirmo", " ahorita les confirmo", " y le confirmo", " y te confirmo"]
            .contains(where: folded.contains) {
            session.flow = .incident(start)
            intent = .thanksBye
            say(.holdOn)
            return true
        }
        // ("ya jala!! perdon por la molestia 🙏 no levante nada ya quedo" before the report is written: nothing to report.)
        // ("ah caray, ya vi, mi hija desconecto el cable del modem… ya volvio el internet, disculpe la molestia": the cause found.)
        let causeFound = saysItWorksAgain && [" desconecto", " desconectado", " unplugged", " se zafo", " se habia zafado", " ya vi ",
                                              " disculpe la molestia", " perdon por la molestia", " perdon la molestia",
                                              " sorry for the trouble"].contains(where: folded.contains)
        if input.role == .customer, !text.contains("?"), !PriorityRule.mentionsAProblem(wording) || causeFound,
           saysItWorksAgain || [" ya jala ", " no levante nada", " no levanten nada", " no le levante", " ya no mande al",
                                " ya no manden al"].contains(where: folded.contains) {
            session.flow = nil
            intent = .thanksBye
            say(.serviceBack, buttons: menuButtons())
            return true
        }
        // ("no, no quiero levantar reporte. ya reinicie el modem… quiero CANCELAR": no report; the cancellation.)
        if caller != nil, refusesAReport, mentionsCancelling {
            session.flow = nil
            route(.cancel)
            return true
        }
        var draft = start
        // ("Y YA NO ES LENTO YA DE PLANO NO AGARRA NADA": worse than first told; the report says so.)
        if draft.priority != .alta, PriorityRule.namesAnOutage(wording),
           [" ya no es lento", " ya no esta lento", " ya no es lenta", " ya de plano", " de plano ya", " ahora ya no hay",
            " ahora no hay nada", " ya ni ", " esta peor", " now nothing", " now it s completely", " got worse"]
            .contains(where: folded.contains),
           PriorityRule.priority(for: wording, zoneHasOutage: false) == .alta {
            draft.priority = .alta
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
        }
        // ("NO TENGO INTERNET!!" … "ay espera, acabo de ver q en la compu si hay internet, nomas en mi cel no jala": one device,
        // not the service; the report says so.)
        if draft.priority == .alta, PriorityRule.saysItWorks(wording),
           [" en la compu si", " en la lap si", " en la tele si", " en mi cel si", " nomas en mi", " solo en mi", " only on my",
            " works on my", " si hay internet", " los demas si"].contains(where: folded.contains) {
            draft.priority = .baja
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
        }
        let slots = understood.slots
        let awaiting = Self.awaiting(draft)
        var applied = false
        var answeredAside = false
        // ("nel espera me equivoque, no es claudia, es norma aguilar, misma calle": staff naming another client for the
        // report being taken: that account, zone and holder.)
        if input.role == .staff, let holder = draft.holder, let other = clientNamed(in: folded), other.id != holder {
            draft.holder = other.id
            draft.zone = other.zone
            draft.name = other.name
            applied = true
        }
        // "…y lo de la contraseña que les pedí, ¿eso cómo va?": the open report's state, and the new one goes on.
        // ("…un reporte de cambiar la contraseña del wifi, ¿ese ya lo hicieron?": the one about that.)
        if text.contains("?"), [" como va", " que paso con", " como vamos con", " how is", " any news", " status", " ya lo hicieron",
                                " ya la cambiaron", " ya lo cambiaron", " ya lo arreglaron", " en que va"].contains(where: folded.contains) {
            for incident in reportsAskedAbout(workbook.incidents(chat: chat, clientID: caller?.id).filter(\.status.isOpen)).prefix(2) {
                describe(incident)
                answeredAside = true
            }
        }
        answeredAside = answerAsideInReport() || answeredAside
        // ("nel patrón mi hijo ni sabe d eso, mejor levanta el reporte asi como sta k venga el tecnico": filed with what is known.)
        // ("Y CUANDO VIENEN", "y eso cuanto tardan en venir a revisarlo" while since when is asked: the technician is what they
        // want; the report is written with what is known, and its answer says when.)
        let asksWhenTheyCome = [" cuando vienen", " cuando viene el", " cuando vendrian", " tardan en venir", " tarda en venir",
                                " tardan en llegar", " when will someone come", " when can someone come", " when will the technician",
                                " when can the technician",
                                // ("y si no queda antes de las 8? pueden mandar a alguien hoy?")
                                " pueden mandar a alguien", " puede mandar a alguien", " manden a alguien", " mandar a alguien hoy",
                                // ("cuando viene tecnico? cuando viene tecnico a mi casa", "ustedes vienen arreglar?", "hoy vienen?")
                                " cuando viene tecnico", " vienen arreglar", " vienen a arreglar", " ustedes vienen", " hoy vienen",
                                " vienen hoy",
                                " send someone today", " can you send someone"].contains(where: folded.contains)
        if asksWhenTheyCome || [" asi como esta ", " asi como sta ", " levantalo asi", " levantelo asi", " just file it", " file it anyway",
            " with what you have"].contains(where: folded.contains) {
            if draft.since == nil { draft.since = "no lo sabe" }
            if draft.modemRestarted == nil { draft.restartUnknown = true }
            applied = true
        }
        // "¿Qué es reiniciar?", "no sé cuál es el módem, ¿la cajita blanca?": how it is done, and the question stands.
        // ("nop no lo he reiniciado, ni sé cuál es el aparato" answers: no.)
        // ("reiniciarlo? no no lo he hecho, ni se cual es el modem jaja mi hermano lo instalo": not done, whatever else they say.)
        let notDone = [" no lo he hecho", " no lo hemos hecho", " no no lo he", " no lo he intentado", " haven t done it",
                       " haven t tried"].contains(where: folded.contains)
        if notDone, slots.modemRestarted == nil, draft.modemRestarted == nil,
           awaiting == .modemRestarted || awaiting == .sinceAndModem {
            draft.modemRestarted = false
            applied = true
        }
        let asksHow = asksHowToRestart && slots.modemRestarted == nil && understood.answer != .no && !notDone
        if awaiting == .modemRestarted || awaiting == .sinceAndModem, draft.modemRestarted == nil, asksHow {
            say(.restartExplain)
            if awaiting == .modemRestarted || slots.since == nil {
                session.flow = .incident(draft)
                return true
            }
            answeredAside = true
        }
        // "since like 11, right before the lunch rush": a time the reader did not make out, taken as said.
        // ("Comenzó desde la fiesta patronal, el 15 de agosto. …¿Ustedes creen que…?": from "desde" on.)
        if draft.since == nil, slots.since == nil, awaiting == .since || awaiting == .sinceAndModem,
           let first = text.split(whereSeparator: { ".!?\n".contains($0) }).first.map(String.init),
           case let words = first.split(separator: " "),
           let lead = words.firstIndex(where: { ["since", "desde"].contains($0.lowercased()) }),
           // (Opening the sentence or after "comenzó": not "si paga mi roomie desde su cuenta", a way to pay.)
           lead == 0
            || ["comenzo", "empezo", "inicio", "started", "began", "asi", "pasa", "falla"].contains(Text.fold(String(words[lead - 1]))) {
            let said = words[(lead + 1)...].joined(separator: " ").trimmingSpaces
            if !said.isEmpty {
                draft.since = CellText.inert(said, maxLength: 60)
                applied = true
            }
        }
        // "Desde el miércoles pasado": a time said outright replaces one read on the way ("me instalaron hace una semana").
        let sinceBefore = draft.since
        if let since = slots.since, draft.since == nil || folded.contains("desde") || folded.contains("since") {
            draft.since = since
            applied = true
        }
        if draft.modemRestarted == nil {
            let unsure = [" no se ", " no lo se", " no sabemos", " dont know", " don t know", " not sure", " le pregunto",
                          " dejame preguntar", " dejame le pregunto", " i ll ask", " voy a preguntar"].contains(where: folded.contains)
            if asksHow {
                // Explained above; the answer comes next.
            } else if let restarted = slots.modemRestarted {
                draft.modemRestarted = restarted
                applied = true
            } else if awaiting == .modemRestarted || awaiting == .sinceAndModem,
                      [" ya hice todo", " ya hicimos todo", " ya le hice de todo", " ya intente todo", " ya le movi a todo",
                       " tried everything", " done everything"].contains(where: folded.contains) {
                // ("ya hice todo joven, desde el jueves esta asi": the restart among all of it.)
                draft.modemRestarted = true
                applied = true
            } else if awaiting == .modemRestarted || awaiting == .sinceAndModem, folded.hasPrefix(" ya "),
                      folded.split(separator: " ").count <= 4,
                      [" veces", " vez"].contains(where: folded.contains) || folded.split(separator: " ").count == 1 {
                // ("ya 2 veces", "ya": done, however many times.)
                draft.modemRestarted = true
                applied = true
            } else if unsure, awaiting == .modemRestarted || (awaiting == .sinceAndModem
                          && [" reinici", " restart", " apag", " desconect", " reset"].contains(where: folded.contains)) {
                draft.restartUnknown = true
                applied = true
            } else if awaiting == .modemRestarted, let answer = understood.answer, answer != .stop,
                      // ("Sí, le decía, desde el sábado pasado.": when, said late; the restart is still asked.)
                      !(slots.since != nil && sinceBefore == nil
                        && [" le decia", " te decia", " les decia", " i was saying", " as i said"].contains(where: folded.contains)),
                      // ("no, pere, ahorita ya de plano no conecta nada": a "no" that leads into what fails now.)
                      !(answer == .no && PriorityRule.namesAnOutage(text)),
                      // ("desde aller" … "no no, desde el sabado": the "no" takes back when, it does not answer the restart.)
                      !(answer == .no && sinceBefore != nil && slots.since != nil && slots.since != sinceBefore) {
                draft.modemRestarted = answer == .yes
                applied = true
            } else if [" restart", " reinici", " apag", " desconect", " unplug", " reset",
                        // ("sí ya le hice lo que dice el video ese de des conectarlo y contar hasta treinta", dictated)
                        " des conect", " volverlo a conectar"].contains(where: folded.contains) {
                // "Restart it? No, we haven't, there's nothing wrong with it."; "¿Reiniciarlo? Sí, ya lo hice".
                if [" si ya", " ya lo hice", " yes i", " already did", " yes we"].contains(where: folded.contains) {
                    draft.modemRestarted = true
                    applied = true
                } else if understood.answer == .no || [" no ", " havent ", " haven t ", " not "].contains(where: folded.contains) {
                    draft.modemRestarted = false
                    applied = true
                }
            }
        } else if let restarted = slots.modemRestarted, restarted != draft.modemRestarted {
            // "ah no perdón, dice Kevin que no lo apagó": a correction overwrites.
            draft.modemRestarted = restarted
            applied = true
        }
        if takeAccountNumber(into: &draft) { applied = true }
        // ("ella es clienta tambien pero es otra cuenta, Teresa Castro, vive en la sur": her place and name, not the caller's.)
        if let client = caller, [" otra cuenta", " own account", " separate account", " su propia cuenta", " su propio contrato",
                                 " tiene su cuenta", " her own account", " his own account"].contains(where: folded.contains),
           let zone = slots.zone.flatMap(workbook.zone(named:)), Text.fold(zone.name) != Text.fold(client.zone) {
            draft.zone = zone.name
            draft.forAnotherAccount = true
            if let name = slots.name.flatMap(explicitName) ?? standingNameClause { draft.name = CellText.inert(Text.titleCased(name), maxLength: 80) }
            applied = true
        }
        // "esta a nombre de raúl herrera… en el recibo dice C-0028": who they are, told while the report goes on.
        if !applied, let id = caller?.id, accountNumberTold == id, !text.contains("?") { applied = true }
        // "Soy Maricela, de la Oriente" after a zone read on the way ("un norte" was the wind): the sheet's zone said now wins.
        if let zoneName = slots.zone, draft.zone == nil || (workbook.zone(named: zoneName) != nil && caller == nil) {
            draft.zone = workbook.zone(named: zoneName)?.name ?? CellText.inert(Text.titleCased(zoneName), maxLength: 80)
            applied = true
        }
        if takeHolderNamed(into: &draft) { applied = true }
        // The name asked for, or one the person states ("soy Vicky Real") over the profile's.
        if let name = slots.name, (draft.name == nil && awaiting == .name) || (caller == nil && explicitName(name) != nil) {
            draft.name = CellText.inert(Text.titleCased(name), maxLength: 80)
            applied = true
        }
        // "se va y se viene, ratito sí y ratito no. Desde el domingo": an unsteady line told with the answer
        // makes a vague first message ("es por el internet de la casa") a media. (Only that step: words
        // like "sin conexión a la mitad de la clase" in an answer are no outage.)
        if applied, draft.priority == .baja, PriorityRule.priority(for: wording, zoneHasOutage: false) == .media {
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
            draft.priority = .media
        }
        // "NO TENGO INTERNET" then "bueno sí hay pero se va a cada rato": the outage taken back, it drops.
        // ("no tenemos internet" then "no es q no haya internet bro, la compu por cable si jala. es q le cambie la contraseña
        // al wifi y se me olvido": the outage taken back, a new password asked for.)
        let takenBack = PriorityRule.priority(for: wording, zoneHasOutage: false)
        if draft.priority == .alta, takenBack == .baja, PriorityRule.asksForAPassword(wording),
           [" no es que no haya", " si jala", " si hay internet", " si hay", " si funciona", " it works"]
            .contains(where: foldedAndRead.contains) {
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
            draft.priority = .baja
            applied = true
        }
        if draft.priority == .alta, takenBack == .media,
           [" si hay pero", " si ay pero", " si sirve pero", " si hay internet pero", " si tengo pero", " si tengo internet pero",
            " si funciona pero",
            " si jala pero", " si hay senal pero", " no es que no haya", " not completely", " it works but", " there is but",
            // ("se me fue el internet" then "ya regreso pero nomas poquito esta bien lento": back, and slow.)
            " ya regreso pero", " ya volvio pero", " came back but", " it s back but",
            // ("ah no espera, perdon, si hay, acabo de ver que si abre google, pero esta lentisimo")
            " si abre", " si carga pero"]
            .contains(where: foldedAndRead.contains) {
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
            draft.priority = .media
            applied = true
        }
        // ("no ay internet en la cosina" … "bueno si ay en la sala, nomas en la cosina no agarra… kiero ke muevan el moden pa
        // aca": a room the signal does not reach, and a move asked for; no outage.)
        // ("…el internet funciona bien en la sala… Queremos que lo cambien de lugar" after "esta lentisimo alla arriba": the same.)
        if draft.priority != .baja, PriorityRule.asksToMoveEquipment(wording),
           [" si hay en", " si ay en", " si ahi en", " si jala en", " si llega en", " si hay internet en", " si agarra en",
            " it works in", " works fine in", " funciona bien en", " jala bien en"].contains(where: foldedAndRead.contains) {
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
            draft.priority = .baja
            applied = true
        }
        // "and no internet at all since the storm", told while the zone or name is asked: a new fact, not an answer.
        // (Not for a forgotten wifi password: "la compu nueva no se conecta" is that, not an outage.)
        // ("no, pere, ahorita ya de plano no conecta nada" while the restart is asked: the same.)
        let newsOfAnOutage = applied && (awaiting == .zone || awaiting == .name)
            || awaiting == .modemRestarted && understood.slots.modemRestarted == nil
                && [" ahorita", " ahora", " ya de plano", " now "].contains(where: folded.contains)
            // ("Actually scratch that, it just died completely, nothing connects now" while since when is asked: worse now.)
            || (awaiting == .sinceAndModem || awaiting == .since) && understood.slots.modemRestarted == nil
                && [" scratch that", " now it s", " ahora ya", " ahorita ya", " ya de plano", " died completely"].contains(where: folded.contains)
            // ("ahorita ya se fue de plano, ni conecta y tiene el foquito rojo prendido. y si, ya lo habia desconectado": both.)
            || awaiting == .modemRestarted && [" ya se fue", " de plano", " now it s", " now there s no", " ya ni conecta", " ahora ya ni",
                                                " ahora ya no "].contains(where: folded.contains)
        if newsOfAnOutage, understood.intent == .reportIncident, draft.priority != .alta,
           PriorityRule.namesAnOutage(text), !PriorityRule.asksForAPassword(draft.description) {
            draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
            draft.priority = .alta
        }
        // "ok dame el más rápido" from someone who is no client: they were telling of another provider's
        // line and want ours.
        if !applied, caller == nil, input.role == .customer, slots.planMbps != nil, understood.intent != .reportIncident {
            session.flow = nil
            route(.register)
            return true
        }
        if !applied, !answeredAside {
            // ("somos 4 en la casa y en la noche todas conectadas, pero antes no pasaba": a story, no question about plans.)
            let story = !text.contains("?") && understood.slots.planMbps == nil && understood.slots.zone == nil
            // ("el servicio esta a nombre de Jorge Torres pero yo lo pago": whose account, told; no bill asked.)
            let asksTheBill = asksWhatIsOwed || [" cuanto", " how much", " recibo", " bill"].contains(where: folded.contains)
            let away: Set<Intent> = story ? (asksTheBill ? [.register, .humanAgent, .incidentStatus, .billing, .cancel]
                                                         : [.register, .humanAgent, .incidentStatus, .cancel])
                : [.register, .humanAgent, .incidentStatus, .billing, .cancel, .plansPrices, .coverage]
            // ("We're in Nortey by the way, near the baseball field" from a client of Norte while the restart is asked: where
            // they are, told; the report goes on.)
            let toldTheirPlace = !text.contains("?") && understood.intent == .coverage && caller.map { client in
                understood.slots.zone.flatMap(workbook.zone(named:)).map { Text.fold($0.name) == Text.fold(client.zone) } ?? false
            } == true
            // ("ese que me pusieron en la casa, el de 20" while the restart is asked: which line, told by its own plan.)
            let toldTheirPlan = !text.contains("?") && !wantsIt && caller.map { client in
                understood.slots.planMbps != nil && understood.slots.planMbps == client.planMbps
            } == true
            if !toldTheirPlace, !toldTheirPlan,
               isStrongSwitch(to: input.role == .staff ? away.union([.staffStats, .staffSearch]) : away) {
                session.flow = nil
                return false
            }
            // ("se le va y se le viene, cada ratito", read as something else: still what fails.)
            if understood.intent == .reportIncident || PriorityRule.namesAFailure(wording) {
                // More detail about the same failure: keep it, and let it raise the priority.
                draft.description = CellText.inert(draft.description + " / " + text, maxLength: 300)
                let again = PriorityRule.priority(for: draft.description + " " + wording, zoneHasOutage: false)
                if again.rank < draft.priority.rank, !PriorityRule.asksForAPassword(draft.description) { draft.priority = again }
            } else if awaiting == .sinceAndModem || awaiting == .since {
                // "hoy temprano", "no sé": whatever they answer is the best we will get.
                draft.since = CellText.inert(text, maxLength: 60)
            } else {
                say(.notUnderstoodInFlow)
            }
        }
        // ("Bueno, corrijo, sin internet no estoy, sí conecta pero está lentísimo": the service told again, as it is.)
        if correctsItself || folded.contains(" corrijo"),
           [" sin internet no estoy", " no estoy sin internet", " si conecta", " si hay internet", " si tengo internet",
            " it does connect", " it connects", " not down"].contains(where: folded.contains) {
            draft.priority = PriorityRule.priority(for: text.replacingOccurrences(of: "sin internet", with: ""), zoneHasOutage: false)
        }
        advanceIncident(draft)
        return true
    }

    /// "oiga de paso, ¿cuánto debo?", "¿cuánto cuesta el de 50?", "how much am I paying?" in the middle of a
    /// report: answered, and the report goes on with its next question.
    mutating func answerAsideInReport() -> Bool {
        guard input.role == .customer, !mentionsCancelling else { return false }
        // ("déjeme busco el recibo… aquí dice número de cliente C-0028" is no question about the bill.)
        let owed = asksWhatIsOwed || [" cuanto pago", " cuanto estoy pagando", " cuanto me toca pagar", " donde puedo pagar",
                                      " donde pago", " how much am i paying", " how much do i pay", " what am i paying",
                                      " what plan am i on", " que plan tengo", " que plan tiene", " cuanto paga ", " cuanto pagamos",
                                      " cuanto estamos pagando", " how much are we paying", " what are we paying",
                                      // ("Nomas confirmeme que estoy al corriente y cuanto es mi plan")
                                      " estoy al corriente", " cuanto es mi plan", " am i up to date",
                                      // ("no sera q me cortaron x falta de pago? … donde se paga?")
                                      " donde se paga", " donde le pago", " where do i pay", " where can i pay", " falta de pago",
                                      // ("oye y hasta cuando tengo pa pagar este mes?")
                                      " hasta cuando tengo", " cuando tengo que pagar", " fecha de pago", " fecha limite", " cuando vence",
                                      " when is it due", " due date"]
            // ("oiga y yo q plan tengo?": as read, too.)
            .contains(where: foldedAndRead.contains)
        // ("oye y la visita del tecnico me la cobran?": whether the repair visit costs, asked on the way.)
        if [" visita", " visit"].contains(where: folded.contains),
           [" cobran", " cobra ", " cuesta", " costo", " se paga", " charge", " cost", " pay for"].contains(where: folded.contains) {
            say(.repairVisitCost)
            return true
        }
        // ("permítame una pregunta: el servicio que está a nombre del Sr. José Luis Martínez, ¿es el de 50 megas?": which plan
        // the account has, asked on the way.)
        if caller != nil, text.contains("?"), understood.slots.planMbps != nil,
           [" es el de", " tengo el de", " tiene el de", " tenemos el de", " is it the", " we have the", " i have the"]
            .contains(where: folded.contains) {
            billing()
            return true
        }
        // ("y lo de la contraseña q les pedi? ya mero?" while another failure is told: how the one already open goes.)
        if let client = caller, text.contains("?"),
           [" lo de la contrasena", " lo q les pedi", " lo que les pedi", " lo que pedi", " ya mero", " como va lo de", " y el otro reporte",
            " y mi otro reporte", " the other ticket", " my other ticket"].contains(where: folded.contains),
           workbook.incidents(chat: chat, clientID: client.id).contains(where: \.status.isOpen) {
            let flow = session.flow
            incidentStatus()
            session.flow = flow
            return true
        }
        let howLong = [" tarda", " cuanto tiempo", " how long", " cuando viene", " cuando vienen"].contains(where: folded.contains)
        // "¿y se puede cambiar uno nomás así?" after a plan's price: changing to that plan.
        // ("mientras tanto, si me cambio al de 100 se arregla o es lo mismo?": that plan, weighed on the way.)
        let changesPlan = (!previous.quotedPlans.isEmpty || understood.slots.planMbps != nil && text.contains("?"))
            && !PriorityRule.asksForAPassword(wording)
            && [" cambiar", " cambiarme", " cambio", " subir", " upgrade", " switch"].contains(where: folded.contains)
        let price = !howLong && (understood.slots.planMbps != nil && (asksAboutPrice || changesPlan) || asksEveryPrice && asksAboutPrice)
        // ("q otros planes hay y cuanto questan", asked without the mark.)
        guard owed || price || changesPlan, text.contains("?") || owed || asksEveryPrice && asksAboutPrice else { return false }
        // (A price asked on the way starts no sign-up: the report goes on.)
        if caller != nil, owed || changesPlan { billing() } else { answerThePriceAsked() }
        return true
    }

    /// "ya me dijo q el modem dice TELMEX. el de ella no es con ustedes": the failure is another company's.
    var withAnotherCompany: Bool {
        [" no es con ustedes", " no es de ustedes", " no lo tiene con ustedes", " no la tiene con ustedes", " no tiene con ustedes",
         " telmex", " totalplay", " izzi", " megacable", " starlink", " otra compania", " otra empresa", " another company",
         " another provider", " not with you", " isn t yours", " not yours", " con la competencia",
         // ("cuanto cobran? con los del cable pago 499 y se pasa cayendo todo el tiempo")
         " con los del cable", " los del cable pago", " con la del cable", " con el del cable"].contains(where: folded.contains)
            && !wantsIt
            // ("¿O SERÁ QUE ESA ANTENA NO ES DE USTEDES?": a guess about the cause, asked.)
            && ![" sera que", " o sera "].contains(where: folded.contains)
            // ("…y nada. En Totalplay por lo menos me contestaba una persona", from a client: the old company, compared.)
            && !(caller != nil && [" por lo menos", " al menos", " me contestaba", " me daban", " me cobraba", " antes tenia",
                                   " en cambio"].contains(where: folded.contains))
    }

    /// No report for a service that is not ours; its place is kept, so a price or a sign-up next is about it.
    mutating func leaveAnotherCompanysFailure(toldBefore: String) -> Bool {
        session.flow = nil
        intent = .outOfScope
        if namesARelative || Self.namesARelative(Text.fold(toldBefore)) { session.context.forAnotherHome = true }
        say(.incidentOtherCompany)
        if asksAboutPrice {
            intent = .plansPrices
            plansAndPrices()
        }
        return true
    }

    /// "¿qué es reiniciar?", "¿cuál es el módem?": someone who does not know how.
    var asksHowToRestart: Bool {
        [" que es reiniciar", " que es eso de reiniciar", " que es reiniciarlo", " como lo reinicio", " como se reinicia",
         " como reinicio", " como le hago para reiniciar", " cual es el modem", " cual es el aparato", " que es el modem",
         " what does restart", " what do you mean restart", " how do i restart", " how do i reboot", " which one is the modem",
         " what is the modem",
         // ("no entiendo reiniciar. el aparato blanco o la antena de arriba?")
         " no entiendo reiniciar", " no entiendo que es reiniciar", " no se que es reiniciar", " no se como reiniciar",
         " no entiendo eso de reiniciar", " el aparato blanco o", " cual aparato", " which device"].contains(where: folded.contains)
    }

    /// How long an open report takes in the same failure told again: after that it is a new report.
    static let sameReportWindow: TimeInterval = 3 * 24 * 3600

    static func awaiting(_ draft: IncidentDraft) -> SlotName? {
        if draft.zone == nil { return .zone }
        if draft.name == nil { return .name }
        // Low-priority requests (wifi password, moving the router) need no diagnosis questions.
        if draft.priority == .baja { return nil }
        switch (draft.since == nil, draft.modemRestarted == nil && draft.restartUnknown != true) {
        case (true, true): return .sinceAndModem
        case (true, false): return .since
        case (false, true): return .modemRestarted
        case (false, false): return nil
        }
    }

    mutating func advanceIncident(_ draft: IncidentDraft) {
        var draft = draft
        // ("huele a quemado 😰 lo desconecto??": unplugged and left so, whatever else is asked; nobody is asked to restart it.)
        if PriorityRule.equipmentUnsafe(draft.description) {
            if PriorityRule.equipmentUnsafe(text) { say(.equipmentUnsafe) }
            if draft.modemRestarted == nil { draft.modemRestarted = false }
        }
        if let zone = draft.zone, hasOutage(zone), draft.name != nil {
            // Staff already know; the customer need not answer diagnosis questions.
            var known = draft
            known.priority = .alta
            return writeIncident(known, outageKnown: true)
        }
        switch Self.awaiting(draft) {
        case .zone:
            say(.incidentAskZone, ["zones": coveredZoneList()],
                buttons: workbook.coveredZones.prefix(10).map { QuickReply(id: QuickReplyAction.zone($0.name), title: String($0.name.prefix(20))) })
        case .name:
            say(.incidentAskName)
        case .sinceAndModem:
            say(.incidentAskSinceAndModem)
        case .since:
            say(.incidentAskSince)
        case .modemRestarted:
            say(.incidentAskModem, buttons: [button(.buttonYes, QuickReplyAction.yes), button(.buttonNo, QuickReplyAction.no)])
        default:
            return writeIncident(draft, outageKnown: false)
        }
        session.flow = .incident(draft)
    }

    /// "le escribo por mi papá… se llama Raúl Herrera, vive en el oriente": the one client with that full
    /// name in that zone, so the technician finds the account. Only the row says so; the reply never does.
    /// ("…en la colonia Centro: la inquilina, la señora Patricia Flores, que es clienta de ustedes, no tiene internet":
    /// the client of that zone whose name the report tells.)
    func reportedFor(_ draft: IncidentDraft) -> Client? {
        guard let zone = draft.zone else { return nil }
        let place = Text.fold(zone)
        if let name = draft.name, name.split(separator: " ").count >= 2 {
            let wanted = Self.heard(name)
            let matches = workbook.clients.filter { Text.fold($0.zone) == place && Self.heard($0.name) == wanted }
            if matches.count == 1 { return matches[0] }
        }
        // ("no se ps lo paga mi apa… juan carlos garcia en el oriente": the holder named in an answer counts too.)
        let answers = session.recent.suffix(8).filter { $0.speaker == .customer }.map(\.text) + [text]
        let told = " " + Self.heard(([draft.description] + answers).joined(separator: " ")).joined(separator: " ") + " "
        let named = workbook.clients.filter { Text.fold($0.zone) == place && Self.says(nameOf: $0, in: told, as: Self.heard) }
        return named.count == 1 ? named[0] : nil
    }

    /// A text's words by sound, so names compare past the spelling: "laura mendosa", "ector jimenes" are Laura Mendoza,
    /// Héctor Jiménez.
    static func heard(_ words: String) -> [String] { Text.fold(words).split(separator: " ").map { SpellFixer.soundKey(String($0)) } }

    /// Whether `padded` (its words as `key` gives them, a space each side) says the client's whole name, or its first and
    /// last words ("Patricia Flores", "Raúl Herrera").
    static func says(nameOf client: Client, in padded: String, as key: (String) -> [String]) -> Bool {
        let parts = key(client.name)
        return padded.contains(" " + parts.joined(separator: " ") + " ")
            || parts.count >= 2 && padded.contains(" \(parts[0]) \(parts[parts.count - 1]) ")
    }

    private mutating func writeIncident(_ draft: IncidentDraft, outageKnown: Bool) {
        session.flow = nil
        let folio = agent.keys.next(.incidents)
        let stamp = settings.time.stamp(now)
        typealias C = Col.Incident
        var row = RowValues(key: folio, cells: [:])
        row[C.folio] = folio
        row[C.date] = stamp
        row[C.clientID] = draft.forAnotherAccount == true ? reportedFor(draft)?.id ?? ""
            : caller?.id ?? draft.holder ?? reportedFor(draft)?.id ?? ""
        row[C.name] = CellText.inert(draft.name ?? "", maxLength: 80)
        row[C.channel] = chat.channel.sheetLabel
        row[C.chatID] = chat.chatID
        row[C.zone] = draft.zone ?? ""
        row[C.description] = draft.description
        row[C.since] = CellText.inert(draft.since ?? "", maxLength: 60)
        // A request (a new wifi password, moving the router) is not asked about the modem: nobody restarts
        // what works, and the sheet says so rather than leave the technician a blank.
        let untouched = draft.priority == .baja && draft.restartUnknown != true ? "no" : ""
        row[C.modemRestarted] = draft.modemRestarted.map { $0 ? "sí" : "no" } ?? untouched
        row[C.priority] = draft.priority.rawValue
        row[C.status] = IncidentStatus.open.sheetLabel
        row[C.updated] = stamp
        effects.append(.appendRow(.incidents, row))
        session.context.writtenIncident = folio

        let first = firstName(draft.name)
        let values = ["folio": folio, "zone": draft.zone ?? "", "name": first.isEmpty ? "" : ", \(first)"]
        if outageKnown {
            say(.incidentOutageKnown, values)
            return
        }
        // A technician's report for a client: which account it went on, in staff's words, and no advice to restart.
        if input.role == .staff, let holder = draft.holder {
            say(.staffIncidentCreated, ["folio": folio, "client": "\(holder) \(draft.name ?? "")", "zone": draft.zone ?? "",
                                        "priority": draft.priority.rawValue])
            if let zone = draft.zone { detectOutage(in: zone, newFolio: folio) }
            return
        }
        switch draft.priority {
        case .alta: say(.incidentCreatedHigh, values)
        case .media: say(.incidentCreatedMedium, values)
        case .baja: say(.incidentCreatedLow, values)
        }
        if draft.modemRestarted == false, draft.priority != .baja, !PriorityRule.equipmentUnsafe(draft.description) { say(.restartTip) }
        if let zone = draft.zone { detectOutage(in: zone, newFolio: folio) }
    }

    /// Several reports from one zone in a short time: one alert to staff, and later reporters
    /// in the zone are told a technician already knows.
    private mutating func detectOutage(in zone: String, newFolio: String) {
        let recent = workbook.incidents(inZone: zone, since: now.addingTimeInterval(-settings.outageWindow))
        guard recent.count + 1 >= settings.outageThreshold else { return }
        effects.append(.declareOutage(zone: zone))
        let folios = (recent.map(\.folio) + [newFolio]).joined(separator: ", ")
        alertStaff(.outage, .staffAlertOutage, ["zone": zone, "count": String(recent.count + 1),
                                                 "minutes": String(Int(settings.outageWindow / 60)), "folios": folios])
    }

    func hasOutage(_ zone: String) -> Bool { input.outages.contains(Text.fold(zone)) }

    /// The words as typed and as understood ("no ay internet" → "no hay internet"), for the priority rule.
    var wording: String { text + " " + (understood.normalized ?? "") }

    /// "pues ahora está peor", "now it's worse": the failure told has changed since.
    /// A message that asks for a wifi password or a move in one sentence and tells a failure in another:
    /// the two parts, each as written.
    var requestBesideFailure: (request: String, failure: String)? {
        // (Dictated without stops: "ya tenía un reporte lo de la contraseña del wifi pero ahora es otra cosa el internet se corta".)
        let clauses = text.replacingOccurrences(of: " pero ", with: ". ").split(whereSeparator: { ".?!¿\n;)".contains($0) }).map(String.init)
        guard clauses.count >= 2 else { return nil }
        let requests = clauses.filter(PriorityRule.asksForARequest)
        let failures = clauses.filter { clause in
            !requests.contains(clause) && PriorityRule.namesAFailure(clause)
                && PriorityRule.priority(for: clause, zoneHasOutage: false) != .baja
        }
        guard !requests.isEmpty, !failures.isEmpty else { return nil }
        return (requests.joined(separator: ". "), failures.joined(separator: ". "))
    }

    var saysItGotWorse: Bool {
        // ("y ahorita ya ni siquiera es lento, NO HAY INTERNET")
        [" ahora ", " peor", " now ", " worse", " empeor", " ahorita ", " ya ni siquiera", " not even"].contains(where: folded.contains)
    }

    /// "ahora tengo otro problema": a failure besides the one reported.
    static func tellsAnotherProblem(_ folded: String) -> Bool {
        // ("No hay otra falla. Internet funciona bien… Solo la contraseña": none other.)
        if [" no hay otr", " no es otr", " no tengo otr", " no tenemos otr", " ningun otro", " ninguna otra", " no other ",
            " there s no other"].contains(where: folded.contains) {
            return false
        }
        return [" otro problema", " otra falla", " otro pedo", " otro detalle", " another problem", " a different problem",
                " something else", " y aparte ahora", " y aparte el", " y aparte se", " aparte de eso", " ademas ahora",
                " and now the", " and also the",
                // ("la señora reporto que se corta, eso ya no pasa mucho. ahora es otra: la internet muy lento")
                " ahora es otra", " ahora es otro", " now it s another", " now it s a different",
                // ("levantenme otro reporte urgente porque el otro lleva dias")
                " levantenme otro", " levantame otro", " otro reporte urgente", " open another ticket",
                " open a new ticket", " a new report"].contains(where: folded.contains)
    }

    /// "desde ayer", "no lo he reiniciado", "dato extra para el técnico…" after the folio: the
    /// report's row gets it (since when and the modem in their columns, the rest in the
    /// description, added to what is there).
    mutating func addDetails(toIncident folio: String) -> Bool {
        // (Another place's account, named with its failure, is a report of its own: `startIncident`.)
        if otherAccountsPlace(from: caller) != nil { return false }
        let slots = understood.slots
        var cells: [String: String] = [:]
        let known = workbook.incidents.first(where: { $0.folio == folio })
        // "pero ahora tengo otro problema peor, no hay nada de internet" after a request (a new wifi password):
        // a failure of its own, reported apart.
        // (A report first told without what fails — "ya lo desconecté 3 veces y sigue igual" — is raised instead;
        // "sí jala, nomás lento cuando los vecinos se cuelgan" is the request's own story.)
        // ("no no, internet sí hay y va bien" says it works: nothing is raised.)
        // ("got a new phone and can't connect it. the laptop is still connected fine")
        let works = [" si hay", " si jala", " va bien", " si funciona", " si sirve", " works fine", " is working", " it works",
                     " connected fine", " still connected", " internet works", " works on the",
                     // ("no lo he reiniciado porque si tiene internet, nada mas no llega hasta alla")
                     " si tiene internet", " si tengo internet", " si tenemos internet", " si hay internet"]
            .contains(where: foldedAndRead.contains)
        // How bad what this message tells is, read once.
        let told = PriorityRule.priority(for: wording, zoneHasOutage: false)
        if let known, known.priority == .baja, understood.intent == .reportIncident,
           PriorityRule.asksForARequest(known.description),
           // ("otra cosa, ahora el internet se cae a cada ratooo desde ayer": drops too are a failure of their own.)
           Self.tellsAnotherProblem(folded) || told != .baja && !works
            // ("…sigue igual, no agarra ninguna contraseña": still the password.)
            && ![" contrasena", " clave", " password"].contains(where: folded.contains) {
            return false
        }
        // "pues ahora está peor, ya no tengo nada de internet" about a drops report of days ago: a new failure, reported apart
        // (the new row names the old one). A detail of a report written minutes ago still goes in it.
        if let known, known.priority != .alta, understood.intent == .reportIncident, told == .alta, saysItGotWorse,
           settings.time.parse(known.date).map({ now.timeIntervalSince($0) > 3_600 }) ?? false {
            return false
        }
        // "otra cosa… nadie se acuerda de la contraseña del wifi, ¿me la pueden cambiar?" after a failure: a request of its own.
        // ("otra cosa, quiero que me muevan el modem al mostrador… la señal no le llega bien a la impresora" after a drops
        // report: a move asked for, however its reason reads.)
        // (Not "ya tiene otro reporte por la contraseña del wifi, pero esto es diferente… se cae": the report already there.)
        let namesAnotherReport = [" otro reporte", " another report", " other report", " ya tiene un reporte", " ya tengo un reporte",
                                  " already has a report", " already have a report"].contains(where: folded.contains)
        if let known, known.priority != .baja, understood.intent == .reportIncident, !namesAnotherReport,
           PriorityRule.asksForAPassword(wording) && told == .baja || PriorityRule.asksToMoveEquipment(wording) {
            return false
        }
        if let since = slots.since { cells[Col.Incident.since.name] = CellText.inert(since, maxLength: 60) }
        // ("House isn't mine, it's the landlord's. Sticker on the modem says C-0016." after the report from a number the sheet
        // lacks: the account the report is about. Nothing of that account is told back.)
        if caller == nil, known?.clientID.isEmpty == true, let account = accountNumberTold {
            cells[Col.Incident.clientID.name] = account
        }
        // The column says what was done before the report; a restart after it ("ok ya lo desconecté") is a note.
        if let restarted = slots.modemRestarted {
            // (A request's "no" was written unasked: what they say now replaces it.)
            // ("ah no espera, sí lo desconecté anoche": a correction of the answer just given replaces it.)
            // ("a no spere, mi vieja dice k ella si lo desconecto anoche": taken back, with a typo.)
            // ("The thing he unplugged was the phone charger lol so no, the modem has NOT been restarted.")
            // ("ay no perdon, si lo reinicio ella hoy en la mañana… corrigelo porfa")
            let takesBack = correctsItself || [" spere ", " espere ", " espera ", " a no ", " ah no ", " oh wait", " actually ", " so no ",
                                               " entonces no ", " ay no ", " corrigelo", " corrijalo", " se me olvido decirte",
                                               " se me olvido decirle",
                                               // ("no, dice que no, nadie lo ha reiniciado, yo pense que si" after "creo que si lo reinicie")
                                               " dice que no", " yo pense que si", " nadie lo ha reiniciado", " resulta que no",
                                               " turns out", " she says no", " he says no"]
                .contains(where: folded.contains)
            let corrects = takesBack && known.map { ($0.modemRestarted == "sí") != restarted } == true
            // ("ya lo desconecté yo ahorita y sigue igual" after a report that said no: it has been tried now, so "sí".)
            // ("ok yo se lo desconecto ahorita a ver" is still to be done.)
            // ("Yes I already restarted the router. Twice." after a request written with "no" unasked: done.)
            let triedSince = restarted && known?.modemRestarted == "no"
                && [" sigue igual", " y nada", " sigue sin", " still ", " no sirvio", " no funciono", " same thing", " already restarted",
                    " twice", " dos veces", " mil veces",
                    // ("ya desconectamos el aparato blanco y lo volvimos a conectar. la luz roja sigue")
                    " roja sigue", " sigue prendida", " sigue en rojo", " sigue roja"].contains(where: folded.contains)
                && ![" si sigue", " if it s still", " if it still"].contains(where: folded.contains)
            if triedSince { cells[Col.Incident.modemRestarted.name] = "sí" }
            if let known, !known.modemRestarted.isEmpty, known.priority != .baja, !corrects {
                effects.append(.appendNote(.incidents, key: folio, column: Col.Incident.description.name,
                                           note: CellText.inert(text, maxLength: 300)))
                // Said again after the column was filled: a note, and the turn is this detail's.
                if slots.since == nil {
                    intent = .reportIncident
                    if triedSince { effects.append(.updateRow(.incidents, key: folio, cells: cells)) }
                    say(.incidentDetailsSaved, ["folio": folio])
                    return true
                }
            } else {
                cells[Col.Incident.modemRestarted.name] = restarted ? "sí" : "no"
            }
        }
        // "tiene una lucecita roja, la que dice LOS": a detail that shows it is worse than first told.
        // A new wifi password stays a request whatever the neighbours do to the speed meanwhile.
        // (So does a router to be moved: "en mi cuarto no agarra nada" is why.)
        // ("le sale 'sin conexion'" about the one smart TV, the rest working: still that device.)
        let requestKnown = known.map { PriorityRule.asksForARequest($0.description) || PriorityRule.saysItWorks($0.description) } ?? false
        if told != .baja, told.rank < (known?.priority?.rank ?? Priority.baja.rank), understood.intent == .reportIncident,
           !text.contains("?"), !(works && told == .alta), !requestKnown {
            cells[Col.Incident.priority.name] = told.rawValue
        }
        // ("ya se, fue mi hijo q le cambio la contraseña al wifi… ustedes me pueden poner una nueva?" right after the report of
        // the one phone that does not connect: why, and what to do, for that report.)
        let whyOfTheOneJustWritten = folio == previous.writtenIncident && known?.priority == .baja && PriorityRule.asksForAPassword(wording)
        if cells.isEmpty, understood.intent == .reportIncident, !text.contains("?") || namesAnotherReport || whyOfTheOneJustWritten,
           text.count >= 20,
           known?.status.isOpen ?? true {
            intent = .reportIncident
            effects.append(.appendNote(.incidents, key: folio, column: Col.Incident.description.name,
                                       note: CellText.inert(text, maxLength: 300)))
            say(.incidentDetailsSaved, ["folio": folio])
            return true
        }
        guard !cells.isEmpty else { return false }
        intent = .reportIncident
        cells[Col.Incident.updated.name] = settings.time.stamp(now)
        effects.append(.updateRow(.incidents, key: folio, cells: cells))
        session.context.writtenIncident = folio
        // "otra cosa se me pasó, la antena se ve chueca": a detail added, not the report told again.
        let adds = [" otra cosa", " tambien ", " ademas", " se me paso", " por cierto", " also ", " another thing", " se me olvido"]
            .contains(where: folded.contains)
        if understood.intent == .reportIncident, understood.confidence >= 0.6, PriorityRule.mentionsAProblem(wording), !adds,
           let open = known {
            // The whole report again ("no tengo internet desde la mañana…"): the same one, with these details.
            say(.incidentAlreadyOpen, ["folio": folio, "status": open.status.sheetLabel, "date": open.date])
            return true
        }
        say(.incidentDetailsSaved, ["folio": folio])
        // (Not for a request such as a new wifi password: nothing fails that a restart would mend.)
        if slots.modemRestarted == false, known?.priority != .baja, !PriorityRule.equipmentUnsafe(known?.description ?? text) {
            say(.restartTip)
        }
        return true
    }

    /// "ya bino el muchacho y endereso la antena y ya jala rebien", "el técnico vino hoy… desde entonces la conexión está
    /// estable", "nomás para darles las gracias, ayer vino el muchacho a arreglar lo del internet": a repair told done and
    /// thanked for, with nothing failing now.
    var tellsARepairDone: Bool { Self.tellsARepairDone(folded) }

    /// ("el cambio un kable en la antena… muy amable el muchacho" right after thanking for the repair: the repair told
    /// more of, no failure.)
    var goesOnAboutTheRepair: Bool {
        !PriorityRule.namesAFailure(wording)
            && session.recent.dropLast().last(where: { $0.speaker == .customer })
                .map { Self.tellsARepairDone(" " + Text.fold($0.text) + " ") } == true
    }

    static func tellsARepairDone(_ folded: String) -> Bool {
        let came = [" vino el ", " bino el ", " ya vino", " ya bino", " vinieron a ", " binieron a ", " el tecnico vino",
                    " the tech came", " technician came", " came and fixed", " came by and",
                    // ("the technician came by this morning and everything works now")
                    " came by this", " came by today", " came by yesterday"].contains(where: folded.contains)
        let fine = [" ya jala", " jala rebien", " jala bien", " esta estable", " quedo estable", " ya funciona", " funciona bien",
                    " funciona perfecto", " ya quedo", " darles las gracias", " darles las grasias", " dar las gracias", " agradecer",
                    // ("…y me arreglo el internet en un ratito", "nomás para decir gracias… ya sirve bien")
                    " darle las gracias", " decir gracias", " me arreglo el", " nos arreglo el", " ya sirve", " sirve bien",
                    " works great", " working great", " works fine", " all good now", " just wanted to thank", " to say thanks",
                    " everything works", " works now", " working now"]
            .contains(where: folded.contains)
        let stillFails = [" sigue ", " otra vez", " de nuevo", " todavia no", " aun no", " pero no ", " ya no sirve", " no funciona",
                          " se volvio a", " still ", " again", " pero ahora", " se vuelve a"].contains(where: folded.contains)
        return came && fine && !stillFails
    }

    /// "ya se compuso", "it's back, never mind": the service works again, and nothing else fails in the message.
    var saysItWorksAgain: Bool {
        ([" ya no falla", " ya se compuso", " ya volvio el internet", " ya regreso el internet", " ya volvio la senal", " ya regreso la senal",
         " ya volvio el servicio", " el internet ya volvio", " ya funciona", " it s back", " its back", " working again", " never mind",
         " nevermind", " ya esta jalando", " ahorita ya jala", " ya jala bien", " ya sirve", " ya esta funcionando", " it works now",
         " working now",
         // ("ya regresó, perdón 😅 uno de los muchachos desconecto la extension", "ya volvió, gracias")
         " ya regreso perdon", " ya volvio perdon", " ya regreso gracias", " ya volvio gracias", " ya regreso ya", " ya volvio ya",
         // ("no no, no quiero cancelar todavia. ya volvio, nomas estoy avisando que ya me tienen cansado")
         " ya volvio nomas", " ya regreso nomas", " nomas estoy avisando", " solo estoy avisando", " nomas les aviso"]
            .contains(where: folded.contains)
            || [" ya regreso ", " ya volvio "].contains(where: folded.hasPrefix))
            // ("…ya esta jalando, si vuelve a fallar les escribimos": again only if it fails again.)
            && ![" pero ", " but ", " lent", " slow", " volvio a ", " vuelve a ", " otra vez", " de nuevo"]
                .contains(where: folded.replacingOccurrences(of: " si vuelve a ", with: " ")
                    .replacingOccurrences(of: " if it ", with: " ").contains)
    }

    mutating func incidentStatus() {
        let mine = workbook.incidents(chat: chat, clientID: caller?.id)
        if let folio = understood.folio {
            guard let incident = mine.first(where: { $0.folio.caseInsensitiveCompare(folio) == .orderedSame }) else {
                // Never confirm whether someone else's folio exists.
                say(.folioNotFound, ["folio": folio])
                return
            }
            return describe(incident)
        }
        let open = mine.filter(\.status.isOpen)
        if open.isEmpty, let last = mine.first {
            return describe(last)
        }
        guard !open.isEmpty else {
            if let client = caller, client.status == .pendingInstallation { return installationPending(client.id) }
            session.context.toldNoReports = true
            say(.noIncidents, buttons: [button(.buttonIncident, MenuOption.incident.id)])
            return
        }
        let asked = reportsAskedAbout(open)
        for incident in asked.prefix(3) { describe(incident) }
        // "el módem ya lo he reiniciado como 10 veces" next: a detail of the one report just told about.
        // (Not a request such as a new wifi password: a failure told next is a report of its own.)
        if asked.count == 1, asked[0].priority != .baja { session.context.writtenIncident = asked[0].folio }
        if asked.count == 1 { session.context.statusShown = asked[0].folio }
        // "¿cómo va el reporte del internet lento? … y otra cosa, mi hija quiere q le cambien el módem de lugar": the
        // other problem told beside the question is a report of its own.
        if let told = toldBesideAQuestion,
           !asked.contains(where: { $0.priority == PriorityRule.priority(for: told, zoneHasOutage: false) }) {
            intent = .reportIncident
            startIncident(told: told)
        } else if caller != nil, text.contains("?"), asksWhatIsOwed
                    || [" cuanto tiene q pagar", " cuanto tiene que pagar", " cuanto tengo que pagar", " cuanto tengo q pagar",
                        " cuanto pago", " cuanto me toca pagar", " how much do i pay", " how much is my bill"].contains(where: folded.contains) {
            // ("como va el reporte del internet lento en las noches? y cuanto tiene q pagar este mes?": the bill too.)
            billing()
        }
    }

    /// "¿cuánto debo?… y de paso cómo va mi reporte, el q hice cuando se fue el internet": the bill answered, and
    /// the report asked about besides.
    mutating func answerTheReportAskedToo() {
        guard input.role == .customer, !silent, [.billing, .plansPrices, .coverage].contains(intent), !replies.isEmpty,
              [" como va mi reporte", " como va el reporte", " y mi reporte", " que paso con mi reporte", " q paso con mi reporte",
               " how is my report", " my ticket", " any open ticket", " lo del reporte", " mi reporte",
               // ("¿Cuánto debo este mes? Y ¿tengo algún reporte abierto?")
               " algun reporte abierto", " any open report",
               // ("1) El monto de mi mensualidad. 2) Si tengo algún reporte pendiente.")
               " algun reporte pendiente", " reporte pendiente", " tengo algun reporte", " tengo reporte", " do i have a report",
               " do i have an open report", " do i have open report",
               // ("two things: 1) any update on F-0003, the wifi password change? 2) how much is my monthly payment")
               " any update on", " an update on", " update on my"]
                .contains(where: folded.contains)
        else { return }
        let lead = replies.count
        incidentStatus()
        mergeReplies(from: lead)
    }

    /// The sentences of a question about a report that tell a failure or a request, when others ask.
    var toldBesideAQuestion: String? {
        // ("1) qué pasó con mi reporte de que se cortaba 2) ahora de plano ya no tengo nada": a numbered list too.)
        let clauses = text.split(whereSeparator: { ".?!¿\n)".contains($0) }).map(String.init)
        guard clauses.count >= 2 else { return nil }
        let asking = [" reporte", " folio", " ticket", " report", " como va", " en que va", " tecnico", " technician"]
        let told = clauses.filter { clause in
            !asking.contains(where: (" " + Text.fold(clause) + " ").contains)
                && (PriorityRule.namesAFailure(clause) || PriorityRule.asksToMoveEquipment(clause)
                    || PriorityRule.asksForAPassword(clause))
        }
        guard !told.isEmpty, told.count < clauses.count else { return nil }
        let joined = told.joined(separator: ". ")
        // Another problem said to be one ("y otra cosa…", "y ahora aparte…"), or a request: not the report asked
        // about, told again.
        guard Self.tellsAnotherProblem(folded) || [" otra cosa", " y aparte", " ahora aparte"].contains(where: folded.contains)
            || saysItGotWorse && PriorityRule.priority(for: joined, zoneHasOutage: false) == .alta
            || PriorityRule.asksForARequest(joined) else { return nil }
        return joined
    }

    /// "hace unos días pedimos el cambio de la contraseña… ¿en qué va?": the one report about
    /// that kind of problem when the message names one, else all of them.
    func reportsAskedAbout(_ reports: [Incident]) -> [Incident] {
        let asked = Self.reportTopics.filter { $0.contains(where: folded.contains) }
        let about = reports.filter { incident in
            let description = " " + Text.fold(incident.description) + " "
            return asked.contains { $0.contains(where: description.contains) }
        }
        return about.count == 1 ? about : reports
    }

    /// What a report can be about, as people name it: a report is found by the kind of problem.
    static let reportTopics: [[String]] = [
        [" contrasena", " clave", " password"],
        [" mover", " de lugar", " move ", " moving", " recamara", " otro cuarto"],
        [" lento", " lenta", " slow", " velocidad", " speed"],
        [" se corta", " se cae", " intermit", " drops", " cortes", " caidas"],
        [" sin internet", " no hay internet", " no tengo internet", " luz roja", " foco rojo", " no service", " no internet"],
    ]

    /// A client waiting for the installation (or who just signed up) asking when, or for a day.
    mutating func installationQuestion() -> Bool {
        // ("…todavía no se lo han instalado… quisiera cancelar ese contrato": a cancellation, not a question about the visit.)
        // ("ya soy clienta… abri otro localito en el centro… y quiero ponerle internet": another place, not the visit.)
        guard input.role == .customer, understood.intent != .incidentStatus, !mentionsCancelling, !wantsAnotherPlace else { return false }
        // "could you put us on the list for La Loma? let me know when you get there": another place's waiting list.
        if asksToBeTold, let zone = understood.slots.zone.flatMap({ workbook.zone(named: $0) }), !zone.hasCoverage { return false }
        guard let id = caller.flatMap({ $0.status == .pendingInstallation ? $0.id : nil }) ?? previous.signedUp else { return false }
        // ("ya me toca pagar la mensualidad? es q todavia no me vienen a instalar": the bill, which says the service waits.)
        // (Not "ya pagué, ¿cuándo vienen a instalar?": the visit is what is asked.)
        if caller != nil, [" pagar", " pago ", " mensualidad", " cobrar", " cobran", " pay ", " payment"].contains(where: folded.contains),
           text.contains("?"), ![" cuando", " when", " que dia", " a que hora"].contains(where: folded.contains) {
            intent = .billing
            billing()
            return true
        }
        // ("me pueden decir a alguien q me marque para agendar la instalacion?": a person, to agree the day.)
        if [" me marque", " me llame", " me hable", " call me", " alguien q", " alguien que", " una persona"].contains(where: folded.contains) {
            intent = .humanAgent
            handOff()
            return true
        }
        // Someone still waiting for the installation has no service to fail: "¿no me pueden decir
        // el día?" is about the visit unless it names a failure.
        // ("¿El router que instalan soporta 5 GHz? Si no, pongo el mío." right after signing up: about the equipment.)
        if text.contains("?"), [" router", " modem", " aparato"].contains(where: folded.contains),
           [" que instalan", " que ponen", " you install", " soporta", " ghz", " doble banda", " dual band"].contains(where: folded.contains) {
            intent = .register
            say(.installationDetails)
            return true
        }
        // ("ok, a que hora vendrian, tengo huespedes llegando a las 6 y ya les prometi wifi" right after signing up: nothing
        // installed yet can fail.)
        // ("señorita ya tenemos la internet, gracias. pero se va y viene": a failure said outright still is one.)
        let failing = previous.signedUp == nil ? caller?.status != .pendingInstallation || PriorityRule.mentionsAProblem(wording)
            : PriorityRule.namesAFailure(wording)
        let away: Set<Intent> = failing ? [.humanAgent, .cancel, .thanksBye, .billing, .reportIncident, .plansPrices, .coverage]
            : [.humanAgent, .cancel, .thanksBye, .billing, .plansPrices, .coverage]
        guard [" instal", " poner", " ponen", " pongan", " vienen", " viene ", " vengan", " dia", " sabado", " domingo",
               " cuando", " hora", " when", " install", " come ", " horario", " agendar", " visita"].contains(where: folded.contains),
              !away.contains(understood.intent) || understood.confidence < 0.5 else { return false }
        intent = .incidentStatus
        installationPending(id)
        return true
    }

    mutating func installationPending(_ id: String) {
        say(.installationPending, ["id": id, "hours": String(settings.installationHours)],
            buttons: [button(.buttonHuman, MenuOption.human.id)])
    }

    private mutating func describe(_ incident: Incident) {
        let key: ReplyKey = switch incident.status {
        case .open: .incidentStatusOpen
        case .inProgress: .incidentStatusInProgress
        case .resolved: .incidentStatusResolved
        case .other: .incidentStatusOther
        }
        say(key, ["folio": incident.folio, "date": incident.date, "status": incident.status.sheetLabel,
                  "updated": incident.updated.isEmpty ? incident.date : incident.updated])
        session.context.statusTold = (session.context.statusTold ?? []) + [incident.folio]
    }
}

extension Priority {
    /// alta < media < baja, for "the more urgent of the two".
    var rank: Int {
        switch self {
        case .alta: 0
        case .media: 1
        case .baja: 2
        }
    }
}

import Foundation

/// The waiting list (Prospectos): a place without coverage told kindly, the list offered, the row
/// written with a name or a yes, and several people put on it in one message.
extension Conversation {
    /// A zone without coverage (or one the sheet does not know): a kind answer and a prospect row,
    /// written at once when the person asked for the list or gave a name; otherwise the list is
    /// offered and the row waits for their name or a yes ("no worries, they don't use it much" leaves none).
    mutating func noCoverage(zoneName: String, draft: SignupDraft?, consented: Bool = true) {
        session.flow = nil
        // ("Ah no, on second thought yes, put me on the list. Patricia Nava" turns later: this list.)
        session.context.listOffered = zoneName
        let zone = workbook.zone(named: zoneName)
        // "me equivoqué: la casita no está en San Isidro, está en La Loma": the row written for the place taken back moves.
        if let existing = workbook.prospect(chat: chat), Text.fold(existing.zone) != Text.fold(zoneName),
           workbook.zone(named: existing.zone)?.hasCoverage != true, tookBack(place: existing.zone, for: zoneName) {
            var cells = [Col.Prospect.zone.name: CellText.inert(zoneName, maxLength: 80),
                         Col.Prospect.notes.name: CellText.inert(zone?.notes ?? "", maxLength: 200)]
            if let named = draft?.name ?? understood.slots.name.flatMap(explicitName) {
                cells[Col.Prospect.name.name] = CellText.inert(named, maxLength: 80)
            }
            effects.append(.updateRow(.prospects, key: existing.id, cells: cells))
            session.context.zone = zoneName
            say(.noCoverageSignup, ["zone": zoneName, "zones": coveredZoneList(), "notes": zone?.notes ?? ""])
            return
        }
        if let existing = workbook.prospect(chat: chat), Text.fold(existing.zone) == Text.fold(zoneName) {
            say(.alreadyProspect, ["zone": zoneName])
            // (A name given before stays unless another is given now: "ok gracias, ahi me avisan a mi o a ella" keeps
            // the sister-in-law's.)
            let givenNow = understood.slots.name.flatMap(explicitName)
            let named = draft?.name ?? givenNow
            let nameless = existing.name.isEmpty || existing.name == profileName || existing.name == draft?.profileName
            if let named, givenNow != nil || nameless || draft?.name != caller?.name {
                effects.append(.updateRow(.prospects, key: existing.id, cells: [Col.Prospect.name.name: CellText.inert(named, maxLength: 80)]))
            } else if existing.name.isEmpty || existing.name == profileName {
                // Put on the list earlier under the app's name only: the full name, for the call back.
                session.flow = .prospectName(key: existing.id)
                say(.prospectAskName)
            }
            return
        }
        // (A client asking for themselves is on the list under the name the sheet has for them.)
        let forARelative = namesARelative
        let forThemselves = consented && !forARelative
        // ("¿Puede poner su nombre en la lista, por favor? Bill Hartley.": the name standing in the request.)
        let named = draft?.name ?? understood.slots.name.flatMap(explicitName) ?? nameStandingInTheRequest.map(Self.presentableName)
            ?? (forThemselves ? caller?.name ?? previous.statedName : nil)
        // ("soy Rosa María Rodríguez… quiero contratar otro para la casa de mi mamá, la de la loma": the writer's own
        // name, for a relative's place, is no request for the list.)
        let introducedThemselves = [" soy ", " me llamo", " mi nombre es", " my name is", " i m ", " this is "].contains(where: folded.contains)
        let namesThem = namesWhoItIsFor
        // ("Mi comadre Irma Téllez quiere el de 20; vive en la colonia Las Palmas": a place the sheet lacks may be a covered
        // zone by another name, so the list is offered, not written, unless it was asked for.)
        if zone == nil, !asksToBeTold {
            return offerWaitingList(zone: zoneName, planMbps: draft?.planMbps, known: false,
                                    name: draft?.name ?? understood.slots.name.flatMap(explicitName))
        }
        // ("…Mi consulta es si ustedes tienen servicio en esas dos comunidades.": asked whether, not put on a list.)
        let onlyAsks = !asksToBeTold && [" mi consulta es si", " si ustedes tienen servicio", " si tienen servicio en", " quisiera saber si",
                                         " queria saber si", " si ustedes llegan", " si llegan a ", " whether you cover",
                                         " if you cover"].contains(where: folded.contains)
        // ("oigan y si yo quiero contratar para mi casa en la loma se puede?": asked, not consented to.)
        // ("y en que tanto llega? es que… los hijos le quieren poner una camara": a question with no yes and no name, either.)
        let asksOnly = text.contains("?") && !asksToBeTold && understood.answer != .yes && named == nil
        if !consented || onlyAsks || asksOnly,
           named == nil || text.contains("?") || onlyAsks || forARelative && introducedThemselves && !namesThem && understood.slots.name != nil {
            // (A sign-up's name, given before the place was taken back, is the row's if they say yes.)
            // ("- hay en pniente? - si hay lo quiero, soy Brayan Olvera": the writer's own name, for the row if they say yes.)
            let ownName = forThemselves && introducedThemselves && !namesThem ? understood.slots.name.flatMap(explicitName) : nil
            return offerWaitingList(zone: zoneName, planMbps: draft?.planMbps, known: zone != nil,
                                    name: draft?.nameIsAnothers == true ? nil : draft?.name ?? ownName)
        }
        // ("…de alla ya me voy asi q no me apunten en nada de alla": no row for a list turned down.)
        if declinesTheList, !asksToBeTold, let zone {
            session.context.zone = zone.name
            return say(.coverageNo, ["zone": zone.name, "notes": notesInParentheses(zone), "zones": coveredZoneList()])
        }
        let key = writeProspect(zone: zoneName, planMbps: draft?.planMbps, name: named ?? draft?.profileName,
                                phone: draft?.phone, reason: "sin cobertura", notes: zone?.notes ?? "")
        session.context.zone = zoneName
        say(zone == nil ? .noCoverageUnknownZone : .noCoverageSignup,
            ["zone": zoneName, "zones": coveredZoneList(), "notes": zone?.notes ?? ""])
        // The list is for calling people back: the full name, unless they gave it already.
        // ("put me on the list for La Loma then… and for Oriente I want the fastest one ya got": the sign-up there asks the
        // name, and the list's row takes it too.)
        if named == nil {
            guard !signUpWhereWeReach(besides: zoneName, asTheWriter: true) else { return }
            session.flow = .prospectName(key: key)
            say(.prospectAskName)
        } else {
            answerAPriceAskedOnTheWay()
            signUpWhereWeReach(besides: zoneName, asTheWriter: forThemselves || introducedThemselves && !namesThem)
        }
    }

    /// "tengo ferretería en el Poniente… y vivo en el Centro. Quiero el de 20 para la casa y que me avisen cuando llegue al
    /// poniente": the list where we do not reach, and in the same message a plan wanted where we do: its sign-up.
    @discardableResult
    private mutating func signUpWhereWeReach(besides listed: String, asTheWriter: Bool, plan: Int? = nil) -> Bool {
        let covered = coveredZonesSpelt(in: folded).filter { Text.fold($0.name) != Text.fold(listed) }
        // (Only the writer's own place: "…mi hermana… vive en La Loma… quisiera contratar el de 20… Yo vivo en el Oriente" wants
        // it for the sister.)
        // ("…a nombre de Rosalinda Aguirre y de una vez quiero pa mi casa que esta en el sur… ahi si llegan verdad": with no plan
        // yet, the sign-up there asks it.)
        let mbps = understood.slots.planMbps ?? plan
        guard asTheWriter, input.role == .customer, caller == nil, covered.count == 1,
              mbps != nil || [" de una vez", " tambien", " pa mi casa", " para mi casa"].contains(where: folded.contains),
              wantsIt || [" quiero", " queremos", " contratar", " contrato", " i want", " we want", " sign up"].contains(where: folded.contains),
              !(asksCoverage && text.contains("?")) else { return false }
        intent = .register
        startSignup(plan: mbps, zone: covered[0].name)
        return true
    }

    /// A recent message took `place` back for `other`: "me equivoqué: no está en San Isidro, está en La Loma".
    private func tookBack(place: String, for other: String) -> Bool {
        let place = " " + Text.fold(place) + " ", other = " " + Text.fold(other) + " "
        return session.recent.suffix(6).contains { turn in
            guard turn.speaker == .customer else { return false }
            let said = " " + Text.fold(turn.text) + " "
            return said.contains(place) && said.contains(other)
                && (Lexicon.corrections.contains(where: said.contains) || said.contains(" no esta en" + place)
                    || said.contains(" not in" + place))
        }
    }

    /// The answer to "¿A nombre de quién te anoto?": the prospect row gets it.
    mutating func continueProspectName(key: String) -> Bool {
        session.flow = nil
        // "dice que queda arriba de La Loma": the place was another one; the row follows it.
        // ("y x q en el centro si hay. bueno si, apuntame. itzel guadarrama": a name given is the answer.)
        let givesName = understood.slots.name.flatMap(explicitName) != nil
        if !givesName, let listed = workbook.zone(named: previous.zone ?? ""), nearAPlaceWeReach(from: listed, then: .prospectName(key: key)) {
            return true
        }
        // "entonces contrato el de 50 para la bodega en el Sur, a nombre de…": a sign-up where we do reach.
        if let named = understood.slots.zone, let zone = workbook.zone(named: named), zone.hasCoverage,
           Text.fold(zone.name) != Text.fold(previous.zone ?? ""),
           understood.intent == .register || wantsIt || understood.slots.planMbps != nil {
            // ("Y para la del centro el de 100": a plan for a place we reach is a sign-up there.)
            intent = .register
            startSignup(plan: understood.slots.planMbps, zone: zone.name)
            return true
        }
        if let named = understood.slots.zone, let zone = workbook.zone(named: named),
           Text.fold(zone.name) != Text.fold(previous.zone ?? ""), isAbout(zone: zone.name) && (!givesName || !zone.hasCoverage) || correctsItself {
            guard !zone.hasCoverage else {
                // "Wait, sorry!! It's Oriente, not Poniente": the sign-up goes on in the zone meant, with
                // the plan already chosen; the waiting-list row says why it is there.
                if correctsItself {
                    intent = .register
                    noteZoneCorrected(onListRow: key, to: zone.name)
                    startSignup(plan: workbook.prospect(chat: chat)?.planMbps, zone: zone.name)
                    return true
                }
                // ("a poco no me la pueden jalar desde el centro con una antena mas grandota?": the place we reach is a
                // reference; theirs is still where we do not.)
                if namesOnlyAsAReference(zone.name), !correctsItself,
                   let listed = workbook.prospect(chat: chat).flatMap({ workbook.zone(named: $0.zone) }), !listed.hasCoverage {
                    restateNoCoverage(at: listed, then: .prospectName(key: key))
                    return true
                }
                intent = .coverage
                answerCoverage(zone.name)
                return true
            }
            // "and San Isidro? mi tia Chayo is over there": a question about another place; the row stays where it is.
            if text.contains("?"), !correctsItself, !asksToBeTold, !givesName {
                restateNoCoverage(at: zone, then: .prospectName(key: key))
                return true
            }
            effects.append(.updateRow(.prospects, key: key, cells: [Col.Prospect.zone.name: zone.name]))
            session.context.zone = zone.name
            say(.noCoverageSignup, ["zone": zone.name, "zones": coveredZoneList()])
        }
        guard let said = waitingListName else {
            if let listed = workbook.zone(named: previous.zone ?? "") ?? workbook.prospect(chat: chat).flatMap({ workbook.zone(named: $0.zone) }),
               doubtsNoCoverage(at: listed, then: .prospectName(key: key)) {
                return true
            }
            // "¿y para cuándo llegan?", "apúntame": answered, and the name asked once more.
            // ("ah caray y no van a llegar pronto porque ella trabaja desde la casa", read as a cancellation: when, asked.)
            if asksWhen || asksWhetherEver, understood.intent != .humanAgent, understood.intent != .cancel || !mentionsCancelling {
                intent = .coverage
                say(.prospectWhen)
                // "¿y cuánto me saldría el más baratito, para irlo juntando?"
                if asksAboutPrice, let mbps = understood.slots.planMbps { describePlan(mbps) }
                session.flow = .prospectName(key: key)
                say(.prospectAskName)
                return true
            }
            if restatesNoCoverageForAPlan(at: workbook.prospect(chat: chat).flatMap({ workbook.zone(named: $0.zone) }),
                                          then: .prospectName(key: key)) {
                return true
            }
            // ("How much for the fastest one?" while the name is asked: the price, and the name asked once more.)
            // ("Oh that's a shame. What plans do you have anyway?": the plans.)
            if understood.intent == .plansPrices, understood.confidence >= 0.6, asksAboutPrice || asksEveryPrice, understood.answer == nil {
                intent = .plansPrices
                answerThePriceAsked()
                session.flow = .prospectName(key: key)
                say(.prospectAskName)
                return true
            }
            // Someone with no service here who says "sin internet no me sirve" is not reporting a failure.
            let away: Set<Intent> = caller == nil ? [.humanAgent, .cancel, .billing, .staffStats, .staffSearch]
                : [.reportIncident, .humanAgent, .cancel, .billing, .staffStats, .staffSearch]
            let strong = understood.confidence >= 0.6 && away.contains(understood.intent)
            // "NO, AHORITA NO. YO LE DIGO A MI HIJO QUE LES ESCRIBA": the name kept back, and nothing else asked.
            if !strong, understood.answer == .no || declinesTheList, [.outOfScope, .thanksBye, .greeting].contains(understood.intent) {
                intent = .thanksBye
                say(.okNoProblem, buttons: menuButtons())
                return true
            }
            guard !strong, understood.answer != .no, understood.answer != .stop, understood.intent != .thanksBye else { return false }
            intent = .coverage
            session.flow = .prospectName(key: key)
            say(.prospectAskName)
            return true
        }
        intent = .coverage
        // ("ah es Valdés con s y acento, no con z" with the name said earlier: as spelt now.)
        let name = nameRespelt(said) ?? said
        effects.append(.updateRow(.prospects, key: key, cells: [Col.Prospect.name.name: CellText.inert(name, maxLength: 80)]))
        say(.prospectNameSaved, ["name": firstName(name)])
        answerAPriceAskedOnTheWay()
        // ("…a nombre de Rosalba Méndez; y… mi hija Lucía vive en el barrio del Santuario, que hoy es el Oriente, ¿ahí sí
        // llegan?": the name taken, and the other place answered.)
        // ("…a nombre de Rosalinda Aguirre y de una vez quiero pa mi casa que esta en el sur": the list, and a sign-up there.)
        if !signUpWhereWeReach(besides: previous.zone ?? "", asTheWriter: true), text.contains("?"), let named = understood.slots.zone,
           let other = workbook.zone(named: named), other.hasCoverage, Text.fold(other.name) != Text.fold(previous.zone ?? "") {
            answerCoverage(other.name)
        }
        return true
    }

    /// "soy Beto, ya me paso el cel mi apa. ponle bien mi nombre porfa: Alberto Ortega Rodriguez" after the list took a
    /// nickname: this chat's waiting-list row gets the name as it should be.
    mutating func mendsTheListedName() -> Bool {
        guard input.role == .customer, session.flow == nil, let prospect = workbook.prospect(chat: chat) else { return false }
        let name: String
        if [" bien mi nombre", " corrige mi nombre", " corrijan mi nombre", " corrija mi nombre", " mi nombre completo es",
            " es de carino", " my full name is", " fix my name",
            // ("perdon me equivoque, es Juan Manuel Cárdenas, Jose es mi hermano jaja")
            " me equivoque", " i made a mistake", " wrong name", " mal mi nombre"].contains(where: folded.contains),
           let said = understood.slots.name.flatMap(explicitName), !SlotExtractor.sameName(said, prospect.name) {
            name = said
        } else if let respelt = nameRespelt(prospect.name) {
            // ("ah perdon es Maricela con c no con s, lo puse mal")
            name = respelt
        } else {
            return false
        }
        intent = .coverage
        let cell = CellText.inert(Text.titleCased(name), maxLength: 80)
        effects.append(.updateRow(.prospects, key: prospect.id, cells: [Col.Prospect.name.name: cell]))
        say(.prospectNameSaved, ["name": firstName(name)])
        return true
    }

    /// "me llamo Socorro Padilla Ibarra. y cuanto cuesta el mas economico, pa irle juntando": the name taken, and the price.
    /// ("nah no me apunten, nomas preguntaba jaja. x cierto cuanto seria el de 50?": the list declined, and the price.)
    mutating func answerAPriceAskedOnTheWay() {
        if asksAboutPrice, text.contains("?") || folded.contains(" cuanto") { answerThePriceAsked() }
    }

    /// "pos en la del zur nomás entonces, el más baratito", "no es necesario anotarla en ninguna lista. Me interesa
    /// contratar para la del Oriente": after the waiting list is offered, a sign-up where we do reach.
    mutating func signsUpElsewhere(than zone: String, planMbps: Int? = nil) -> Bool {
        // ("La casa de San Isidro… no es necesario anotarla. Me interesa contratar para la del Oriente": the place we reach.)
        let spelt = coveredZonesSpelt(in: folded)
        let contracts = [" contratar", " contrato", " sign up", " signing up"].contains(where: folded.contains)
        let named = understood.slots.zone.flatMap(workbook.zone(named:)).flatMap { $0.hasCoverage ? $0 : nil }
            // ("Que lastima lo de La Loma. Entonces la del centro con el de 20": the plan, for the place we reach.)
            ?? (spelt.count == 1 && (contracts || understood.slots.planMbps != nil && !text.contains("?")) ? spelt[0] : nil)
        // ("Y del de 20 al de 50 cuanto es la diferencia? seria para la del oriente": prices asked, nothing taken yet.)
        guard let other = named, Text.fold(other.name) != Text.fold(zone), !(text.contains("?") && asksCoverage),
              !(text.contains("?") && asksAboutPrice && !wantsIt),
              understood.intent != .cancel, !mentionsCancelling, !asksToBeTold, !correctsItself,
              understood.intent == .register || wantsIt || understood.slots.planMbps != nil else { return false }
        intent = .register
        startSignup(plan: understood.slots.planMbps ?? planMbps, zone: other.name)
        return true
    }

    /// "Could you put us on the list…? And yes, let's do Oriente now, the cheapest one is fine, the 20", "pos ponganmelo ahi
    /// en la casa el de 50, y que me avisen cuando lleguen a San Isidro": the list under the name the app shows for now, and
    /// the sign-up where we reach, which asks the name (given there, it goes on the list's row too).
    mutating func listAndSignUpWhereWeReach(zone: String, draft: SignupDraft) {
        var draft = draft
        let covered = coveredZonesSpelt(in: folded).first
            ?? previous.zone.flatMap { workbook.zone(named: $0) }.flatMap { $0.hasCoverage ? $0 : nil }
        let alsoSignsUp = covered != nil && (understood.slots.planMbps != nil || wantsIt) && draft.name == nil
        if alsoSignsUp { draft.name = profileName }
        noCoverage(zoneName: zone, draft: draft)
        if alsoSignsUp, let covered {
            intent = .register
            startSignup(plan: understood.slots.planMbps, zone: covered.name, nameless: true)
        } else if text.contains("?"), let asked = coveredZonesSpelt(in: folded).first {
            // ("ok put me on the waitlist for Poniente then, Eric Salinas. what about Sur?": listed, and the other place answered.)
            answerCoverage(asked.name)
        }
    }

    /// "No tenemos cobertura en … Si quieres, te anoto en la lista de espera" and the name asked: no row yet.
    mutating func offerWaitingList(zone: String, planMbps: Int?, known: Bool, name: String? = nil) {
        session.context.zone = zone
        session.context.listOffered = zone
        session.flow = .prospectPending(zone: zone, planMbps: planMbps, name: name)
        say(known ? .noCoverageOffer : .noCoverageUnknownOffer, ["zone": zone, "zones": coveredZoneList()])
        // "mi hermana vive en san isidro y yo también quiero para la tortillería aquí en la norte, ¿llegan a los dos lados?"
        // ("Dígame cobertura de cada una: 1) Centro 2) San Isidro 3) colonia La Joya 4) Poniente": each one answered.)
        for other in workbook.zones where Text.fold(other.name) != Text.fold(zone) && folded.contains(" " + Text.fold(other.name) + " ")
            && !takesBack(place: other.name) {
            if other.hasCoverage {
                say(.signupZoneCovered, ["zone": other.name])
            } else {
                say(.signupOtherZoneNotCovered, ["zone": other.name, "notes": notesInParentheses(other)])
            }
        }
        // (A name said already: the offer itself asks whether to write it.)
        if name == nil { say(.prospectAskName) }
    }

    /// The waiting-list row of a place taken back keeps saying why it is there: "zona corregida: Sur".
    mutating func noteZoneCorrected(onListRow key: String, to zone: String) {
        effects.append(.updateRow(.prospects, key: key, cells: [Col.Prospect.reason.name: "zona corregida: \(zone)"]))
    }

    /// "it's in Poniente, not Norte", "no es en el Norte", "es oriente no poniente": a place named only to be taken back.
    /// (Not "vive en la loma* no, en el centro", where the "no" takes back the place before it.)
    func takesBack(place: String) -> Bool {
        let name = Text.fold(place)
        let outright = [" not", " no es", " no esta en", " no es en", " not in", " isn t in"].contains { lead in
            ["", " el", " la", " the"].contains { folded.contains(lead + $0 + " " + name + " ") }
        }
        return outright || workbook.zones.contains { other in
            Text.fold(other.name) != name && folded.contains(" " + Text.fold(other.name) + " no " + name + " ")
        }
    }

    /// The name given at "¿A nombre de quién te anoto?", said outright or standing alone.
    var waitingListName: String? {
        var name = understood.slots.name.flatMap(explicitName)
        if name == nil, understood.answer == nil, understood.confidence < 0.6 || understood.intent == .register,
           let whole = understood.slots.name {
            name = whole
        }
        guard let name = (name ?? bareName ?? nameStandingInTheRequest).map(Self.withoutPlace).map(Self.presentableName), !name.isEmpty
        else { return nil }
        return name
    }

    /// "ok. yes please put him on the list so you let him know when it gets there. Bill Henderson": a name on its own in a
    /// request for the list, written with capitals ("ni modo", "me avisan porfa" are no one).
    private var nameStandingInTheRequest: String? {
        guard asksToBeTold, let clause = standingNameClause,
              clause.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return clause
    }

    /// "y tmb pa san isidro si se puede" right after joining the list for Poniente: the same person, on that list too.
    mutating func alsoOnTheList() -> Bool {
        guard input.role == .customer, session.flow == nil, !text.contains("?"),
              [" tmb ", " tambien ", " tb ", " also ", " too "].contains(where: folded.contains), !declinesTheList,
              let listed = workbook.prospect(chat: chat), !listed.name.isEmpty,
              previous.zone.map(Text.fold) == Text.fold(listed.zone),
              let zone = understood.slots.zone.flatMap(workbook.zone(named:)), !zone.hasCoverage,
              Text.fold(zone.name) != Text.fold(listed.zone) else { return false }
        // ("Oh and put my mother in law down too for Poniente, Ofelia Escobedo": under the name given for it.)
        _ = writeProspect(zone: zone.name, planMbps: listed.planMbps, name: understood.slots.name.flatMap(explicitName) ?? listed.name,
                          phone: listed.phone.isEmpty ? nil : listed.phone, reason: "sin cobertura", notes: zone.notes)
        session.context.zone = zone.name
        intent = .coverage
        say(.noCoverageSignup, ["zone": zone.name, "zones": coveredZoneList(), "notes": zone.notes])
        return true
    }

    /// "kevin ramirez del puesto de tacos": the person, without the business they said it for.
    static func withoutPlace(_ name: String) -> String {
        let words = name.split(separator: " ").map(String.init)
        let places: Set<String> = ["puesto", "taller", "tienda", "tiendita", "negocio", "local", "rancho", "ferreteria", "tortilleria",
                                   "papeleria", "farmacia", "consultorio", "oficina", "clinica", "tianguis", "mercado", "escuela"]
        for i in words.indices.dropFirst(2) where ["de", "del"].contains(Text.fold(words[i])) {
            let rest = words[(i + 1)...].drop { ["la", "el", "los", "las"].contains(Text.fold($0)) }
            if let next = rest.first, places.contains(Text.fold(next)) { return words[..<i].joined(separator: " ") }
        }
        return name
    }

    /// "cool. he says put him on the waiting list for the ranch": the list asked for by name, whatever was offered last.
    var wantsTheList: Bool {
        asksToBeTold && [" waiting list", " lista de espera", " the list", " la lista"].contains(where: folded.contains)
    }

    /// "nunca?", "never?": whether we will ever reach the place, asked in a word.
    var asksWhetherEver: Bool {
        text.contains("?") && folded.split(separator: " ").count <= 3 && [" nunca ", " never ", " jamas "].contains(where: folded.contains)
    }

    /// "no worries", "no me salgan con que me apuntan en una lista": the waiting list turned down.
    var declinesTheList: Bool {
        guard Self.declines(folded) else { return false }
        // ("ok apuntame pa poniente, soy Jesus Garcia. de San Isidro ni me avises": one place taken, another turned down.)
        // ("1) a mi hermana apuntenla en la lista de La Loma 2) lo del hotel todavia no… luego les escribo": each item apart.)
        return !text.split(whereSeparator: { ".;)\n".contains($0) }).map({ " " + Text.fold(String($0)) + " " }).contains { sentence in
            [" apuntame", " apunteme", " apuntenme", " anotame", " anoteme", " anotenme", " apuntenla", " apuntenlo", " apuntela",
             " apuntelo", " anotenla", " anotenlo", " anotela", " anotelo", " put me on", " put her on", " put him on"]
                .contains(where: sentence.contains)
                && !Self.declines(sentence)
        }
    }

    static func declines(_ folded: String) -> Bool {
        [" no worries", " no need", " no thanks", " no thank you", " no gracias", " no me apunte", " no me anote", " no me salgan",
         " ninguna lista", " no quiero lista", " no quiero estar en", " don t put", " dont put", " not interested", " no me interesa",
         " no los apunte", " no las apunte", " no lo apunte", " no la apunte", " no los anote", " no lo anote", " no la anote",
         " ya les digo yo", " ya le digo yo",
         // ("nah its fine no me apuntes", "Ok just me for now then")
         " no me apuntes", " no me anotes", " no lo apuntes", " no la apuntes", " no lo anotes", " no la anotes", " no nos apunte",
         " no nos anote", " just me for now", " only me for now", " solo yo por ahora", " nomas yo por ahora",
         // ("OK I'll pass it along. They can write you themselves to get on the list.")
         " i ll pass it along", " they can write you", " they can message you", " write you themselves", " les paso el dato",
         " le paso el dato", " que ellos les escriban", " que ella les escriba", " que el les escriba",
         " no, gracias", " asi dejalo", " dejalo asi", " dejelo asi", " dejenlo asi", " asi dejelo", " ya veremos despues", " no hace falta", " no es necesario", " les hablo", " les escribo",
         " les marco", " me comunico con ustedes", " les vuelvo a escribir", " i ll contact you", " i ll reach out",
         " i ll get in touch",
         // ("no pues orita no le apunto nada porque el tiene que decidir yo nomas estoy preguntando")
         " no le apunto", " no le apunte", " no lo apunto", " no apunte nada", " no me apunte nada", " nomas estoy preguntando",
         " nada mas estoy preguntando", " solo estoy preguntando", " just asking", " only asking", " que les hable el",
         " que les hable ella",
         // ("No, por el momento no deseo registrarme en lista alguna.")
         " no deseo registrarme", " no quiero registrarme", " lista alguna", " no deseo estar en", " no deseo que me anoten",
         // ("Si no, anótenme…" is a yes: "no anoten" ends there.)
         // ("y para la casa en la loma no anotar, luego yo preguntar otra vez", "nomas preguntaba jaja")
         " no anotar", " no apuntar", " no anoten ", " no apunten ", " nomas preguntaba", " solo preguntaba",
         // ("ok nomas era pa saber")
         " era pa saber", " era para saber", " nomas queria saber", " solo queria saber", " just wanted to know", " don t add", " dont add",
         " dont worry about a list", " don t worry about a list", " dont worry about the list", " don t worry about the list",
         // ("ok no, ahorita no nos apuntes en nada")
         " no nos apunt", " no nos anot", " no me apuntes", " no me anotes", " no apuntes", " no anotes", " no me apunten",
         " no me anoten", " tampoco me apunt", " tampoco me anot", " tampoco nos apunt", " tampoco nos anot",
         // ("ok ya, a ella no, solo apunta a diego": the other person turned down.)
         " a ella no", " a el no", " a ella tampoco", " a el tampoco",
         // ("lo de la loma ni me apuntes, ahi ni al caso")
         " ni me apuntes", " ni me anotes", " ni me apunte", " ni me anote", " ni al caso",
         // ("lo del poniente no, ni me avises, pa cuando lleguen ya vendi la casa")
         " ni me avises", " ni me avisen", " no me avises", " no me avisen",
         // ("No, por ahora no registrar nada, solo informacion.")
         " no registrar", " no registres", " no me registres", " solo informacion", " nomas informacion",
         // ("no no se moleste en apuntarme, mi hijo va a poner uno de esos de satelite")
         " no se moleste", " no se molesten", " no te molestes", " don t bother", " dont bother"]
            .contains(where: folded.contains)
    }

    /// "r u sure?? she says her neighbor has internet": yes, not there yet; the name asked once more.
    private mutating func doubtsNoCoverage(at zone: Zone, then flow: Flow) -> Bool {
        // ("Como que no!!! si mi vecina de alla si tiene de ustedes": insisting someone there has it.)
        let insists = [" como que no", " pero si ", " but my ", " but she ", " but he "].contains(where: folded.contains)
            && [" vecin", " neighbor", " neighbour", " senora", " comadre", " compadre", " alla ", " there "].contains(where: folded.contains)
            && [" si tiene", " ya tiene", " tiene internet", " tiene de ustedes", " has it", " has your", " has internet", " have it"]
                .contains(where: folded.contains)
        guard !zone.hasCoverage, insists || text.contains("?")
                && [" r u sure", " are you sure", " you sure", " seguro ", " segura ", " neta ", " en serio ", " de verdad no", " seguros ",
                    // ("entonses no ay internet? ni el mas barato?")
                    " no hay internet", " no ay internet", " ni el mas barat", " ni el mas sencillo", " so no internet",
                    // ("ni el de 20? aunque sea ese", "y nada nada? ni el mas baratito de 20?")
                    " ni el de ", " nada nada", " not even the",
                    " no internet at all", " nothing at all",
                    // ("y si pago yo la antena? a poco ni asi")
                    " ni asi", " y si pago yo", " if i pay", " aunque pague",
                    // ("No le entendi bien. Entonces no hay? ni siquiera el mas economico?")
                    " entonces no hay", " ni siquiera el ", " ni el mas econ"]
                    .contains(where: folded.contains) else { return false }
        restateNoCoverage(at: zone, then: flow)
        return true
    }

    /// A place without coverage told (again) while the list waits for a name, and the name asked once more.
    /// "ay pero si esta bien cerquita del centro joven… no le pueden hacer el favor?": near a place we reach is still the
    /// place we do not; said again, kindly.
    private mutating func nearAPlaceWeReach(from listed: Zone, then flow: Flow) -> Bool {
        // (Near the zone itself: "me dice q es en el centro, cerca del jardin principal" is in it.)
        guard !listed.hasCoverage, let named = understood.slots.zone, let near = workbook.zone(named: named), near.hasCoverage,
              !wantsIt, !correctsItself, understood.slots.planMbps == nil,
              [" cerca del ", " cerquita del ", " cerca de la ", " cerquita de la ", " junto al ", " pegadito al ", " minutos del ",
               " close to ", " near "].contains(where: { folded.contains($0 + Text.fold(near.name) + " ") }) else { return false }
        restateNoCoverage(at: listed, then: flow)
        return true
    }

    /// "y si me pongo el de 20 aunque sea lento?" while the waiting list waits: no plan reaches there, said again, and `flow`
    /// goes on.
    mutating func restatesNoCoverageForAPlan(at zone: Zone?, then flow: Flow) -> Bool {
        guard understood.slots.planMbps != nil, text.contains("?"), !asksAboutPrice, let zone, !zone.hasCoverage else {
            return false
        }
        restateNoCoverage(at: zone, then: flow)
        return true
    }

    mutating func restateNoCoverage(at zone: Zone, then flow: Flow) {
        intent = .coverage
        say(.coverageNo, ["zone": zone.name, "notes": notesInParentheses(zone), "zones": coveredZoneList()])
        // ("nah dont worry about a list… what about poniente?": answered; the list turned down is not asked for again.)
        guard !declinesTheList else { return }
        session.flow = flow
        say(.prospectAskName)
    }

    /// The answer to the waiting list offered after a sign-up where there is no coverage.

    mutating func continueProspectPending(zone: String, planMbps: Int?, name: String? = nil) -> Bool {
        session.flow = nil
        var zone = zone
        if signsUpElsewhere(than: zone, planMbps: planMbps) { return true }
        let named = waitingListName
        if named == nil, let listed = workbook.zone(named: zone),
           doubtsNoCoverage(at: listed, then: .prospectPending(zone: zone, planMbps: planMbps, name: name))
            || nearAPlaceWeReach(from: listed, then: .prospectPending(zone: zone, planMbps: planMbps, name: name)) {
            return true
        }
        // "no no joven me equivoqué, es oriente… el poniente es donde vive mi hermana": the covered place corrected to.
        if correctsItself, understood.slots.zone.map({ Text.fold($0) == Text.fold(zone) }) ?? true,
           let covered = workbook.coveredZones.first(where: { (" " + folded + " ").contains(" " + Text.fold($0.name) + " ") }) {
            intent = .register
            startSignup(plan: planMbps, zone: covered.name)
            return true
        }
        // ("Y del de 20 al de 50 cuanto es la diferencia? seria para la del oriente": the prices, for the place we reach.)
        // (Not "queda pegadito al Norte… ¿Y cuánto cuesta el de 100?": where the place is, told first.)
        if named == nil, text.contains("?"), asksAboutPrice, understood.slots.planMbps != nil, !asksCoverage, !wantsIt, !asksToBeTold,
           ![" queda", " parte del", " parte de la", " pertenece", " es del ", " es de la ", " esta por", " pegad"]
            .contains(where: folded.contains) {
            intent = .plansPrices
            // ("Bummer. What about Centro? … And how much is the fastest one?": that place, then the price.)
            if let asked = coveredZonesSpelt(in: folded).first,
               [" what about", " how about", " and in ", " y en el ", " y en la ", " y por el ", " y por la ", " y al "]
                .contains(where: folded.contains) {
                answerCoverage(asked.name)
            }
            answerThePriceAsked()
            return true
        }
        if named == nil, !asksToBeTold, !wantsIt, !asksWhetherItCopes, understood.slots.zone == nil,
           restatesNoCoverageForAPlan(at: workbook.zone(named: zone), then: .prospectPending(zone: zone, planMbps: planMbps, name: name)) {
            return true
        }
        // ("ok and the first one, the 20, is that enough for netflix on two tvs?": about a plan; the offer stands.)
        if named == nil, let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, asksWhetherItCopes || asksHowItPerforms,
           !asksToBeTold {
            intent = .plansPrices
            describePlan(mbps)
            session.flow = .prospectPending(zone: zone, planMbps: planMbps, name: name)
            return true
        }
        // "y x q en el centro si hay. bueno si, apuntame. itzel guadarrama": a place mentioned with the name is no correction.
        if let mentioned = zoneCorrectedTo?.name ?? understood.slots.zone, let other = workbook.zone(named: mentioned),
           Text.fold(other.name) != Text.fold(zone),
           // ("pos keda pasando el molino, ya pa La Loma" after a ranch the sheet lacks: where that is.)
           (isAbout(zone: other.name) || text.contains("?") && asksCoverage || workbook.zone(named: zone) == nil)
            && (named == nil || !other.hasCoverage)
            // ("mi hija vive en el sur… mejor ahi, ahi llego yo cuando bajo del rancho": a "cuando" that asks nothing.)
            // ("y en centro si? ahi vive mi mama, ahi se quedan mis hijos cuando me toca noche": the place asked about outright.)
            && (!(asksWhen && text.contains("?") && other.hasCoverage)
                || [" y en ", " y en el ", " y en la ", " and in ", " and in the ", " what about "]
                    .contains { folded.hasPrefix($0 + Text.fold(other.name) + " ") })
            || correctsItself {
            if other.hasCoverage {
                // "la casera dice que esto ya es el Sur": the sign-up goes on there, with the plan chosen.
                // ("es por el oriente, atrás de la secundaria" after a colonia the sheet lacks: where that colonia is.)
                if correctsItself || workbook.zone(named: zone) == nil && !text.contains("?") {
                    intent = .register
                    startSignup(plan: planMbps, zone: other.name)
                    return true
                }
                // "What about Oriente? My sister lives there": the answer, and the offer is dropped.
                intent = .coverage
                answerCoverage(other.name)
                return true
            }
            // "dice q queda arriba de la loma, q es lo mismo": where it is, told.
            if asksToBeTold || !text.contains("?") {
                zone = other.name
                if named == nil {
                    intent = .coverage
                    offerWaitingList(zone: zone, planMbps: planMbps, known: true, name: name)
                    return true
                }
            } else {
                // "¿y x la loma tampoco?": answered, and the offer for the first place stands.
                if asksWhen { say(.prospectWhen) }
                // ("quise decir La Loma… ahi si llegan?": the place corrected to is the one offered now.)
                let offered = correctsItself ? other.name : zone
                restateNoCoverage(at: other, then: .prospectPending(zone: offered, planMbps: planMbps, name: name))
                return true
            }
        }
        // ("ah caray, pos onde si llegan entonces?": where we do reach, asked; no yes to the list.)
        if named == nil, asksWhereWeReach {
            answerWhereWeReach(then: .prospectPending(zone: zone, planMbps: planMbps, name: name))
            return true
        }
        // ("I'll tell them to message you themselves so you can put them on your list": theirs to ask; nothing is written.)
        let theirsToAsk = passesItOn && [" para que ", " pa que ", " so you ", " so that ", " que les escriba", " message you",
                                         " write to you", " contact you"].contains(where: folded.contains)
        // ("nunca?": whether we ever will, asked; the offer stands.)
        if asksWhetherEver, named == nil {
            intent = .coverage
            say(.prospectWhen)
            session.flow = .prospectPending(zone: zone, planMbps: planMbps, name: name)
            return true
        }
        // ("nooo 😩 y pa cuando? anotame porfa, Yazmin Cortes": the "no" is for the news; the list is asked for.)
        if declinesTheList || theirsToAsk || understood.answer == .no || understood.answer == .stop,
           !asksToBeTold || declinesTheList || theirsToAsk, named == nil {
            intent = .thanksBye
            session.context.zone = zone
            say(.okNoProblem, buttons: menuButtons())
            answerAPriceAskedOnTheWay()
            return true
        }
        let notes = workbook.zone(named: zone)?.notes ?? ""
        if let named {
            intent = .coverage
            if asksWhen { say(.prospectWhen) }
            writeProspect(zone: zone, planMbps: understood.slots.planMbps ?? planMbps, name: named, phone: understood.slots.phone,
                          reason: "sin cobertura", notes: notes)
            say(.prospectNameSaved, ["name": firstName(named)])
            answerAPriceAskedOnTheWay()
            signUpTheWriterToo()
            // ("…que me anote para avisarme… (mi nombre es Anselmo Quiroga); y segundo, … si puedo contratar a mi nombre para la
            // casa de mi hija, que está en el Centro": the plan asked for first, there.)
            if intent != .register { signUpWhereWeReach(besides: zone, asTheWriter: true, plan: planMbps) }
            return true
        }
        // "¿y para cuándo llegan?", "¿y cuánto me saldría el de 50?": answered, and the name asked once more.
        // ("y de a cuanto seria el mas barato, pa ir juntando": asked without a question mark.)
        let asksAPrice = asksAboutPrice && (text.contains("?") || understood.intent == .plansPrices && understood.confidence >= 0.8)
        if asksWhen && understood.intent != .humanAgent && (understood.intent != .cancel || !mentionsCancelling) || asksAPrice {
            intent = .coverage
            if asksWhen { say(.prospectWhen) }
            if asksAPrice { answerThePriceAsked() }
            // ("y pa cuando llega? bueno apuntame pa q me avisen" with the name said before: on the list now.)
            if asksToBeTold, let name {
                writeProspect(zone: zone, planMbps: understood.slots.planMbps ?? planMbps, name: name, phone: understood.slots.phone,
                              reason: "sin cobertura", notes: notes)
                say(.prospectNameSaved, ["name": firstName(name)])
                return true
            }
            session.flow = .prospectPending(zone: zone, planMbps: understood.slots.planMbps ?? planMbps, name: name)
            askForTheList(zone: zone, knowing: name)
            return true
        }
        let away: Set<Intent> = caller == nil ? [.humanAgent, .cancel, .billing, .staffStats, .staffSearch]
            : [.reportIncident, .humanAgent, .cancel, .billing, .staffStats, .staffSearch]
        if understood.confidence >= 0.6, away.contains(understood.intent) { return false }
        if understood.intent == .thanksBye, understood.confidence >= 0.5, !asksToBeTold { return false }
        // ("ok y si se va a vivir con su hija al norte alla si hay?": the "ok" is for the news; another place is asked about.)
        if text.contains("?"), !asksToBeTold, let other = understood.slots.zone.flatMap(workbook.zone(named:)),
           Text.fold(other.name) != Text.fold(zone) {
            intent = .coverage
            answerCoverage(other.name)
            return true
        }
        // ("damn ok. and nothing cerca? like is there some way": the "ok" is for the news; what was asked is answered, and the
        // offer stands.)
        if text.contains("?"), !asksToBeTold, named == nil, let listed = workbook.zone(named: zone) {
            restateNoCoverage(at: listed, then: .prospectPending(zone: zone, planMbps: planMbps, name: name))
            return true
        }
        intent = .coverage
        if asksToBeTold || understood.leansYes || understood.answer == .yes {
            // "sí, avísenme": on the list under the app's name, and the full name asked for the call back.
            // (Under the name the sign-up was for, if it was said: then nothing is asked.)
            let key = writeProspect(zone: zone, planMbps: understood.slots.planMbps ?? planMbps, name: name ?? profileName,
                                    phone: understood.slots.phone, reason: "sin cobertura", notes: notes)
            if let name {
                say(.prospectNameSaved, ["name": firstName(name)])
                return true
            }
            session.flow = .prospectName(key: key)
        } else {
            session.flow = .prospectPending(zone: zone, planMbps: understood.slots.planMbps ?? planMbps, name: name)
            return askForTheList(zone: zone, knowing: name)
        }
        say(.prospectAskName)
        return true
    }

    /// The list offered still: by name when it is not known yet, with a yes or no question when it is.
    @discardableResult
    private mutating func askForTheList(zone: String, knowing name: String?) -> Bool {
        if name == nil { say(.prospectAskName) } else { say(.prospectOffer, ["zone": zone]) }
        return true
    }

    /// The sheet's covered zones spelt out in `folded` (" … aquí en la norte … ").
    func coveredZonesSpelt(in folded: String) -> [Zone] {
        workbook.coveredZones.filter { (" " + folded + " ").contains(" " + Text.fold($0.name) + " ") }
    }

    /// "anote a mi hermana… se llama Irma Leticia Garza y yo el de veinte": a relative on the list, and the
    /// writer's own sign-up started where we reach, in the place they named for themselves.
    private mutating func signUpTheWriterToo() {
        guard [" y yo ", " yo tambien", " y para mi ", " y a mi ", " and me ", " and for me "].contains(where: folded.contains),
              understood.slots.planMbps != nil || wantsIt || [" quiero", " contratar", " want "].contains(where: folded.contains)
        else { return }
        let earlier = session.recent.filter { $0.speaker == .customer }.suffix(2).map { Text.fold($0.text) } + [folded]
        guard let covered = earlier.reversed().compactMap({ coveredZonesSpelt(in: $0).first }).first else { return }
        intent = .register
        startSignup(plan: understood.slots.planMbps, zone: covered.name, nameless: true)
    }

    @discardableResult
    mutating func writeProspect(zone: String, planMbps: Int?, name: String?, phone: String?, reason: String,
                                notes: String) -> String {
        typealias C = Col.Prospect
        // ("ok si anotenme… ah es Valdés con s y acento, no con z" with the name said earlier: as spelt now.)
        let name = name.map { nameRespelt($0) ?? $0 }
        // One row per person and place: the same list asked again in the conversation, or twice in one message ("…y para
        // la lista de espera de la casa: mismo nombre, zona Poniente"), is the row already there.
        // (The same person under the app's name and under the one typed: "Ing. Rogelio Lara", "Rogelio Lara Betancourt".)
        let wanted = (Text.fold(zone), Self.givenName(name ?? profileName ?? ""))
        if let existing = workbook.prospects.last(where: { $0.channel == chat.channel && $0.chatID == chat.chatID
            && (Text.fold($0.zone), Self.givenName($0.name)) == wanted }) {
            return existing.id
        }
        for case let .appendRow(.prospects, written) in effects
            where (Text.fold(written[C.zone] ?? ""), Self.givenName(written[C.name] ?? "")) == wanted {
            return written.key
        }
        let id = agent.keys.next(.prospects)
        var row = RowValues(key: id, cells: [:])
        row[C.id] = id
        row[C.date] = settings.time.stamp(now)
        row[C.name] = CellText.inert(name ?? profileName ?? "", maxLength: 80)
        row[C.phone] = (phone ?? session.phone).flatMap(PhoneNumber.digits) ?? ""
        row[C.channel] = chat.channel.sheetLabel
        row[C.chatID] = chat.chatID
        row[C.zone] = CellText.inert(zone, maxLength: 80)
        row[C.plan] = planMbps.map(String.init) ?? ""
        row[C.reason] = reason
        row[C.notes] = CellText.inert(notes, maxLength: 200)
        effects.append(.appendRow(.prospects, row))
        return id
    }

    /// "Ing. Rogelio Lara" → "rogelio": the first word of a name that is no title.
    static func givenName(_ name: String) -> String {
        let titles: Set<String> = ["ing", "lic", "dr", "dra", "sr", "sra", "srita", "don", "dona", "profe", "prof", "arq", "c"]
        return Text.fold(name).split(separator: " ").map(String.init).first { !titles.contains($0) } ?? ""
    }

    /// Several people put on the waiting list in one message: "apúnteme pa cuando llegue, Cirilo Ledesma.
    /// y también a mis compadres, Crescencio Ibarra y Tomás Rangel", "apúnteme a las dos: marisol ortega en
    /// san isidro y guadalupe méndez en el poniente". Each gets a row for the place said with their name,
    /// else the place talked about.
    mutating func listSeveralPeople() -> Bool {
        // (The list's name asked: "- Efrain Cardenas (o sea yo)\n- Susana Olvera\n- Tomas Ibarra", each line a row.)
        var asked: String?
        if case .prospectName(let key) = session.flow { asked = key }
        // ("…son Rogelio Cárdenas y Marta Ibarra, ponlo a nombre de mi suegro": one row, under that name.)
        guard input.role == .customer, asksToBeTold || asked != nil || [" apunt", " anota", " anote", " anoto"].contains(where: folded.contains),
              ![" a nombre de", " ponlo a nombre", " pongalo a nombre", " under the name", " in the name of"].contains(where: folded.contains)
        else { return false }
        let people = namesOnLines() ?? peopleNamed()
        // ("Se llama Martínez Cruz Petrona, bueno al revés, Petrona Martínez Cruz": one person, the name put right.)
        guard people.count >= 2, ![" al reves", " mejor dicho", " i mean "].contains(where: folded.contains) else { return false }
        let fallback = understood.slots.zone ?? session.context.zone ?? previous.zone
        let mine = workbook.prospects.filter { $0.channel == chat.channel && $0.chatID == chat.chatID }
        var listed: [(name: String, zone: Zone)] = []
        for person in people where !listed.contains(where: { Text.fold($0.name) == Text.fold(person.name) }) {
            guard let named = person.zone ?? fallback, let zone = workbook.zone(named: named), !zone.hasCoverage else { continue }
            listed.append((person.name, zone))
        }
        guard listed.count >= 2 else { return false }
        var places: [String] = []
        var unnamed = asked.flatMap { key in mine.first { $0.id == key && $0.name.isEmpty || $0.id == key && $0.name == profileName } }
        for (name, zone) in listed {
            // (The row made when the list was asked for, still without a name, takes the first one.)
            if let row = unnamed, row.zone == zone.name {
                effects.append(.updateRow(.prospects, key: row.id, cells: [Col.Prospect.name.name: CellText.inert(name, maxLength: 80)]))
                unnamed = nil
            } else if !mine.contains(where: { Text.fold($0.name) == Text.fold(name) && $0.zone == zone.name }) {
                // (Someone already on the list for that place, from an earlier message, is not written twice.)
                writeProspect(zone: zone.name, planMbps: nil, name: name, phone: nil, reason: "sin cobertura", notes: zone.notes)
            }
            if !places.contains(zone.name) { places.append(zone.name) }
        }
        intent = .coverage
        session.flow = nil
        session.context.zone = places.first
        let and = lang == .en ? " and " : " y "
        let names = listed.map(\.name)
        say(.prospectNamesSaved, ["names": names.dropLast().joined(separator: ", ") + and + names[names.count - 1],
                                  "zones": places.joined(separator: and)])
        return true
    }

    /// A name on each line ("1. Fabiola Herrera Luna (yo)\n2. Ignacio Herrera, mi papa"): bullets, numbers, asides in
    /// brackets and what follows a comma left out. Nil unless every line holds one name.
    func namesOnLines() -> [(name: String, zone: String?)]? {
        let lines = text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return nil }
        var names: [(name: String, zone: String?)] = []
        for line in lines {
            var plain = line.drop { "-•*·–—0123456789.) ".contains($0) }
            if let open = plain.firstIndex(of: "(") { plain = plain[..<open] }
            if let comma = plain.firstIndex(of: ",") { plain = plain[..<comma] }
            let words = plain.split(separator: " ").map(String.init)
            let nameLike = words.allSatisfy { word in
                let folded = Text.fold(word)
                return ["de", "del", "la"].contains(folded)
                    || word.allSatisfy(\.isLetter) && !Conversation.notAName.contains(folded) && workbook.zone(named: word) == nil
                        && (CommonWords.names.contains(folded) || !CommonWords.all.contains(folded))
            }
            guard (2...5).contains(words.count), nameLike else { return nil }
            names.append((Text.titleCased(words.joined(separator: " ")), nil))
        }
        return names
    }

    /// The full names in the message (two to four words), each with the sheet zone said after it
    /// before the next name, if any. Capitalised names, or lowercase ones that hold a common name.
    func peopleNamed() -> [(name: String, zone: String?)] {
        let zoneWords = Set(workbook.zones.flatMap { Text.fold($0.name).split(separator: " ").map(String.init) })
        var runs: [(words: [String], end: Int)] = []
        var run: [String] = []
        var capitalisedRun = false
        let pieces = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // In a message typed in capitals or With Every Word Capitalised, capitals say nothing: only common names count.
        let lettered = pieces.filter { $0.first?.isLetter == true }
        let capitalsMean = text.contains(where: \.isLowercase)
            && lettered.filter { $0.first?.isUppercase == true }.count * 2 <= lettered.count
        let joiners: Set<String> = ["de", "del", "la", "los"]
        func close(at index: Int) {
            while let last = run.last, joiners.contains(last) { run.removeLast() }
            let folded = run.map { Text.fold($0) }
            let holdsAName = capitalisedRun || folded.contains(where: CommonWords.names.contains)
            // ("la capilla es la de San Martin de Porres": a saint's name is a place's.)
            let before = index - run.count - 1
            let aPlace = before >= 0 && ["san", "santa", "santo", "capilla", "parroquia", "colonia", "calle", "escuela", "templo"]
                .contains(Text.fold(pieces[before]))
            if (2...4).contains(folded.filter { !joiners.contains($0) }.count), holdsAName, !aPlace { runs.append((run, index)) }
            run = []
        }
        for (index, piece) in pieces.enumerated() {
            let word = piece.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            let plain = Text.fold(word)
            let isCapitalised = capitalsMean && word.first?.isUppercase == true
            let nameLike = !word.isEmpty && word.allSatisfy(\.isLetter) && !zoneWords.contains(plain)
                && !Lexicon.relatives.contains(plain) && (!CommonWords.all.contains(plain) || CommonWords.names.contains(plain))
                && !Conversation.notAName.contains(plain)
            // "Maria del Rosario Garcia Lara": "de", "del", "de la" inside a capitalised name.
            if capitalisedRun, !run.isEmpty, joiners.contains(word), piece.last.map(\.isLetter) == true,
               index + 1 < pieces.count, pieces[index + 1].first?.isUppercase == true || ["la", "los"].contains(pieces[index + 1]) {
                run.append(word)
                continue
            }
            if nameLike, run.isEmpty || isCapitalised == capitalisedRun {
                if run.isEmpty { capitalisedRun = isCapitalised }
                run.append(word)
            } else {
                close(at: index)
                if nameLike {
                    capitalisedRun = isCapitalised
                    run = [word]
                }
            }
            if piece.last.map({ ",.;:!?".contains($0) }) == true { close(at: index + 1) }
        }
        close(at: pieces.count)
        // Names in a list: "X, Y y Z", "X. y también a … Y".
        let joined = runs.indices.dropFirst().allSatisfy { i in
            let gap = pieces[(runs[i - 1].end - 1)..<(runs[i].end - runs[i].words.count)]
            return gap.first?.last == "," || gap.dropFirst().contains { ["y", "and", "e", "tambien"].contains(Text.fold($0)) }
        }
        guard joined else { return [] }
        // The place said after each name, up to the next one.
        return runs.enumerated().map { i, found in
            let until = i + 1 < runs.count ? runs[i + 1].end - runs[i + 1].words.count : pieces.count
            let after = " " + Text.fold(pieces[found.end..<max(found.end, until)].joined(separator: " ")) + " "
            let zone = workbook.zones.first { after.contains(" " + Text.fold($0.name) + " ") }?.name
            return (Text.titleCased(found.words.joined(separator: " ")), zone)
        }
    }

    /// Everyday words that are no one's name, capitalised or not.
    static let notAName: Set<String> = [
        "hola", "buenas", "buenos", "oiga", "oye", "joven", "senorita", "gracias", "ok", "pues", "pos", "bueno", "tambien",
        "apunteme", "apuntame", "apunte", "apuntela", "apuntelo", "apuntelos", "anoteme", "anote", "anotela", "avisen", "avise",
        "soy", "se", "llama", "llaman", "su", "sus", "nombre", "nombres", "completo", "es", "son", "a", "al", "la", "las", "los",
        "el", "de", "del", "dos", "tres", "para", "pa", "que", "q", "les", "le", "lo", "en", "y", "o", "por", "con", "sin", "mi",
        "mis", "tu", "me", "te", "nos", "esta", "estan", "ya", "no", "si", "como", "cuando", "donde", "ellos", "ellas", "ella",
        "vive", "viven", "todos", "somos", "quiere", "quieren", "lista", "espera", "favor", "porfa", "im", "my", "name", "her",
        "his", "the", "to", "for", "and", "on", "list", "please", "put", "add", "both", "also", "too",
    ]
}

import Foundation

/// Sign-up: zone → plan → name → phone (when the channel does not give it) → confirm → row.
extension Conversation {
    /// `zone`: the place settled by the conversation, over whatever place the message names.
    /// `nameless`: the name in the message is someone else's (a relative just put on the waiting list).
    mutating func startSignup(plan: Int? = nil, zone: String? = nil, nameless: Bool = false) {
        // ("ya la apartamos!! queremos el de cien allá en el oriente, a nombre de Yesenia Ochoa" from a client in Norte, whose
        // holder is someone else: a place of its own.)
        let elsewhere = caller.map { client in
            understood.slots.zone.flatMap(workbook.zone(named:)).map { Text.fold($0.name) != Text.fold(client.zone) } ?? false
                && understood.slots.name.map { !SlotExtractor.sameName($0, client.name) } ?? false
                && namesWhoItIsFor
        } ?? false
        if let client = caller, client.status != .cancelled, !wantsAnotherPlace, !elsewhere, session.context.forAnotherHome != true {
            // "¿cuánto sale el de 100? pa decirle a mi papá": a client asking about changing plan.
            if asksAboutPrice {
                intent = .billing
                return billing()
            }
            if let mbps = understood.slots.planMbps, changeJustSignedUpPlan(of: client, to: mbps) { return }
            // ("y si quisiera el de 100?", "cambiame al de 50 porfa": another plan than theirs, priced against it.)
            if let mbps = understood.slots.planMbps, mbps != client.planMbps, mentionsSpeed(mbps), workbook.plan(mbps: mbps) != nil {
                intent = .billing
                return billing()
            }
            // ("ya no necesito el de 100. What are my options?": the plans there are.)
            if [" what are my options", " que opciones tengo", " q opciones tengo", " otros paquetes", " otros planes", " other plans"]
                .contains(where: folded.contains) {
                intent = .plansPrices
                return plansAndPrices()
            }
            if completeJustSignedUpName(of: client) { return }
            // ("el proximo semestre nos cambiamos de casa, nos vamos a poniente. can we take the internet with us?": a move to a
            // place we do not reach is answered with that.)
            if let zone = understood.slots.zone.flatMap(workbook.zone(named:)), !zone.hasCoverage,
               [" nos cambiamos", " nos vamos a", " me cambio a", " me voy a", " nos mudamos", " me mudo", " moving to", " move to",
                " take the internet"].contains(where: folded.contains) {
                intent = .coverage
                return answerCoverage(zone.name)
            }
            say(.alreadyClient, ["id": client.id, "plan": client.planMbps.map(String.init) ?? "?",
                                 "status": client.status.sheetLabel],
                buttons: [button(.buttonHuman, MenuOption.human.id), button(.buttonIncident, MenuOption.incident.id)])
            return
        }
        // (Staff signing up a customer in front of them: neither their number nor their name is the customer's.)
        let own = input.role != .staff
        // (A client signing up another place is reached at the number the sheet has for them.)
        let onFile = caller.map(\.phone).flatMap { $0.isEmpty ? nil : $0 }
        var draft = SignupDraft(phone: own ? session.phone ?? input.message.verifiedPhone ?? onFile : nil,
                                profileName: own ? profileName : nil)
        draft.phoneVerified = draft.phone != nil
        if !nameless, let name = understood.slots.name.flatMap(explicitName) ?? session.context.statedName ?? nameOfTheLastRow {
            draft.name = Text.titleCased(name)
        }
        if let phone = understood.slots.phone ?? phoneOfTheLastRow, draft.phone == nil { draft.phone = phone }
        var slots = understood.slots
        slots.name = nil
        if let zone { slots.zone = zone } else if let home = newHomeZone, home.hasCoverage { slots.zone = home.name }
        // "ya soy cliente en mi casa del centro. quiero contratar otro para la casa de mi mamá, la de la loma": the other place.
        if zone == nil, let client = caller, wantsAnotherPlace || session.context.forAnotherHome == true,
           zonesNamed.contains(where: { $0.name == client.zone }), let other = zonesNamed.first(where: { $0.name != client.zone }) {
            slots.zone = other.name
        }
        // ("ya tengo el internet con ustedes en la casa del centro y ahora quiero otro para el localito que voy a abrir en el
        // norte", from a number the sheet lacks: the place named last is the new one.)
        if caller == nil, wantsAnotherPlace, case let named = zonesNamed, named.count == 2,
           [" ya tengo el internet", " ya tengo internet", " ya tengo servicio", " ya tengo el servicio", " ya soy cliente"].contains(where: folded.contains),
           let last = named.max(by: { (folded.range(of: " " + Text.fold($0.name) + " ")?.lowerBound ?? folded.startIndex)
               < (folded.range(of: " " + Text.fold($1.name) + " ")?.lowerBound ?? folded.startIndex) }) {
            slots.zone = last.name
        }
        // ("soy yaz la de la estetica del centro jaja, abri otra sucursal en la sur y quiero internet ahi tmb": the new place.)
        if zone == nil, zonesNamed.count == 2,
           let newer = zoneNamed(after: [" otra sucursal", " otro local", " otra tienda", " otro negocio", " otra casa", " another branch",
                                         " another shop", " a second shop", " another store"], in: folded) {
            slots.zone = newer.name
        }
        // What the last replies settled: the plan just quoted, the zone whose coverage was just confirmed.
        slots.planMbps = slots.planMbps ?? plan ?? planOfThePriceSaid
        // "contrato ese último que le pregunté": the plan quoted last, even before a coverage answer.
        if slots.planMbps == nil, refersBack, let last = previous.lastQuotedPlan { slots.planMbps = last }
        // ("pos ponganmelo ahi en la casa el de 50, y que me avisen cuando lleguen a San Isidro" after hearing we reach Sur:
        // the sign-up goes where we reach; the other place goes on the list.)
        // (The plan said before the other place: "Anoten a mi hermana… en San Isidro. Ella queria el de 50" is hers, listed.)
        if let named = slots.zone.flatMap(workbook.zone(named:)), zone == nil, !named.hasCoverage, asksToBeTold, !declinesTheList,
           let mbps = slots.planMbps, let planAt = folded.range(of: " \(mbps) ")?.lowerBound,
           let placeAt = folded.range(of: " " + Text.fold(named.name) + " ")?.lowerBound, planAt < placeAt,
           let covered = previous.zone.flatMap(workbook.zone(named:)), covered.hasCoverage {
            _ = writeProspect(zone: named.name, planMbps: nil, name: draft.name ?? profileName, phone: draft.phone,
                              reason: "sin cobertura", notes: named.notes)
            say(.signupOtherZoneListed, ["zone": named.name])
            slots.zone = covered.name
        }
        // A zone just found without coverage makes "apúntame" a place on the waiting list.
        if let named = slots.zone, zone == nil, previous.zone != nil, isWhereOthersAre(named) { slots.zone = nil }
        if slots.zone == nil, let zone = previous.zone { slots.zone = zone }
        // "¿cuánto está el de 100? quiero ponerlo en la barbería": the price first.
        var quote: Int?
        if let mbps = slots.planMbps, asksAboutAPlan, plan == nil {
            quote = mbps
            // ("quiero internet para el hotel, el mas rapido que tengan, cuanto cuesta": wanted, and its price asked.)
            if startsWithQuestion || !mentionsSpeed(mbps) && !(wantsIt && !text.contains("?")) { slots.planMbps = nil }
        }
        // "…quiero contratar para mi casa en la Sur, y también tengo un rancho en La Loma, ¿ahí tienen?": the other place answered.
        let lead = replies.count
        // ("la sra de enfrente quiere contratar, es de oriente. q cuesta el de 50 y el de 100": both told, neither chosen.)
        // (Not "the 50 Mbps plan... no wait, the 100 one. How much is it?": one taken back.)
        if plan == nil, asksAboutPrice, !choosesAfterAsking, case let asked = plansNamed, asked.count >= 2,
           [" y el de ", " y del de ", " and the ", " o el de ", " or the ",
            // ("what's the price difference between the 50 and 100 plans?")
            " between the ", " entre el de ", " difference between "].contains(where: folded.contains) {
            for mbps in asked { describePlan(mbps) }
            quote = nil
            slots.planMbps = nil
        }
        // "Do you folks install internet? What plans do you have?": the plans, then the sign-up's first question.
        // ("Le agradeceré me indique qué planes ofrecen y cuáles son sus tarifas mensuales.": asked without a question mark.)
        // ("tengo varias preguntas: 1. Que planes manejan 2. … Me interesa el de 20": each numbered question is answered, the plans
        // too, whatever plan is chosen.)
        let numbered = text.contains("1.") && text.contains("2.") || text.contains("1)") && text.contains("2)")
        // ("quiero contratar… estoy en la Oriente. ¿Cuánto cuesta?": the plan question, next, lists them with their prices.)
        let planAskedNext = slots.planMbps == nil && slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true
        if quote == nil || numbered, slots.planMbps == nil || numbered, asksEveryPrice, !planAskedNext || numbered, text.contains("?") || asksWhatTheServiceCosts || numbered
            || [" me indique", " me indiquen", " me informe", " me informen", " quisiera saber", " please let me know"].contains(where: folded.contains) {
            session.context.listedPlans = true
            // (The sign-up asks on below: the list alone, with what the installation brings.)
            say(numbered ? .plansBrief : .plansList, ["plans": planList()])
            if let mbps = slots.planMbps { describedPlans.insert(mbps) }
        }
        // ("tengo dos sucursales, una en el centro y otra en san isidro": the place we do not reach, told.)
        if case let named = zonesNamed, named.count > 1 {
            // ("internet for the office in Centro, plan de 100. and please put me on the list for San Isidro too": listed.)
            let listed = asksToBeTold && [" list", " lista", " avis", " abis", " let me know", " notify", " cuando lleguen",
                                          " cuando llegue "].contains(where: folded.contains)
            // ("- depto 1 en la lomas / - depto 4 en zona Sur": whichever comes first.)
            for zone in named where !zone.hasCoverage && zone.name != slots.zone {
                if listed, workbook.prospect(chat: chat).map({ Text.fold($0.zone) == Text.fold(zone.name) }) != true {
                    _ = writeProspect(zone: zone.name, planMbps: nil, name: draft.name ?? profileName, phone: draft.phone,
                                      reason: "sin cobertura", notes: zone.notes)
                    say(.signupOtherZoneListed, ["zone": zone.name])
                } else {
                    say(.signupOtherZoneNotCovered, ["zone": zone.name, "notes": notesInParentheses(zone)])
                }
            }
            // ("El salón está en la zona Oriente y la casa cural en la zona Norte, ¿tendrían cobertura en ambos lugares?": each
            // place asked about, answered.)
            if asksCoverage, text.contains("?") {
                for zone in named where zone.hasCoverage && zone.name != slots.zone { say(.signupZoneCovered, ["zone": zone.name]) }
            }
        }
        sortOutOtherServices(&draft, &slots)
        advanceSignup(draft, applying: slots, isFirst: true, quote: quote)
        mergeReplies(from: lead)
    }

    mutating func continueSignup(_ start: SignupDraft) -> Bool {
        var draft = start
        if draft.profileName == nil, input.role != .staff { draft.profileName = profileName }
        if understood.answer == .stop || holdsOff {
            session.flow = nil
            say(.signupStopped, buttons: menuButtons())
            // ("the 100 one is per month right? I'm just checking prices for now, not signing up yet": the price too.)
            if text.contains("?"), let mbps = understood.slots.planMbps, mentionsSpeed(mbps), workbook.plan(mbps: mbps) != nil {
                describePlan(mbps)
            }
            // ("por ahora no contrataré nada… Pero sí le encargo que me avisen cuando ya tengan servicio en el Poniente, a nombre
            // de Anselmo Villaseñor": the sign-up put off, the list asked for kept.)
            if asksToBeTold, !declinesTheList, let zone = understood.slots.zone.flatMap(workbook.zone(named:)), !zone.hasCoverage {
                _ = writeProspect(zone: zone.name, planMbps: nil, name: understood.slots.name.flatMap(explicitName) ?? draft.name ?? profileName,
                                  phone: draft.phone, reason: "sin cobertura", notes: zone.notes)
                say(.signupOtherZoneListed, ["zone": zone.name])
            }
            return true
        }
        let slots = signupSlots(for: draft)
        // An answer to the question asked ("sí", "no") always belongs to the sign-up.
        // Staff requests leave a flow only for staff; a customer's "¿cuánto?" stays in it.
        let away: Set<Intent> = input.role == .staff ? [.reportIncident, .humanAgent, .cancel, .staffStats, .staffSearch]
            : [.reportIncident, .humanAgent, .cancel]
        // "Bueno, ¿con quién puedo hablar? Comuníqueme con un encargado": a person, whatever "bueno" answers.
        let asksForAPerson = understood.intent == .humanAgent && understood.confidence >= 0.9
        // "¿y la antena esa se cobra aparte?" from someone signing up is about the installation, not a failure.
        // ("y cuánto ping da, si pasa de 60 ms no sirve": how the plan will do, not a failure. "no tengo
        // internet desde ayer, ya reinicié el módem" is one: a client may write from a number the sheet lacks.)
        // ("ty!! no more stealing the neighbours wifi 😌": no failure told by someone with no service here.)
        // ("y si se va la luz se va el internet tmb o como": what would happen, asked.)
        let asksAboutOurs = caller == nil && understood.intent == .reportIncident
            && (asksAboutInstallation || asksAboutPrice || asksHowItPerforms || asksAboutPowerCuts || !PriorityRule.namesAFailure(wording))
        // "pues mejor páseme con un asesor… (then) mientras sigo con usted, me llamo…": a person is called, and the
        // sign-up waits where it was in case they go on with it here.
        // ("sabe que, mejor paseme con alguien q me explique bien" while the plan is asked: "mejor" picks no plan.)
        if slots.isEmpty || asksForAPerson && understood.slots.isEmpty, understood.intent == .humanAgent,
           understood.answer == nil || asksForAPerson, !asksAboutOurs,
           isStrongSwitch(to: away), caller == nil {
            intent = .humanAgent
            handOffBeside()
            return true
        }
        if slots.isEmpty, understood.answer == nil || asksForAPerson, !asksAboutOurs, isStrongSwitch(to: away) {
            recordHalfSignup(draft, reason: .abandoned)
            session.flow = nil
            return false
        }
        var applying = slots
        // ("uy perdon, me confundi, es Poniente no Oriente": the zone corrected to the one named before the "no".)
        if let current = draft.zone.map(Text.fold), case let named = zonesNamed, named.count == 2,
           [" no \(current) ", " no en \(current) ", " no el \(current) ", " no la \(current) ", " not \(current) "]
            .contains(where: folded.contains),
           let corrected = named.first(where: { Text.fold($0.name) != current }) {
            applying.zone = corrected.name
        }
        sortOutOtherServices(&draft, &applying)
        // ("en el centro tengo el de 100 pero aca es mas chiquito" from a client of Centro signing up a branch in Norte: the
        // service they have, told for comparison; the new place and plan stay.)
        if let client = caller, let zone = applying.zone, draft.zone != nil, Text.fold(zone) == Text.fold(client.zone),
           draft.zone.map({ Text.fold($0) != Text.fold(client.zone) }) == true,
           [" tengo el de", " tengo el servicio", " ya tengo", " tengo internet", " i have the", " i already have", " we have the"]
            .contains(where: folded.contains) {
            applying.zone = nil
            if applying.planMbps == client.planMbps { applying.planMbps = nil }
        }
        // ("oiga y si luego quiero el de 100 se puede cambiar o ya me quedo amarrado con ese": a plan for later, asked about;
        // the one chosen stays.)
        if let later = applying.planMbps, draft.planMbps != nil, later != draft.planMbps,
           [" si luego", " si despues", " si mas adelante", " si en un futuro", " if later", " if i later", " later on",
            " down the road", " in the future"].contains(where: folded.contains),
           // ("mejor cámbiame lo al de cincuenta… y ya si luego ocupamos más le subimos": the change is now.)
           ![" cambiame", " cambialo", " cambiamelo", " cambielo", " cambieme", " mejor el", " mejor ese", " change it", " switch it",
             " switch to"].contains(where: folded.contains) {
            applying.planMbps = nil
            describePlan(later)
        }
        // "No" right after "¿Te refieres a Oriente?": the zone is asked again.
        if let guessed = previous.guessedZone, draft.zone == guessed, understood.answer == .no, slots.zone == nil {
            var undone = draft
            undone.zone = nil
            undone.confirming = false
            advanceSignup(undone, applying: Slots(), isFirst: false)
            return true
        }
        // "él dice que el de 50 alcanza y yo que el de 100, ¿ustedes cuál nos recomiendan?": both said, neither chosen.
        let weighed = plansNamed
        // ("…¿Me podría indicar el costo mensual del plan de 50 megas y del de 100?" with the 100 chosen: both told, the choice
        // kept.)
        if weighed.count >= 2, text.contains("?"), !choosesAfterAsking, !wantsIt && draft.planMbps == nil || asksTheCostOfEach {
            // ("y el de 100 cuanto sale al mes? pq el de 50 se me hace q se va a trabar": the one priced is the one asked.)
            if asksAboutPrice, let asked = pricedFirst(of: weighed) { session.context.askedPlan = asked }
            applying.planMbps = nil
            for mbps in weighed { describePlan(mbps) }
            sayTheTotalIfAsked(weighed)
        }
        // "¿cuál es el más barato?" asks about a plan; it does not choose it. "ese" then does.
        var quote: Int?
        // ("SEISCIENTOS CADA MES... NO, ESTA MUY CARO. ¿Y EL QUE SIGUE PARA ABAJO?" at the summary: from the plan in it.)
        if applying.planMbps == nil, let from = previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : draft.planMbps,
           let step = planStep, let next = stepped(from: from, by: step) {
            // "uff, ¿y el que sigue?" after a price, in the middle of the sign-up.
            quote = next
        } else if let mbps = applying.planMbps, asksAboutAPlan, !wantsIt, !choosesAfterAsking {
            quote = mbps
            // "the 50 megas one, that's $450 right?" chooses it; "¿cuál es el más barato?" and
            // "y el de 600, ¿sí vale la pena?" do not.
            // ("a no espera, cuanto cuesta ese? y el de 50?" asks too.)
            // ("…así que le conviene el paquete más económico, el de veinte megas." asks nothing: it chooses.)
            let asksNothing = !text.contains("?") && mentionsSpeed(mbps)
                && ![" cuanto", " how much", " precio", " cuesta", " que tal", " vale la pena", " recomiend", " which", " cual "]
                    .contains(where: folded.contains)
            // ("no espere, cuanto es la diferencia con el de 50?" with the 20 chosen: both said, the choice kept.)
            if (startsWithQuestion || !mentionsSpeed(mbps) || weighsAPlan || endsAskingAnother || asksTheDifference) && !asksNothing {
                applying.planMbps = nil
            }
        } else if applying.planMbps == nil, refersBack, asksAboutPrice, text.contains("?") || startsWithQuestion, !wantsIt,
                  let pointed = previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : draft.planMbps {
            // "cuanto sale ese" after the plan's price, while the name is asked: its price again, nothing changed.
            quote = pointed
        } else if applying.planMbps == nil, refersBack, previous.quotedPlans.count == 1,
                  Self.awaiting(draft) == .plan || wantsIt || takesAPlan && draft.planMbps == nil {
            // (Not "ok si esta bien asi confirmado" after a price asked for later: its "esta" points at nothing.)
            applying.planMbps = previous.quotedPlans[0]
        } else if applying.planMbps == nil, refersBack, previous.quotedPlans.count == 1, folded.split(separator: " ").count <= 3 {
            // "ese" right after the price asked while the zone was: that plan, whatever was asked.
            applying.planMbps = previous.quotedPlans[0]
        } else if applying.planMbps == nil, previous.quotedPlans.isEmpty, Self.awaiting(draft) == .plan,
                  refersBack && (wantsIt || takesAPlan) || understood.answer == .yes && isShort, let last = previous.lastQuotedPlan {
            // "apúntalo con ese", "ok si, regístrelo" at the plan question, after the price of one plan was asked: that one.
            applying.planMbps = last
        }
        advanceSignup(draft, applying: applying, isFirst: false, quote: quote)
        return true
    }

    /// "me equivoqué, es Oriente", "wait, sorry, it's Oriente, not Poniente".
    var correctsItself: Bool {
        // ("El Fraccionamiento Las Flores pertenece a la Zona Oriente": the place told to lie in a zone of the sheet.)
        (Lexicon.corrections + [" sorry", " perdon", " mix them up", " my mistake", " pertenece a", " belongs to", " is part of",
                                " es parte de"]).contains(where: folded.contains)
    }

    /// "Mejor no lo registre todavía, por favor", "don't sign me up yet": the sign-up stops, nothing is
    /// written ("no lo registre a mi nombre sino al de mi esposo" is a change, not this).
    var holdsOff: Bool {
        ([" no lo registre", " no me registre", " no lo registres", " no me registres", " no lo apunte", " no me apunte",
         " no lo apuntes", " no me apuntes", " no me inscriba", " don t sign me up", " dont sign me up", " don t register",
         " hold off",
         // ("ay no sabes q, cancela eso, lo voy a platicar con mi esposo primero" at the summary: the sign-up, not a service.)
         " cancela eso", " cancelalo", " cancela la contratacion", " cancela el registro", " lo voy a platicar con",
         " lo platico con"].contains(where: folded.contains)
            // ("Ok lo de la Loma olvidelo": one place put aside, not the sign-up.)
            || [" olvidalo", " olvidelo"].contains(where: folded.contains) && understood.slots.zone == nil && !folded.contains(" lo de ")
            // ("lo pienso, gracias" when the zone is asked: put off, nothing told.)
            || understood.slots.isEmpty && [" lo pienso", " lo voy a pensar", " dejame pensarlo", " dejeme pensarlo", " lo pensare",
                                            " i ll think about it", " let me think about it", " i will think about it"]
                .contains(where: folded.contains))
            && ![" sino ", " a nombre de", " instead", " but ", " nada mas la casa", " nomas la casa", " solo la casa",
                 " just the house", " only the house", " nada mas el negocio", " nomas el negocio", " solo el negocio"]
                .contains(where: folded.contains)
            // ("Entonces por ahora no contrataré nada… avísenme… a nombre de Anselmo Villaseñor": nothing signed up, whatever else.)
            || [" no contratare nada", " no voy a contratar nada", " por ahora no contrat", " todavia no voy a contratar",
                " not signing up yet", " won t sign up yet"].contains(where: folded.contains)
    }

    var startsWithQuestion: Bool {
        let plain = Text.fold(text)
        return text.trimmingSpaces.hasPrefix("¿") || ["cual", "cuanto", "cuantos", "que ", "how", "what", "which", "a como", "is ",
                                                      "does", "y cuanto", "y cual", "and how", "dice que cual", "dice ke cual",
                                                      "dise ke cual"].contains(where: plain.hasPrefix)
    }

    /// "That's 450 pesos a month, correct?": one of the plans' prices, written.
    var saysAPrice: Bool { !plansOfThePricesSaid.isEmpty }

    /// The plans whose monthly price the message says ("350").
    private var plansOfThePricesSaid: [Plan] {
        workbook.plansBySpeed.filter { folded.contains(" \(Int($0.monthlyPrice)) ") }
    }

    /// "ya pues, 350. ponlo a nombre de…" after haggling over that plan: the one plan whose price is said, no question asked.
    var planOfThePriceSaid: Int? {
        guard !text.contains("?") else { return nil }
        let said = plansOfThePricesSaid
        return said.count == 1 ? said[0].mbps : nil
    }

    func mentionsSpeed(_ mbps: Int) -> Bool {
        // ("el de vein te", dictated: as read too.)
        Self.says(speed: mbps, in: folded) || understood.normalized.map { Self.says(speed: mbps, in: $0) } == true
    }

    /// Whether a folded text says `mbps` as a plan's speed ("nomas 100 pesos mas?" is money, not the plan of 100).
    static func says(speed mbps: Int, in folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return words.indices.contains { i in
            Lexicon.number(String(words[i])) == mbps && !(i + 1 < words.count && notSpeedWords.contains(String(words[i + 1])))
        }
    }

    /// Words after a number that make it money or a count ("100 pesos", "15 o 20 personas a la vez"), not a speed.
    static let notSpeedWords = moneyWords.union(["personas", "gente", "usuarios", "dispositivos", "aparatos", "celulares", "clientes",
                                                 "people", "devices", "users", "dias", "horas", "minutos", "days", "hours",
                                                 // (As read: "20 persona".)
                                                 "persona", "usuario", "dispositivo", "aparato", "celular", "cliente", "device", "user",
                                                 "dia", "hora", "minuto", "day", "hour"])

    static let moneyWords: Set<String> = ["pesos", "peso", "varos", "baros", "bucks", "dolares", "dollars", "mxn"]

    /// "Surname's Murphy", "Los apellidos son Quiroga Benítez", "mi apellido es Ruelas": up to two words after the lead,
    /// as typed, ending at punctuation.
    var surnamesGiven: String? {
        let leads: [[String]] = [["surname", "s"], ["surname", "is"], ["last", "name", "is"], ["last", "name", "s"], ["apellidos", "son"],
                                 ["apellido", "es"], ["mi", "apellido"], ["de", "apellido"], ["family", "name", "is"], ["surnames", "are"],
                                 ["segundo", "apellido"], ["los", "apellidos"],
                                 // ("oh last name Soto")
                                 ["last", "name"]]
        let raw = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "'" || $0 == "’" || $0 == ":" }).map(String.init)
        let words = raw.map { Text.fold($0).trimmingCharacters(in: .punctuationCharacters) }
        // Up to `limit` name words from `start`, capitalised, ending at punctuation or at a word `fits` turns down.
        func nameWords(from start: Int, limit: Int, fits: (String) -> Bool) -> String? {
            var picked: [String] = []
            for k in start..<words.count where picked.count < limit {
                let word = raw[k].trimmingCharacters(in: .punctuationCharacters)
                guard word.count >= 2, word.allSatisfy(\.isLetter), !Lexicon.notNameWords.contains(words[k]), fits(words[k]),
                      !["nop", "nope", "nel", "sip", "simon"].contains(words[k]),
                      !["jaja", "jajaja", "jeje", "haha", "hahaha", "lol"].contains(words[k]) else { break }
                picked.append(word.prefix(1).uppercased() + word.dropFirst())
                if raw[k].last.map({ ".,;!?".contains($0) }) == true { break }
            }
            return picked.isEmpty ? nil : picked.joined(separator: " ")
        }
        for lead in leads {
            guard let at = words.indices.first(where: { i in i + lead.count <= words.count && Array(words[i..<(i + lead.count)]) == lead })
            else { continue }
            // ("el apellido es con z: Gonzalez": the letter said, then the surname.)
            var from = at + lead.count
            if from + 2 < words.count, words[from] == "con", words[from + 1].count == 1 { from += 2 }
            if let surnames = nameWords(from: from, limit: 2, fits: { !["es", "son", "is", "are"].contains($0) }) {
                return surnames
            }
        }
        // ("salinas ortega, se me olvido el apellido jaja": the words before, when the message says it brings the surname.)
        guard [" apellido", " surname", " last name"].contains(where: folded.contains) else { return nil }
        return nameWords(from: 0, limit: 3, fits: { CommonWords.names.contains($0) || !CommonWords.all.contains($0) })
    }

    /// A first name rather than a surname ("Maricela" yes, "Reyes" no), as far as the lists tell.
    static func isGivenName(_ folded: String) -> Bool {
        SlotExtractor.givenNames.contains(folded) || Nicknames.given[folded] != nil || CommonWords.givenNames.contains(folded)
    }

    /// "¿cuánto es la diferencia con el de 50?": two plans weighed by price.
    var asksTheDifference: Bool { [" diferencia", " difference"].contains(where: folded.contains) }

    /// "se llama Lucía Quiroga Mendiola", "her name is…": the name said is someone else's.
    var namesSomeoneElse: Bool {
        [" se llama", " her name", " his name", " se llaman", " a nombre de ella", " a nombre de el "].contains(where: folded.contains)
    }

    /// The same, or "a nombre de…": the name said is whose the service will be.
    var namesWhoItIsFor: Bool { namesSomeoneElse || folded.contains(" a nombre de") }

    /// "nomas 100 pesos mas? ah pues el de 50 mejor": a question, then a plan chosen after it.
    var choosesAfterAsking: Bool {
        guard let mark = text.lastIndex(of: "?") else { return false }
        let tail = " " + Text.fold(String(text[text.index(after: mark)...])) + " "
        // ("el de 20... no, sabes q? el de 50": the mark closes "¿sabes qué?", no question about a plan.)
        let head = " " + Text.fold(String(text[..<mark])) + " "
        let rhetorical = [" sabes q ", " sabes que ", " sabe que ", " sabes k ", " you know what "].contains(where: head.hasSuffix)
        return workbook.plansBySpeed.contains { plan in tail.split(separator: " ").contains { Lexicon.number(String($0)) == plan.mbps } }
            && (rhetorical || Self.wants(in: tail) || [" mejor", " entonces", " pues el de", " va el de"].contains(where: tail.contains))
    }

    /// A client signing up a second place ("para mi casa nueva", "para mi hijo").
    var wantsAnotherPlace: Bool {
        return [" otra casa", " casa nueva", " nueva casa",
                // ("yo ya tengo internet con ustedes y ahora quiero contratarle a mi mamá")
                " contratarle a mi", " contratarle a su", " darle de alta a mi", " pa mi mama", " pa mi papa",
                " otro domicilio", " otra direccion", " para mi hijo", " para mi hija",
                " para mi mama", " para mi papa", " para la casa de", " otro local", " another house", " new house",
                " second house", " otro servicio", " otra linea", " para el negocio", " para mi negocio", " para el local",
                " para mi hermana", " para mi hermano", " para mi sobrina", " para mi sobrino", " para mi cunada", " para mi cunado",
                " para mi suegra", " para mi suegro", " para mi abuela", " para mi abuelo", " para mi nieta", " para mi nieto",
                " para mi tia", " para mi tio", " para mi prima", " para mi primo", " para mi comadre", " para mi compadre",
                " por una vecina", " por mi vecina", " por un vecino", " por mi vecino", " para una vecina", " para mi vecina",
                " para un vecino", " para mi vecino", " for my neighbor", " for my neighbour", " mis abuelos", " mis suegros",
                " mis papas", " mis padres", " my parents", " my grandparents", " my in laws", " mis tios", " yo tambien quiero",
                " yo tmb quiero", " yo tb quiero", " quiere el internet", " quiere internet", " quieren internet",
                " quieren el internet", " quieren contratar", " quiere contratar", " su propio internet", " se viene a vivir",
                " quiero otro para", " queremos otro para", " otro pa la", " another one for", " rental house", " casa que rentamos",
                " casa q rentamos", " for my mom", " for my mother", " for my dad", " for my father", " for my sister", " for my brother",
                " for my daughter", " for my son", " it s for my", " its for my", " es para mi mama", " es para mi hija", " abri otro",
                " otro negocio", " otra tienda", " otra sucursal", " another shop", " another store", " second shop",
                // ("Quiero dar de alta a mi cuñada Maricela", "vamos a abrir otra fondita, una sucursal chiquita")
                " de alta a mi ", " de alta a una ", " de alta a un ", " darle de alta a", " sucursal", " otra fondita", " otra fonda",
                " vamos a abrir", " voy a abrir", " sign up my ", " new branch", " another branch",
                // ("my aunt wants internet at her house")
                " wants internet", " want internet", " wants the internet", " wants to sign up", " want to sign up",
                " for my aunt", " for my uncle", " for my grandma", " for my grandpa", " for my cousin", " at her house",
                " at his house",
                // ("i already have internet w you guys at my house in oriente but i want another line for my barbershop")
                " another line", " second line", " for my barbershop", " for my shop", " for my business",
                " for my office", " for the shop", " for the office",
                // ("I'm opening a small office and want a second connection there")
                " second connection", " another connection", " a second line", " otra conexion", " segunda linea", " new office",
                " nueva oficina", " opening a small", " opening a new",
                // ("ya firmamos el contrato del depa nuevo", "pa la papeleria de mi jefa… lo quiere aparte en el negocio")
                " depa nuevo", " nuevo depa", " un depa ", " departamento nuevo", " nuevo departamento", " pa la papeleria",
                " para la papeleria", " pal negocio", " pa el negocio", " lo quiere aparte", " lo queremos aparte", " aparte en el",
                " pa mi jefa", " para mi jefa", " pa la tienda", " para la tienda", " para el hotel", " pa el hotel",
                // ("Pusimos otra tiendita… quiero contratar otro internet alla", "en la farmacia que abrimos en el poniente")
                " otra tiendita", " otro internet", " otra farmacia", " que abrimos", " que acabamos de abrir", " pusimos otra",
                " pusimos otro", " abrimos otra", " abrimos otro", " abri otra"]
            .contains(where: folded.contains)
            // ("mi hermana vive en la loma le pueden poner internet?" from a client elsewhere: her place.)
            || caller.map { client -> Bool in
                let elsewhere = understood.slots.zone.map { Text.fold($0) != Text.fold(client.zone) } == true
                // ("Segunda: la casita de la calle Morelos, zona orinte…", "ahora la casa, esa esta en el norte… mismo nombre"
                // right after signing up the first: the next place.)
                // (Not "se me olvidaba el segundo apellido": the name of the one just written.)
                if client.id == previous.signedUp, !folded.contains(" apellido"),
                   elsewhere || [" segunda ", " segundo ", " ahora la ", " ahora el ", " ahora para ", " la otra ", " el otro ",
                                 " mismo nombre", " now the ", " the other one", " the second"].contains(where: folded.contains) {
                    return true
                }
                // ("ok oiga y de una vez mi casa esta en el norte ahi tambien me pueden poner el internet", "cuanto me cobrarian por
                // poner internet en mi taller esta en la colonia poniente" from the shop's or the house's account: the other one.)
                return elsewhere && (namesARelative
                    || [" mi casa", " mi taller", " mi negocio", " mi local", " mi tienda", " mi oficina", " ahi tambien",
                        " alla tambien", " poner internet", " poner el internet",
                        // ("nos vamos a cambiar a un depa en el sur y queremos contratar internet alla")
                        " queremos contratar", " quiero contratar", " contratar internet alla", " contratar alla"]
                        .contains(where: folded.contains)
                        && !PriorityRule.namesAFailure(wording))
            } == true
    }

    /// "a mismo nombre", "mismo nombre y mismo cel" for a second place: the name on this chat's last row (the client it
    /// holds, or the place on the list it left).
    var nameOfTheLastRow: String? {
        guard [" mismo nombre", " same name", " a nombre de lo mismo", " el mismo titular"].contains(where: folded.contains) else { return nil }
        return caller?.name ?? workbook.prospect(chat: chat)?.name
    }

    /// "mismo cel", "same number": the phone on this chat's last row.
    var phoneOfTheLastRow: String? {
        guard [" mismo cel", " mismo telefono", " mismo numero", " mismo tel ", " same number", " same phone"].contains(where: folded.contains)
        else { return nil }
        return (caller?.phone ?? workbook.prospect(chat: chat)?.phone).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// "¿Me podría indicar el costo mensual del plan de 50 megas y del de 100?": the price of each plan named, asked.
    var asksTheCostOfEach: Bool {
        [" el costo", " los costos", " costo mensual", " cuanto cuesta cada", " cuanto cuestan", " cuanto salen", " the price of each",
         " how much are the", " cuanto cuesta el de", " precio del de"].contains(where: folded.contains)
            && [" y del de ", " y el de ", " and the "].contains(where: folded.contains)
    }

    /// "el de 450, ¿qué tanto es?", "y el de 600, ¿sí vale la pena?": weighing a plan, not choosing it.
    var weighsAPlan: Bool {
        // Weighed outright, or in a question that does not already prefer one ("mejor el de 50…").
        [" que tanto ", " vale la pena", " conviene", " que tal es", " worth"].contains(where: folded.contains)
            || (text.contains("?") && [" que tal ", " aguanta", " alcanza para", " good for", " enough for", " sirve para"]
                .contains(where: folded.contains)
                && !folded.contains(" mejor "))
    }

    /// "¿cuánto cuesta el más económico?", "cual es el mas barato": a question about a plan.
    var asksAboutAPlan: Bool {
        let asks = text.contains("?") || weighsAPlan || [" cual ", " cuanto ", " cuantos ", " a como ", " que tal ", " how much ",
                                                         " which ", " what ", " que velocidad", " que incluye"].contains(where: folded.contains)
        return weighsAPlan || asks && (understood.intent == .plansPrices || [" cuesta", " cuanto", " sale ", " precio", " how much", " cheapest",
                                                              " option", " opcion", " opciones", " mas barato", " mas economico",
                                                              " per month", " a month", " charge"]
            .contains(where: folded.contains))
    }

    /// The slots of this message that mean something to the sign-up, including answers to
    /// the question just asked ("2" for the second plan button, "sí" for the profile name).
    /// "…habla con sus hijos que están en el norte": a zone named as where other people are.
    func isWhereOthersAre(_ zone: String) -> Bool {
        [" que estan en el", " que estan en la", " que viven en el", " que viven en la", " who live in", " who are in"]
            .contains { folded.contains($0 + " " + Text.fold(zone) + " ") }
    }

    /// The two to four words of a name after the last "a nombre de" ("…mejor a nombre de mi esposo Rodolfo Peña Salas, el
    /// es el q paga"), past "mi esposo" and the like.
    private var nameAfterTheLastNombreDe: String? {
        guard let at = text.lowercased().ranges(of: "a nombre de ").last else { return nil }
        var words: [String] = []
        for raw in text[at.upperBound...].split(whereSeparator: \.isWhitespace).map(String.init) {
            let word = raw.trimmingCharacters(in: .punctuationCharacters)
            let plain = Text.fold(word)
            if words.isEmpty, ["mi", "la", "el", "sr", "sra", "senor", "senora", "don", "dona"].contains(plain)
                || Lexicon.relatives.contains(plain) {
                continue
            }
            guard !word.isEmpty, word.allSatisfy(\.isLetter), !["el", "ella", "que", "q", "es", "porque", "pq", "y"].contains(plain)
            else { break }
            words.append(word)
            if words.count == 4 || raw.last.map({ ",.;".contains($0) }) == true { break }
        }
        return (2...4).contains(words.count) ? CellText.inert(Text.titleCased(words.joined(separator: " ")), maxLength: 80) : nil
    }

    private func signupSlots(for draft: SignupDraft) -> Slots {
        var slots = understood.slots
        slots.since = nil
        slots.modemRestarted = nil
        // ("…nomas ve sus videos… y habla con sus hijos que estan en el norte" with the place already said: where others are.)
        if let zone = slots.zone, draft.zone != nil, Text.fold(zone) != Text.fold(draft.zone ?? ""), isWhereOthersAre(zone) {
            slots.zone = nil
        }
        // ("Perdón, corrijo: el despacho está en el Centro, Oriente es mi domicilio particular" with Oriente taken: the other.)
        if correctsItself, let current = draft.zone, case let named = zonesNamed, named.count == 2,
           named.contains(where: { $0.name == current }), let other = named.first(where: { $0.name != current }) {
            slots.zone = other.name
        }
        // ("mi abuelo se llama Benito Treviño por si el tecnico pregunta, el es el que va a estar en la casa": who will be there
        // for the visit, not the holder already given.)
        if slots.name != nil, draft.name != nil,
           [" por si el tecnico", " por si pregunta", " el que va a estar en la casa", " la que va a estar en la casa",
            " va a estar en la casa", " for the technician", " in case the technician", " who will be home"].contains(where: folded.contains) {
            slots.name = nil
        }
        // ("a nombre de Guadalupe Rosales... no espere, mejor a nombre de mi esposo Rodolfo Peña Salas": the name said last.)
        if [" no espere", " no espera", " mejor a nombre", " mejor ponlo a nombre", " mejor pongalo a nombre"].contains(where: folded.contains),
           let last = nameAfterTheLastNombreDe {
            slots.name = last
        }
        let awaiting = Self.awaiting(draft)
        // "What's your fastest plan?" … "Ok let's do it": the one plan just quoted, taken.
        if awaiting == .plan, slots.planMbps == nil, previous.quotedPlans.count == 1,
           wantsIt || refersBack || understood.answer == .yes || understood.leansYes {
            slots.planMbps = previous.quotedPlans[0]
        }
        // ("y el de 100 cuanto sale? pq el de 50 se me hace q se va a trabar" … "va, ese mero": the one whose price was asked.)
        if awaiting == .plan, slots.planMbps == nil, previous.quotedPlans.count >= 2, let asked = previous.askedPlan,
           previous.quotedPlans.contains(asked), refersBack, !text.contains("?") {
            slots.planMbps = asked
        }
        // ("600 esta muy caro, q cuanto el de en medio" … "ese si dice": the plan asked about replaces the one chosen.)
        if awaiting != .plan, slots.planMbps == nil, let asked = previous.askedPlan, asked != draft.planMbps, refersBack,
           !text.contains("?") {
            slots.planMbps = asked
        }
        if let n = understood.menuChoice {
            if awaiting == .plan, slots.planMbps == nil, workbook.plansBySpeed.indices.contains(n - 1) {
                slots.planMbps = workbook.plansBySpeed[n - 1].mbps
            }
            if awaiting == .zone, slots.zone == nil, workbook.coveredZones.indices.contains(n - 1) {
                slots.zone = workbook.coveredZones[n - 1].name
            }
        }
        // ("a mismo nombre", "Mismo nombre y mismo cel.": the name and number of this chat's last row.)
        if slots.name == nil, let earlier = nameOfTheLastRow { slots.name = earlier }
        if slots.phone == nil, draft.phone == nil, let earlier = phoneOfTheLastRow { slots.phone = earlier }
        // ("a mi nombre igual. si, todo bien": the name offered, kept.)
        let keepsIt = [" a mi nombre igual", " a mi nombre esta bien", " a mi nombre pues", " a mi nombre si", " el mismo nombre",
                       " a mi nombre como dice", " under my name is fine", " my name is fine", " si a nombre mio", " a nombre mio el mismo",
                       " el mismo que le dije"].contains(where: folded.contains)
        if awaiting == .name, slots.name == nil, understood.answer == .yes || keepsIt, let profile = draft.profileName {
            slots.name = profile
        }
        // People's names are too varied for rules: whatever answers the name question is the
        // name, unless it clearly says something else. It is stored inert.
        let elsewhere = understood.confidence >= 0.6 && [.reportIncident, .humanAgent, .cancel, .billing, .incidentStatus,
                                                          .plansPrices, .coverage].contains(understood.intent)
        let thanks = [" gracias", " thank", " bendiga", " todo bien", " all good"].contains(where: foldedAndRead.contains)
        // "no pos mejor el de en medio, ese mero" is about the plan.
        let aboutThePlan = slots.planMbps != nil || [" mejor ", " ese ", " esa ", " el de ", " la de "].contains(where: folded.contains)
        if awaiting == .name, slots.name == nil, understood.answer == nil, !elsewhere, !text.contains("?"), slots.phone == nil, !thanks,
           !aboutThePlan, slots.zone == nil, !text.contains(where: \.isNumber), (2...80).contains(text.trimmingSpaces.count),
           !readsAsASentence {
            slots.name = text.trimmingSpaces
        }
        // ("…a mi nombre. Proceda usted, por favor.": going ahead, whatever the reader took for a name.)
        if awaiting != .name {
            slots.name = understood.slots.name.flatMap { explicitName($0) }.flatMap { name in
                let first = name.split(separator: " ").first.map { Text.fold(String($0)) } ?? ""
                return Lexicon.notNameWords.contains(first) ? nil : name
            }
        }
        // "no perdón es graciela nuñez con la ñ y de segundo apellido cortes graciela nuñez cortes" at the summary:
        // the name said again, the longest way.
        // ("perdon es Vázquez con V chica, el autocorrector 🤦‍♂️" while the phone is asked: the name put right, at any step.)
        if awaiting != .name, slots.name == nil, let current = draft.name,
           let spelt = (awaiting == .confirmation ? nameSaidAgain(current) : nil) ?? nameRespelt(current) {
            slots.name = spelt
        }
        // "brandon alexis rios" while the zone is asked: a full name and nothing else is the name, given early.
        if awaiting != .name, draft.name == nil, slots.isEmpty, understood.slots.isEmpty, let name = bareName,
           name.split(separator: " ").count >= 2 {
            slots.name = name
        }
        // "va ese. kevin armando luna": the last sentence a full name of its own (its first word no everyday word).
        let sentences = text.split(whereSeparator: { ".!\n".contains($0) })
        if awaiting != .name, draft.name == nil, slots.name == nil, sentences.count >= 2,
           let last = sentences.last.map({ $0.split(separator: " ").map { Text.fold(String($0)) } }),
           (2...4).contains(last.count), CommonWords.names.contains(last[0]) || !CommonWords.all.contains(last[0]),
           last.allSatisfy({ $0.allSatisfy(\.isLetter) }), !last.contains(where: Conversation.notAName.contains),
           !last.contains(where: { Lexicon.notNameWords.contains($0) || ["gracias", "ok", "bueno", "si", "no", "va"].contains($0) }),
           let typed = sentences.last {
            slots.name = Self.presentableName(String(typed).trimmingSpaces)
        }
        if let given = slots.name, let corrected = nameTakenBack(given) { slots.name = corrected }
        return slots
    }

    /// "a nombre de el, Jose Luis Cardenas. no, perdon, Jose Angel, Jose Luis es mi hermano", "His name is Doug MacLeod. Actually
    /// put Douglas, Douglas MacLeod": the name said after taking the first back; the surname stays when only the given names
    /// change.
    func nameTakenBack(_ given: String) -> String? {
        let clauses = text.split(whereSeparator: { ",.;:\n".contains($0) }).map { String($0).trimmingSpaces }
        let markers = ["no perdon", "perdon", "actually put", "actually", "mejor dicho", "i mean", "digo"]
        guard let at = clauses.firstIndex(where: { clause in
            let plain = Text.fold(clause)
            return markers.contains { plain == $0 || plain.hasPrefix($0 + " ") }
        }) else { return nil }
        func isName(_ clause: String) -> Bool {
            let words = clause.split(separator: " ").map(String.init)
            return (1...4).contains(words.count) && words.allSatisfy { word in
                let plain = Text.fold(word)
                return word.allSatisfy(\.isLetter) && (CommonWords.names.contains(plain) || !CommonWords.all.contains(plain))
                    && !Conversation.notAName.contains(plain) && !Lexicon.notNameWords.contains(plain)
            }
        }
        // What follows the marker in its own clause ("put Douglas"), then the clauses after it.
        let markerPlain = Text.fold(clauses[at])
        let rest = markers.first { markerPlain.hasPrefix($0 + " ") }.map { String(clauses[at].split(separator: " ").dropFirst($0.split(separator: " ").count).joined(separator: " ")) }
        let later = ([rest].compactMap { $0 } + clauses[(at + 1)...]).filter(isName)
        guard let said = later.max(by: { $0.split(separator: " ").count < $1.split(separator: " ").count }) else { return nil }
        let first = clauses[..<at].filter { isName($0) && $0.contains(" ") }.last ?? given
        let before = first.split(separator: " ").map(String.init), now = said.split(separator: " ").map(String.init)

        // (The same person, one of the words kept: not "Corrijo", not "dale".)
        guard Text.fold(said) != Text.fold(first), now.contains(where: { word in before.contains { Text.fold($0) == Text.fold(word) } })
        else { return nil }
        // ("Jose Luis Cardenas" → "Jose Angel": the given names changed, "Cardenas" kept.)
        if before.count > now.count, let surname = before.last, !now.contains(where: { Text.fold($0) == Text.fold(surname) }) {
            return Self.presentableName((now + [surname]).joined(separator: " "))
        }
        return Self.presentableName(said)
    }

    /// The name of the summary said again, written another way: from its first word, the longest run of
    /// name words after it (two or more), when it differs from the one written.
    func nameSaidAgain(_ current: String) -> String? {
        guard let first = Text.fold(current).split(separator: " ").first.map(String.init), first.count >= 3 else { return nil }
        // (A sentence's end ends the name: "…AURELIO MENDOZA ROSALES. PROCEDA USTED POR FAVOR.")
        let words = text.map { ".!?".contains($0) ? " . " : String($0) }.joined()
            .split(whereSeparator: { $0.isWhitespace || ",;:".contains($0) }).map(String.init)
        let stops: Set<String> = ["con", "y", "de", "del", "la", "el", "es", "que", "por", "pero", "no", "si", "para", "ok", "bien",
                                  "asi", "porfa", "gracias", "and", "with", "is", "please", "thanks"]
        var best: [String] = []
        for (i, word) in words.enumerated() where Text.fold(word) == first {
            // ("aja: itzel navarro, norte, 100 megas. si confirmo": the zone after the name is no part of it.)
            let run = [word] + words[(i + 1)...].prefix { $0.count >= 2 && $0.allSatisfy(\.isLetter) && !stops.contains(Text.fold($0))
                && workbook.zone(named: $0) == nil }.prefix(4)
            if run.count > best.count { best = run }
        }
        // ("Atte. Efraín V. C." signs with initials: not a name said again.)
        guard best.count >= 2, best.count >= current.split(separator: " ").count else { return nil }
        let said = Self.presentableName(best.joined(separator: " "))
        return said == current ? nil : said
    }

    /// "ANTONIA con a perdon, fue el corrector", "es Treviño con v y Salazar con z": words of the name typed again with
    /// one letter changed, said to be a spelling fix. Each replaces the word it fixes.
    func nameRespelt(_ current: String) -> String? {
        guard [" con ", " with ", " perdon", " sorry", " corrector", " autocorrect", " se escribe", " is spelt", " is spelled"]
            .contains(where: folded.contains) else { return nil }
        var parts = current.split(separator: " ").map(String.init)
        // (Capitalised, as a name is typed: "si, con cualquier cosa" fixes no "Rosa".)
        let typed = text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 && $0.first?.isUppercase == true }
        var changed = false
        // ("mi nombre va con Z, Gonzalez no Gonsalez": the spelling on file, cited as the wrong one, changes nothing back.)
        let onFile = Set(parts.map(Text.fold))
        for word in typed where !onFile.contains(Text.fold(word)) {
            let folded = Text.fold(word)
            guard let at = parts.firstIndex(where: { part in
                let mine = Text.fold(part)
                return mine != folded && mine.count == folded.count
                    && zip(mine.unicodeScalars, folded.unicodeScalars).filter { $0 != $1 }.count == 1
            }) else { continue }
            parts[at] = Text.titleCased(word.lowercased())
            changed = true
        }
        return changed ? Self.presentableName(parts.joined(separator: " ")) : nil
    }

    /// "y eso cuánto le va a salir al mes": words a question or a sentence is made of, and no name.
    var readsAsASentence: Bool {
        startsWithQuestion || folded.split(separator: " ").contains { Self.sentenceWords.contains(String($0)) }
    }

    static let sentenceWords: Set<String> = [
        "cuanto", "cuanta", "cuando", "donde", "como", "porque", "eso", "esto", "va", "le", "me", "te", "se", "es", "son",
        "pero", "pues", "sale", "salir", "cuesta", "cobran", "mes", "quiero", "tengo", "puedo", "puede", "hay", "si", "no",
        "ok", "jefe", "gracias", "how", "what", "when", "where", "is", "it", "much", "does", "do",
    ]

    /// Outside the name question, take a name only when the person said it is theirs ("soy …",
    /// "se llama …" for the relative they sign up) or signed with it.
    func explicitName(_ name: String) -> String? {
        let said = [" soy ", "me llamo", "mi nombre", "a nombre de", "a nombre mio", "my name", " i am ", " i m ", "se llama", "le escribe",
                    " its ", " here ", "nombre es", "atte"].contains { foldedAndRead.contains($0) }
        // "…, Linda Baker." / "Mike Henderson, Colonia Centro": a full name standing on its own.
        let standing = name.split(separator: " ").count >= 2 && folded.contains(Text.fold(name))
        return said || standing ? name : nil
    }

    /// Of the plans a message names, the one a price question sits next to ("el de 100 cuanto sale"), when only one does.
    func pricedFirst(of plans: [Int]) -> Int? {
        let clauses = text.split(whereSeparator: { ".?!¿,;\n".contains($0) }).map { " " + Text.fold(String($0)) + " " }
        let priced = plans.filter { mbps in
            clauses.contains { clause in
                clause.split(separator: " ").contains { Lexicon.number(String($0)) == mbps }
                    && [" cuanto", " precio", " cuesta", " how much", " price"].contains(where: clause.contains)
            }
        }
        return priced.count == 1 ? priced[0] : nil
    }

    mutating func advanceSignup(_ start: SignupDraft, applying slots: Slots, isFirst: Bool, quote: Int? = nil) {
        var draft = start
        var changed = false
        var listedSomeoneElse = false
        var heldAPhonePiece = false
        if let quote {
            // ("cuanto cuesta ese? y el de 50?": the plan chosen first, "ese", then the other.)
            if refersBack || asksTheDifference, asksAboutPrice, let current = draft.planMbps, current != quote { describePlan(current) }
            describePlan(quote)
            // (Another plan than the one chosen, asked about: "ese" next takes it.)
            if let current = draft.planMbps, current != quote { session.context.askedPlan = quote }
            // "wait cuanto es el de 100? y el de 50?": each plan asked about.
            for other in workbook.plansBySpeed.map(\.mbps) where other != quote && asksAboutPrice && mentionsSpeed(other) {
                describePlan(other)
            }
            // ("how much is the 50 vs the 100? and the other one?": the plan not named, too.)
            if asksAboutPrice, [" the other one", " and the other", " y el otro", " y la otra"].contains(where: folded.contains) {
                for other in workbook.plansBySpeed.map(\.mbps) where other != quote && !mentionsSpeed(other) { describePlan(other) }
            }
        }

        // "back home in Leicester we were tied in…": a place the sheet does not know, mentioned
        // once the zone is settled, is not where the service goes.
        if let zoneName = slots.zone, draft.zone == nil || workbook.zone(named: zoneName) != nil {
            if understood.zoneGuessed, understood.slots.zone == zoneName { sayZoneGuess(zoneName) }
            // "…and please add me to the waiting list for the Poniente house" while signing up where we reach: both.
            let other = workbook.zone(named: zoneName)
            // ("entonces nomás el de la tienda y lo de la loma si me pueden apuntar" before the name is given: the list under the
            // app's name for now; the name given for the sign-up goes on it too.)
            if let other, !other.hasCoverage, draft.zone != nil, asksToBeTold,
               case let name = slots.name.map(Self.presentableName) ?? draft.name {
                _ = writeProspect(zone: other.name, planMbps: nil, name: name, phone: draft.phone, reason: "sin cobertura",
                                  notes: other.notes)
                listedSomeoneElse = slots.name != nil && namesSomeoneElse
                say(.signupOtherZoneListed, ["zone": other.name])
            } else if let zone = other, zone.hasCoverage {
                changed = changed || (draft.zone != nil && draft.zone != zone.name)
                draft.zone = zone.name
                // "una está en el centro… y la otra en la loma por el mirador": the place we do not reach, told.
                if !isFirst {
                    for other in zonesNamed.dropFirst() where !other.hasCoverage && other.name != zone.name {
                        say(.signupOtherZoneNotCovered, ["zone": other.name, "notes": notesInParentheses(other)])
                    }
                }
            } else {
                // "¿Y llega hasta la colonia El Mirador? Es que ahí vive mi hermana": a question gets
                // its answer and the waiting list is offered, not filled in unasked.
                // ("…my coworker lives in Poniente, is that true?" with everything of the sign-up given: told, and the
                // sign-up goes on.)
                // ("Oh wait, also my mom's old house…": a place added, not the zone corrected.)
                // ("…en el recibo sale colonia Poniente. entonces ha de ser Poniente" corrects where they live: the list is offered.)
                let adds = [" also ", " tambien ", " too ", " ademas ", " de paso ", " otra casa", " la de mi ", " la casa de mi ",
                            " my mom s", " my mother s", " my dad s",
                            // ("my landlord asked if you cover La Loma", "Can my parents get it too?": someone else's place.)
                            " my landlord", " my parents", " mis papas", " mi casero", " asked if you"].contains(where: folded.contains)
                // ("y pa cuándo llegan al poniente?" while signing up the shop in Oriente: answered, the sign-up goes on.)
                let asksWhenThere = text.contains("?") && other.map { !$0.hasCoverage } == true
                    && [" pa cuando", " para cuando", " when will you", " when do you"].contains(where: folded.contains)
                if draft.zone != nil, !asksToBeTold, adds || declinesTheList || asksWhenThere {
                    // "Oh wait, also my mom's old house in La Loma, can you put internet there too?" with the sign-up
                    // settled where we reach: told, not listed unasked; "y no, lo de la loma déjelo así" puts it aside.
                    if !declinesTheList, let other {
                        say(.signupOtherZoneNotCovered, ["zone": other.name, "notes": notesInParentheses(other)])
                    }
                    if asksWhenThere { say(.prospectWhen) }
                } else if let other, !other.hasCoverage, let zone = draft.zone.map(Text.fold),
                          [" no en la \(zone) ", " no en el \(zone) ", " no en \(zone) ", " not in \(zone) ", " not \(zone) ",
                           " no \(zone) ", " no la \(zone) ", " no el \(zone) "]
                            .contains(where: folded.contains) {
                    // ("ah no espera!! es pa la casa nueva y esa esta en San Isidro, no en la Norte… ahi si llegan?": the place
                    // corrected to one we do not reach; the list is offered with what the sign-up had.)
                    noCoverage(zoneName: other.name, draft: draft, consented: asksToBeTold)
                    return
                } else if text.contains("?"), asksCoverage, draft.zone != nil, draft.planMbps != nil, draft.name != nil, let other {
                    say(.signupOtherZoneNotCovered, ["zone": other.name, "notes": notesInParentheses(other)])
                } else if text.contains("?"), asksCoverage || [" what about", " how about", " and in ", " y en el ", " y en la "]
                            .contains(where: folded.contains) {
                    // ("And what about Poniente? There's another small chapel there…": asked, not put on the list.)
                    intent = .coverage
                    // ("Me interesa el de 50 megas; ¿ése sería de 450 pesos…? … mi hija vive en La Loma, ¿allá también?": the
                    // price asked on the way.)
                    if let mbps = slots.planMbps, asksAboutPrice || saysAPrice { describePlan(mbps) }
                    answerCoverage(zoneName)
                    if case .notifyWhenCovered = session.flow, draft.hasProgress { session.context.heldSignup = draft }
                    return
                } else {
                    // The plan said with the zone ("colonia Poniente… the 50 megas plan") goes on the waiting list too.
                    var waiting = draft
                    waiting.planMbps = slots.planMbps.flatMap { workbook.plan(mbps: $0)?.mbps } ?? draft.planMbps
                    noCoverage(zoneName: other?.name ?? Text.titleCased(zoneName), draft: waiting, consented: asksToBeTold)
                    return
                }
            }
        }
        // "1) la de Oriente sí la contrato… 2) la de mi mamá apúnteme en la lista de espera, mismo nombre": her place, listed too.
        if asksToBeTold, draft.zone != nil, slots.zone.flatMap({ workbook.zone(named: $0) })?.hasCoverage != false,
           let place = placeOfPersonMentioned(session.context.peoplesPlaces ?? [:]).flatMap({ workbook.zone(named: $0) }), !place.hasCoverage,
           let name = slots.name.map(Self.presentableName) ?? draft.name {
            _ = writeProspect(zone: place.name, planMbps: nil, name: name, phone: draft.phone, reason: "sin cobertura", notes: place.notes)
            say(.signupOtherZoneListed, ["zone": place.name])
            listedSomeoneElse = slots.name != nil && namesSomeoneElse
        }
        if let mbps = slots.planMbps {
            if workbook.plan(mbps: mbps) != nil {
                changed = changed || (draft.planMbps != nil && draft.planMbps != mbps)
                // "let's go with the middle one": a plan chosen without its number is said back.
                // "Let's go with the 50 then. That's 450 pesos a month, correct?": its price, asked.
                // ("mejor el de 20, ese cuanto sale": asked without a question mark.)
                // ("y el de cincuenta megas ese alcanza para ver el yutub…", dictated: whether it copes, asked.)
                let asked = text.contains("?") || [" cuanto", " how much", " quanto"].contains(where: folded.contains)
                let copes = [" alcanza para", " aguanta para", " sirve para", " es suficiente", " is it enough"].contains(where: folded.contains)
                // ("cuanto el de 100?" … "uy nel esta carito 😅 mejor el de 50 y ya": another plan than the one quoted, said back.)
                // ("el de 50 porfa... ah no, me dice q mejor el de 20": of two plans said, the one taken, said back.)
                let otherThanQuoted = !previous.quotedPlans.isEmpty && !previous.quotedPlans.contains(mbps) || plansNamed.count >= 2
                if draft.planMbps != mbps, quote == nil, !isFirst,
                   !mentionsSpeed(mbps) || asked && (asksAboutPrice || saysAPrice) || copes || otherThanQuoted {
                    describePlan(mbps)
                }
                draft.planMbps = mbps
            } else {
                say(.unknownPlan, ["mbps": String(mbps), "plans": planList()])
            }
        }
        // A shorter form of the name already given ("Luis Angel" after "Luis Angel Hernández")
        // is the same person: the fuller name stays.
        // ("…que la anotara en su lista de espera: se llama Lucía Quiroga Mendiola": her name went on the list, not on the sign-up.)
        // ("I'm Sean" … "Surname's Murphy", "Me llamo Anselmo. Los apellidos son Quiroga Benítez": a name given in pieces.)
        var given = slots.name.map(Self.presentableName)
        // ("El número de contacto es el 444-187-56-20. Atentamente, Aurelio Rodríguez Salinas.": the letter's signature, not
        // whose the service is, once a name was given.)
        if draft.name != nil, let name = given,
           [" atentamente ", " atte ", " sincerely ", " regards ", " saludos "].contains(where: { folded.contains($0 + Text.fold(name)) }) {
            given = nil
        }
        // ("oops typo, its kowalski. k o w a l s k i": one word of the name written again, put right.)
        if given.map({ !$0.contains(" ") }) ?? true, let current = draft.name, let fixed = nameWithATypoMended(current) {
            given = fixed
        }
        let surnames = surnamesGiven
        let core = { (name: String) in Text.fold(name).split(separator: " ").filter { !SlotExtractor.nameJoiners.contains(String($0)) } }
        if let surnames {
            // ("cervantes olvera yesenia (asi como en la ine, primero los apellidos jaja)": the name in the ID's order, put in ours.)
            let surnamesFirst = [" primero los apellidos", " primero el apellido", " apellidos primero", " apellido primero",
                                 " como en la ine", " surname first", " last name first"].contains(where: folded.contains)
            if let name = given, Text.fold(name) == Text.fold(surnames), surnamesFirst,
               case let parts = name.split(separator: " ").map(String.init), parts.count >= 2 {
                let surnameCount = min(2, parts.count - 1)
                given = (parts.dropFirst(surnameCount) + parts.prefix(surnameCount)).joined(separator: " ")
            } else if given.map({ Text.fold($0) == Text.fold(surnames) }) == true { given = nil }
            // (Added to a first name, or to a name that lacks a second surname: "Maria del Carmen", "Anselmo Quiroga".)
            if let base = given ?? draft.name, core(base).count <= 2, !core(surnames).contains(where: core(base).contains) {
                given = base + " " + surnames
            }
        } else if let base = draft.name, let name = given, case let baseWords = core(base), baseWords.count == 1,
                  Self.isGivenName(String(baseWords[0])) || !CommonWords.all.contains(String(baseWords[0])),
                  case let words = core(name), (1...2).contains(words.count),
                  !words.contains(where: { Self.isGivenName(String($0)) }), CommonWords.names.contains(String(words[0])),
                  !words.contains(where: { $0.hasPrefix(baseWords[0]) || baseWords[0].hasPrefix($0) }), !namesSomeoneElse,
                  ![" soy ", " me llamo", " mi nombre", " my name", " i m ", " a nombre de"].contains(where: folded.contains) {
            // ("se llama Maricela" … "Reyes Cano perdon se me fue el mensaje": the surnames, sent after the first name.)
            given = base + " " + name
        }
        // ("ay no espere ponga nada mas Maribel Zuñiga que el Cortes es de mi ex esposo": the shorter name asked for.)
        let wantsItShorter = [" nada mas ", " nomas ", " solo ", " quitele", " quitale", " ya no lo uso", " just put", " only put",
                              " drop the", " without the"].contains(where: folded.contains)
        if !listedSomeoneElse, let name = given, !name.isEmpty, !Self.isShortForm(name, of: draft.name) || wantsItShorter,
           !isSelfIntroduction(name, over: draft.name) || surnames != nil {
            changed = changed || (draft.name != nil && draft.name != name)
            draft.name = CellText.inert(name, maxLength: 80)
            draft.nameIsAnothers = namesSomeoneElse ? true : nil
        }
        // ("su cel es 444 187", then "2309 perdon se me fue": a number typed in two pieces.)
        var slots = slots
        if slots.phone == nil, Self.awaiting(draft) == .phone {
            let digits = text.filter(\.isASCII).filter(\.isNumber)
            if let start = draft.phoneStart, (start + digits).count == 10, !digits.isEmpty {
                slots.phone = start + digits
                draft.phoneStart = nil
            } else if (3...9).contains(digits.count), draft.phoneStart == nil {
                draft.phoneStart = digits
                heldAPhonePiece = true
            }
        }
        if let phone = slots.phone, PhoneNumber.matchKey(phone) != draft.phone.flatMap(PhoneNumber.matchKey) {
            changed = changed || draft.phone != nil
            draft.phone = phone
            draft.phoneVerified = phone == session.phone
        }
        let applied = slots.zone != nil || slots.planMbps != nil || given != nil || slots.phone != nil

        // "Sí, así está bien" confirms even if it repeats what the summary says.
        // ("No, don't put me on any list… Just the one in Centro. Yes, confirm it.": the "no" was for the list.)
        // ("Ay bueno ni modo. Si todo está bien así, el de 20 en el Oriente. Ya no hace falta la señorita": a yes, whatever "no" is in it.)
        let confirmsAfterAll = declinesTheList && [" confirm it", " yes confirm", " si confirmo", " confirmalo", " confirmelo", " si confirma"]
            .contains(where: folded.contains)
            || !text.contains("?") && [" si todo esta bien", " todo esta bien asi", " si esta bien asi", " asi esta bien", " si confirmo",
                                       // ("(perdon es SUR no zur jaja se me fue) si esta bien todo dice")
                                       " si esta bien todo",
                                       // ("For La Loma, no need of waiting list… Only Centro please. Yes, the data is correct.")
                                       " the data is correct", " the details are correct", " los datos son correctos",
                                       " los datos estan bien", " datos correctos",
                                       " yes confirm"].contains(where: folded.contains)
            // ("…Zona Oriente; plan de 50 megas. Confirmo.": everything said again, and the word that closes it.)
            || !text.contains("?") && (folded.hasSuffix(" confirmo ") || folded.hasSuffix(" i confirm ")
                                       || folded.hasSuffix(" confirmado "))
            // ("si dice q si. y lo de mi tio q luego el les escribe": her yes, relayed; the rest is for later.)
            || !text.contains("?") && [" si dice q si", " si dice que si", " dice q si ", " dice que si "].contains(where: folded.hasPrefix)
        // ("ta bien, dele pues, apunteme con ese de 50": the plan of the summary, and the go-ahead.)
            || !text.contains("?") && [" ta bien", " esta bien", " okey", " ok "].contains(where: folded.hasPrefix)
                && [" dele pues", " dale pues", " apunteme", " apuntame", " anoteme", " anotame"].contains(where: folded.contains)
                && ![" no ", " mejor ", " pero "].contains(where: folded.contains)
        // ("oye y si pone un router mesh ustedes lo configuran…?": "si" is "if", a question, no yes.)
        // ("Sí, el de 20 en el Norte… ¿Y si no estoy yo cuando vayan a instalar?": the yes comes first.)
        // ("siii esoo 😍 oye y si me lo ponen esta semana??": a stretched yes.)
        let opensWithYes = folded.split(separator: " ").first.map { word in
            Answers.yes.contains(String(word)) || Answers.yes.contains(String(word.reduce(into: "") { $0 += $0.last == $1 ? "" : String($1) }))
        } ?? false
        let ifQuestion = !opensWithYes && text.contains("?")
            && [" y si ", " pero si ", " que tal si ", " and if ", " what if ",
                // ("¿Es correcto que ese plan cuesta $450 al mes?": a price checked, no yes.)
                " es correcto que", " es cierto que", " is it correct that", " is it right that", " is that right"]
                .contains(where: folded.contains)
        let answer = confirmsAfterAll ? .yes : ifQuestion ? nil : understood.answer ?? (understood.leansYes ? .yes : nil)
        // ("Sí, yo les vuelvo a escribir la otra semana": a yes to waiting, not to the sign-up; it stays where it is.)
        if draft.confirming, !changed, !confirmsAfterAll,
           [" les vuelvo a escribir", " le vuelvo a escribir", " luego les escribo", " despues les escribo", " la otra semana les",
            " i ll get back to you", " i ll write back", " lo consulto", " dejeme consultar", " dejame consultar"]
            .contains(where: folded.contains) {
            session.flow = .signup(draft)
            say(.holdOn)
            return
        }
        // ("y se paga adelantado o a fin de mes? ah y si, todo correcto, dele": the question answered, then the yes after it.)
        if draft.confirming, !changed, let mark = text.lastIndex(of: "?") {
            let after = " " + Text.fold(String(text[text.index(after: mark)...])) + " "
            let opening = after.split(separator: " ").map(String.init).drop(while: { ["ah", "y", "ok", "pues", "bueno", "oh", "and"].contains($0) }).first
            if opening.map({ ["si", "sip", "simon", "yes", "yep"].contains($0) }) == true
                || [" todo correcto", " todo bien", " confirmo ", " asi esta bien", " go ahead"].contains(where: after.contains),
               ![" no ", " pero ", " mejor ", " cambia", " but ", " espera", " antes "].contains(where: folded.contains) {
                answerAside(for: draft, quiet: true)
                return completeSignup(draft)
            }
        }
        if draft.confirming, !changed, answer == .yes || answer == .no {
            switch answer {
            case .yes:
                return completeSignup(draft)
            case .no:
                session.flow = .signup(draft)
                say(.signupWhatToChange, buttons: [button(.buttonStop, QuickReplyAction.stop)])
                return
            default:
                break
            }
        }
        // What this turn settled and the next question go out as one message.
        let lead = replies.count
        if changed { say(.signupUpdated) }
        // "mejor el de cincuenta… ¿cuánto sale?": a plan changed before the summary is said back with its price.
        if changed, !draft.confirming, let mbps = draft.planMbps, start.planMbps != mbps { describePlan(mbps) }
        // ("el mas barato xfa, el de 20" while the zone is asked: the plan taken is said back with its price.)
        else if !isFirst, quote == nil, start.planMbps == nil, slots.planMbps != nil, let mbps = draft.planMbps,
                Self.awaiting(draft) != .confirmation {
            describePlan(mbps)
        }
        // "vivo en el oriente" (or "¿y en el Oriente sí llega?"): the zone said yes to, unless the plan question says it.
        if let zone = draft.zone, slots.zone != nil, start.zone != zone, Self.awaiting(draft) != .plan {
            say(.signupZoneCovered, ["zone": zone])
        }
        if !applied, !heldAPhonePiece, !isFirst, understood.answer == nil, quote == nil {
            answerAside(for: draft)
        } else if !isFirst, text.contains("?"), asksAboutContract {
            // "¿El contrato tiene algún plazo forzoso?" with a detail of the sign-up: answered all the same.
            say(.contractTerms)
        } else if applied, !isFirst, quote == nil, slots.planMbps == nil, draft.planMbps == nil, text.contains("?"), asksAboutPrice {
            // "me llamo gloria avila. y cuanto sale??": the name taken, and the prices asked for.
            say(.plansList, ["plans": planList()])
        }
        // "quiero contratar el de 100 megas aca en el norte, me llamo kevin…": the plan chosen is said back with its price.
        // ("somos 4 en una casa y queremos contratar internet. que plan nos alcanza para streaming y gaming??": the plan for that.)
        if isFirst, quote == nil, slots.planMbps == nil, draft.planMbps == nil, asksForARecommendation {
            recommendPlan()
        } else if isFirst, quote == nil, slots.planMbps == nil, draft.planMbps == nil, input.role == .customer, describedPlans.isEmpty,
                  !session.context.listedPlans, Self.awaiting(draft) != .plan,
                  [" cuanto cuesta", " cuanto sale", " cuanto cobran", " how much is it", " how much does it"].contains(where: folded.contains) {
            // ("bueno pues entonces cuanto cuesta pa contratar uno pa nosotros": the prices first, then the sign-up's question.)
            say(.plansBrief, ["plans": planList()])
        }
        if isFirst, quote == nil, let mbps = slots.planMbps, draft.planMbps == mbps, Self.awaiting(draft) != .confirmation {
            describePlan(mbps)
        }
        // "mi cel es 44 41 87 33 29, ya confírmale": the last answer and the go-ahead in one message.
        // ("…it's Linda Sue García… And yes, Centro and the 50, everything is correct": the fix and the go-ahead together.)
        let goesAhead = [" confirmale", " confirmalo", " confirmelo", " confirmenlo", " ya confirma", " confirm it", " go ahead and"]
            .contains(where: folded.contains)
            || !text.contains("?") && [" everything is correct", " everything s correct", " everything is right", " todo correcto",
                                       " confirmo todo", " yes confirm", " si confirmo",
                                       " todo esta correcto", " proceda", " all correct", " si todo bien", " si esta correcto",
                                       " si confirmo", " adelante", " go ahead", " lock it in"].contains(where: folded.contains)
            // ("sii confirmo" at the name question, everything else known.)
            || opensWithYes && !text.contains("?") && [" confirmo ", " confirm "].contains(where: folded.contains)
            // ("Si, el de cien para la tienda del Centro, a mi nombre, Gilberto Zamarripa. Confirmado.")
            || opensWithYes && !text.contains("?") && (folded.hasSuffix(" confirmado ") || folded.hasSuffix(" confirmed "))
            // ("…que sea el de 50 megas… Sí, ahora sí le confirmo.", "Sí, los datos están correctos: Refugio Salinas Ramos,
            // Centro, 20 megas. Confirmo, por favor.": the fix, and the word that closes it.)
            || !text.contains("?") && ([" confirmo ", " confirmo por favor ", " confirmo porfa "].contains(where: folded.hasSuffix)
                                       || [" los datos estan correctos", " los datos son correctos"].contains(where: folded.contains))
        // ("Sí, así: … ¿Le pueden marcar a él? Su número es 444 127 5503": a yes that only brings the number to call.)
        let yesWithNumber = start.confirming && slots.phone != nil && start.zone == draft.zone && start.planMbps == draft.planMbps
            && start.name == draft.name && [" si ", " yes ", " sip ", " simon "].contains(where: folded.hasPrefix)
        // ("Sí, así está bien: el de 20, a nombre de Rosalba Méndez Treviño, en el Centro. Adelante, por favor.": everything
        // and the go-ahead in the message that starts the sign-up.)
        if !isFirst || goesAhead, applied, !draft.confirming || changed, Self.awaiting(draft) == .confirmation, goesAhead || yesWithNumber {
            return completeSignup(draft)
        }
        askNext(draft)
        mergeReplies(from: lead)
    }

    /// A question in the middle of a sign-up gets its answer, then the sign-up goes on.
    /// `quiet`: say nothing when the question is not one it knows (a yes follows in the same message).
    private mutating func answerAside(for draft: SignupDraft, quiet: Bool = false) {
        if asksForARecommendation { return recommendPlan() }
        if asksAboutPowerCuts { return say(.serviceInPowerCuts) }
        if asksOfficeHours { return say(.officeHours) }
        // "oye antes, el ping sí es estable?", "cuánto ping da": about the plan chosen.
        if asksWhetherItCopes || asksHowItPerforms, let mbps = draft.planMbps {
            describePlan(mbps)
            return
        }
        switch understood.intent {
        case .plansPrices where asksEveryPrice:
            say(.plansList, ["plans": planList()])
        case .plansPrices:
            if let mbps = draft.planMbps ?? previous.quotedPlans.first, let plan = workbook.plan(mbps: mbps),
               !folded.contains("plan") || draft.planMbps != nil {
                // (A plan this reply already described is not said twice.)
                if !describedPlans.contains(mbps) {
                    say(.planDetail, ["plan": String(plan.mbps), "price": Money.format(plan.monthlyPrice),
                                      "description": plan.description])
                }
            } else {
                say(.plansList, ["plans": planList()])
            }
        case .coverage: say(.coverageZonesList, ["zones": coveredZoneList()])
        case .greeting, .thanksBye, .register: break
        // ("y se paga adelantado o a fin de mes?": how to pay, not when they come.)
        case .incidentStatus where asksHowToPay, .billing where asksHowToPay: say(.paymentMethods)
        case .incidentStatus, .billing: say(.installationWhen, ["hours": String(settings.installationHours)])
        case .staffStats where asksAboutAPlan || folded.contains("cuanto"),
             .staffSearch where asksAboutAPlan || folded.contains("cuanto"):
            say(.plansList, ["plans": planList()])
        // "¿el módem lo pueden dejar en la sala?": where the equipment goes is settled at the installation.
        case _ where asksAboutInstallation:
            // "¿la antena se cobra aparte?": what it costs, else where it goes.
            let cost = [" cobra", " cuesta", " cuest", " aparte", " precio", " cost", " charge", " extra", " pagar"].contains(where: folded.contains)
            say(cost ? .installationIncluded : .installationDetails)
        case _ where asksHowToPay: say(.paymentMethods)
        case _ where asksAboutContract: say(.contractTerms)
        // "cuál es el q tiene el vecino de 400??": a price no plan has, asked: the plans there are.
        case _ where text.contains("?") && (asksAboutAPlan || asksAboutPrice || [" cual es el", " which one"].contains(where: folded.contains)):
            say(.plansList, ["plans": planList()])
        // The plan question lists the plans: a question about them needs no "I didn't get that".
        default: if !quiet, Self.awaiting(draft) != .plan || !text.contains("?") { say(.notUnderstoodInFlow) }
        }
    }

    /// "ah no, ya soy cliente": someone the sheet does not know by this chat who says they have the service.
    var saysItIsAClient: Bool {
        [" ya soy cliente", " soy cliente", " somos clientes", " ya tengo el servicio", " ya tengo su servicio",
         " ya tengo internet con ustedes", " already a customer", " already a client", " i m a customer", " i m a client"]
            .contains(where: folded.contains)
    }

    /// "¿el pago mensual se puede hacer por transferencia?", "how do I pay?": the ways to pay.
    var asksHowToPay: Bool {
        [" transferencia", " en efectivo", " oxxo", " con tarjeta", " como se paga", " como pago", " donde se paga", " donde pago",
         " forma de pago", " formas de pago", " how do i pay", " how to pay", " pay by", " bank transfer", " por adelantado",
         " se paga adelantado", " se paga a fin de mes", " se paga al final",
         " in advance", " varios meses"].contains(where: folded.contains)
    }

    /// "y si se va la luz se va el internet tmb o como", "what happens when the power goes out?": asked, nothing failing now.
    var asksAboutPowerCuts: Bool {
        (text.contains("?") || [" o como ", " or what ", " verdad ", " right "].contains(where: folded.hasSuffix))
            && [" si se va la luz", " cuando se va la luz", " si se corta la luz", " cuando hay apagon", " si hay apagon", " en un apagon",
                " if the power goes", " when the power goes", " if there s a power outage", " during a power outage", " power cut"]
                .contains(where: folded.contains)
    }

    /// "que horario tienen ustedes de atencion?", "what are your hours?": when the team answers.
    var asksOfficeHours: Bool {
        [" horario", " que horas atienden", " a que hora abren", " a que hora cierran", " your hours", " office hours",
         " business hours", " what time do you open", " what time do you close"].contains(where: folded.contains)
            && !PriorityRule.namesAFailure(wording)
    }

    /// "¿hay que firmar contrato por un tiempo mínimo?", "is there a contract?": the contract's terms.
    var asksAboutContract: Bool {
        [" contrato por", " firmar contrato", " firmar un contrato", " plazo", " forzoso", " permanencia", " deposito", " fianza",
         " a contract", " contract length", " deposit", " minimum term", " cancel any time", " cancel anytime",
         " cancelar cuando", " si me atraso", " me atraso", " recargo", " dias de gracia", " late fee", " pay late",
         " no pago a tiempo", " no completamos a tiempo",
         // ("when i leave in march can i just cancel, no penalty?")
         " cancel without", " no penalty", " penalty", " penalizacion", " cancelar sin", " can we just cancel",
         " can i just cancel",
         // ("Any contract? We're here maybe 6 months.", "¿hay contrato?")
         " any contract", " is there a contract", " hay contrato", " hay que firmar", " sign a contract", " contract for"]
            .contains(where: folded.contains)
    }

    /// "¿cuánto ping da?", "how's the latency": how a plan performs, asked by someone choosing one.
    var asksHowItPerforms: Bool {
        [" cuanto ping", " que ping", " el ping", " latencia", " ms ", " latency", " how s the ping", " what ping",
         // ("ese tiene menos ping?", "es x antena verdad? no es fibra? xq me preocupa el jitter", "What kind of ping should I expect")
         " menos ping", " jitter", " es x antena", " es por antena", " no es fibra", " es fibra", " what kind of ping",
         " ping should i expect", " is it wireless", " is it fiber", " lower ping"].contains(where: folded.contains)
    }

    var asksAboutInstallation: Bool {
        // ("No me contestó lo del modem y la instalación": asked again.)
        (text.contains("?") || [" pueden ", " puede ", " se puede ", " can you ", " can the ", " no me contesto", " no me respondio",
                                " didn t answer", " you didn t reply"].contains(where: folded.contains))
            && [" modem", " antena", " instala", " cable", " router", " tecnico", " aparato", " antenna", " technician", " setup fee",
                " set up fee", " installation fee", " hookup fee"]
                .contains(where: folded.contains)
    }

    static func awaiting(_ draft: SignupDraft) -> SlotName {
        if draft.zone == nil { return .zone }
        if draft.planMbps == nil { return .plan }
        if draft.name == nil { return .name }
        if draft.phone == nil { return .phone }
        return .confirmation
    }

    /// "¿Seguimos con tu contratación?": yes asks what was missing, no drops the draft (kept as
    /// a prospect); anything else is taken as the answer to the pending question.
    mutating func answerSignupReminder(_ draft: SignupDraft) -> Bool {
        session.signupReminded = false
        switch understood.answer {
        case .yes?:
            intent = .register
            askNext(draft)
            return true
        case .no?, .stop?:
            intent = .register
            session.flow = nil
            recordHalfSignup(draft, reason: .abandoned)
            say(.okNoProblem)
            return true
        case nil:
            return false
        }
    }

    mutating func askNext(_ start: SignupDraft) {
        var draft = start
        draft.confirming = false
        switch Self.awaiting(draft) {
        case .zone:
            // ("ya me convencio mi hija de poner el internet en la fonda… que planes tienen": the plans, then where.)
            if draft.planMbps == nil, asksEveryPrice, !session.context.listedPlans {
                session.context.listedPlans = true
                say(.plansList, ["plans": planList()])
            }
            say(.askZone, ["zones": coveredZoneList()],
                buttons: workbook.coveredZones.prefix(10).map { QuickReply(id: QuickReplyAction.zone($0.name), title: String($0.name.prefix(20))) })
        case .plan:
            say(.askPlan, ["zone": draft.zone ?? "", "plans": planList()],
                buttons: workbook.plansBySpeed.prefix(10).map { plan in
                    QuickReply(id: QuickReplyAction.plan(plan.mbps), title: "\(plan.mbps) Mbps \(Money.format(plan.monthlyPrice))")
                })
        case .name:
            if let profile = draft.profileName, !profile.isEmpty {
                say(.askNameOfferingProfile, ["profile": profile],
                    buttons: [button(.buttonYes, QuickReplyAction.yes)])
            } else {
                say(.askName)
            }
        case .phone:
            say(.askPhone, asksForPhone: chat.channel == .telegram)
        default:
            draft.confirming = true
            let plan = draft.planMbps.flatMap(workbook.plan(mbps:))
            say(.confirmSignup, ["name": draft.name ?? "", "zone": draft.zone ?? "",
                                 "plan": String(draft.planMbps ?? 0), "price": Money.format(plan?.monthlyPrice ?? 0),
                                 "phone": PhoneNumber.display(draft.phone ?? "")],
                buttons: [button(.buttonConfirm, QuickReplyAction.yes), button(.buttonChange, QuickReplyAction.no),
                          button(.buttonStop, QuickReplyAction.stop)])
            summariseOtherServices(of: draft)
        }
        session.flow = .signup(draft)
    }

    private mutating func completeSignup(_ draft: SignupDraft) {
        session.flow = nil
        guard let zone = draft.zone, let mbps = draft.planMbps, let plan = workbook.plan(mbps: mbps) else { return }
        let id = writeClientRow(draft, zone: zone, mbps: mbps, price: plan.monthlyPrice)
        // Put on the waiting list for another place earlier under the app's name only: the name given now.
        if let name = draft.name, let prospect = workbook.prospect(chat: chat),
           prospect.name.isEmpty || prospect.name == draft.profileName || prospect.name == profileName,
           // (A name given for the list stays; the app's lone first name gives way: "Bertha", then "Bertha Alicia Nuñez".)
           !Self.isShortForm(prospect.name, of: name) || !prospect.name.contains(" "), draft.nameIsAnothers != true {
            effects.append(.updateRow(.prospects, key: prospect.id, cells: [Col.Prospect.name.name: CellText.inert(name, maxLength: 80)]))
        }
        say(.signupDone, ["name": firstName(draft.name), "id": id, "plan": String(mbps),
                          "price": Money.format(plan.monthlyPrice), "zone": zone,
                          "hours": String(settings.installationHours)])
        completeOtherServices(after: draft)
    }

    /// One new client row, pending installation, and the staff alert; the new client number.
    mutating func writeClientRow(_ draft: SignupDraft, zone: String, mbps: Int, price: Double) -> String {
        let id = agent.keys.next(.clients)
        typealias C = Col.Client
        var row = RowValues(key: id, cells: [:])
        row[C.id] = id
        row[C.name] = draft.name ?? ""
        row[C.phone] = draft.phone.flatMap(PhoneNumber.digits) ?? ""
        row[C.channel] = chat.channel.sheetLabel
        row[C.chatID] = chat.chatID
        row[C.zone] = zone
        row[C.plan] = String(mbps)
        row[C.price] = Money.plain(price)
        row[C.status] = ClientStatus.pendingInstallation.sheetLabel
        row[C.since] = settings.time.day(now)
        row[C.notes] = draft.phoneVerified ? "Alta por el bot (\(chat.channel.sheetLabel))"
            : "Alta por el bot (\(chat.channel.sheetLabel)); teléfono sin verificar"
        effects.append(.appendRow(.clients, row))
        session.context.signedUp = id
        alertStaff(.signup, .staffAlertSignup, ["id": id, "name": draft.name ?? "", "zone": zone,
                                                 "plan": String(mbps), "phone": PhoneNumber.display(draft.phone ?? "")])
        return id
    }

    /// "mejor cámbielo al de 50" right after signing up here: nobody has installed anything yet, so the
    /// row written in this conversation takes the other plan (a client of longer standing talks to a person).
    mutating func changeJustSignedUpPlan(of client: Client, to mbps: Int) -> Bool {
        guard client.id == previous.signedUp, client.status == .pendingInstallation, mbps != client.planMbps,
              let plan = workbook.plan(mbps: mbps),
              [" cambi", " mejor", " change", " switch", " instead", " confirmo", " ponle", " pongale", " ponga ", " mejor el"]
                .contains(where: folded.contains),
              // ("si despues quieren subir al de 50, hay penalizacion o solo cambia la mensualidad?": asked of later, no change.)
              ![" si despues", " si luego", " si mas adelante", " si en un futuro", " if later", " if we later", " later on",
                " in the future", " penaliz", " penalty"].contains(where: folded.contains) else { return false }
        typealias C = Col.Client
        effects.append(.updateRow(.clients, key: client.id, cells: [C.plan.name: String(mbps), C.price.name: Money.plain(plan.monthlyPrice)]))
        say(.signupPlanChanged, ["id": client.id, "plan": String(mbps), "price": Money.format(plan.monthlyPrice)])
        return true
    }

    /// "Se me olvidaba el segundo apellido: Benítez… Anselmo Quiroga Benítez" right after signing up here: the row just
    /// written takes the whole name.
    mutating func completeJustSignedUpName(of client: Client) -> Bool {
        guard client.id == previous.signedUp, client.status == .pendingInstallation,
              let name = understood.slots.name.map(Self.presentableName), Self.isShortForm(client.name, of: name),
              Text.fold(name) != Text.fold(client.name) else { return false }
        rename(client, to: name)
        return true
    }

    /// "el contrato va a nombre de ella, …" right after the sign-up: whose it is, said late.
    mutating func renameJustSignedUp(_ client: Client) -> Bool {
        // (Not "apúntela pa cuando lleguen a la loma, se llama Lucia Salazar": someone else, for the list.)
        guard client.id == previous.signedUp, client.status == .pendingInstallation, !asksToBeTold, zonesNamed.isEmpty,
              [" contrato", " contratacion", " el servicio", " the contract", " the account", " the service"].contains(where: folded.contains),
              let name = understood.slots.name.flatMap(explicitName).map(Self.presentableName), name.contains(" "),
              Text.fold(name) != Text.fold(client.name) else { return false }
        intent = .register
        rename(client, to: name)
        return true
    }

    /// The client row just written, under the name now given, and said so.
    private mutating func rename(_ client: Client, to name: String) {
        effects.append(.updateRow(.clients, key: client.id, cells: [Col.Client.name.name: CellText.inert(name, maxLength: 80)]))
        say(.signupNameCompleted, ["id": client.id, "name": name])
    }

    enum HalfSignupReason { case abandoned }

    /// Someone who left a sign-up half way is a lead staff may want to call back.
    mutating func recordHalfSignup(_ draft: SignupDraft, reason: HalfSignupReason) {
        guard draft.hasProgress, caller == nil else { return }
        writeProspect(zone: draft.zone ?? "", planMbps: draft.planMbps, name: draft.name ?? draft.profileName,
                      phone: draft.phone, reason: "registro incompleto", notes: "")
    }

    /// "soy Mari otra vez, mejor ponle el de 50": the writer saying who speaks, not renaming a
    /// sign-up that already has a full name.
    func isSelfIntroduction(_ name: String, over current: String?) -> Bool {
        guard let current, current.split(separator: " ").count >= 2, name.split(separator: " ").count == 1 else { return false }
        return ![" a nombre de", " nombre es", " me llamo", " ponlo a", " ponle a", " name is", " under "].contains(where: folded.contains)
    }

    /// `current` with the one word the message says was mistyped replaced by the word typed now ("oops typo, its kowalski"
    /// after "Mitchell Kowalksi"); nil when the message mends no word of it.
    func nameWithATypoMended(_ current: String) -> String? {
        // ("perdon es Danyela, con y")
        guard text.contains("*") || [" typo", " error", " me equivoque", " correccion", " se escribe", " spelled", " spelt", " mal escrito",
                                     " perdon es ", " con y ", " con i ", " con z ", " con s ", " con doble ", " with a y ",
                                     " with an i "].contains(where: folded.contains) else { return nil }
        var words = current.split(separator: " ").map(String.init)
        for typed in Set(folded.split(separator: " ").map(String.init)) where typed.count >= 4 {
            guard let i = words.firstIndex(where: { word in
                let known = Text.fold(word)
                return known != typed && known.first == typed.first && SpellFixer.boundedDistance(typed, known, limit: 2) <= 2
            }) else { continue }
            words[i] = typed.capitalizedFirst
            return words.joined(separator: " ")
        }
        return nil
    }

    static func isShortForm(_ name: String, of current: String?) -> Bool {
        guard let current else { return false }
        let new = Text.fold(name).split(separator: " "), old = Set(Text.fold(current).split(separator: " "))
        // "Hilario B." is "Hilario Benavides Ochoa" shortened: an initial stands for its word.
        return new.count < old.count && new.allSatisfy { word in
            old.contains(word) || word.count == 1 && old.contains { $0.count > 1 && $0.first == word.first }
        }
    }

    /// "luis ramírez" → "Luis Ramírez"; anything that is not plain words is kept as typed.
    static func presentableName(_ raw: String) -> String {
        let plain = raw.allSatisfy { $0.isLetter || $0 == " " || $0 == "'" || $0 == "-" || $0 == "." }
        let name = plain && raw == raw.lowercased() ? Text.titleCased(raw) : raw.trimmingSpaces
        // "es Graciela Graciela Ramirez Soto": a word said twice in a row, when correcting, is one word.
        var words: [Substring] = []
        for word in name.split(separator: " ") where words.last.map({ Text.fold(String($0)) != Text.fold(String(word)) }) ?? true {
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    func firstName(_ name: String?) -> String {
        name.flatMap { $0.split(separator: " ").first.map(String.init) } ?? ""
    }
}

/// Pesos as people read them: "$350", "$1,350.50".
public enum Money {
    public static func format(_ amount: Double) -> String {
        "$" + plain(amount, grouping: true)
    }

    static func plain(_ amount: Double, grouping: Bool = false) -> String {
        let whole = amount.rounded() == amount
        let digits = whole ? String(Int(amount)) : String(format: "%.2f", amount)
        guard grouping else { return digits }
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        return integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}

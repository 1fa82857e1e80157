import Foundation

/// Greetings, plans, coverage and billing: answers read from the Planes and Zonas tabs and
/// the caller's own client row, never hard-coded.
extension Conversation {
    mutating func greet() {
        session.flow = nil
        session.menuShown = true
        if input.role == .staff {
            say(.staffMenu)
            return
        }
        if let client = caller {
            say(.greetingClient, ["name": firstName(client.name), "menu": menuText()], buttons: menuButtons())
        } else {
            say(.greeting, ["menu": menuText()], buttons: menuButtons())
        }
    }

    func menuText() -> String {
        MenuOption.allCases.map { "\($0.rawValue). \(agent.book.text($0.buttonKey, lang))" }.joined(separator: "\n")
    }

    func planList() -> String {
        workbook.plansBySpeed.map { plan in
            let detail = plan.description.isEmpty ? "" : " (\(plan.description))"
            return "• \(plan.mbps) Mbps: \(Money.format(plan.monthlyPrice)) \(agent.book.text(.perMonth, lang))\(detail)"
        }.joined(separator: "\n")
    }

    func coveredZoneList() -> String {
        workbook.coveredZones.map(\.name).joined(separator: ", ")
    }

    mutating func plansAndPrices() {
        // A client asking about a plan is weighing a change: that plan against theirs.
        if let client = caller, client.status != .cancelled, let mbps = understood.slots.planMbps,
           mbps != client.planMbps || workbook.plansBySpeed.contains(where: { $0.mbps != mbps && mentionsSpeed($0.mbps) }) {
            return billing()
        }
        // "y la instalacion se cobra aparte o q" after a plan's price: what the installation costs; that plan stays the one
        // talked about.
        if understood.slots.planMbps == nil, plansNamed.isEmpty, !asksEveryPrice, !previous.quotedPlans.isEmpty || previous.listedPlans,
           ![" precio", " paquete", " plan", " mensual", " al mes", " cuanto cuesta el internet", " megas"].contains(where: folded.contains),
           [" instalacion", " installation"].contains(where: folded.contains),
           [" aparte", " se cobra", " cuesta", " cobran", " extra", " cost", " charge"].contains(where: folded.contains) {
            session.context.quotedPlans = previous.quotedPlans
            session.context.offeredSignup = true
            say(.installationIncluded, buttons: planButtons)
            return
        }
        // "1) ¿Tienen servicio en la colonia Poniente? 2) ¿Cuál es el más económico?": both answered.
        if let zone = understood.slots.zone, input.role == .customer, asksCoverage {
            answerCoverage(zone)
        }
        // "¿y cuánto sale ese, y los otros?", "20 megas, 50 megas… ¿y cuánto cuesta cada uno?": every plan.
        let named = plansNamed
        if asksEveryPrice {
            session.context.listedPlans = true
            session.context.offeredSignup = true
            say(.plansList, ["plans": planList()], buttons: planButtons)
            tellTheZoneToo()
            return
        }
        // "¿qué diferencia hay entre el de 50 y el de 100?": both.
        if named.count >= 2 {
            for mbps in named { describePlan(mbps) }
            session.context.quotedPlans = named
            sayTheTotalIfAsked(named)
            return
        }
        if let mbps = understood.slots.planMbps {
            // ("She has the 20 at present. What would the next one up cost per month?": the plan after the one she has.)
            let has = [" has the", " have the", " tiene el", " tengo el", " tenemos el", " at present", " currently", " actualmente"]
                .contains(where: folded.contains)
            describePlan(has ? planStep.flatMap { stepped(from: mbps, by: $0) } ?? mbps : mbps)
            tellTheZoneToo()
            return
        }
        session.context.listedPlans = true
        session.context.offeredSignup = true
        say(.plansList, ["plans": planList()], buttons: planButtons)
        tellTheZoneToo()
    }

    /// "…la subida del plan de 100… Estoy en zona Norte", "mi nieto vive en el norte, ¿qué planes tienen?":
    /// a place told with a price question by someone with no service is answered too.
    private mutating func tellTheZoneToo() {
        // (A client asking for another home — "otra casa aparte de esta, es la de mi mamá… colonia norte" — hears the place too.)
        guard caller == nil || session.context.forAnotherHome == true, input.role == .customer, !asksCoverage, session.flow == nil,
              let zone = understood.slots.zone.flatMap(workbook.zone(named:)) else { return }
        // ("…cuánto cobran por el internes yo vivo en san ysidro": the prices, then that we do not reach there yet.)
        guard zone.hasCoverage else {
            let named = zonesNamed
            return named.count > 1 ? answerCoverage(of: named) : answerCoverage(zone.name)
        }
        session.context.zone = zone.name
        say(.signupZoneCovered, ["zone": zone.name])
        // First the place, then the prices with their buttons.
        guard replies.count >= 2 else { return }
        replies.insert(replies.removeLast(), at: replies.count - 1)
        mergeReplies(from: replies.count - 2)
        // ("…para mi florería que está en el Centro y también para mi casa que está en La Loma": the other place, told too.)
        for other in zonesNamed where !other.hasCoverage {
            say(.signupOtherZoneNotCovered, ["zone": other.name, "notes": notesInParentheses(other)])
            session.context.listOffered = other.name
        }
    }

    /// "cada uno", "los otros cuánto salen", "all of them": the price of every plan is asked.
    var asksEveryPrice: Bool {
        [" cada uno", " cada plan", " cada paquete", " los otros cuanto", " los demas cuanto", " y los otros", " y los demas",
         // ("Cuánto es los tres, el caro y el de en medio también dime")
         " cuanto es los tres", " cuanto son los tres", " cuanto cuestan los tres", " precio de los tres", " los tres precios",
         " all three plans", " all three prices",
         " varios precios", " todos los precios", " todos los planes", " each one", " each plan", " the others", " all of them",
         " all the plans", " all your plans", " cuales paquetes", " cuales planes", " que paquetes tienen", " que planes tienen",
         " saber todos", " what plans do you", " which plans do you", " que planes manejan", " que paquetes manejan",
         " que planes hay", " que paquetes hay", " what plans", " what packages", " q paquetes", " q planes", " k paquetes",
         " todos los precios", " otros planes", " other plans", " otros paquetes", " que planes ofrecen", " que paquetes ofrecen",
         " cuales son sus tarifas", " cuales son las tarifas", " what are my options", " que opciones tengo", " q opciones tengo",
         // ("que paquetes tenes vos?", as in Chiapas)
         " que paquetes tenes", " que planes tenes", " que paquetes manejan",
         // ("nos hagan llegar una cotización de sus paquetes de internet")
         " cotizacion de sus", " cotizacion de los", " una cotizacion", " a quote for", " quote of your",
         // ("I'd like to sign up for internet. Could you tell me the prices first?")
         " tell me the prices", " the prices first", " what are the prices", " what are your prices", " los precios primero",
         " cuales son los precios", " me dice los precios", " me dices los precios"]
            .contains(where: folded.contains) || asksWhatTheServiceCosts
    }

    /// "cuanto cuesta el internet??", "kiero internt en mi casa cuanto cuesta", "how much is internet for a house?": the
    /// price of the service, no plan named.
    var asksWhatTheServiceCosts: Bool {
        guard understood.slots.planMbps == nil else { return false }
        return [" cuanto cuesta el internet", " cuanto cuesta internet", " cuanto sale el internet", " cuanto cobran por el internet",
                " how much is internet", " how much is the internet", " how much for internet", " how much does internet cost",
                " how much is your internet", " how much is ur internet", " how much for your internet",
                // ("quiero ponerle pero no se cuanto cobran ustedes por mes")
                " cuanto cobran ustedes", " cuanto cobran al mes", " cuanto cobran por mes", " cuanto cobran mensual"]
            .contains(where: foldedAndRead.contains)
            // (Read too: "kiero contratar intenret pamicasa cuanto questa".)
            || [folded, " " + (understood.normalized ?? "") + " "].contains { wording in
                [" cuanto cuesta ", " cuanto sale ", " cuanto cobran "].contains(where: wording.hasSuffix)
            }
    }

    var planButtons: [QuickReply] {
        [button(.buttonRegister, MenuOption.register.id), button(.buttonCoverage, MenuOption.coverage.id)]
    }

    /// The speeds of the sheet's plans the message names ("el de 50 y el de 100"), slowest first.
    /// ("cuanto el mas barato y cuanto el de 50?": the cheapest and the fastest are named too.)
    var plansNamed: [Int] {
        let speeds = workbook.plansBySpeed.map(\.mbps)
        // ("NO VOY A PONER EL DE 100. EL DE 50 LES ALCANZA…?": the plan turned down is not one asked about.)
        var named = speeds.filter { mbps in
            mentionsSpeed(mbps) && ![" no voy a poner el de \(mbps) ", " no quiero el de \(mbps) ", " no vamos a poner el de \(mbps) ",
                                     " no queremos el de \(mbps) ", " not the \(mbps) "].contains(where: folded.contains)
        }
        guard !named.isEmpty else { return named }
        if [" el mas barato", " el mas economico", " the cheapest"].contains(where: folded.contains), let cheapest = speeds.first {
            named.append(cheapest)
        }
        if [" el mas rapido", " the fastest"].contains(where: folded.contains), let fastest = speeds.last { named.append(fastest) }
        return speeds.filter(named.contains)
    }

    /// "pal negocio el de cien y pa la casa el de 20, cuanto por los dos?": what the plans named come to together.
    mutating func sayTheTotalIfAsked(_ plans: [Int]) {
        guard plans.count >= 2, asksAboutPrice,
              [" por los dos", " los dos juntos", " por ambos", " en total", " total", " for both", " both together", " for the two",
               " las dos lineas", " los dos servicios", " por las dos"].contains(where: folded.contains) else { return }
        let total = plans.compactMap { workbook.plan(mbps: $0)?.monthlyPrice }.reduce(0, +)
        say(.plansTotal, ["total": Money.format(total)])
    }

    /// "¿qué diferencia hay entre el de 20 y el de 50?": each plan the message names, else the one it was read as.
    mutating func describePlans(namedOr mbps: Int) {
        let named = plansNamed
        if named.count >= 2, asksAboutPrice, let asked = pricedFirst(of: named) { session.context.askedPlan = asked }
        for plan in named.count >= 2 ? named : [mbps] { describePlan(plan) }
        sayTheTotalIfAsked(named)
    }

    /// "¿y cuánto me saldría el más baratito?" while the waiting list is talked about: that plan's price, or every price.
    mutating func answerThePriceAsked() {
        // ("el de 20 es el mas lento verdad? cuanto cuesta el q sigue?": the next one up.)
        if let mbps = understood.slots.planMbps, [" el q sigue", " el que sigue", " el que le sigue", " el q le sigue"]
            .contains(where: folded.contains),
           let next = workbook.plans.map(\.mbps).filter({ $0 > mbps }).min() {
            describePlan(next)
        } else if let mbps = understood.slots.planMbps, !asksEveryPrice {
            describePlans(namedOr: mbps)
        } else {
            say(.plansList, ["plans": planList()])
        }
    }

    /// "cual me recomiendas? tiene 2 chamacos en secundaria q hacen tarea en linea y ven youtube": a plan for the use told.
    var asksForARecommendation: Bool {
        [" recomiend", " recommend", " cual me conviene", " cual nos conviene", " which one should", " what should i get",
         " which should i", " que plan nos alcanza", " que plan me alcanza", " cual nos alcanza", " cual me alcanza", " que plan necesito",
         " que plan necesitamos", " which plan is enough", " which plan do we need", " which plan do i need"].contains(where: folded.contains)
    }

    /// The plan for the use the message tells: streaming, games, work and cameras the fastest; a family, children and
    /// schoolwork the middle one; otherwise the cheapest. It is quoted, so "ese" or "sí" next takes it.
    mutating func recommendPlan() {
        let speeds = workbook.plansBySpeed.map(\.mbps)
        guard let cheapest = speeds.first, let fastest = speeds.last else { return }
        let heavy = [" home office", " trabajo desde", " trabajar desde", " work from home", " juegos", " jugar", " gaming",
                     " 4k", " streaming", " camaras", " cameras", " negocio", " varias computadoras", " computers",
                     // ("pa mi ciber… tengo 6 compus y la impresora de red")
                     " compus", " computadoras", " maquinas", " ciber", " impresora de red", " pcs"]
        let family = [" chamacos", " ninos", " hijos", " familia", " tarea", " clases", " kids", " family", " youtube", " netflix",
                      " tablets", " tabletas", " series", " peliculas", " movies", " varios", " personas"]
        let middle = speeds.count >= 3 ? speeds[speeds.count / 2] : fastest
        let mbps = heavy.contains(where: folded.contains) ? fastest : family.contains(where: folded.contains) ? middle : cheapest
        guard let plan = workbook.plan(mbps: mbps) else { return }
        session.context.quotedPlans = [mbps]
        session.context.lastQuotedPlan = mbps
        session.context.offeredSignup = true
        say(.planRecommended, ["plan": String(mbps), "price": Money.format(plan.monthlyPrice), "description": plan.description])
    }

    /// One plan's price and what it is for; "ese" then means this one.
    mutating func describePlan(_ mbps: Int) {
        guard let plan = workbook.plan(mbps: mbps) else {
            session.context.listedPlans = true
            say(.unknownPlan, ["mbps": String(mbps), "plans": planList()], buttons: planButtons)
            return
        }
        // (Plans described in one reply keep their order: "el segundo" next is the second of them.)
        session.context.quotedPlans = describedPlans.isEmpty ? [plan.mbps] : session.context.quotedPlans.filter { $0 != plan.mbps } + [plan.mbps]
        if session.context.quotedPlans.count >= 2 { session.context.quotedOrder = session.context.quotedPlans }
        session.context.lastQuotedPlan = plan.mbps
        session.context.offeredSignup = true
        guard describedPlans.insert(plan.mbps).inserted else { return }
        say(.planDetail, ["plan": String(plan.mbps), "price": Money.format(plan.monthlyPrice),
                          "description": plan.description], buttons: planButtons)
    }

    mutating func coverage() {
        // ("¿Ese mismo en Oriente?" right after the 50's price: that plan, and the place.)
        defer {
            if previous.quotedPlans.count == 1, [" ese mismo", " el mismo", " that same", " the same one"].contains(where: folded.contains) {
                describePlan(previous.quotedPlans[0])
            }
        }
        // "¿Aproximadamente cuándo pasaría el técnico a la casa del Centro?" after a report: its state, not the zone.
        if caller != nil || previous.writtenIncident != nil, [" el tecnico", " the technician", " la visita"].contains(where: folded.contains),
           [" cuando", " when", " a que hora", " how long"].contains(where: folded.contains) {
            intent = .incidentStatus
            return incidentStatus()
        }
        // ("¿Tienen ustedes alguna fecha estimada para la llegada del servicio a dicha zona?" after hearing we do not reach
        // it: when, for that place, and the offer of the list.)
        // ("y pa cuando llegan alla?" after a word about a place we reach: the place the list was offered for.)
        let talkedAbout = previous.zone.flatMap({ workbook.zone(named: $0) }).flatMap { $0.hasCoverage ? nil : $0 }
            ?? previous.listOffered.flatMap({ workbook.zone(named: $0) })
        if understood.slots.zone == nil, asksWhen, let zone = talkedAbout, !zone.hasCoverage,
           [" dicha zona", " esa zona", " esa colonia", " alla", " that area", " out there", " over there"].contains(where: folded.contains) {
            say(.prospectWhen)
            if workbook.prospect(chat: chat).map({ Text.fold($0.zone) == Text.fold(zone.name) }) != true {
                offerToNotify(zone: zone.name)
            }
            return
        }
        // "¿el precio será el mismo que en el Centro? me interesaría el de 50": a price question.
        // "…basta el de 50. ¿Tienen cobertura en la colonia Sur?": both answered.
        // ("Me interesa el de 50 megas; ¿ése sería de 450 pesos mensuales, verdad? …mi hija vive en La Loma, ¿allá también?")
        if let mbps = understood.slots.planMbps, asksAboutPrice || saysAPrice && text.contains("?") {
            intent = .plansPrices
            describePlan(mbps)
            if asksCoverage, let zone = understood.slots.zone { answerCoverage(zone) }
            return
        }
        // "¿cuánto cuesta el internet y si llegan al fracc Los Pinos?": the prices, and the place answered.
        // ("q paquetes tienen y si llegan al norte?": the packages too.)
        if understood.slots.planMbps == nil, asksCoverage, let zone = understood.slots.zone,
           [" cuanto cuesta", " cuanto sale", " cuanto cobran", " precio", " how much", " what do you charge", " prices", " tarifas",
            " q paquetes", " que paquetes", " que planes", " q planes", " what plans", " what packages"]
            .contains(where: folded.contains) {
            let lead = replies.count
            session.context.listedPlans = true
            say(.plansList, ["plans": planList()])
            answerCoverage(zone)
            mergeReplies(from: lead)
            return
        }
        // "y a mí cuánto me saldría aquí en la Sur?": the prices, and the place.
        if understood.slots.planMbps == nil, !asksCoverage, asksAboutPrice, understood.slots.zone != nil {
            intent = .plansPrices
            return plansAndPrices()
        }
        // "Tengo un ciber en Oriente… ¿qué planes manejan?": the plans, and the place answered too.
        if [" planes", " paquetes", " plans", " precios", " packages", " tarifas"].contains(where: folded.contains), !asksCoverage {
            intent = .plansPrices
            if let zone = understood.slots.zone.flatMap(workbook.zone(named:)), zone.hasCoverage { session.context.zone = zone.name }
            return plansAndPrices()
        }
        // "Do you guys cover it? And what plans do you have?": the place, then the plans.
        if asksCoverage, let zone = understood.slots.zone, understood.slots.planMbps == nil,
           [" what plans", " which plans", " que planes", " cuales planes", " que paquetes", " plans do you have", " planes tienen",
            " planes manejan"].contains(where: folded.contains) {
            let lead = replies.count
            answerCoverage(zone)
            session.context.listedPlans = true
            say(.plansList, ["plans": planList()], buttons: planButtons)
            mergeReplies(from: lead)
            return
        }
        // "me voy a vivir con mi hija a La Loma" … "¿allá llega?": the place just named.
        // ("ai si llegan?": "ai" is "ahí".)
        // ("san isidro" … "llegan?": the place just answered about, asked again in one word.)
        let there = [" alla ", " ahi ", " ai ", " there ", " aca "].contains(where: foldedAndRead.contains)
            || folded.split(separator: " ").count <= 2 && [" llegan", " llega ", " hay ", " tienen"].contains(where: folded.contains)
            ? previous.zone ?? session.context.zone : nil
        // ("la loma es donde vivia antes, ahora se cambio a san isidro. ahi si hay?": the place corrected to.)
        guard let zoneName = zoneCorrectedTo?.name ?? understood.slots.zone ?? there else {
            session.flow = .coverageQuestion
            say(.coverageAsk, ["zones": coveredZoneList()],
                buttons: workbook.coveredZones.prefix(10).map { QuickReply(id: QuickReplyAction.zone($0.name), title: String($0.name.prefix(20))) })
            return
        }
        answerCoverage(zoneName)
    }

    /// "¿Te refieres a Oriente?" before answering about a zone read from a misspelling.
    mutating func sayZoneGuess(_ zone: String) {
        session.context.guessedZone = zone
        say(.zoneGuess, ["zone": zone])
    }

    mutating func answerCoverage(_ zoneName: String) {
        // "¿tienen servicio en San Isidro o en el Poniente?": every place asked about is answered.
        // ("es para dos casas, la mía en el centro y la de mi mamá en la loma", after the prices: both told.)
        if asksCoverage || !text.contains("?") || understood.intent == .coverage, case let named = zonesNamed, named.count > 1,
           Text.fold(named[0].name) == Text.fold(zoneName) {
            return answerCoverage(of: named)
        }
        if understood.zoneGuessed, understood.slots.zone == zoneName { sayZoneGuess(zoneName) }
        guard let zone = workbook.zone(named: zoneName) else {
            // ("llegan a la col. el mirador? al centro? y al poniente?": the sheet's places asked too are answered first.)
            let alsoAsked = workbook.zones.filter { foldedAndRead.contains(" " + Text.fold($0.name) + " ") }
            if text.contains("?"), !alsoAsked.isEmpty { answerCoverage(of: alsoAsked) }
            let name = CellText.inert(Text.titleCased(zoneName), maxLength: 80)
            session.context.zone = name
            session.flow = .notifyWhenCovered(zone: name)
            say(.coverageUnknown, ["zone": name, "zones": coveredZoneList()],
                buttons: [button(.buttonNotifyMe, QuickReplyAction.yes), button(.buttonNoThanks, QuickReplyAction.no)])
            return
        }
        // ("pues queda como a 15 min del centro pero ya es puro monte": a place some way out of one we reach, not in it; "como q
        // no?? si mi compadre vive a 4 cuadras, en el centro" after hearing we do not reach Poniente: still Poniente.)
        // (With no place talked about before, only a real distance — minutes, kilometres — says the place is out of town.)
        let before = previous.zone
        if zone.hasCoverage, input.role == .customer, !asksToBeTold, let distance = distanceFrom(zone.name),
           let place = before ?? (distance == .far ? (lang == .en ? "that place" : "ese lugar") : nil),
           Text.fold(place) != Text.fold(zone.name), workbook.zone(named: place)?.hasCoverage != true {
            if let listed = workbook.zone(named: place) {
                intent = .coverage
                session.context.listOffered = listed.name
                return sayNotCovered(listed.name, listFor: listed.name, notes: notesInParentheses(listed))
            }
            intent = .coverage
            session.context.zone = place
            session.flow = .notifyWhenCovered(zone: place)
            say(.noCoverageUnknownOffer, ["zone": place, "zones": coveredZoneList()],
                buttons: [button(.buttonNotifyMe, QuickReplyAction.yes), button(.buttonNoThanks, QuickReplyAction.no)])
            return
        }
        // ("a poco no me la pueden jalar desde el centro con una antena mas grandota?" after hearing we do not reach La Loma: a
        // place we reach named as a reference; the answer about theirs stands.)
        if zone.hasCoverage, input.role == .customer, namesOnlyAsAReference(zone.name), !asksToBeTold,
           let offered = previous.listOffered ?? workbook.prospect(chat: chat)?.zone, let listed = workbook.zone(named: offered),
           !listed.hasCoverage {
            if case .prospectName(let key)? = input.session?.flow { return restateNoCoverage(at: listed, then: .prospectName(key: key)) }
            intent = .coverage
            session.context.listOffered = listed.name
            return sayNotCovered(listed.name, listFor: listed.name, notes: notesInParentheses(listed))
        }
        session.context.zone = zone.name
        if zone.hasCoverage {
            session.flow = nil
            // ("el de 50 y si llegan al oriente?" … "ese mismo entonces": the plan said with the question.)
            if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, session.context.lastQuotedPlan == nil {
                session.context.lastQuotedPlan = mbps
            }
            sayCovered(zone.name)
        } else {
            // ("cuanto questa y si llegan hasta aca", from the Poniente: the price asked is answered too.)
            // (Not a second time when this turn listed them already.)
            if asksAboutPrice, !describedPlans.contains(understood.slots.planMbps ?? 0), !session.context.listedPlans {
                if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil { describePlan(mbps) } else {
                    session.context.listedPlans = true
                    say(.plansBrief, ["plans": planList()])
                }
            }
            sayNotCovered(zone.name, listFor: zone.name, notes: notesInParentheses(zone))
        }
    }

    /// "¡Sí! Tenemos cobertura en …": a sign-up offered.
    private mutating func sayCovered(_ places: String) {
        session.context.offeredSignup = true
        say(.coverageYes, ["zone": places],
            buttons: [button(.buttonRegister, MenuOption.register.id), button(.buttonPlans, MenuOption.plans.id)])
    }

    /// A zone's note as the replies put it after its name (" (en expansión)"), or nothing.
    func notesInParentheses(_ zone: Zone) -> String {
        zone.notes.isEmpty ? "" : " (\(zone.notes))"
    }

    /// "Por ahora no tenemos cobertura en …": the waiting list offered for `zone`.
    private mutating func sayNotCovered(_ places: String, listFor zone: String, notes: String) {
        session.flow = .notifyWhenCovered(zone: zone)
        session.context.listOffered = zone
        say(.coverageNo, ["zone": places, "notes": notes, "zones": coveredZoneList()],
            buttons: [button(.buttonNotifyMe, QuickReplyAction.yes), button(.buttonNoThanks, QuickReplyAction.no)])
    }

    /// The sheet zones a message names: the one read first (misspelt or not), then any other
    /// spelt out whole ("…en San Isidro o en el Poniente").
    /// "…colonia El Mirador, que es como el poniente", "it's in Oriente": the sheet's zone an unknown place is said to be.
    var zoneThePlaceIsIn: String? {
        let saidToBe = workbook.zones.filter { zone in
            [" que es como el ", " que es como la ", " que es el ", " que es la ", " o sea el ", " o sea la ", " es como el ",
             " es como la ", " seria el ", " seria la ", " which is in ", " which is ", " it s in "]
                .contains { folded.contains($0 + Text.fold(zone.name) + " ") }
        }
        return saidToBe.count == 1 ? saidToBe[0].name : nil
    }

    var zonesNamed: [Zone] {
        guard let first = understood.slots.zone.flatMap(workbook.zone(named:)) else { return [] }
        // ("it's Linda from Centro… can he get service in the Oriente?": where the writer lives is not asked about.)
        return [first] + workbook.zones.filter { zone in
            zone.name != first.name && ([zone.name] + zone.aliases).contains { foldedAndRead.contains(" " + Text.fold($0) + " ") }
                // ("vendimos la casa del norte y nos vamos a vivir… en la loma": the place left behind is not asked about.)
                // ("my street counts as Oriente not Poniente": the place taken back is not asked about.)
                && ![" from ", " from the ", " vendimos la casa del ", " vendimos la casa de la ", " nos salimos del ", " nos vamos del ",
                     " dejamos la casa del ", " nos cambiamos del ", " moving out of ", " sold our house in ", " not ", " no en el ",
                     " no en la ", " no es "]
                    .contains { folded.contains($0 + Text.fold(zone.name) + " ") }
        }
    }

    /// "ahorita estamos en el nrte rentando… y la casa nueva esta en el oriemte": the place of the new home, wherever the
    /// writer lives now.
    var newHomeZone: Zone? {
        let marks = [" casa nueva esta en ", " casa nueva es en ", " nueva casa esta en ", " casa nueva queda en ", " nos cambiamos a ",
                     " nos mudamos a ", " me cambio a ", " me mudo a ", " new house is in ", " moving to "]
        // (As read first, where "oriemte" is "oriente"; then as typed.)
        for said in [understood.normalized.map { " " + $0 + " " }, folded].compactMap({ $0 }) {
            if let zone = zoneNamed(after: marks, in: said) { return zone }
        }
        return nil
    }

    /// "ay no perdon, quise decir La Loma jeje el poniente es donde vivian antes": the place named right after the words
    /// that correct, whichever the reader took.
    var zoneCorrectedTo: Zone? {
        // ("la loma es donde vivia antes, ahora se cambio a san isidro. ahi si hay?": where she lives now.)
        zoneNamed(after: [" quise decir ", " i meant ", " mejor dicho ", " perdon es ", " sorry it s ", " sorry its ", " ahora se cambio a ",
                          " ahora se cambiaron a ", " ahora vive en ", " ahora viven en ", " now she lives in ", " now he lives in ",
                          " now they live in "], in: folded)
    }

    /// The zone named first after the earliest of `marks` in `said` (folded, a space each side).
    func zoneNamed(after marks: [String], in said: String) -> Zone? {
        guard let mark = marks.compactMap({ said.range(of: $0)?.upperBound }).min() else { return nil }
        let after = " " + said[mark...]
        return workbook.zones.compactMap { zone in firstMention(of: zone, in: after).map { (zone, $0) } }.min { $0.1 < $1.1 }?.0
    }

    /// Where `zone` (its name or an alias, a whole word) is first named in `said`.
    func firstMention(of zone: Zone, in said: String) -> String.Index? {
        ([zone.name] + zone.aliases).compactMap { said.range(of: " " + Text.fold($0) + " ")?.lowerBound }.min()
    }

    /// Several places in one question: those we reach, then those we do not, one message. The
    /// waiting list is offered for the first place we do not reach.
    mutating func answerCoverage(of zones: [Zone]) {
        let lead = replies.count
        let covered = zones.filter(\.hasCoverage).map(\.name)
        let uncovered = zones.filter { !$0.hasCoverage }.map(\.name)
        session.context.zone = covered.first ?? uncovered.first
        session.flow = nil
        if !covered.isEmpty { sayCovered(covered.joined(separator: lang == .en ? " and " : " y en ")) }
        if let first = uncovered.first {
            sayNotCovered(uncovered.joined(separator: lang == .en ? " or " : " ni en "), listFor: first, notes: "")
        }
        mergeReplies(from: lead)
    }

    /// "jalar desde el centro": the zone named only to say where something else comes from.
    func namesOnlyAsAReference(_ zone: String) -> Bool {
        // (Right before it, and only "from": "por el lado del Oriente", "pegado al norte", "cerca del Norte" say where the
        // place is.)
        wordsBefore(zone, count: 2)?.contains(where: ["desde", "from"].contains) ?? false
    }

    /// Up to `count` words of the message right before the first mention of `zone`'s name; nil when it is not named.
    private func wordsBefore(_ zone: String, count: Int) -> ArraySlice<String>? {
        let words = folded.split(separator: " ").map(String.init)
        let zoneWords = Text.fold(zone).split(separator: " ").map(String.init)
        guard let at = words.indices.first(where: { Array(words[$0...].prefix(zoneWords.count)) == zoneWords }) else { return nil }
        return words[max(0, at - count)..<at]
    }

    enum Distance { case near, far }

    /// "queda como a 15 min del centro", "a 3 km del norte" (far), "vive a 4 cuadras, en el centro" (near): the zone named as
    /// how far the place is from it.
    func distanceFrom(_ zone: String) -> Distance? {
        guard let before = wordsBefore(zone, count: 4), !before.contains(where: ["cerca", "near", "pegado", "junto"].contains) else { return nil }
        if before.contains(where: ["min", "mins", "minutos", "minutes", "km", "kms", "kilometros", "lejos", "retirado"].contains) {
            return .far
        }
        return before.contains(where: ["cuadras", "blocks"].contains) ? .near : nil
    }

    mutating func continueCoverageQuestion() -> Bool {
        session.flow = nil
        var zone = understood.slots.zone
        if zone == nil, let n = understood.menuChoice, workbook.coveredZones.indices.contains(n - 1) {
            zone = workbook.coveredZones[n - 1].name
        }
        guard let zone else { return false }
        intent = .coverage
        answerCoverage(zone)
        return true
    }

    /// "¿Quieres que te avisemos cuando lleguemos a …?", with its buttons; a yes next puts them on the list.
    mutating func offerToNotify(zone: String) {
        session.flow = .notifyWhenCovered(zone: zone)
        session.context.listOffered = zone
        say(.prospectOffer, ["zone": zone],
            buttons: [button(.buttonNotifyMe, QuickReplyAction.yes), button(.buttonNoThanks, QuickReplyAction.no)])
    }

    mutating func continueNotify(zone: String) -> Bool {
        session.flow = nil
        // ("oiga y a san isidro si llegan?" in the middle of a sign-up, then "ah bueno pos nomas pa mi entonces", "no", the
        // plan or the name: the sign-up goes on where it was.)
        if let held = previous.heldSignup, !asksToBeTold || declinesTheList, understood.slots.zone == nil,
           [.register, .plansPrices, .thanksBye, .outOfScope, .greeting, .staffSearch].contains(understood.intent) || understood.answer == .no,
           understood.answer != .yes || onlyForThemselves {
            intent = .register
            if understood.slots.planMbps == nil, understood.slots.name.flatMap(explicitName) == nil {
                askNext(held)
            } else {
                advanceSignup(held, applying: understood.slots, isFirst: false)
            }
            return true
        }
        // "entonces quiero dar de baja el de ellos…": a cancellation, read as one.
        if understood.intent == .cancel, mentionsCancelling, !asksToBeTold { return false }
        // ("Pues queda pa la oriental pasando las vías del tren" after "No tengo registrada la zona Las Ánimas… dime cuál": the
        // sheet's zone the place is in, answered.)
        if workbook.zone(named: zone) == nil, let other = understood.slots.zone.flatMap(workbook.zone(named:)),
           understood.slots.planMbps == nil, !wantsIt, !asksToBeTold, understood.intent != .register {
            intent = .coverage
            answerCoverage(other.name)
            return true
        }
        // ("Lovely, that narrows it down, probably Oriente or Sur then. Cheers!": a goodbye, looking elsewhere; no yes to the list.)
        if understood.intent == .thanksBye, !asksToBeTold, !text.contains("?"), let other = understood.slots.zone,
           Text.fold(other) != Text.fold(zone) {
            return false
        }
        // ("Bueno. Urge el técnico por favor": about her report, not a yes to the list.)
        if caller != nil, [" tecnico", " reporte", " technician", " folio"].contains(where: folded.contains), !asksToBeTold {
            return false
        }
        // ("ay ya ni modo 😩 y si debo algo??": the bill, not a yes to the list.)
        if caller != nil, asksWhatIsOwed, !asksToBeTold { return false }
        // ("ni el otro? ni el de 20 siquiera?": whether a smaller plan reaches it; none does, and the offer stands.)
        // (Not "ni modo. y el de 50 cuanto es al mes?": that is a price asked.)
        // ("oh no seriously?? nothing at all, not even the slow plan?")
        if text.contains("?"), folded.hasPrefix(" ni ") && !folded.hasPrefix(" ni modo") || folded.contains(" not even the "), !asksToBeTold,
           understood.slots.planMbps != nil || [" el otro", " siquiera", " ninguno", " not even"].contains(where: folded.contains),
           let listed = workbook.zone(named: zone), !listed.hasCoverage {
            intent = .coverage
            say(.coverageNo, ["zone": listed.name, "notes": notesInParentheses(listed), "zones": coveredZoneList()])
            session.flow = .notifyWhenCovered(zone: zone)
            return true
        }
        // ("y el d 20? pa una casa sencilla" after another plan's price: that plan's price; the offer stands.)
        // (Not "Y cuanto costaria cuando llegue? el de 50 digamos": a price there, once we reach it; the offer stands, below.)
        if let mbps = understood.slots.planMbps, mentionsSpeed(mbps), text.contains("?"), startsWithAnd, !asksToBeTold, !wantsIt,
           understood.slots.zone == nil, !asksWhen {
            intent = .plansPrices
            describePlans(namedOr: mbps)
            session.flow = .notifyWhenCovered(zone: zone)
            return true
        }
        if asksWhereWeReach, !asksToBeTold {
            answerWhereWeReach(then: .notifyWhenCovered(zone: zone))
            return true
        }
        // ("Then scratch the cancel, I need to think. Can I talk to an actual person about it?": the person.)
        if understood.intent == .humanAgent, asksForAPersonInPassing, !asksToBeTold { return false }
        if signsUpElsewhere(than: zone) { return true }
        // ("Sergio Medina, el numero es este mismo" after the list was offered: a yes, with the name.)
        // (Not a goodbye signed "Atte. Efraín Villaseñor Cruz".)
        if input.role == .customer, !text.contains("?"), understood.slots.zone == nil, folded.split(separator: " ").count <= 8,
           !declinesTheList, [.staffSearch, .outOfScope, .greeting].contains(understood.intent),
           let name = understood.slots.name.flatMap(explicitName) {
            intent = .coverage
            var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
            draft.name = name
            noCoverage(zoneName: zone, draft: draft)
            return true
        }
        // ("es pa mi amiga dani, se acaba de cambiar y esta sin internet la pobre": whom the place is for, not a failure.)
        if caller == nil, understood.slots.zone == nil, !text.contains("?"), !asksToBeTold,
           [" es pa mi ", " es para mi ", " es pa una ", " es para una ", " is for my ", " it s for my ", " its for my "].contains(where: folded.contains) {
            intent = .coverage
            offerToNotify(zone: zone)
            return true
        }
        // "ni modo. y no ponen antenas por aca? … yo se los presto": about bringing the service here, not a failure.
        if caller == nil, understood.intent == .reportIncident, understood.slots.zone == nil, !PriorityRule.namesAFailure(wording),
           !asksToBeTold {
            intent = .coverage
            say(.prospectWhen)
            offerToNotify(zone: zone)
            return true
        }
        // "uff, ok, entonces quiero dar de baja el servicio": whatever "ok" answers, a cancellation or a person.
        // ("ok avisame pls": a yes to the list, whatever "avísame" reads as; a person is asked for in words.)
        let onlyTheList = understood.intent == .humanAgent && asksToBeTold
            && ![" alguien", " persona", " asesor", " humano", " someone", " person", " agent", " encargad", " comunic", " llam", " call"]
                .contains(where: folded.contains)
        if understood.confidence >= 0.8, [.cancel, .humanAgent].contains(understood.intent), understood.slots.zone == nil, !onlyTheList {
            // "apúntenme para cuando lleguen allá, Claudia Morales. Y ¿me comunica con alguien…?": the list, then the person.
            if asksToBeTold, let name = understood.slots.name.flatMap(explicitName) ?? caller?.name {
                var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
                draft.name = name
                noCoverage(zoneName: zone, draft: draft)
                session.flow = nil
            }
            return false
        }
        // "…dudas de mi casa del centro. pero sí me anotan pa lo de san isidro": the list, for the place it was offered for.
        // (Not "Apúntenme para La Loma… San Isidro no": the place named for the list is another.)
        if asksToBeTold, !declinesTheList, folded.contains(" " + Text.fold(zone) + " "),
           understood.slots.zone.map({ Text.fold($0) == Text.fold(zone) }) ?? true {
            intent = .coverage
            var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
            draft.name = understood.slots.name.flatMap(explicitName)
            if asksWhen { say(.prospectWhen) }
            listAndSignUpWhereWeReach(zone: zone, draft: draft)
            return true
        }
        // "o sea a mi hermana no… bueno yo sí quiero el de 20 pa mí" after "llegan a la loma? … y al centro? yo estoy en el
        // centro": the writer's sign-up, where the answer said we reach.
        // ("Entonces en la casa, el de 100 es el de 600 verdad?" after hearing the house's zone has service and the shop's
        // has not: that plan, there.)
        // ("Ok so just the store then. Is the 50 megs plan enough for 2 computers?": the place we reach, and the plan asked about.)
        let onlyThere = [" just the ", " only the ", " solo la ", " solo el ", " solo pa ", " solo para ", " nomas la ", " nomas el ",
                         " nomas pa ", " nada mas la ", " nada mas el ", " solamente la ", " solamente el "].contains(where: folded.contains)
            && [" then ", " entonces ", " pues "].contains(where: folded.contains) && !asksToBeTold
        if onlyThere, understood.slots.zone == nil, let covered = previous.zone.flatMap({ workbook.zone(named: $0) }), covered.hasCoverage {
            intent = .register
            if let mbps = understood.slots.planMbps, text.contains("?") { describePlan(mbps) }
            startSignup(plan: understood.slots.planMbps, zone: covered.name)
            return true
        }
        let takesAPlanHere = understood.slots.planMbps != nil && (wantsIt || !text.contains("?") || saysAPrice)
        // ("Qué lástima lo de mi hija… creo que me basta con el de 20 megas. Mejor ése": her place read from who she is, not
        // named; the plan is for the writer's.)
        let placeNotNamed = understood.slots.zone.map { Text.fold($0) == Text.fold(zone) && !foldedAndRead.contains(" " + Text.fold($0) + " ") }
        // (Not "ps apuntenme pa cuando haya, Jesus Velez Ibarra. me interesa el de 50": the list, with the plan they want then.)
        if understood.slots.zone == nil || placeNotNamed == true, understood.slots.planMbps != nil || wantsIt, !asksToBeTold,
           // ("ahh que bien!! entonces si quiero contratar para la casa nueva" after hearing the new home's zone is reached.)
           [" pa mi", " para mi", " yo si quiero", " yo quiero", " for me", " for myself", " si quiero contratar", " casa nueva"]
            .contains(where: folded.contains) || takesAPlanHere,
           let covered = previous.zone.flatMap({ workbook.zone(named: $0) }), covered.hasCoverage {
            intent = .register
            startSignup(plan: understood.slots.planMbps, zone: covered.name)
            return true
        }
        // "¿y en el Norte?", "what about Sur?": the same question about another place, not a yes.
        // "bueno pa mí entonces, el de 50 en la Oriente": a sign-up where there is coverage.
        if let other = understood.slots.zone, workbook.zone(named: other)?.hasCoverage == true,
           understood.slots.planMbps != nil || understood.intent == .register || wantsIt {
            intent = .register
            // ("apuntela pa cuando lleguen alla, Rosario Mendez. y … en la tortilleria, esa si esta en el centro": the list for
            // the place offered, and the sign-up where we reach.)
            if asksToBeTold, [" alla", " ahi ", " there", " cuando lleguen", " cuando llegue ", " when you", " when it"]
                .contains(where: folded.contains), let known = workbook.zone(named: zone),
               workbook.prospect(chat: chat).map({ Text.fold($0.zone) == Text.fold(known.name) }) != true {
                _ = writeProspect(zone: known.name, planMbps: nil, name: understood.slots.name.flatMap(explicitName) ?? profileName,
                                  phone: understood.slots.phone, reason: "sin cobertura", notes: known.notes)
                say(.signupOtherZoneListed, ["zone": known.name])
            }
            startSignup()
            return true
        }
        // "apúntela para San Isidro" after asking about two places: the list is for the one named.
        if let other = understood.slots.zone, Text.fold(other) != Text.fold(zone), let known = workbook.zone(named: other),
           !known.hasCoverage, !declinesTheList,
           // ("Ah ok, what about La Loma?" asks; its "ok" is no yes.)
           // ("Could you please put me on the list so you tell me when the service arrives in La Loma?": asked outright.)
           understood.leansYes && !text.contains("?") || wantsIt || asksToBeTold
            // (Not "…nos haría falta conectar para los avisos y el catecismo": notices, no "let me know".)
            || [" apunt", " anota", " anote", " anoto", " avise", " avisame", " me avisan", " nos avisan", " avisar", " avisa "]
                .contains(where: folded.contains) {
            intent = .coverage
            var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
            draft.name = understood.slots.name.flatMap(explicitName)
            noCoverage(zoneName: known.name, draft: draft)
            return true
        }
        // "está para el lado de la Oriente, ¿en la Oriente sí llega?": a question about the other place, not a yes.
        // ("no no, s norte, ya casi llegando a la loma pero s norte": the place taken back, answered.)
        // ("ah bueno y en el o riente en el oriente ahí sí hay porque ahí vive mi cuñado", dictated: a place we reach, asked.)
        // ("It's on the south end of town, past the Soriana. I believe folks call that area the Sur.": the place told to lie in it.)
        let placedIn = [" call that area", " call it the", " call it ", " that area is", " it s in the", " its in the", " is in the ",
                        " queda en el", " queda en la", " queda por el", " queda por la", " es en el", " es en la", " es parte del",
                        " es parte de la", " pertenece al", " pertenece a la", " le dicen", " le llaman"].contains(where: folded.contains)
        if let other = understood.slots.zone, Text.fold(other) != Text.fold(zone),
           isAbout(zone: other) || text.contains("?") || placedIn && !asksToBeTold
            || workbook.zone(named: other)?.hasCoverage == true && !asksToBeTold && understood.intent == .coverage
                && !PriorityRule.namesAFailure(wording)
            || (understood.answer == .no || correctsItself) && understood.intent != .reportIncident && !PriorityRule.namesAFailure(wording) {
            intent = .coverage
            // "How much are your plans, just so we know? We might move to Centro next year": the prices too.
            if text.contains("?"), asksAboutPrice {
                if let mbps = understood.slots.planMbps, !asksEveryPrice { describePlan(mbps) } else {
                    session.context.listedPlans = true
                    say(.plansList, ["plans": planList()])
                }
            }
            answerCoverage(other)
            return true
        }
        // "ayy q mal 😒": the news taken badly; the offer stands.
        if isShort, !text.contains("?"), understood.slots.isEmpty, !asksToBeTold,
           [" que mal", " q mal", " k mal", " que lastima", " q lastima", " ni modo", " que pena", " too bad", " what a shame",
            " oh no", " chale", " rayos", " nmms", " no manches", " no mames", " alv", " nooo", " damn"].contains(where: folded.contains) {
            offerToNotify(zone: zone)
            return true
        }
        // "ok, le digo que les escriba él, gracias": a goodbye, not a request to be put on the list.
        // ("Bueno, ni modo, será más adelante si Dios quiere. Gracias joven": God willing, later; no yes.)
        if understood.intent == .thanksBye, understood.confidence >= 0.5, !asksToBeTold,
           ![" si ", " yes ", " sip ", " please "].contains(where: folded.replacingOccurrences(of: " si dios ", with: " ").contains) {
            return false
        }
        // "es pa mi comadre, tiene una tiendita allá y quiere poner wifi": wanting the service there is a yes.
        let wantsServiceThere = [" quiere poner", " quiero poner", " queremos poner", " quieren poner", " poner wifi",
                                 " poner internet", " quiere contratar", " wants internet", " want internet"].contains(where: folded.contains)
        var accepts = understood.leansYes || wantsIt || understood.intent == .register || asksToBeTold || wantsServiceThere
        var answer = understood.answer
        // "Ok, yo les digo. ¿Cuánto cuesta el más barato?", "Les comentaré a ambos; ellos mismos se comunicarán":
        // they pass the word on (no to the list), and a question still gets its answer.
        let passesItOn = self.passesItOn
        // "oh ok what are the prices anyway": a question even with no question mark.
        let asksAPrice = asksAboutPrice && (text.contains("?") || understood.intent == .plansPrices
            || [" what are", " what s the", " how much", " cuanto", " cuales son", " que precio"].contains(where: folded.contains))
        // ("¿y cuánto costaría cuando lleguen?" asks a price; "avísenme cuando lleguen" asks for the list.)
        // ("yo le digo a mi hermano que él les escriba para que lo anoten": the list is his to ask for.)
        // ("ya le diré a mi comadre que les escriba ella… cuando quiera que la apunten": hers to ask, when she wants.)
        let theirsToAsk = passesItOn && [" para que ", " pa que ", " so you ", " so that ", " cuando quiera", " que les escriba",
                                         " when she wants", " when he wants", " when they want"].contains(where: folded.contains)
        let listAsked = asksToBeTold && !theirsToAsk && (!asksAPrice || [" avis", " apunt", " anota", " anote", " anoto", " put me", " notify", " let me know"]
            .contains(where: folded.contains))
        // "a ok y ¿para cuándo llega?": the "ok" takes the news; the question is not a yes to the list.
        // ("¿Saben ustedes si tienen planeado llegar…?": a "si" that is "whether", no yes.)
        let saysYes = folded.hasPrefix(" si ") || [" ok si ", " bueno si ", " pues si ", " yes ", " sip ", " claro ", " please "]
            .contains(where: folded.contains)
        if asksWhen, !listAsked, !wantsServiceThere, !saysYes {
            accepts = false
            // ("nooo 😭 y como pa cuando llegan?": the "no" laments the news; the question is answered and the offer stands.)
            if answer == .yes || answer == .no && text.contains("?") && !declinesTheList { answer = nil }
        }
        // ("y allá en la loma si llegan??" after the offer: the same question again, its "si" no yes.)
        if text.contains("?"), !listAsked, !wantsServiceThere, folded.contains(" " + Text.fold(zone) + " "),
           [" llegan", " llega ", " hay ", " tienen", " cover", " reach"].contains(where: folded.contains) {
            accepts = false
            if answer == .yes { answer = nil }
        }
        // "ok cuando lleguen a la loma les hablo, gracias": they will get in touch themselves.
        if declinesTheList {
            accepts = false
            answer = .no
        }
        // ("dice q si, se llama Rocío Delgado. y q cuanto es el mas barato": a yes with the name stands beside the price asked.)
        let yesWithAName = (answer == .yes || understood.leansYes) && understood.slots.name.flatMap(explicitName) != nil
        if !listAsked, passesItOn || asksAPrice && !yesWithAName {
            accepts = false
            if answer == .yes { answer = nil }
            if passesItOn, !text.contains("?") { answer = .no }
        }
        switch accepts ? .yes : answer {
        case .yes:
            intent = .coverage
            var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
            draft.name = understood.slots.name.flatMap(explicitName)
            draft.planMbps = understood.slots.planMbps
            if asksWhen { say(.prospectWhen) }
            noCoverage(zoneName: zone, draft: draft)
            // "…anótenme. Y el de 100 es el de $600 al mes, ¿verdad?", "¿cuánto cuesta el de 50 y el de 100?": the prices
            // asked on the way.
            if let mbps = understood.slots.planMbps, text.contains("?"), asksAboutPrice || saysAPrice {
                describePlans(namedOr: mbps)
            }
            // (Listed in the middle of a sign-up: the sign-up goes on.)
            if session.flow == nil, let held = previous.heldSignup { askNext(held) }
            return true
        case .no, .stop:
            intent = .thanksBye
            say(.okNoProblem, buttons: menuButtons())
            answerAPriceAskedOnTheWay()
            return true
        case nil:
            // "¿y más o menos cuándo llegarían?": answered, and the offer stands.
            if asksWhen {
                intent = .coverage
                say(.prospectWhen)
                // "y pa cuándo llegan allá? bueno no importa. cuánto cuesta el más barato": the price too.
                if asksAPrice { answerThePriceAsked() }
                // ("y cuando llegar al poniente mas o menos? y la loma?": the other place asked about too.)
                let others = zonesNamed.filter { !$0.hasCoverage && Text.fold($0.name) != Text.fold(zone) }
                if !others.isEmpty, let asked = workbook.zone(named: zone) {
                    answerCoverage(of: [asked] + others)
                    return true
                }
                offerToNotify(zone: zone)
                return true
            }
            // ("llegan hasta alla? y cuanto sale el de 50?" right after hearing there is none: told again, the price too, and
            // the offer stands.)
            // ("ay llegan", dictated without the mark: "¿ahí llegan?")
            let spokenAsk = folded.split(separator: " ").count <= 3 && [" ay ", " ai "].contains(where: folded.contains)
            if text.contains("?") || spokenAsk,
               [" alla", " ahi ", " ay ", " ai ", " there", " " + Text.fold(zone) + " "].contains(where: folded.contains),
               [" llegan", " llega ", " hay ", " tienen", " cover", " reach"].contains(where: folded.contains),
               let asked = workbook.zone(named: zone) {
                intent = .coverage
                say(.coverageNo, ["zone": asked.name, "notes": notesInParentheses(asked), "zones": coveredZoneList()])
                if asksAPrice { answerThePriceAsked() }
                session.flow = .notifyWhenCovered(zone: zone)
                return true
            }
            // Another question on the way: answered, and a yes next still means "put me on the list".
            if !isStrongSwitch(to: [.register, .reportIncident, .humanAgent, .cancel, .billing, .incidentStatus]) {
                session.flow = .notifyWhenCovered(zone: zone)
                // "Bummer. What do you charge anyway, so I know for later?": the prices, however it was read.
                if asksAPrice, understood.intent != .plansPrices {
                    intent = .plansPrices
                    plansAndPrices()
                    return true
                }
            }
            return false
        }
    }

    /// "nomás pa mí entonces", "just for me then": the other place left aside.
    var onlyForThemselves: Bool {
        [" nomas pa mi", " nomas para mi", " solo pa mi", " solo para mi", " pa mi nomas", " para mi nomas", " nada mas pa mi",
         " nada mas para mi", " just for me", " only for me", " just me then", " solo yo", " nomas yo", " just me for now",
         " only me for now"].contains(where: folded.contains)
    }

    /// "avísenme", "apúntenme", "put me on the list": the waiting list asked for (not "no me salgan con que me apuntan").
    var asksToBeTold: Bool {
        [" avisen", " avisame", " avisarme", " avisar", " avisele", " aviseme", " let me know", " notify",
         // ("bueno pos cuando llegen me abisan")
         " abisan", " abiseme", " abisen", " abisame", " cuando llegen",
         " apunt", " anotame", " anoteme", " put me", " put us", " let him know", " let her know", " cuando haya",
         // ("dice mi abuelo… que si le avisan cuando ya haya")
         " le avisan", " le avisen", " cuando ya haya",
         " cuando lleguen", " registrar", " on the list", " en la lista", " waiting list", " lista de espera", " add me to",
         " add us to", " me avisan", " nos avisan", " me avisas", " cuando ya tengan", " me anotan", " me anoten", " anotenme",
         " anoten ", " anotenla", " anotenlo", " anotenos", " anotanos",
         " anotarme", " nos anotan", " put her", " put him", " put them", " lets her know", " lets him know",
         " let them know", " let us know", " sign her up for the list",
         // ("ok can you let my grandma know when you get to la loma?")
         " let my grandma know", " let my grandmother know", " let my mom know", " let my mother know", " let my dad know",
         " let my aunt know", " let my uncle know", " let my parents know",
         // ("Would you be good enough to note my name for when it does arrive? Peter Holloway.")
         " note my name", " note down my name", " take my name", " put my name down", " anote mi nombre", " apunte mi nombre",
         // ("Dave would very much like to be told… could you put his name down on your list?", "¿Puede poner su nombre en la lista?")
         " be told when", " his name down", " her name down", " su nombre en la lista",
         " notificar", " inscriba", " inscribanos", " inscribame", " nos inscriban",
         // ("le pido de la manera más atenta que me avise usted en cuanto llegue el servicio")
         " me avise", " nos avise", " me notifique", " me notifiquen", " me informe cuando", " me informen cuando",
         " me escriban cuando", " me escriba cuando"]
            .contains(where: folded.contains) && !declinesTheList
            // ("cool thx, will let him know": the writer passes our answer on; nobody asked to be told.)
            && !([" will let him know", " will let her know", " will let them know", " ll let him know", " ll let her know",
                  " ll let them know", " yo le aviso", " yo les aviso", " le aviso yo", " les aviso yo"].contains(where: folded.contains)
                 && ![" anot", " apunt", " lista", " list "].contains(where: folded.contains))
    }

    /// "ah caray, pos onde si llegan entonces?" after hearing there is no service: the places we reach, asked (its "si" is
    /// no yes to the list).
    var asksWhereWeReach: Bool {
        understood.slots.zone == nil
            && [" donde si ", " onde si ", " a donde si ", " donde llegan", " onde llegan", " donde tienen", " que zonas",
                " cuales zonas", " where do you", " which areas", " what areas"].contains(where: folded.contains)
    }

    /// "Ok, yo les digo", "Les comentaré a ambos; ellos mismos se comunicarán", "yo decir a mi hija y ella escribir a ustedes":
    /// the word passed on to someone else, who will write; no yes to an offer.
    var passesItOn: Bool {
        [" yo les digo", " yo le digo", " les comento", " les comentare", " le comento", " le comentare",
         " les platico", " le platico", " ellos mismos", " ella misma", " i ll tell them", " ill tell them",
         " i will tell them", " i ll let them know", " they ll write", " she ll write", " he ll write",
         // ("Comprendo. Lo haré de su conocimiento.")
         " de su conocimiento", " se lo hare saber", " le hare saber", " se lo comunicare", " le comunicare",
         " se lo comento", " i ll pass it on", " ill pass it on", " i ll let her know", " i ll let him know", " pass that on",
         // ("Les preguntaré a ellos directamente. Les agradezco mucho")
         " les preguntare", " le preguntare", " i ll ask them", " i ll ask her", " i ll ask him",
         // ("ok he aint decided yet ill tell him")
         " ill tell him", " i ll tell him", " ill tell her", " i ll tell her", " aint decided", " not decided",
         " hasn t decided", " hasnt decided",
         // ("yo decir a mi hija y ella escribir a ustedes despues")
         " yo decir a", " ella escribir", " el escribir", " ella les escribe", " el les escribe", " que les escriba",
         // ("ok, le pregunto a él cual quiere y ya le escribo pa contratar")
         " le pregunto a", " ya le escribo", " ya les escribo",
         // ("ya le diré a mi comadre que les escriba ella")
         " ya le dire a", " yo le dire a", " le dire a mi", " les dire a mis",
         // ("ok yo le paso el dato, q el les escriba")
         " le paso el dato", " les paso el dato", " el les escriba", " ella les escriba"]
            .contains(where: folded.contains)
    }

    /// The zones we reach, asked while the list for a place we do not reach is offered; the offer stands.
    mutating func answerWhereWeReach(then flow: Flow) {
        intent = .coverage
        say(.coverageZonesList, ["zones": coveredZoneList()])
        session.flow = flow
    }

    /// "¿cuánto sale?", "¿cuál sería la diferencia?", "how much".
    var asksAboutPrice: Bool {
        return [" cuanto", " precio", " diferencia", " cuesta", " sale ", " how much", " pagaria", " costaria", " price",
                " difference", " cost", " aparte", " se paga", " cobran", " incluye", " incluido", " included", " extra ",
                " includes", " cheapest", " mas barato", " mas economico", " charge", " per month", " quanto", " preco", " combien",
                // ("y el de 50 megas a cómo está?", as the north asks a price)
                " a como esta", " a como sale", " a como anda", " a como lo dan",
                // ("And the quickest one, what does that run to?")
                " run to", " runs to",
                // ("Could you please tell me your monthly rates?")
                " rates", " tarifas"]
            .contains(where: folded.contains)
    }

    mutating func billing() {
        // "¿y cuánto me cobrarían a mí por el más sencillo?" from someone who is not a client yet.
        if caller == nil, understood.slots.planMbps != nil || (asksAboutPrice && !folded.contains("deb")) {
            intent = .plansPrices
            return plansAndPrices()
        }
        guard let client = caller else {
            session.context.toldNotClient = true
            say(.billingNotClient, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        let price = client.price ?? client.planMbps.flatMap(workbook.plan(mbps:))?.monthlyPrice
        // "¿y si me cambio al de 50 cuánto pagaría?", "¿y contra lo que pago cuánto sería la
        // diferencia?" after a quote: the other plan against the client's own.
        // "mi plan es el Plus 100, ¿cierto? … bajar al de 50": the plan that is not theirs.
        let named = understood.slots.planMbps == client.planMbps
            ? workbook.plansBySpeed.map(\.mbps).first { $0 != client.planMbps && mentionsSpeed($0) } : understood.slots.planMbps
        let other = named ?? (previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : nil)
        if let mbps = named, changeJustSignedUpPlan(of: client, to: mbps) { return }
        if let mbps = other, mbps != client.planMbps, let plan = workbook.plan(mbps: mbps), let price,
           named != nil || asksAboutPrice {
            session.context.quotedPlans = [plan.mbps]
            let lead = replies.count
            say(.planChange, ["plan": String(plan.mbps), "price": Money.format(plan.monthlyPrice), "current": Money.format(price),
                              "own": client.planMbps.map(String.init) ?? "?"],
                buttons: [button(.buttonHuman, MenuOption.human.id)])
            // ("¿cuánto costaría subir al plan de 50 megas? Pensándolo bien, dígame también el de 100": each one asked about.)
            for more in workbook.plansBySpeed.map(\.mbps) where asksAboutPrice && more != plan.mbps && more != client.planMbps
                && mentionsSpeed(more) {
                describePlan(more)
            }
            mergeReplies(from: lead)
            return
        }
        say(.billingInfo, ["name": firstName(client.name), "id": client.id,
                           "plan": client.planMbps.map(String.init) ?? "?",
                           "price": price.map(Money.format) ?? "?", "status": client.status.sheetLabel])
    }

    mutating func media(_ kind: MediaKind) {
        switch kind {
        case .voice, .audio: say(.mediaVoice)
        case .image: say(.mediaImage)
        default: say(.mediaOther)
        }
    }

    /// A location pin: the zone whose circle holds it (Zonas: Latitud, Longitud, Radio).
    mutating func location(_ point: GeoPoint) {
        intent = .coverage
        guard let zone = workbook.zone(containing: point) else {
            let coordinates = String(format: "%.5f, %.5f", point.latitude, point.longitude)
            var draft: SignupDraft?
            if case .signup(let d) = session.flow { draft = d }
            session.flow = nil
            writeProspect(zone: "", planMbps: draft?.planMbps, name: draft?.name ?? draft?.profileName,
                          phone: draft?.phone, reason: "sin cobertura (ubicación)", notes: "Ubicación: \(coordinates)")
            say(.locationOutside, ["zones": coveredZoneList()])
            return
        }
        if case .signup(let draft) = session.flow {
            intent = .register
            return advanceSignup(draft, applying: Slots(zone: zone.name), isFirst: false)
        }
        answerCoverage(zone.name)
    }

    mutating func contact(phone: String, name: String?, isOwn: Bool) {
        guard PhoneNumber.digits(phone) != nil else {
            say(.notUnderstood, buttons: menuButtons())
            return
        }
        if isOwn { session.phone = PhoneNumber.digits(phone) }
        if case .signup(let draft) = session.flow {
            intent = .register
            // Verified when the contact is the person's own (session.phone was just set to it).
            return advanceSignup(draft, applying: Slots(phone: PhoneNumber.digits(phone)), isFirst: false)
        }
        say(.contactSaved)
    }
}

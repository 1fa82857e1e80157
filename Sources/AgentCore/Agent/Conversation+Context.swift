import Foundation

/// Short and elliptical messages read against what the last reply did: "¿y el de 50?" after
/// a price, "ese" or "me late ese" after a quote, "¿y en el Norte?" after a coverage answer, a
/// bare "sí" after "¿Quieres contratar?", and for staff "ahora Oriente" after a search.
extension Conversation {
    var previous: DialogueContext { input.session?.context ?? DialogueContext() }

    /// Returns true when the message was answered as a follow-up.
    mutating func followUp() -> Bool {
        let previous = previous
        guard !previous.isEmpty else { return false }
        if input.role == .staff { return staffFollowUp(previous) }
        // ("ok ok, el de 50 entonces... mmm no, mejor lo platico con mi esposo y luego les escribo": put off, nothing chosen.)
        if understood.intent == .thanksBye, !text.contains("?"),
           [" lo platico", " lo pienso", " lo voy a pensar", " luego les escribo", " luego te escribo", " think about it",
            " get back to you"].contains(where: folded.contains) {
            return false
        }
        let slots = understood.slots
        // ("internet" → "¿Qué falla tiene?" → "no hay", "nada", "down", "red light": the failure, told tersely.)
        // (Not "digo 2 tablets y una compu", a correction of a question read as a report: a word or three, or a failure told.)
        if previous.askedWhatFails == true, folded.split(separator: " ").count <= 3 || PriorityRule.mentionsAProblem(wording)
            && folded.split(separator: " ").count <= 6, understood.answer != .stop,
           understood.slots.zone == nil, !asksAboutPrice,
           !isStrongSwitch(to: [.register, .billing, .cancel, .humanAgent, .incidentStatus, .thanksBye]) {
            intent = .reportIncident
            startIncident(told: folded.contains(" internet ") ? text : "internet " + text)
            return true
        }
        // "Also, I'm paying for 100 megs and speedtest shows like 30. What am I being charged this month?" after the
        // folio: the detail kept, and the bill answered.
        // ("If it's still slow, could we upgrade to the 50? How much would that be per month?": the other plan's price.)
        if let folio = previous.writtenIncident, caller != nil, text.contains("?"),
           [" being charged", " am i charged", " my bill", " me van a cobrar", " me estan cobrando", " me cobran este mes",
            " cuanto me toca pagar", " cuanto debo", " mi recibo",
            // ("oiga y a poco si tengo contratado el de 50? se me hace q no llega ni a 5")
            " tengo contratado", " que plan tengo", " q plan tengo", " what plan am i on", " which plan do i have"]
                .contains(where: foldedAndRead.contains)
            || understood.slots.planMbps.map({ $0 != caller?.planMbps }) == true && asksAboutPrice && understood.slots.zone == nil
                && !namesARelative {
            let lead = replies.count
            _ = addDetails(toIncident: folio)
            intent = .billing
            billing()
            mergeReplies(from: lead)
            return true
        }
        if let folio = previous.writtenIncident, addDetails(toIncident: folio) {
            // "…sigue igual. Otra cosa: ¿ya llegaron a San Isidro?": the detail kept, and the place answered.
            if text.contains("?"), let zone = understood.slots.zone,
               asksCoverage || [" ya llegaron", " ya llegan", " ya tienen servicio"].contains(where: folded.contains) {
                answerCoverage(zone)
            }
            return true
        }
        // "ay joven no le entendí, me lo repite más despacito": the plans said again.
        let asksToRepeat = [" me lo repite", " repitame", " repitemelo", " me lo repites", " no le entendi", " no te entendi",
                             " mas despacito", " can you repeat", " say that again", " repeat that"].contains(where: folded.contains)
        if previous.listedPlans, slots.planMbps == nil, slots.zone == nil, asksToRepeat {
            intent = .plansPrices
            session.context.listedPlans = true
            session.context.offeredSignup = true
            say(.plansList, ["plans": planList()], buttons: planButtons)
            return true
        }
        // ("Perdon, me lo repite? entonces si ya lo estan viendo o todavia no?" right after a report's state: said again.)
        if caller != nil, slots.planMbps == nil, slots.zone == nil, asksToRepeat || folded.contains(" ya lo estan viendo"),
           session.recent.last(where: { $0.speaker == .bot })?.text.contains("F-0") == true {
            intent = .incidentStatus
            incidentStatus()
            return true
        }
        // ("Es el plan de 50 Mbps, Zona Centro, a nombre de Octavio Cárdenas Ruiz." after "no encuentro un servicio a nombre
        // de este chat" or "no tienes reportes abiertos": the account they believe they have, described; no sign-up.)
        if previous.toldNotClient == true || previous.toldNoReports == true, slots.name != nil,
           [" a nombre de ", " esta a nombre", " under the name", " is under "].contains(where: folded.contains),
           !Self.wants(in: folded), ![" contratar", " quiero", " sign up", " dar de alta"].contains(where: folded.contains) {
            if previous.toldNoReports == true {
                intent = .incidentStatus
                session.context.toldNoReports = true
                say(.noIncidentsHere, buttons: [button(.buttonHuman, MenuOption.human.id)])
            } else {
                intent = .billing
                session.context.toldNotClient = true
                say(.billingNotClient, buttons: [button(.buttonHuman, MenuOption.human.id)])
            }
            return true
        }
        // "SI HICE UNO LA SEMANA PASADA, NO ME VAYAN A SALIR CON QUE NO", "Francisco Villegas. mi nieto me iso el tramite desde su
        // celular" after "no tienes reportes abiertos": none from this chat, and a person offered to look for it.
        if previous.toldNoReports == true, understood.answer != .no, slots.zone == nil, slots.planMbps == nil,
           [" si hice", " hice uno", " ya habia reportado", " ya reporte", " si reporte", " si ya reporte", " i did report",
            " i already reported", " ya me apunte", " si me apunte", " como que no tengo", " como ke no tengo", " desde su celular",
            " desde su cel", " desde otro numero", " from another number", " from his phone", " from her phone",
            // ("el de ayer, del internet": the report they believe they made.)
            " el de ayer", " el de antier", " el de anoche", " el que hice", " el q hice", " el que les hice", " the one i made",
            // ("Maybe it was from my other number. Can you kindly check with my name, Raj Subramanian?")
            // (Not "sí, está a mi nombre, no hay internet": a report to make.)
            " my other number", " mi otro numero", " check with my name", " buscalo con mi nombre", " busquenlo con mi nombre",
            // ("what?? neta no hay nada? ugh typical dani": surprise that there is none, no failure told.)
            " neta no hay nada", " en serio no hay", " enserio no hay", " de veras no hay", " seriously nothing", " no hay nada registrado"]
            .contains(where: foldedAndRead.contains) || previous.toldNoReports == true && slots.name != nil && isShort {
            intent = .incidentStatus
            session.context.toldNoReports = true
            say(.noIncidentsHere, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return true
        }
        // "Me llamo Carmen Villarreal" right after the folio: the report gets the name.
        // (Not "y mi tio Fernando Ortiz en el oriente, a el si le jala pero bien lento": another account's failure.)
        if let folio = previous.writtenIncident, caller == nil, let name = slots.name.flatMap(explicitName) ?? bareName,
           otherAccountsPlace(from: caller) == nil {
            intent = .reportIncident
            var cells = [Col.Incident.name.name: CellText.inert(name, maxLength: 80)]
            // ("esta a nombre de Silvia Ramos, C-0019": whose account it is, when the number and the name agree.)
            if let id = accountNumberTold, let client = workbook.clients.first(where: { $0.id == id }),
               SlotExtractor.sameName(name, client.name) {
                cells[Col.Incident.clientID.name] = id
            }
            effects.append(.updateRow(.incidents, key: folio, cells: cells))
            say(.incidentNameSaved, ["name": firstName(name), "folio": folio])
            return true
        }
        // "Name is Priya Raghavan, Sur zone…" after "I can't find a service linked to this chat": who wants
        // to cancel, for a person to find.
        // ("Daniel Romero, en el Norte, por la capilla. el contrato esta a nombre de el": whose service, not a sign-up.)
        let signsUp = understood.intent == .register && understood.confidence >= 0.8
            && (wantsIt && !folded.contains(" el contrato ")
                || [" contratar", " sign up", " instal", " quiero ", " i want ", " alta "].contains(where: folded.contains))
        // ("…el de la Oriente es el templo, ese NO. El que quiero cancelar es el de mi casa en la Norte": which service, told.)
        if previous.cancelUnmatched == true, slots.name != nil || [" cancelar", " dar de baja", " cancel"].contains(where: folded.contains),
           !signsUp {
            intent = .cancel
            session.context.cancelUnmatched = true
            handOff()
            return true
        }
        // "My full name is Linda Baker" after the waiting list took "Linda": the row gets the full name.
        // ("…entonces contrato el de 50 para la bodega en el Sur, a nombre de Marisol Treviño Rodríguez" is a sign-up there.)
        let signsUpWhereCovered = (understood.intent == .register || wantsIt)
            && slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true
        if caller == nil, !signsUpWhereCovered, let name = slots.name.flatMap(explicitName), let prospect = workbook.prospect(chat: chat),
           Self.isShortForm(prospect.name, of: name) {
            var cells = [Col.Prospect.name.name: CellText.inert(name, maxLength: 80)]
            if let mbps = slots.planMbps, workbook.plan(mbps: mbps) != nil { cells[Col.Prospect.plan.name] = String(mbps) }
            effects.append(.updateRow(.prospects, key: prospect.id, cells: cells))
            intent = .coverage
            say(.prospectNameSaved, ["name": firstName(name)])
            return true
        }
        // "uff, ¿y el que sigue?" after a price: the next plan down (or up).
        // "And the next one, the 100?": the plan named is the one meant.
        // (After an aside, "bueno entonces mejor el que sigue" still steps from the plan quoted last.)
        let lastQuoted = previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : previous.lastQuotedPlan
        if let lastQuoted, let step = planStep, let next = stepped(from: lastQuoted, by: step) {
            intent = .plansPrices
            // ("any cheaper one?", "¿hay algo más barato?": every plan below the one quoted, not only the next.)
            let everyCheaper = step < 0 && slots.planMbps == nil
                && [" any cheaper", " anything cheaper", " algo mas barato", " hay mas barato", " hay alguno mas barato"].contains(where: folded.contains)
            if everyCheaper {
                workbook.plansBySpeed.map(\.mbps).filter { $0 < lastQuoted }.reversed().forEach { describePlan($0) }
                return true
            }
            describePlan(slots.planMbps.flatMap { workbook.plan(mbps: $0)?.mbps } ?? next)
            return true
        }
        // "ponlo a nombre de él, se llama brandon esquivel", "Ese. Póngalo a nombre de mi Hijo. Eusebio Salgado Rios."
        // after a price: that plan, under that name.
        // ("put it under my dad's name, Ramon Villalobos", "mi neim es Maricela Ontiveros" after "Would you like to sign up?")
        if !previous.quotedPlans.isEmpty || previous.offeredSignup, let name = slots.name,
           [" a nombre de", " ponlo a nombre", " pongalo a nombre", " ponla a nombre", " in the name of", " under the name",
            " under my", " under his name", " under her name", " put it under", " a nombre mio", " a mi nombre"].contains(where: folded.contains)
            // (Not "put me on the list anyway, name's rebecca walsh": the waiting list, asked for.)
            || previous.offeredSignup && !text.contains("?") && !asksToBeTold
                && [" me llamo", " mi nombre es", " my name is", " mi neim", " name is", " name s "].contains(where: folded.contains) {
            intent = .register
            session.context.statedName = CellText.inert(Self.presentableName(name), maxLength: 80)
            startSignup(plan: slots.planMbps ?? (previous.quotedPlans.count == 1 ? previous.quotedPlans[0]
                                                  : previous.offeredSignup ? previous.lastQuotedPlan : nil))
            return true
        }
        // "great, I'd like the 50 one" after "¿Quieres contratar?" or a price: a sign-up.
        if previous.offeredSignup || !previous.quotedPlans.isEmpty || previous.listedPlans, wantsIt, slots.planMbps != nil,
           understood.intent != .reportIncident, !(text.contains("?") && asksAboutAPlan) {
            intent = .register
            startSignup(plan: slots.planMbps)
            return true
        }
        // "va el de veinte entonces", "arre, el de 50 pa ella", "Ándele pues, ese. A nombre de ella, Lorena…":
        // a plan taken after prices or "¿Quieres contratar?", said with a yes instead of "lo quiero".
        // ("ok ese" after an aside about the plan just quoted, too.)
        if previous.offeredSignup || !previous.quotedPlans.isEmpty || previous.listedPlans
            || previous.lastQuotedPlan != nil && refersBack && folded.split(separator: " ").count <= 3,
           // ("yeah nah staying put for now. put me on the list anyway… the 20 meg one would do me": the list, for the place
           // offered it.)
           !(asksToBeTold && previous.listOffered != nil && [" list", " lista"].contains(where: folded.contains)),
           // ("el más barato, ella nomás lo usa pa el face" after "¿Quieres contratar?": a plan named is taken.)
           // ("el de en medio", alone, after the plans listed and "¿Quieres contratar?": taken too.)
           takesAPlan || previous.offeredSignup && previous.quotedPlans.isEmpty
            && (!previous.listedPlans || folded.split(separator: " ").count <= 4) && !text.contains("?")
            && slots.planMbps != nil && understood.intent != .reportIncident
            && ![" cuanto", " precio", " cuesta", " how much", " price"].contains(where: folded.contains),
           let plan = slots.planMbps ?? (refersBack ? previous.quotedPlans.last ?? previous.lastQuotedPlan : nil) {
            intent = .register
            startSignup(plan: plan)
            return true
        }
        // "y el ping cómo está?? y cuánto cuesta ese" right after one plan's price: that plan's price.
        if previous.quotedPlans.count == 1, refersBack, asksAboutPrice, slots.planMbps == nil, !asksEveryPrice {
            intent = .plansPrices
            describePlan(previous.quotedPlans[0])
            return true
        }
        // "¿y ese sí aguanta a dos niños en clase?" right after a price: about that plan.
        // "el de 20 ¿sí aguanta pa ver el futbol?" after the list: about the plan named.
        if previous.quotedPlans.count == 1 || previous.listedPlans, text.contains("?") || startsWithAnd,
           let plan = slots.planMbps ?? (refersBack && previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : nil),
           [" aguanta", " alcanza", " sirve", " jala", " enough", " funciona", " rinde"].contains(where: folded.contains), !takesThenAsks {
            intent = .plansPrices
            // ("el de 100 esta carito 😭 y el de 50 q tal jala?": both named, both told.)
            describePlans(namedOr: plan)
            return true
        }
        // "nel ese ha de ser bien lento. y el d 100?" after a price: a guess about that plan, and the next one's price.
        if !previous.quotedPlans.isEmpty || previous.listedPlans, let mbps = slots.planMbps, endsAskingAnother,
           [" ha de ser", " ha de ir", " has de", " debe ser", " debe de ser", " must be", " seguro es"].contains(where: folded.contains) {
            intent = .plansPrices
            describePlan(mbps)
            return true
        }
        let strong = understood.confidence >= 0.6
            && [.reportIncident, .humanAgent, .cancel, .billing, .incidentStatus].contains(understood.intent)
        guard !strong else { return false }
        let quoted = previous.quotedPlans

        // "ese lo quiero", "va, me late ese", "bueno pues ese de 50 me lo quedo".
        // "no, mejor el más rápido, ¿ese cuánto sale?" still asks.
        // ("and the 50?" after the 100's price asks its price.)
        if (!quoted.isEmpty || previous.listedPlans),
           wantsIt || understood.intent == .register && !weighsAPlan && !(startsWithAnd && isShort && text.contains("?"))
            // ("Ay el de 350 está bien, nomás es para ver mis novelas": that plan, taken.)
            || slots.planMbps != nil && !text.contains("?") && [" esta bien", " is fine", " will do"].contains(where: folded.contains)
               && !folded.contains(" no esta bien"),
           !(text.contains("?") && asksAboutAPlan) || takesThenAsks,
           slots.planMbps != nil || (quoted.count == 1 && (refersBack || understood.intent == .register)) {
            intent = .register
            startSignup(plan: slots.planMbps ?? quoted.first)
            return true
        }
        // "¿y el de 50?", "y el más rápido?": another plan's price.
        // ("Gracias. En mis notas el de 20 estaba en $300. ¿Subió?": thanks, and a question about that plan.)
        // ("ok and the one of 100?" after a price, then a coverage answer: that plan's price too.)
        if !quoted.isEmpty || previous.listedPlans || previous.lastQuotedPlan != nil && isShort && text.contains("?"),
           let mbps = slots.planMbps,
           isShort || startsWithAnd || weighsAPlan || text.contains("?") && understood.intent == .thanksBye,
           [.plansPrices, .outOfScope, .greeting, .coverage, .thanksBye].contains(understood.intent) || understood.confidence < 0.6 {
            intent = .plansPrices
            // "y qué diferencia hay entre el de 20 y el de 50": each plan named.
            describePlans(namedOr: mbps)
            // "ok the 100 then. do u cover Norte?": both answered.
            if let zone = slots.zone, asksCoverage { answerCoverage(zone) }
            return true
        }
        // "¿y en el Norte?": the same question about another zone.
        // ("anótenme para cuando lleguen a San Isidro, Eduardo Vázquez" asks for the list: the router writes it.)
        // ("y a mí cuánto me saldría aquí en la Sur?" asks the price there: the prices answer it, with the place.)
        if previous.zone != nil, let zone = slots.zone, isShort || startsWithAnd, understood.intent != .register,
           !(asksToBeTold && workbook.zone(named: zone)?.hasCoverage == false), !(asksAboutPrice && !asksCoverage) {
            intent = .coverage
            answerCoverage(zone)
            return true
        }
        // "sí" / "👍" / "simón" after "¿Quieres contratar?".
        // "OK. We live in the Centro… Do you cover that area?" asks; it does not accept.
        // "Marisol Treviño Garza", "Name is Kevin Ortega" after "¿Quieres contratar?": the sign-up, under that
        // name, with the plan asked about last (the summary shows it, and it can be changed there).
        if previous.offeredSignup || previous.listedPlans, caller == nil, !wantsTheList,
           let name = bareName ?? ([" me llamo", " mi nombre", " name is", " name s", " names ", " my name"].contains(where: folded.contains)
                                   ? slots.name.flatMap(explicitName) : nil),
           name.split(separator: " ").count >= 2, slots.zone == nil, slots.planMbps == nil, !text.contains("?") {
            intent = .register
            session.context.statedName = CellText.inert(name, maxLength: 80)
            startSignup(plan: quoted.count == 1 ? quoted[0] : previous.lastQuotedPlan)
            return true
        }
        // "es pa mi compa": yes, for someone else.
        let forSomeone = isShort && !text.contains("?") && [" es pa mi ", " es para mi ", " es pa un ", " es para un ", " es para una ",
                                                          " is for my ", " it s for my ", " its for my "].contains(where: folded.contains)
        // ("bueno, gracias usted. yo decir a mi hija y ella escribir a ustedes despues": her daughter will write; no yes.)
        if previous.offeredSignup, understood.answer == .yes && !passesItOn || forSomeone && slots.zone == nil,
           slots.isEmpty || slots.zone != nil || slots.planMbps != nil,
           understood.intent != .coverage || !text.contains("?"), !(text.contains("?") && asksAboutPrice),
           // ("ok y del de 50 al de 100 q tanta diferencia hay": a question, whatever "ok" begins it.)
           !asksTheDifference,
           // ("bueno pues muchas gracias joven, dios se lo pague": thanks and goodbye, whatever "bueno" begins it.)
           !(understood.intent == .thanksBye && understood.confidence >= 0.9 && [" gracias", " thank"].contains(where: folded.contains)),
           // ("cool. he says put him on the waiting list for the ranch": the list, not the sign-up offered.)
           !wantsTheList {
            intent = .register
            startSignup(plan: slots.planMbps ?? (quoted.count == 1 ? quoted[0] : nil))
            return true
        }
        if previous.offeredSignup, understood.answer == .no || understood.answer == .stop, isShort {
            intent = .thanksBye
            say(.okNoProblem, buttons: menuButtons())
            return true
        }
        return false
    }

    /// Unsure between two things the customer may want: ask with buttons instead of guessing.
    /// (On the development sets about half the messages below this confidence were misread.)
    mutating func clarify() -> Bool {
        // ("pero oiga y si se cambia con ustedes cuanto le saldria? ya esta harta de telmex, se le va a cada rato": our prices.)
        // ("I already have you guys at my café but now I want internet at my house too. What plans do you have again?")
        let asksThePlans = text.contains("?") && [" what plans", " which plans", " que planes", " cuales planes", " que paquetes",
                                                  " plans do you have", " planes tienen", " planes manejan",
                                                  // ("Cool. What are the options? I work remote…" after hearing we reach them)
                                                  " what are the options", " what options", " que opciones tienen", " que opciones hay",
                                                  " what are my options", " other options", " otras opciones",
                                                  // ("Want my own internet for the crew trailer… What do you have?")
                                                  " what do you have", " what do you offer", " what do you guys have",
                                                  " what have you got"].contains(where: folded.contains)
        // Before asking back, what the unsure reading can still answer:
        let unsure = understood.confidence < 0.4
        let switches = withAnotherCompany || [" se cambia con ustedes", " cambiarse con ustedes", " switch to you"].contains(where: folded.contains)
        // ("…entonces quiero saber cuanto sale el internet para la casa", at the end of a long story: the price.)
        // ("Fine. Then what would it cost me to get my own?" from someone with no service here: no bill to ask about.)
        let pricesForANewcomer = caller == nil && understood.intent == .plansPrices && asksAboutPrice
        if unsure, input.role == .customer, asksThePlans || switches && asksAboutPrice || asksWhatTheServiceCosts || pricesForANewcomer
            || asksWhatThePlansGive {
            intent = .plansPrices
            plansAndPrices()
            return true
        }
        // "would it be alright if I wrote in English?": a greeting in English, not a choice of topics.
        // "do you guys speak English? … I need internet at my depa": the sign-up starts, in English.
        let wantsService = understood.intent == .register && OfflineUnderstanding.wantsService.contains(where: foldedAndRead.contains)
        // ("…so I'll write in English if that's ok. 1) Do you cover Oriente? 2) What plans…": the questions are answered.)
        // (Not "sorry, switching to English… my 100 Mbps plan is giving me ~15 down / 2 up since yesterday evening": a failure.)
        if understood.confidence < 0.6, !wantsService, understood.slots.zone == nil, understood.slots.since == nil,
           !PriorityRule.namesAFailure(wording),
           LanguageGuess.asksForEnglish(folded.split(separator: " ").map(String.init)) {
            intent = .greeting
            greet()
            return true
        }
        // A question read as a failure report, without a word of anything failing, is not
        // opened as a report on a guess ("¿y ese número para qué sirve?").
        let doubtfulReport = understood.intent == .reportIncident && understood.confidence < 0.5 && text.contains("?")
            && !PriorityRule.mentionsAProblem(wording)
        // ("mejor páseme con alguien pa arreglar lo de la baja": a person asked for outright is no question to ask back.)
        let asksAPersonOutright = [" paseme con", " pasame con", " pasenme con", " comuniqueme con", " comunicame con",
                                   " hablar con alguien", " hablar con una persona", " talk to someone", " speak to someone",
                                   " me puede marcar alguien", " que me marque alguien", " que me llame alguien",
                                   // ("Le pido entonces que una persona del área administrativa me contacte")
                                   " que una persona", " una persona me contacte", " alguien me contacte", " que me contacten"]
            .contains(where: folded.contains)
        // ("Quick question about the bill. Cuánto es this month?": the bill, named.)
        if unsure, input.role == .customer, understood.intent == .billing,
           [" the bill", " my bill", " el recibo", " mi recibo", " la factura"].contains(where: folded.contains) {
            return false
        }
        if asksAPersonOutright, input.role == .customer, understood.confidence < 0.4,
           ([understood.intent] + understood.alternatives).prefix(2).contains(.humanAgent) {
            intent = .humanAgent
            return false
        }
        guard input.role == .customer, understood.confidence < 0.4 || doubtfulReport, understood.slots.isEmpty || doubtfulReport,
              understood.answer == nil, !asksAPersonOutright,
              // ("le escribo x mi abuelita ella kiere internet pero no sabe escrebir": a sign-up, however unsure the reading.)
              !wantsService, case .text = input.message.content else { return false }
        let options = ([understood.intent] + understood.alternatives).compactMap { intent in
            MenuOption.allCases.first { $0.intent == intent }
        }
        guard options.count >= 2 else { return false }
        askWhich(options[0], or: options[1])
        return true
    }

    /// "Quiero entenderte bien: ¿es sobre «first» o «second»?", with the two as buttons and "something else".
    mutating func askWhich(_ first: MenuOption, or second: MenuOption) {
        intent = .outOfScope
        say(.clarify, ["first": agent.book.text(first.buttonKey, lang), "second": agent.book.text(second.buttonKey, lang)],
            buttons: [first, second].map { button($0.buttonKey, $0.id) } + [button(.buttonSomethingElse, QuickReplyAction.menu)])
    }

    /// "¿y el de 50 qué tal jala?", "¿y sí llega a la zona sur?", "¿la antena se paga aparte?":
    /// a question read as a failure report that names a plan, a place or a price and no failure.
    /// "si llueve o hay viento ¿se va el internet?" from someone with no service here: how the service copes, asked before
    /// signing up.
    var asksAboutTheWeather: Bool {
        caller == nil && text.contains("?")
            && [" si llueve", " cuando llueve", " con la lluvia", " si hay viento", " con el viento", " if it rains", " when it rains",
                " in the rain", " if it s windy", " when it s windy"].contains(where: folded.contains)
    }

    var questionInsteadOfReport: Intent? {
        // ("we got the slow one at the house whats the 100 cost": a plan's price asked, without a question mark.)
        let asksAPlansPrice = understood.slots.planMbps != nil
            && [" whats the", " what s the", " how much", " cuanto cuesta", " cuanto sale"].contains(where: folded.contains)
        // ("…Please kindly tell me the internet plans and the monthly price.": asked without a question mark.)
        let tellsMe = asksAboutPrice && [" tell me", " dime ", " digame", " quisiera saber", " want to know", " would like to know"]
            .contains(where: folded.contains)
        // ("megacable ya me tiene hasta la madre, 5 dias sin servicio… cuanto sta el mas barato": another company's failure, and
        // our price asked.)
        let fedUpElsewhere = caller == nil && withAnotherCompany && asksAboutPrice
        // ("…preguntarles si cuentan ustedes con servicio de internet en la zona Centro, donde tengo mi domicilio desde hace más
        // de cuarenta años", a letter without question marks from someone with no service here: whether we reach them.)
        // (Asked, not told: "la señal no llega a las recámaras" is about a room.)
        let asksWhetherWeReach = caller == nil && understood.slots.zone != nil
            && [" si cuentan", " si tienen servicio", " si llegan", " si hay servicio", " si dan servicio", " cuentan ustedes con",
                " cuentan con servicio", " whether you cover", " if you cover"].contains(where: folded.contains)
        guard input.role == .customer, understood.intent == .reportIncident || understood.intent == .incidentStatus,
              text.contains("?") || startsWithAnd || asksAPlansPrice || tellsMe || fedUpElsewhere || asksWhetherWeReach
        else { return nil }
        if asksWhetherWeReach, !text.contains("?"), !PriorityRule.namesAFailure(wording) { return .coverage }
        if fedUpElsewhere { return .plansPrices }
        // ("oigan cuanto cuesta el internet?? somos 4… y el wifi del casero ya no jala", "how much is internet for a house?
        // we're in Oriente, by the secundaria tecnica": the price, from someone with no service here.)
        if caller == nil, asksWhatTheServiceCosts { return .plansPrices }
        // ("el tecnico q le instalo a mi compadre me paso este contacto. Que planes manejan?")
        if caller == nil, asksEveryPrice, !PriorityRule.namesAFailure(wording) { return .plansPrices }
        guard understood.intent == .reportIncident else { return nil }
        // "¿y con ese se puede jugar sin lag?" right after a price: whether that plan will do.
        if asksWhetherItCopes, !previous.quotedPlans.isEmpty || previous.listedPlans { return .plansPrices }
        // "…diario se va con la vecina a hacer la tarea… Vivo en la colonia nueva del poniente, ¿ustedes llegan hasta allá?":
        // someone with no service here asking whether it reaches them, whatever the story on the way.
        if caller == nil, understood.slots.zone != nil, text.contains("?"), asksCoverage { return .coverage }
        guard !PriorityRule.namesAFailure(wording) else { return nil }
        // "con ese se pueden conectar 3 tablets al mismo tiempo?" right after a price: about that plan.
        if understood.slots.planMbps != nil || asksAboutPrice || refersBack && !previous.quotedPlans.isEmpty { return .plansPrices }
        if understood.slots.zone != nil, caller == nil { return .coverage }
        return nil
    }

    /// "el que sigue", "uno más barato" → -1; "el de arriba", "uno más rápido" → +1.
    var planStep: Int? {
        let folded = foldedAndRead
        if takesTheStepJustQuoted { return nil }
        // ("What would the next one up cost?")
        if [" next one up", " next plan up", " one up ", " the next up", " next step up", " el que sigue para arriba",
            " el siguiente para arriba", " le sigue para arriba", " le sigue pa arriba"].contains(where: folded.contains) {
            return 1
        }
        // ("Y el otro cuanto? el que le sigue para abajo.")
        if [" el que sigue", " el que le sigue", " el siguiente", " el de abajo", " para abajo", " pa abajo",
            " uno mas barato", " algo mas barato", " otro mas barato",
            " mas economico", " the next one", " a cheaper one", " something cheaper", " the one below", " the cheaper one",
            " cheaper one"].contains(where: folded.contains) {
            return -1
        }
        if [" el de arriba", " uno mas rapido", " algo mas rapido", " otro mas rapido", " uno mejor", " a faster one",
            " the one above", " something faster", " the faster one", " faster one", " the bigger one"].contains(where: folded.contains) {
            return 1
        }
        return nil
    }

    func stepped(from mbps: Int, by step: Int) -> Int? {
        let speeds = workbook.plansBySpeed.map(\.mbps)
        guard let i = speeds.firstIndex(of: mbps) else { return nil }
        if speeds.indices.contains(i + step) { return speeds[i + step] }
        // "¿y el que sigue?" after the cheapest: the next one up, the only one that follows.
        // ("y el otro? el que le sigue" after the cheapest.)
        let eitherWay = [" que sigue", " siguiente", " next one", " que le sigue"].contains(where: folded.contains)
            || foldedAndRead.contains(" que sigue")
        return eitherWay && speeds.indices.contains(i - step) ? speeds[i - step] : nil
    }

    /// As typed and as read, padded: "i el ke sige?" is also "el que sigue".
    var foldedAndRead: String { folded + (understood.normalized.map { $0 + " " } ?? "") }

    var isShort: Bool { folded.split(separator: " ").count <= 9 }

    /// A message that is only a full name ("Omar Villegas", "Isabel Ramos Cruz.").
    var bareName: String? { bareName(in: text) }

    /// The same of one sentence of the message.
    func bareName(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," }).map(String.init)
        guard (2...5).contains(words.count), words.allSatisfy({ $0.allSatisfy(\.isLetter) }),
              understood.answer == nil, understood.confidence < 0.6 || understood.slots.name != nil
                // ("kevin salinas" from a customer, read as a staff search: a name said.)
                || input.role == .customer && understood.intent == .staffSearch else { return nil }
        let folded = words.map(Text.fold)
        // "ay que lástima joven": everyday words are no name.
        // ("yep thats right go ahead": an answer, whatever else is no vocabulary.)
        guard !folded.contains(where: { ["gracias", "ok", "bueno", "hola", "si", "no", "va", "sale"].contains($0) || Answers.all.contains($0) }),
              folded.allSatisfy({ SlotExtractor.nameJoiners.contains($0) || !Lexicon.notNameWords.contains($0)
                  && (CommonWords.names.contains($0) || !CommonWords.all.contains($0)) }) else { return nil }
        return Self.presentableName(words.joined(separator: " "))
    }

    /// "…ha de ser bien lento. y el d 100?": the last sentence asks the same about another.
    var endsAskingAnother: Bool {
        guard text.hasSuffix("?"), let last = text.dropLast().split(whereSeparator: { ".!?\n".contains($0) }).last else { return false }
        let plain = Text.fold(String(last))
        return ["y ", "and ", "what about", "how about"].contains(where: plain.hasPrefix)
    }

    /// "¿Y en el Norte?", "and the 50 one?", "ahora Oriente": the same question again.
    var startsWithAnd: Bool {
        let starts = ["y ", "and ", "what about", "how about", "ahora ", "tambien ", "also "]
        if starts.contains(where: Text.fold(text).hasPrefix) { return true }
        // "Hmm it's a bit much for me... and the one in the middle?": the question at the end does.
        guard text.contains("?"), let last = text.split(whereSeparator: { ".…!,;".contains($0) }).last else { return false }
        return starts.contains(where: Text.fold(String(last)).hasPrefix)
    }

    /// "ah caray, ¿y en la colonia Norte?", "what about Sur?", "dice que queda arriba de La Loma":
    /// the place is what the message is about, not one mentioned on the way ("nos vamos hasta el Centro").
    func isAbout(zone: String) -> Bool {
        let name = Text.fold(zone).split(separator: " ").map(String.init)
        // ("queda como por el oriete, atras del tec": the zone as the spelling fix reads it.)
        var words = folded.split(separator: " ").map(String.init)
        if words.position(of: name) == nil, let read = understood.normalized { words = read.split(separator: " ").map(String.init) }
        guard let at = words.position(of: name) else { return startsWithAnd }
        let before = Set(words[max(0, at - 5)..<at])
        return startsWithAnd || !before.isDisjoint(with: ["y", "i", "its", "and", "about", "queda", "es", "esta", "vive", "vivo", "vivimos",
                                                          "live", "lives", "is", "reach", "llegan", "cubren", "cover", "hay",
                                                          "alla", "aca", "mejor", "cuenta", "pertenece", "belongs", "llegue", "lleguen",
                                                          // "sta pegado al sur": next to it.
                                                          "pegado", "pegadito", "junto", "cerca", "near", "next", "rumbo", "lado",
                                                          // ("He's in the Norte area": where someone is.)
                                                          "s", "hes", "shes"])
    }

    /// "¿y para cuándo llegan?", "when will you get there?".
    /// "¿para cuándo llegan?" asks; "que me avisen cuando llegue el servicio" only says when to write.
    var asksWhen: Bool {
        let whenWords = [" cuando ", " when ", " fecha ", " tardan ", " llegar pronto ", " tienen pensado llegar", " any time soon ",
                         // ("Ah, 'en expansión', does that mean soon?")
                         " mean soon", " coming soon", " how long until", " how soon", " pronto ",
                         // ("Expansion? Do you have a rough date? weeks? months?")
                         " rough date", " a date ", " an eta", " eta ", " timeline", " timeframe",
                         // ("y en que tanto llega?", "y como cuanto falta pa q lleguen?")
                         " en que tanto", " que tanto falta", " cuanto falta", " en cuanto tiempo"]
        guard whenWords.contains(where: folded.contains) else { return false }
        var rest = folded
        for told in [" cuando llegue", " cuando lleguen", " cuando haya", " cuando tengan", " cuando pongan", " let me know when",
                     " let us know when", " tell me when", " notify me when", " text me when"] {
            rest = rest.replacingOccurrences(of: told, with: " ")
        }
        return whenWords.contains(where: rest.contains)
    }

    /// "¿tienen servicio en…?", "do you cover…?": a coverage question's own words.
    var asksCoverage: Bool {
        [" tienen servicio", " cobertura", " llegan", " llega ", " cubren", " hay servicio", " hay internet", " cover", " reach",
         " cuentan con servicio", " cuentan ustedes con servicio", " cuentan con internet",
         " service in", " dan servicio", " dan el servicio", " dan internet", " get service", " ponen internet", " go up there",
         " do you go", " get up there", " llegan hasta",
         // "Which one can get internet?", "Do you have internet in both?", "donde tienen cobertura".
         " can get internet", " have internet in", " get internet there", " internet in both", " tienen internet en",
         // ("my grandma just moved to poniente, do u guys have internet there?")
         " have internet there", " do you have internet", " guys have internet",
         // ("k onda tienen internet pal poniente?")
         " tienen internet pal", " tienen internet para el", " tienen internet para la", " hay internet pal", " llega pal"]
            .contains(where: folded.contains)
    }

    /// "Y el que sigue cuánto es?" then "Ay pues mejor ese, el que sigue": the plan that step gave, taken; no second step.
    var takesTheStepJustQuoted: Bool {
        guard [" ese ", " esa ", " that one ", " that s the one "].contains(where: folded.contains),
              // (The turns kept may hold this message already.)
              let before = session.recent.last(where: { $0.speaker == .customer && $0.text != text }).map({ " " + Text.fold($0.text) + " " })
        else { return false }
        return [" que sigue", " que le sigue", " siguiente", " next one"].contains { folded.contains($0) && before.contains($0) }
    }

    /// "Ok, el segundo", "mejor el primero", "the first one": a plan by its place among those the last reply quoted
    /// (or, after the list of plans, among all of them).
    var ordinalPlan: Int? {
        // ("Y EL QUE LE SIGUE" after the cheapest one's price: the next one up.)
        if let last = previous.lastQuotedPlan ?? (previous.quotedPlans.count == 1 ? previous.quotedPlans[0] : nil),
           [" el que le sigue", " el que sigue", " el siguiente", " the next one", " next one up"].contains(where: folded.contains) {
            return takesTheStepJustQuoted ? last : workbook.plansBySpeed.map(\.mbps).first { $0 > last }
        }
        let order = previous.quotedPlans.count >= 2 ? previous.quotedPlans
            : previous.listedPlans ? workbook.plansBySpeed.map(\.mbps) : previous.quotedOrder ?? []
        guard order.count >= 2 else { return nil }
        let words = folded.split(separator: " ").map(String.init)
        let places = ["primero": 0, "primer": 0, "first": 0, "segundo": 1, "second": 1, "tercero": 2, "third": 2,
                      "ultimo": order.count - 1, "last": order.count - 1]
        for (i, word) in words.enumerated() {
            guard let n = places[word], n < order.count,
                  words[max(0, i - 4)..<i].contains(where: { ["el", "the", "al", "ese"].contains($0) }),
                  // ("The first place I'm looking at is in Norte": the first of something else.)
                  i + 1 == words.count || !Self.notPlanNouns.contains(words[i + 1]) else { continue }
            return order[n]
        }
        return nil
    }

    /// Words after "el primero", "the first" that make it the first of something else than the plans.
    static let notPlanNouns: Set<String> = ["place", "house", "apartment", "time", "day", "week", "month", "lugar", "casa",
                                            "departamento", "depa", "vez", "dia", "semana", "mes", "piso", "cuarto", "local"]

    /// "ese", "esa", "that one": a reference to what was just said.
    var refersBack: Bool {
        let words = Set(folded.split(separator: " ").map(String.init))
        // ("ok ill take it" after a price: "it" points back only with taking.)
        return !words.isDisjoint(with: ["ese", "esa", "eso", "este", "esta", "that", "this", "mismo", "misma"])
            || [" take it", " want it", " get it", " lo quiero", " lo tomo", " me lo llevo", " lo contrato"].contains(where: folded.contains)
    }

    /// A plan named or pointed at ("ese") with a yes and no question: "va el de veinte", "andale pues, ese",
    /// "dice mi abuelo que mejor ese".
    var takesAPlan: Bool {
        // ("ok y del de 50 al de 100 q tanta diferencia hay": a question without its mark.)
        guard !text.contains("?"), !asksAboutAPlan, !asksTheDifference, understood.intent != .reportIncident else { return false }
        let first = folded.split(separator: " ").first.map(String.init) ?? ""
        return wantsIt || understood.answer == .yes || (Answers.yes.contains(first) && first != "ya")
    }

    /// "lo quiero", "me lo quedo", "me late", "apúntame", "I'll take it".
    var wantsIt: Bool { Self.wants(in: folded) }

    /// "mi hija", "my mom", "la suegra": the message names a relative.
    var namesARelative: Bool { Self.namesARelative(folded) }

    static func namesARelative(_ folded: String) -> Bool {
        folded.split(separator: " ").contains { Lexicon.relatives.contains(String($0)) }
    }

    /// "va el de 50 entonces. pa jugar en linea si jala no?": a choice in a sentence of its own, then a question.
    var takesThenAsks: Bool {
        guard let mark = text.firstIndex(of: "?"), let end = text[..<mark].firstIndex(where: { ".!\n".contains($0) }) else { return false }
        return Self.wants(in: " " + Text.fold(String(text[..<end])) + " ")
    }

    static func wants(in folded: String) -> Bool {
        wantPhrases
            // "¿cuánto sale ese?" asks; "sale, ese" takes it.
            .contains(where: { folded.contains($0) && !($0 == " sale ese " && folded.contains(" cuanto sale ese")) })
            // "Por ahora no vamos a contratar nada": the word of a sign-up, denied; "se me hace bien caro": no liking.
            && ![" no vamos a contratar", " no voy a contratar", " no quiero contratar", " no queremos contratar", " no lo quiero",
                 " not going to sign", " don t want to sign", " no contratamos", " bien caro", " bien cara"].contains(where: folded.contains)
    }

    static let wantPhrases = [
        " quiero ", " kiero ", " lo quiero ", " me lo quedo ", " me quedo ", " me late ", " contrat", " ponganmelo ",
        " ponmelo ", " apuntame ", " apunteme ", " apuntenme ", " lo tomo ", " me interesa ", " i ll take ", " i will take ",
        " ill take ", " i want it ", " i want the ", " i want that ", " i want to sign ", " i want to get ", " sign me up ", " i d like ",
        " id like ", " me lo instalan ", " instalenmelo ",
        " ese mero ", " ese merito ", " me conviene ", " me animo ", " va ese ", " sale ese ", " dale ",
        " go with ", " we ll take ", " well take ", " i think the ", " creo que el ", " creo q el ", " mejor el ",
        " me quedo con ", " ese me gusta ", " nos quedamos con ", " ponme el ", " ponganme el ", " mejor ese ", " ese mejor ",
        " esa mejor ", " put me the ",
        " mejor esa ", " sounds about right ", " sounds good ", " that one please ",
        " apuntalo ", " apuntala ", " apuntelo ", " apuntela ", " anotalo ", " anotala ", " anotame ", " anoteme ",
        " registralo ", " registrala ", " ponselo ", " ponsela ", " is fine ", " will do ", " works for us ",
        " works for me ", " esta bien ese ", " ese esta bien ", " esa esta bien ", " se me hace bien ",
        " me parece bien ", " se oye bien ", " let s do ", " lets do ", " sign us up ", " sign him up ", " sign her up ",
        " ponganselo ", " ponganle el ", " va el de ", " let s go ", " lets go ", " pongale el ", " pongale ese ", " one then ",
        " go for the ", " we ll get the ", " well get the ",
        // ("Nah let's not muck around, I'll go the 100 mate")
        " i ll go the ", " ill go the ", " i ll go with ", " i ll have the ", " i ll get the ",
        // ("el de 50 creo q con ese la hago, es la terminal y 2 celulares nomas")
        " con ese la hago ", " con ese la armo ", " con ese me alcanza ", " con ese nos alcanza ", " con ese la hacemos ",
        // ("ok do the 20", "Could we get the 20 meg plan there?")
        " ok do the ", " just do the ", " yes do the ", " then do the ", " could we get the ", " can we get the ", " could i get the ",
        " can i get the ",
        // ("The 100 one sounds right", "20 will be loads for her", "go ahead and confirm the Centro one")
        " sounds right ", " will be loads ", " will be plenty ", " go ahead and confirm ",
        // Chosen for someone else: "dice que se queda con el de 20", "He would like the 100 Mbps plan".
        " se queda con ", " se quedan con ", " would like the ", " he d like the ", " she d like the ",
        // ("Well, Oriente it is then!")
        " it is then ",
    ]

    /// "…nomás que no se tarden con el técnico porque se sigue cortando igual", "es q se cuelgan los vecinos y me sube el ping"
    /// right after the state of their open report: that report, told again or explained, gets the note; no second one.
    mutating func addsToTheReportJustShown() -> Bool {
        guard input.role == .customer, session.flow == nil, caller != nil, understood.intent == .reportIncident, !text.contains("?"),
              previous.writtenIncident == nil,
              let folio = previous.statusShown ?? folioShownLately, !Self.tellsAnotherProblem(folded),
              let shown = workbook.incidents.first(where: { $0.folio == folio })
        else { return false }
        // (A request's report — a new password — takes only its why; "ya reinicié… y sigue igual" is about another failure.)
        let explains = [" es que ", " es q ", " because "].contains(where: folded.hasPrefix)
        let same = [" sigue igual", " se sigue", " sigue cortando", " sigue fallando", " sigue sin", " still "].contains(where: folded.contains)
        guard explains || same && !PriorityRule.asksForARequest(shown.description) else { return false }
        intent = .reportIncident
        effects.append(.appendNote(.incidents, key: folio, column: Col.Incident.description.name,
                                   note: CellText.inert(text, maxLength: 300)))
        say(.incidentDetailsSaved, ["folio": folio])
        return true
    }

    /// The folio of the caller's open report whose state the last two turns told (not a report just written).
    var folioShownLately: String? {
        guard let client = caller else { return nil }
        let told = (previous.statusTold ?? []) + (previous.statusToldBefore ?? [])
        guard !told.isEmpty else { return nil }
        return workbook.incidents(chat: chat, clientID: client.id).first { $0.status.isOpen && told.contains($0.folio) }?.folio
    }
}

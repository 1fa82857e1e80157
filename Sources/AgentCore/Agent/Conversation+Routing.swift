/// Routing an understood intent to its answer. Before the plain intent's flow, a few readings
/// of the whole message win over it: a question about a plan is no sign-up, a client's outage is
/// no sign-up, staff looking someone up are not reporting a failure, and so on.
extension Conversation {
    /// "I'm apartment hunting. I need low latency and decent upload… Do you offer a static IP?" from someone who is no client:
    /// what the plans give, asked before signing up; no failure to report.
    var asksWhatThePlansGive: Bool {
        input.role == .customer && session.flow == nil && caller == nil && understood.intent == .reportIncident && text.contains("?")
            && [" do you offer", " do you have", " do you guys offer", " ofrecen", " manejan ip", " tienen ip", " static ip", " ip fija",
                " ip estatica", " latency", " latencia", " upload", " velocidad de subida"].contains(where: folded.contains)
            && !PriorityRule.namesAFailure(wording)
    }

    /// A question asked before signing up, answered; the sign-up offered and the place told before still stand.
    private mutating func answerBeforeSigningUp(_ key: ReplyKey, _ values: [String: String] = [:]) {
        intent = .plansPrices
        session.context.offeredSignup = previous.offeredSignup
        session.context.zone = previous.zone
        say(key, values)
    }

    /// "¿en qué va esa solicitud?", "¿qué pasó con lo de la contraseña?": how a report told before goes.
    static func asksHowAReportGoes(_ folded: String) -> Bool {
        [" en que va", " como va lo", " como va mi", " como va el", " como va la", " como va esa", " como va ese", " ya lo hicieron",
         " en que quedo", " que paso con lo", " que paso con mi reporte", " q paso con mi reporte", " que paso con el reporte",
         " q paso con el reporte",
         // ("she wants to know whats happening with the report for the slow internet at night")
         " happening with the report", " happening with my report", " happening with her report", " how is my report",
         " is that still open", " is it still open",
         // ("lo otro que reporte de que en las noches se pone bien lento eso como va")
         " eso como va", " como va eso"].contains(where: folded.contains)
    }

    mutating func route(_ intent: Intent) {
        self.intent = intent
        // The second looks below hand a message from one reading to another; a chain of them that came
        // back around would never end, so after a few the plain answer is given.
        routeDepth += 1
        defer { routeDepth -= 1 }
        guard routeDepth <= 4 else { return answer(intent) }
        // ("es en la loma, arriba de la cancha de futbol" after a price: where the place is, whatever the landmark reads as.)
        // ("ya volvi jaja. esta en el centro, a 2 cuadras del jardin" after the plans: the same, after a word of return.)
        if input.role == .customer, session.flow == nil, intent == .outOfScope, let zone = understood.slots.zone,
           workbook.zone(named: zone) != nil,
           [" es en ", " esta en ", " queda en ", " it s in ", " its in ", " is in "].contains(where: folded.hasPrefix)
            || (previous.listedPlans || previous.offeredSignup)
                && [" es en ", " esta en ", " queda en ", " estoy en ", " vivo en ", " soy de ", " soy d ", " somos de ", " it s in ",
                    " its in ", " we re in ", " i m in ",
                    // ("ni idea jaja, esta cerca del centro, como a 5 min del mercado")
                    " esta cerca del ", " esta cerca de la ", " queda cerca del ", " queda cerca de la ", " it s near ", " its near ",
                    // ("ES PARA MI ERMANO EL MAS GRANDE QUE BIBE EN LALOMA" after a price)
                    " vive en ", " bibe en ", " viven en ", " lives in ", " live in "]
                    .contains(where: folded.contains) {
            // ("ta bien ese. soy d la norte, x la panaderia la espiga" after one plan's price: that plan, there.)
            if previous.quotedPlans.count == 1, refersBack || wantsIt, !text.contains("?") { return route(.register) }
            return route(.coverage)
        }
        // ("el de 50 creo. las clientas siempre piden la clave del wifi jajaja" after hearing we reach them: the plan taken;
        // what the wifi is for is no request from someone with no service yet.)
        if input.role == .customer, session.flow == nil, caller == nil, intent == .reportIncident, previous.offeredSignup,
           let mbps = understood.slots.planMbps, mentionsSpeed(mbps), workbook.plan(mbps: mbps) != nil,
           !PriorityRule.namesAFailure(wording), previous.zone.flatMap(workbook.zone(named:))?.hasCoverage == true {
            return route(.register)
        }
        // ("si confirmo" once more, just after the sign-up was written: agreed already, nothing starts again.)
        if input.role == .customer, session.flow == nil, previous.signedUp != nil, understood.answer == .yes, understood.slots.isEmpty,
           intent != .thanksBye, folded.split(separator: " ").count <= 4, !text.contains("?") {
            return route(.thanksBye)
        }
        if intent == .reportIncident, asksWhatThePlansGive { return route(.plansPrices) }
        // ("Se lo agradezco de corazón. Bendiciones para usted y su familia.": a goodbye, however the words read.)
        if input.role == .customer, intent == .outOfScope, !text.contains("?"),
           [" bendiciones", " dios lo bendiga", " dios la bendiga", " dios los bendiga", " se lo agradezco", " se los agradezco"]
            .contains(where: folded.contains) {
            return route(.thanksBye)
        }
        // ("Otra pregunta, si llueve o hay viento ¿se va el internet?" before signing up: how the service copes.)
        // (Asked by someone with no service here: whatever fails in the rain is a question, not a report.)
        if input.role == .customer, session.flow == nil, [.reportIncident, .outOfScope, .plansPrices].contains(intent), asksAboutTheWeather {
            return answerBeforeSigningUp(.weatherQuestion)
        }
        // ("¿Cuánto tiempo tardan en venir a instalar?" from someone with no service here: when the installation is arranged.)
        if input.role == .customer, session.flow == nil, caller == nil,
           [.incidentStatus, .reportIncident].contains(intent)
            || intent == .register && text.contains("?") && understood.slots.planMbps == nil && understood.slots.zone == nil,
           folded.contains(" instal"), [" cuanto tiempo", " cuanto tardan", " tardan", " cuando", " how long", " how soon", " when"]
            .contains(where: folded.contains), !workbook.incidents(chat: chat, clientID: nil).contains(where: \.status.isOpen) {
            return answerBeforeSigningUp(.installationWhen, ["hours": String(settings.installationHours)])
        }
        // ("ah no perdón, su apellido es Nájera Olvera" right after the waiting list took "Sofía Nájera Cruz": the row's name
        // mended.)
        if input.role == .customer, session.flow == nil, let listed = previous.listOffered, let row = workbook.prospect(chat: chat),
           Text.fold(row.zone) == Text.fold(listed), case let given = row.name.split(separator: " ").map(String.init), given.count >= 2,
           let surnames = surnamesGiven?.split(separator: " ").map(String.init), correctsItself || folded.contains(" apellido") {
            let name = (given.dropLast(min(surnames.count, given.count - 1)) + surnames).joined(separator: " ")
            self.intent = .coverage
            effects.append(.updateRow(.prospects, key: row.id, cells: [Col.Prospect.name.name: CellText.inert(name, maxLength: 80)]))
            return say(.prospectNameSaved, ["name": firstName(name)])
        }
        // ("no espera me equivoque jaja, esa es la de mi hermano. La mia esta en el Sur" right after the list took the place we
        // do not reach: the sign-up goes on where we do, and the list's row says why it is there.)
        if input.role == .customer, session.flow == nil, correctsItself, let listed = previous.listOffered,
           let zone = understood.slots.zone.flatMap(workbook.zone(named:)), zone.hasCoverage, Text.fold(zone.name) != Text.fold(listed),
           let row = workbook.prospect(chat: chat), Text.fold(row.zone) == Text.fold(listed), !text.contains("?") {
            self.intent = .register
            noteZoneCorrected(onListRow: row.id, to: zone.name)
            return startSignup(plan: understood.slots.planMbps ?? row.planMbps, zone: zone.name)
        }
        // ("ay no perdon, es el F-0002, lo tenia apuntado mal": a folio, told by a client, is that report's state asked.)
        if input.role == .customer, session.flow == nil, caller != nil,
           [.plansPrices, .outOfScope, .greeting].contains(intent),
           text.range(of: #"\b[Ff][- ]?0\d{3}\b"#, options: .regularExpression) != nil {
            return route(.incidentStatus)
        }
        // ("hace cuanto pedi que me cambiaran la contraseña del wifi? ya se les olvido o q": the request already made, asked after.)
        if input.role == .customer, session.flow == nil, let client = caller, text.contains("?"), intent != .incidentStatus,
           [" pedi que", " pedi q", " les pedi", " solicite que", " ya les habia pedido", " ya habia pedido", " i asked you to",
            " i requested"].contains(where: folded.contains),
           // (Not beside a failure told now: "…se anda cayendo a cada rato… ¿qué pasó con lo de la contraseña que les pedí?")
           !PriorityRule.namesAFailure(wording),
           case let open = workbook.incidents(chat: chat, clientID: client.id).filter(\.status.isOpen), !open.isEmpty,
           reportsAskedAbout(open).count == 1 {
            return route(.incidentStatus)
        }
        // ("quiero pagarle el internet a mi mama, se llama Rosa Maria Rodriguez": how to pay, and nothing of her account.)
        if input.role == .customer, session.flow == nil,
           [" pagarle el internet a", " pagarle el servicio a", " pagar el internet de mi", " pagar el internet a mi",
            " pagarle a mi mama el internet", " pay for my mom", " pay my mom s", " pay her internet", " pay his internet"]
            .contains(where: folded.contains) {
            self.intent = .billing
            return say(.paymentMethods)
        }
        // ("ya nos instalaron en la casa nueva en la norte pero se me perdio el papelito con la contraseña del wifi", "Pago el de
        // 100 megas y hoy me llegan como 8 😤", from a client: the service they have, not a sign-up.)
        if input.role == .customer, session.flow == nil, intent == .register, caller != nil,
           !wantsAnotherPlace || [" ya nos instalaron", " ya me instalaron", " ya nos conectaron", " ya me conectaron"]
            .contains(where: folded.contains),
           PriorityRule.asksForAPassword(wording) && understood.slots.planMbps == nil
            || PriorityRule.namesAFailure(wording) && [" pago el de", " tengo el de", " i pay for", " i m paying for", " tengo contratado"]
                .contains(where: folded.contains)
                && ![" contratar", " cambiar", " cambiarme", " subir", " upgrade", " quiero el", " quisiera el", " switch"]
                    .contains(where: folded.contains) {
            return route(.reportIncident)
        }
        // ("¿Y qué paquete tengo yo? Mi nieto dice que el mío es muy lento.": the client's own plan, told before the report.)
        if input.role == .customer, caller != nil, intent == .reportIncident, session.flow == nil, routeDepth == 1, text.contains("?"),
           [" que paquete tengo", " que plan tengo", " cual plan tengo", " cual paquete tengo", " what plan do i have",
            " which plan do i have", " el q tengo es el de", " el que tengo es el de",
            // ("y el q tenemos en mi casa cual es?? xq va bien lento")
            " y el q tenemos", " y el que tenemos", " que plan tenemos", " que paquete tenemos", " cual plan tenemos"]
            .contains(where: folded.contains) {
            billing()
        }
        // ("y el de 20 cuanto sale? me quiero bajar a ese, casi ni lo uso" from a client of the 50: a smaller plan, not leaving.)
        if input.role == .customer, intent == .cancel, let client = caller, let mbps = understood.slots.planMbps, mbps != client.planMbps,
           mentionsSpeed(mbps), workbook.plan(mbps: mbps) != nil,
           [" bajar a", " bajarme a", " bajar al", " bajarme al", " cambiar a", " cambiarme a", " pasarme a", " me bajo a",
            " me paso a", " switch to", " downgrade"].contains(where: folded.contains) {
            return route(.billing)
        }
        // ("tengo el plan de 100 pero… se me hace mucho pagar 600. q otros paquetes tienen?": the plans, not the bill.)
        if input.role == .customer, caller != nil, intent == .billing, text.contains("?"), asksEveryPrice, !asksWhatIsOwed {
            return route(.plansPrices)
        }
        // ("le escribo por mi mamá ella tiene internet con ustedes en el sentro": a relative's service, which is not a sign-up;
        // what it needs is asked.)
        if input.role == .customer, session.flow == nil, caller == nil, intent == .register, namesARelative,
           [" tiene internet con ustedes", " tiene el internet con ustedes", " tiene servicio con ustedes", " tiene el servicio con ustedes",
            " es cliente de ustedes", " es clienta de ustedes"].contains(where: folded.contains),
           ![" contratar", " poner internet", " instalar", " me pueden poner", " quiero internet", " sign up", " tambien quiero",
             " yo tambien", " a mi tambien", " cambiar", " otro plan", " el de "].contains(where: folded.contains) {
            return route(.reportIncident)
        }
        // ("Oh sorry, it's Sarah Whitfield. And yes, the 100 one." after the price and the place we reach: the sign-up, with
        // what was said before.)
        if input.role == .customer, session.flow == nil, caller == nil, intent != .register,
           let zone = previous.zone.flatMap(workbook.zone(named:)), zone.hasCoverage, understood.slots.zone == nil,
           let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil, understood.slots.name.flatMap(explicitName) != nil,
           understood.answer == .yes || understood.leansYes || [" yes ", " si ", " sale ", " va "].contains(where: folded.contains),
           // (Not "put me on the list anyway, name's rebecca walsh. the 20 meg one" after hearing we do not reach La Loma.)
           !text.contains("?"), !asksToBeTold, previous.listOffered == nil, !asksOthersDataInText {
            self.intent = .register
            return startSignup(plan: mbps, zone: zone.name)
        }
        // ("¿qué es un megabyte? Mis nietos siempre hablan de «megas»": what the speeds mean, never a report.)
        if input.role == .customer, session.flow == nil, [.outOfScope, .plansPrices, .reportIncident].contains(intent),
           Self.asksWhatMegasAre(folded) {
            self.intent = .plansPrices
            session.context.listedPlans = previous.listedPlans
            session.context.offeredSignup = true
            return say(.megasExplained)
        }
        // ("Great. Is there a setup fee?" after the price: what the installation costs.)
        // (Asked alone: "What are your plans, and is there an installation fee?" hears the plans.)
        if input.role == .customer, session.flow == nil, [.outOfScope, .plansPrices].contains(intent), text.contains("?"),
           understood.slots.planMbps == nil, understood.slots.zone == nil, !asksEveryPrice, folded.split(separator: " ").count <= 10,
           ![" prices", " precios", " plans", " planes", " paquetes", " rates"].contains(where: folded.contains),
           [" setup fee", " set up fee", " installation fee", " install fee", " hookup fee"].contains(where: folded.contains) {
            self.intent = .plansPrices
            session.context.quotedPlans = previous.quotedPlans
            session.context.offeredSignup = true
            return say(.installationIncluded)
        }
        // ("Ya le pregunte a mi apa y dice q es Sur, el recibo de la luz dice Sur": the power bill tells the place, no bill of ours.)
        if input.role == .customer, session.flow == nil, intent == .billing, understood.slots.zone != nil,
           [" recibo de la luz", " recibo de luz", " recibo del agua", " recibo de agua", " recibo de la cfe", " power bill",
            " electric bill"].contains(where: folded.contains) {
            return route(.coverage)
        }
        // ("Can I get him hooked up with internet?": a sign-up, in words the rules do not know.)
        if input.role == .customer, session.flow == nil, [.coverage, .outOfScope, .plansPrices].contains(intent),
           folded.contains(" hooked up"), [" internet", " wifi"].contains(where: folded.contains) {
            return route(.register)
        }
        // ("ok y ahora si, en que estado esta?" right after the report was written: that report.)
        if input.role == .customer, intent == .thanksBye, text.contains("?"), previous.writtenIncident != nil,
           [" en que estado", " que estado", " como va", " status"].contains(where: folded.contains) {
            return route(.incidentStatus)
        }
        // ("Answering everything at once: name Graciela Treviño, zone Centro, plan 20 megas, and my cell is …": every fact of a
        // sign-up, given at once by someone with no service here.)
        if input.role == .customer, session.flow == nil, caller == nil, intent != .register, !text.contains("?"),
           understood.slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true, understood.slots.planMbps != nil,
           understood.slots.name.flatMap(explicitName) != nil, understood.slots.phone != nil, !asksOthersDataInText {
            return route(.register)
        }
        // ("el contrato va a nombre de ella, Amalia Jiménez Pineda" right after the sign-up: the holder's name, mended.)
        if input.role == .customer, session.flow == nil, let client = caller, client.id == previous.signedUp, namesWhoItIsFor,
           renameJustSignedUp(client) {
            return
        }
        // ("So I'm paying the full price for four days with no internet? Is there any discount for that?": a person decides
        // that; the bill too when asked, and a person when asked for.)
        // ("ahora tambien quiero otro para mi papeleria… con el de 20 basta. si contrato dos me hacen descuento?": another
        // sign-up, and whether two get a discount, which a person decides.)
        if input.role == .customer, session.flow == nil, caller != nil, asksForADiscount,
           understood.slots.planMbps != nil || understood.slots.zone != nil,
           [" quiero otro", " quiero otra", " tambien quiero", " otro para", " otra para", " another one", " a second"]
            .contains(where: folded.contains) {
            self.intent = .register
            startSignup(plan: understood.slots.planMbps, zone: understood.slots.zone)
            say(.discountByPerson, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        if input.role == .customer, session.flow == nil, caller != nil, asksForADiscount {
            self.intent = .billing
            // ("Quiero revisar mi cuenta… Quiero una compensación o que me cobren menos": the bill too.)
            if asksWhatIsOwed || understood.intent == .billing { billing() }
            if asksForAPersonInPassing {
                self.intent = .humanAgent
                handOffBeside()
            } else {
                say(.adjustmentByPerson, buttons: [button(.buttonHuman, MenuOption.human.id)])
            }
            return
        }
        // ("Necesito factura (CFDI 4.0) de mi pago de marzo", "un comprobante a nombre de la parroquia para la contabilidad… ¿Con
        // quién podría ver ese asunto?": invoices are made by a person.)
        // (Asked beside other questions, "¿y dan factura?", the rest is answered as usual.)
        if input.role == .customer, session.flow == nil, asksForAnInvoice,
           [" rfc", " con quien", " with whom", " who can"].contains(where: folded.contains) || asksForAPersonInPassing,
           !asksOthersDataInText {
            self.intent = .humanAgent
            return handOff()
        }
        // ("listo ya pague en el oxxo de la esquina, tengo el ticket… cuando me lo reconectan" from a suspended client: a person
        // checks the payment and reconnects.)
        if input.role == .customer, session.flow == nil, let client = caller, client.status == .suspended,
           [" ya pague", " ya les pague", " ya hice el pago", " ya deposite", " ya transferi", " i paid", " i ve paid", " already paid",
            " just paid"].contains(where: foldedAndRead.contains) {
            self.intent = .humanAgent
            return handOff()
        }
        // "no pos mejor el de en medio, ese mero" read as wanting a person: with no word of one, the next reading.
        if intent == .humanAgent, input.role == .customer, !mentionsAPerson, let next = understood.alternatives.first,
           next != .humanAgent {
            return route(next)
        }
        // ("el internet de su casa", after "le escribo del cel de mi papa": a cancellation only the model read, with no word of
        // one, is none; a question back is better than a form that ends a service.)
        if intent == .cancel, input.role == .customer, session.flow == nil, !understood.ruleBacked, understood.confidence < 0.9,
           !mentionsCancelling {
            return route(understood.alternatives.first(where: { ![.cancel, .register, .humanAgent].contains($0) }) ?? .outOfScope)
        }
        // A client asking about a place they move to, or other places and their prices (Conversation+OtherPlaces).
        if let client = caller, input.role == .customer, session.flow == nil, answerOtherPlaces(for: client) { return }
        // "Él contrató el paquete de 50… todavía no se lo han instalado… quisiera cancelar ese contrato": a client cancelling.
        if intent == .register, input.role == .customer, caller != nil, session.flow == nil, understood.alternatives.contains(.cancel),
           [" quisiera cancelar", " quiero cancelar", " cancelar ese contrato", " cancelar el contrato", " cancelar mi contrato",
            " cancelar la instalacion", " dar de baja"].contains(where: folded.contains),
           ![" no quiero cancelar", " no quiero dar de baja", " no quisiera cancelar"].contains(where: folded.contains) {
            return route(.cancel)
        }
        // ("y si mi hermana contrata el de 50 en su casa del oriente cuanto pagaria?": a price, supposed for someone else; no
        // sign-up of the writer's.)
        if intent == .register, input.role == .customer, session.flow == nil, text.contains("?"), asksAboutPrice,
           [" si mi ", " if my "].contains(where: folded.contains),
           [" contrata", " se da de alta", " signs up", " gets the"].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // ("Also, I called your office on Sunday to report it. Is there a report open under my name?": whether one is open.)
        if intent == .reportIncident, input.role == .customer, caller != nil, session.flow == nil, text.contains("?"),
           [" is there a report", " report open", " open report", " hay un reporte", " hay algun reporte", " tengo un reporte",
            " tengo algun reporte", " reporte abierto", " reporte a mi nombre", " report under my name"].contains(where: folded.contains),
           !PriorityRule.namesAFailure(wording) {
            return route(.incidentStatus)
        }
        // ("quiero dar de baja mi servicio. 4 dias sin internet desde la tormenta…": the cancellation asked, its reason told.)
        if intent == .reportIncident, input.role == .customer, caller != nil, session.flow == nil, asksToCancelOutright {
            return route(.cancel)
        }
        // "el internet anda bien lento… me pasa con un asesor porfa, y aparte quiero saber el de 50 cuánto cuesta": the
        // failure reported and the price said; the person is called for after the turn (`callAPersonToo`).
        if intent == .humanAgent, input.role == .customer, session.flow == nil, let besides = requestBesideAPerson {
            route(besides)
            if besides == .reportIncident, asksAboutPrice, let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil {
                describePlan(mbps)
            }
            return
        }
        // ("me puede comunicar con alguien pa ver lo del modem? si ustedes vienen por el o se los llevo yo": the person, not a
        // price or a place nobody asked about.)
        if [.plansPrices, .coverage].contains(intent), input.role == .customer, session.flow == nil, understood.confidence < 0.7,
           asksForAPersonInPassing, !asksAboutPrice, !asksCoverage, understood.slots.zone == nil, understood.slots.planMbps == nil {
            return route(.humanAgent)
        }
        // ("Very good. We'll keep our fingers crossed. Good night.", "…que tenga muy buena tarde y que Dios lo bendiga": a
        // goodbye, however much it reads like a greeting.)
        if intent == .greeting, input.role == .customer, session.flow == nil, !text.contains("?"),
           [" good night", " goodnight", " que tenga buena", " que tenga muy buena", " que tengas buena", " que tengas muy buena",
            " que tenga un buen", " que tengas un buen", " que le vaya bien", " have a good", " have a nice", " have a lovely",
            " que dios lo bendiga", " que dios la bendiga", " que dios los bendiga", " dios le pague",
            // ("Buenas noches. No quiero nada en particular; nada más quería agradecerles la atención")
            " agradecerles", " queria agradecer", " quiero agradecer"].contains(where: folded.contains) {
            return route(.thanksBye)
        }
        // ("Good. What's the difference between the plans? … No gaming, gracias a Dios.": the plans, asked.)
        if intent == .thanksBye, input.role == .customer, text.contains("?"),
           asksAboutPrice || [" the plans", " los planes"].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // ("We signed up in November for the 50 megabit plan… I have a couple of billing questions": a client's bill, not a
        // sign-up.)
        if intent == .register, input.role == .customer, session.flow == nil,
           [" we signed up", " i signed up", " ya contrate", " ya contratamos", " ya nos dimos de alta", " ya me di de alta"]
            .contains(where: folded.contains),
           [" billing", " bill ", " bills", " pay ", " payment", " factura", " recibo", " pago", " cobro"].contains(where: folded.contains) {
            return route(.billing)
        }
        // ("hi!! can we do this in english? im practicing for my exchange semester lol": a greeting, in English.)
        if input.role == .customer, session.flow == nil, [.outOfScope, .greeting, .thanksBye].contains(intent),
           understood.slots.isEmpty, LanguageGuess.asksForEnglish(folded.split(separator: " ").map(String.init)) {
            self.intent = .greeting
            return greet()
        }
        // ("ok pongale el de 50, asi cuando vamos los nietos ya no se traba jaja" after "¿Quieres contratar?": the plan, taken.)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, previous.offeredSignup,
           understood.slots.planMbps != nil, wantsIt {
            return route(.register)
        }
        // ("…él se va a cambiar a la colonia del Sur… quiere el internet de 100 megas… Se llama Luis Enrique Mora Villa. Cuanto me va
        // a salir al mes??": a whole sign-up told with its price asked; the summary says the price.)
        if [.plansPrices, .coverage].contains(intent), input.role == .customer, caller == nil, session.flow == nil,
           understood.slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true, understood.slots.planMbps != nil,
           understood.slots.name.flatMap(explicitName) != nil,
           wantsIt || [" quiere el internet", " quiere internet", " quiere contratar", " wants the", " wants internet"].contains(where: folded.contains) {
            return route(.register)
        }
        // ("In the meantime we're renting a condo downtown… Could we get the 20 meg plan there?": a sign-up there, asked.)
        if [.plansPrices, .coverage].contains(intent), input.role == .customer, caller == nil, session.flow == nil,
           understood.slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true, understood.slots.planMbps != nil,
           [" could we get the", " can we get the", " could i get the", " can i get the", " podemos contratar el",
            " puedo contratar el"].contains(where: folded.contains) {
            return route(.register)
        }
        // "fíjese que le quiero preguntar cuánto cobran por el internes", dictated with no question mark: a question.
        // (Not a whole sign-up told at length that also asks the price: "…póngalo a nombre de ella, Mariana…".)
        if intent == .register, input.role == .customer, session.flow == nil, asksAboutPrice, understood.confidence < 0.8,
           understood.slots.name == nil,
           [" preguntar cuanto", " preguntarle cuanto", " saber cuanto", " preguntar el precio", " saber el precio",
            " preguntar los precios", " saber los precios"].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // "y pa cuando? ya van varios dias asi" right after a report's state: when, for that report.
        // ("y pa cuando? xq en la noche no se puede ni ver youtube aca")
        if input.role == .customer, session.flow == nil, previous.writtenIncident != nil, intent != .incidentStatus, text.contains("?"),
           folded.split(separator: " ").count <= 14,
           [" pa cuando", " para cuando", " cuando vienen", " cuando viene", " cuando llegan", " when will", " how long"]
            .contains(where: folded.contains) {
            return route(.incidentStatus)
        }
        // ("cuanto sale el de 100 megas? el wifi de mis papas esta super slow y quiero convencerlos de cambiarse": a plan's price,
        // asked to move to it; the slowness is the reason, not a report.)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, text.contains("?"), asksAboutPrice,
           understood.slots.planMbps.flatMap(workbook.plan(mbps:)) != nil,
           [" cambiarse", " cambiarnos", " cambiarme", " convencer", " subirle", " subirme", " subirnos", " upgrade", " switch to"]
            .contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // "acabamos d cambiarnos… no tiene intrnet 😩 q paquetes manejan?" from someone who is no client: the plans.
        // ("…I need a stable internet connection at home. Kindly share the plans and what latency I can expect for video calls.")
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil,
           text.contains("?") || [" share the plans", " share your plans", " send me the plans", " tell me the plans",
                                  " pasame los planes", " me pasas los planes", " me pasan los planes", " mandame los planes"]
            .contains(where: folded.contains),
           understood.slots.since == nil, understood.slots.modemRestarted == nil,
           [" paquetes", " planes", " precios", " tarifas", " plans", " prices", " packages"].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // "es pa reportar el internet de mi mama": a report to make, not one to ask about.
        if intent == .incidentStatus, input.role == .customer, session.flow == nil,
           [" reportar ", " to report "].contains(where: folded.contains),
           ![" reporte", " folio", " tecnico", " como va", " ya report", " reporte que", " report i made"].contains(where: folded.contains) {
            return route(.reportIncident)
        }
        // "We're on Calle Hidalgo, a block from the jardin. I believe that's Centro?": a place of the sheet, asked about.
        // ("Vivo en la norte, por la iglesia de San Judas" right after a plan's price: where, told.)
        if intent == .outOfScope, input.role == .customer, session.flow == nil,
           text.contains("?") || [" vivo en", " estoy en", " vivimos en", " i live in", " we live in", " i m in the"].contains(where: folded.contains),
           let zone = understood.slots.zone, workbook.zone(named: zone) != nil {
            return route(.coverage)
        }
        // "…o nomás me van a cerrar el reporte otra vez? q alguien me llame": a person asked for, whatever else it says.
        // (With a failure or a price asked beside it, those are answered and the person called after the turn.)
        if input.role == .customer, session.flow == nil, intent != .humanAgent, requestBesideAPerson == nil,
           [" que alguien me llame", " q alguien me llame", " que me llame alguien", " q me llame alguien", " que alguien me hable",
            " q alguien me hable", " que me hable alguien", " have someone call me", " someone call me", " con tu jefe", " con su jefe",
            " con el jefe", " con el encargado", " con la encargada", " with your boss", " with your manager", " a supervisor",
            " con un supervisor"].contains(where: folded.contains) {
            return route(.humanAgent)
        }
        // "me habló una señora Ramos del sur que dice que no le sirve el internet, ¿me ayudas a encontrarla?":
        // staff looking someone up, not reporting a failure of their own.
        if intent == .reportIncident, input.role == .staff,
           [" encontrarla", " encontrarlo", " encuentrame", " localiza", " buscarla", " buscarlo", " busca ", " buscame", " find her",
            " find him", " look her up", " look him up"].contains(where: folded.contains) {
            return route(.staffSearch)
        }
        // "le escribo de parte de mi mamá Rosa María Rodríguez… su número de cliente es C-0005": who they write for, told;
        // nothing looked up.
        if intent == .staffSearch, input.role == .customer, !text.contains("?"),
           [" de parte de", " numero de cliente es", " su numero de cliente", " le escribo por", " escribo por mi"].contains(where: folded.contains) {
            return route(understood.alternatives.first(where: { !$0.isStaffOnly }) ?? .greeting)
        }
        // ("Could you tell me if you cover our address? It's Hidalgo esquina con Morelos, entre 5 de Mayo y Juárez": streets,
        // named after people, asked about for coverage; nobody looked up.)
        if intent == .staffSearch, input.role == .customer, session.flow == nil, asksCoverage,
           [" esquina", " entre ", " calle ", " avenida ", " address", " direccion", " domicilio"].contains(where: folded.contains) {
            return route(.coverage)
        }
        // "y el internet ya jala bien desde en la mañana así q no hace falta reporte": nothing to report.
        // ("Quiere saber cómo va su reporte del internet lento en las noches": the report open, asked after.)
        // (Not "1) como va mi reporte… 2) ahora ademas el internet se va": a new failure beside it.)
        let asksAfterTheReport = [" como va su reporte", " como va mi reporte", " como va el reporte", " que paso con mi reporte",
                                  " que paso con su reporte", " como sigue mi reporte", " como sigue su reporte"].contains(where: folded.contains)
            && ![" ademas", " aparte", " otra cosa", " tambien", " 2 "].contains(where: folded.contains)
        // ("ya tenia un reporte x q se me caia el internet, como va eso? y ahora peor, desde hoy… la luz roja": the report's
        // state, and the worse failure beside it reported (`toldBesideAQuestion`).)
        let asksAfterItBesideMore = text.contains("?")
            && [" como va eso", " como va mi reporte", " como va el reporte", " que paso con mi reporte", " que paso con eso"]
                .contains(where: folded.contains)
            && [" ya tenia un reporte", " ya tengo un reporte", " tenia un reporte", " tengo un reporte", " mi reporte"]
                .contains(where: folded.contains)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, asksAfterTheReport || asksAfterItBesideMore,
           workbook.incidents(chat: chat, clientID: caller?.id).contains(where: \.status.isOpen) {
            return route(.incidentStatus)
        }
        // ("nomás para decir gracias, ya vino el muchacho técnico, ya sirve la internet": thanks, not a question about a report.)
        if intent == .incidentStatus, input.role == .customer, !text.contains("?"), tellsARepairDone, !asksWhetherAReportIsClosed {
            return route(.thanksBye)
        }
        if intent == .reportIncident, input.role == .customer,
           [" no hace falta reporte", " no hace falta el reporte", " no es necesario el reporte", " ya jala bien", " ya funciona bien",
            " no need for a report", " working fine now"].contains(where: folded.contains) || tellsARepairDone || goesOnAboutTheRepair {
            return route(.thanksBye)
        }
        // A technician's "cambié conector N en la antena, ya hay enlace": work done in the field, no failure to file.
        // ("ya pase, cambie el conector del radio y alineé, quedó arriba. no le levantes otro": nothing to cancel either.)
        if [.reportIncident, .cancel].contains(intent), input.role == .staff,
           [" ya hay enlace", " enlace estable", " ya quedo", " ya funciona", " ya jala", " ya levanto", " ya hay senal",
            " quedo arriba", " no le levantes otro", " no levantes otro", " ya le instale", " instale hoy",
            // ("ah es lo de la contraseña del wifi, ese lo hago hoy q ando x oriente": work planned, no failure to file.)
            " lo hago hoy", " lo hago al rato", " lo hago manana", " yo lo veo", " yo lo checo", " lo checo hoy", " paso x alla",
            " paso por alla", " ahorita paso"]
            .contains(where: folded.contains) {
            return route(.thanksBye)
        }
        // "2. No deseo levantar otro reporte. 3. Solicito constancia por escrito de la cancelación": no report wanted.
        if intent == .reportIncident, input.role == .customer,
           [" no deseo levantar", " no quiero levantar", " no deseo otro reporte", " no quiero otro reporte", " no deseo reportar",
            " no quiero reportar", " don t want to report", " don t want another report", " no quiero hacer otro reporte"]
            .contains(where: folded.contains) {
            return route(mentionsCancelling ? .cancel : .thanksBye)
        }
        // "y el de la veronica? ese ya lo estaba viendo el compa", "la gomez q sale pendiente de instalar… es del sur no?":
        // staff asking about clients they name, whatever the words read as; a report named shows their reports too.
        if input.role == .staff, [.incidentStatus, .register, .coverage, .reportIncident].contains(intent), StaffTopic.of(text) == nil {
            let (found, named) = clientsByNameWords()
            if !found.isEmpty, found.count <= 3 {
                self.intent = .staffSearch
                showClients(found, query: named.joined(separator: ", "))
                // ("y la veronica sanchez tmb de sur tiene uno no?" after a folio: hers too.)
                if intent == .incidentStatus || [" reporte", " report"].contains(where: folded.contains) || asksTheSameOfAnother
                    || [" tiene uno", " tiene otro", " tiene alguno"].contains(where: folded.contains)
                        && (input.session?.recent.suffix(4).contains { $0.text.contains("F-0") } ?? false) {
                    showReports(of: found)
                }
                return
            }
        }
        // ("es centro, x el jardin" from staff after a search the sheet could not answer: that zone's clients, not our coverage.)
        if input.role == .staff, intent == .coverage, !text.contains("?"), !asksCoverage, folded.split(separator: " ").count <= 6,
           let zone = understood.slots.zone.flatMap(workbook.zone(named:)), zone.hasCoverage {
            self.intent = .staffSearch
            return searchZone(zone.name)
        }
        // "Hernandez" alone from staff: the clients of that name.
        if input.role == .staff, [.outOfScope, .greeting].contains(intent), folded.split(separator: " ").count <= 3 {
            let (found, named) = clientsByNameWords()
            if !found.isEmpty, found.count <= 10 {
                self.intent = .staffSearch
                showClients(found, query: named.joined(separator: ", "))
                if asksTheSameOfAnother { showReports(of: found) }
                return
            }
        }
        // "How many sign-ups did we get this month?" from staff: the business's figures, however it was read.
        if input.role == .staff, [.billing, .plansPrices, .register, .outOfScope, .incidentStatus, .cancel].contains(intent),
           let topic = StaffTopic.of(text), topic != .summary || StaffTopic.asksACount(text) {
            return route(.staffStats)
        }
        // "¿Podría indicarme quiénes se dieron de alta esta semana?": the sign-ups, not clients of those words.
        // ("a ver, ¿cómo vamos de clientes?": the count.)
        if input.role == .staff, intent == .staffSearch, understood.slots.name == nil, let topic = StaffTopic.of(text),
           [.signups, .prospects, .revenue].contains(topic)
            || topic == .summary && understood.slots.zone == nil && StaffTopic.asksACount(text) {
            return route(.staffStats)
        }
        // "¿tienen de 200 megas? pal taller": a speed not sold, told so with the plans there are.
        if input.role == .customer, session.flow == nil, [.register, .plansPrices, .billing].contains(intent), text.contains("?"),
           let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) == nil {
            self.intent = .plansPrices
            return describePlan(mbps)
        }
        // "Ok let's go with the 50 Mbps one, that's 450 pesos a month right? Name is Lukas Becker": a plan taken.
        if intent == .plansPrices, input.role == .customer, caller == nil, session.flow == nil, wantsIt,
           understood.slots.planMbps != nil, saysAPrice || !text.contains("?") || takesThenAsks {
            return route(.register)
        }
        // "Ok let's do it. Se llama Marisol Vega" after the 100's price, "So yes, go ahead and confirm the Centro one, 100 megs":
        // the plan quoted or named, taken, by someone with no service and no failure to tell.
        if [.thanksBye, .outOfScope, .reportIncident, .plansPrices].contains(intent), input.role == .customer, caller == nil,
           session.flow == nil, wantsIt, let mbps = understood.slots.planMbps ?? previous.lastQuotedPlan, !text.contains("?"),
           !PriorityRule.namesAFailure(padded: folded) {
            input.understood.slots.planMbps = mbps
            return route(.register)
        }
        // ("Y ESE CUANTO MAS ES DE LO QUE PAGA MI HIJO" from the son's chat, after the 100's price: against their own plan.)
        if caller != nil, session.flow == nil, [.plansPrices, .outOfScope, .billing].contains(intent), !previous.quotedPlans.isEmpty
            || understood.slots.planMbps != nil,
           [" cuanto mas", " de lo que paga", " de lo que pago", " de lo que pagamos", " la diferencia", " the difference",
            " more than i pay", " more than what i pay", " more than we pay"].contains(where: folded.contains) {
            return route(.billing)
        }
        // "Also, what about the 100 one?": a plan's price asked, however the model read it.
        if intent == .outOfScope, input.role == .customer, session.flow == nil, text.contains("?"), !wantsIt,
           let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil {
            return route(.plansPrices)
        }
        // "Cool, let's do the 100 then. Name is Miguel Robles": a plan taken, however the model read the words around it.
        if intent == .outOfScope, input.role == .customer, caller == nil, session.flow == nil, understood.slots.planMbps != nil,
           wantsIt {
            return route(.register)
        }
        // "Por ahora no vamos a contratar nada, gracias": no sign-up, whatever word of one it has.
        if intent == .register, input.role == .customer, session.flow == nil,
           [" no vamos a contratar", " no voy a contratar", " no quiero contratar", " no queremos contratar", " no contratamos",
            " not going to sign up", " won t sign up", " don t want to sign up"].contains(where: folded.contains) {
            return route([" gracias", " thank"].contains(where: folded.contains) ? .thanksBye : .plansPrices)
        }
        // "¿y el de 50 incluye el módem?": a question about a plan is answered, not a sign-up begun.
        if intent == .register, input.role == .customer, text.contains("?"), !wantsIt, asksAboutPrice || weighsAPlan || asksEveryPrice,
           understood.confidence < 0.8 || weighsAPlan || asksEveryPrice, session.flow == nil {
            return route(.plansPrices)
        }
        // "quisiera informes del internet, es para mis hijos": information first, a sign-up only when asked for.
        if intent == .register, input.role == .customer, understood.confidence < 0.6, !wantsIt, session.flow == nil,
           [" informes ", " informacion ", " info "].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // "¿tienen internet pa jugar? el que tengo ahorita es una basura": another provider's line, told by
        // someone who is no client, is a reason to ask about ours.
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil, complainsOfAnotherProvider {
            return route(.plansPrices)
        }
        // ("…mi nieto… se va al ciber… por eso quiero ver lo del internet cuanto cobran ustedes": the price, nothing failing.)
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil, asksWhatTheServiceCosts,
           !PriorityRule.namesAFailure(wording) {
            return route(.plansPrices)
        }
        // ("rente una casa en el sur y aqui esta una antena de ustedes en el techo, la anterior inquilina era…": equipment left by
        // someone else, told by someone with no service here; nothing of theirs fails.)
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil, !PriorityRule.namesAFailure(wording),
           [" anterior inquilin", " inquilino anterior", " inquilina anterior", " la que vivia antes", " el que vivia antes",
            " previous tenant", " former tenant", " last tenant"].contains(where: folded.contains) {
            return route(understood.slots.zone != nil ? .coverage : .plansPrices)
        }
        // "va!! ¿cuánto sale el de 100? … mi novio juega en línea y se traba todo", just after "¿Quieres contratar?":
        // someone with no service here asking about a plan is not reporting a failure.
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil, !saysItIsAClient,
           previous.offeredSignup || !previous.quotedPlans.isEmpty || previous.listedPlans,
           understood.slots.planMbps != nil || asksAboutPrice || asksHowItPerforms {
            return route(understood.leansYes || wantsIt ? .register : .plansPrices)
        }
        if mendsTheListedName() { return }
        // ("Y el de 50 cuanto? Igual mejor me bajo a ese en vez de cancelar": another plan weighed instead of leaving.)
        if intent == .cancel, input.role == .customer, caller != nil,
           [" en vez de cancelar", " en lugar de cancelar", " en vez de dar de baja", " en lugar de dar de baja", " instead of cancel"]
            .contains(where: folded.contains) {
            return route(.billing)
        }
        // ("ah pues entonces si cancelamos... ay no, espere, mi hijo se va a quedar… mejor no lo cancele, que siga" a few messages
        // after asking to cancel): the service stays.
        if input.role == .customer, caller != nil,
           [" no lo cancele", " no lo cancelen", " no la cancele", " no la cancelen", " no lo cancelo", " mejor no cancel",
            " ya no quiero cancelar", " no lo den de baja", " no me den de baja", " don t cancel", " do not cancel", " dont cancel"]
            .contains(where: folded.contains),
           // (Not "…q mejor no lo cancelen, q nomas quiere saber cuanto esta pagando": what is asked is answered as before.)
           !text.contains("?"), !folded.contains(" cuanto"),
           session.recent.dropLast().suffix(6).contains(where: { line in
               line.speaker == .customer && [" cancel", " baja"].contains(where: (" " + Text.fold(line.text) + " ").contains)
           }) {
            self.intent = .cancel
            session.flow = nil
            return say(.cancelKept)
        }
        // ("queremos internet. pero primero pregunta. necesita linea de telefono de casa?", "y modem que es. lo tenemos que
        // comprar nosotros?": what the service needs, from someone with none.)
        if input.role == .customer, session.flow == nil, caller == nil, !asksOthersDataInText {
            if [" linea de telefono", " linea telefonica", " linea de casa", " telefono fijo", " phone line", " landline",
                " telefono de casa"].contains(where: folded.contains), text.contains("?") || folded.contains(" necesit") {
                self.intent = .plansPrices
                return say(.noPhoneLineNeeded)
            }
            if [" tenemos que comprar", " tengo que comprar", " hay que comprar", " comprarlo nosotros", " do we need to buy",
                " do i need to buy", " do i have to buy", " do we have to buy"].contains(where: folded.contains),
               [" modem", " antena", " aparato", " router", " equipo", " equipment", " antenna", " lo "].contains(where: folded.contains),
               // (Not beside a question about the plans: that one lists them, and says what comes with them.)
               !asksEveryPrice, !asksAboutPrice {
                self.intent = .plansPrices
                return say(.installationIncluded)
            }
        }
        // ("mmm y con ese si puedo ver los partidos en la tele sin q se trabe?" after a plan's price: whether it will do, no
        // failure of theirs.)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, asksWhetherItCopes,
           let quoted = previous.quotedPlans.last ?? previous.lastQuotedPlan, !PriorityRule.namesAnOutage(wording) {
            self.intent = .plansPrices
            return describePlan(understood.slots.planMbps ?? quoted)
        }
        // ("ta bien. y la mia? la C-0022, hector jimenez" after another's account was refused: the writer's own bill.)
        if input.role == .customer, session.flow == nil, caller != nil, previous.refusedData,
           [" y la mia", " y el mio", " y lo mio", " and mine", " what about mine"].contains(where: folded.contains) {
            return route(.billing)
        }
        // ("va, ntp, entendido. lo checo con un analizador de wifi entonces" right after a refusal: an ok, with no failure told.)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, previous.refusedData, understood.answer == .yes,
           !PriorityRule.namesAFailure(wording), !PriorityRule.asksForARequest(wording) {
            return route(.thanksBye)
        }
        // ("mi hijo se va a ir a vivir a una casita… la del poniente y queria ver si ya le pueden poner el internet alla" from
        // someone who is no client: whether we reach the place, with no failure told.)
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil,
           understood.slots.zone.flatMap(workbook.zone(named:)) != nil, !PriorityRule.namesAFailure(wording),
           [" poner el internet", " poner internet", " ponerle internet", " ponerle el internet", " le pueden poner",
            " me pueden poner", " nos pueden poner", " instalar el internet", " instalar internet"].contains(where: folded.contains) {
            return route(.coverage)
        }
        // ("Me repite los datos registrados, por favor: nombre, zona, plan y teléfono", "Me confirma otra vez el número de
        // cliente y el plan?" right after a sign-up: that sign-up, said back.)
        if input.role == .customer, let id = previous.signedUp, let client = workbook.clients.first(where: { $0.id == id }),
           [" me repite", " me confirma otra vez", " me confirma de nuevo", " como quedo", " como quedaron", " datos registrados",
            " lo que registro", " lo que registraron", " repeat the details", " what did you register", " read it back",
            " confirm the details", " como se registro"].contains(where: folded.contains) {
            self.intent = .register
            return say(.signupRecap, ["id": client.id, "name": client.name, "zone": client.zone,
                                      "plan": client.planMbps.map(String.init) ?? "", "price": client.price.map(Money.format) ?? "",
                                      "phone": PhoneNumber.display(client.phone)])
        }
        if asksWhenTheTechnicianComes, intent != .incidentStatus, intent != .cancel, intent != .humanAgent {
            return route(.incidentStatus)
        }
        // "y no me pueden subir al de 100 de una vez?": a client asking for another plan hears its price against theirs.
        if let client = caller, input.role == .customer, session.flow == nil, intent != .plansPrices, intent != .billing,
           let mbps = understood.slots.planMbps, mbps != client.planMbps,
           [" subir al", " subirme al", " subirnos al", " pasarme al", " pasar al", " cambiarme al", " upgrade", " switch to the",
            " move to the", " move up to", " me suben al", " nos suben al",
            // ("y si me cambio al de cien")
            " me cambio al", " me paso al", " nos cambiamos al", " nos pasamos al"].contains(where: folded.contains) {
            return route(.billing)
        }
        // ("tmb dice q quiere subir al de 100, se puede de una vez?" just after a report for a relative's account: that
        // account's plan, asked about; no sign-up of a new service.)
        if caller == nil, input.role == .customer, session.flow == nil, previous.writtenIncident != nil, understood.slots.planMbps != nil,
           [" subir al", " subirle al", " subirse al", " pasarse al", " cambiarse al", " upgrade", " cambiarle al", " me suben al",
            " le suben al", " suban al"].contains(where: folded.contains) {
            return route(.plansPrices)
        }
        // "And we're paying for the 100 megas, right?": what the client pays.
        if caller != nil, input.role == .customer, session.flow == nil, intent != .billing, !PriorityRule.namesAFailure(wording),
           text.contains("?") || [" right", " verdad", " cierto"].contains(where: folded.contains),
           [" paying for", " we pay for", " i pay for", " estoy pagando", " estamos pagando", " pagando el de", " pago el de",
            " pagamos el de"].contains(where: folded.contains) {
            return route(.billing)
        }
        // ("yo bro my grandma just moved to poniente, do u guys have internet there?" from a client: that place's coverage.)
        if input.role == .customer, session.flow == nil, intent == .reportIncident, let client = caller, text.contains("?"), asksCoverage,
           let zone = understood.slots.zone, Text.fold(zone) != Text.fold(client.zone),
           namesARelative || wantsAnotherPlace || [" moved", " se cambio", " se mudo", " se va a cambiar"].contains(where: folded.contains) {
            return route(.coverage)
        }
        // "could you put us on the list for La Loma? … same name": the waiting list asked for outright.
        // ("y avísenme cuando pongan allá" after being told there is none there: that place.)
        if input.role == .customer, session.flow == nil, asksToBeTold,
           let named = understood.slots.zone
            ?? ([" alla ", " ahi ", " there "].contains(where: folded.contains) ? session.context.zone : nil)
            // ("is centro covered?… yeah nah staying put for now. put me on the list anyway": the place offered the list.)
            // ("pos apuntalo pa q le avisen cuando haya. Jesus Camacho se llama" after a word about a place we reach: the same.)
            ?? ([" anyway", " de todos modos", " de todas formas", " igual "].contains(where: folded.contains)
                // ("bueno apuntalo pa q le avisen, se llama Diego Salinas" after a "no" to the list for La Loma: that list.)
                || session.context.zone != nil && [" apunt", " anot"].contains(where: folded.contains) && !declinesTheList
                // ("cool. he says put him on the waiting list for the ranch, his name is Jesus Cardenas": that list.)
                || wantsTheList && !declinesTheList
                ? previous.listOffered : nil),
           let zone = workbook.zone(named: named), !zone.hasCoverage,
           [.incidentStatus, .coverage, .register, .outOfScope, .thanksBye, .greeting, .plansPrices].contains(intent)
            // ("and for my parents... me avisan cuando llegue la connection a La Loma? ponlo a nombre de mi ama" after signing up.)
            || intent == .billing && !asksWhatIsOwed {
            self.intent = .coverage
            var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
            draft.name = understood.slots.name.flatMap(explicitName) ?? caller?.name
            // ("pos ponganmelo ahi en la casa el de 50, y que me avisen cuando lleguen a San Isidro": the sign-up too.)
            return wantsIt && understood.slots.planMbps != nil
                ? listAndSignUpWhereWeReach(zone: zone.name, draft: draft) : noCoverage(zoneName: zone.name, draft: draft)
        }
        // "hace unos días pedimos el cambio de la contraseña… ¿en qué va esa solicitud?": how an open report goes.
        // ("quiero saber q paso con mi reporte de q se corta…", asked with no question mark.)
        // ("Ricardo Diaz cliente dl oriente, C-0012… oiga k paso con lo d cambiarme la contraseña dl wifi k pedi?": the account
        // number told, and the question asked as typed fast.)
        // ("2 weeks ago I called about slow internet. Do I have open report now?": whether one is open, asked; none may be.)
        if intent == .reportIncident, input.role == .customer, session.flow == nil, text.contains("?"),
           [" do i have open report", " do i have an open report", " do i have a report", " do i have any report",
            " tengo algun reporte", " tengo reporte abierto", " tengo un reporte abierto", " tengo reportes abiertos",
            " hay algun reporte", " si tengo reporte", " si tengo un reporte"].contains(where: folded.contains) {
            return route(.incidentStatus)
        }
        if [.reportIncident, .plansPrices, .staffSearch, .billing].contains(intent), input.role == .customer, session.flow == nil,
           text.contains("?") || [" quiero saber", " queria saber", " quisiera saber", " wants to know", " want to know"]
            .contains(where: folded.contains)
            // ("oiga como va lo de mi reporte de que en la noche se pone bien lento", dictated; not "1) como va mi reporte…
            // 2) ahora ademas el internet se va y regresa", which tells a failure of its own.)
            || [" mi reporte", " que reporte ", " q reporte "].contains(where: folded.contains)
                && text.split(whereSeparator: { ".?!¿\n)".contains($0) }).count == 1,
           Self.asksHowAReportGoes(foldedAndRead),
           // ("le escribo por lo de mi internet que se pone lento cuando llueve, como va eso?" from a client with none open:
           // that there is none, and the failure taken as a report below.)
           caller != nil || workbook.incidents(chat: chat, clientID: caller?.id).contains(where: \.status.isOpen) {
            route(.incidentStatus)
            // "el internet se anda cayendo desde el lunes… Y de paso, ¿qué pasó con lo de la contraseña?": a failure
            // told besides the question is a report of its own.
            let told = text.split(whereSeparator: { ".?!¿\n".contains($0) }).map(String.init)
                .filter { !Self.asksHowAReportGoes(" " + Text.fold($0) + " ") }.joined(separator: ". ")
            // (Unless the status answer already took it as a report of its own.)
            if self.intent != .reportIncident, PriorityRule.mentionsAProblem(told),
               PriorityRule.priority(for: told, zoneHasOutage: false) != .baja {
                self.intent = .reportIncident
                startIncident(told: told)
            }
            return
        }
        // "¿tengo algún reporte abierto? … ahorita ya anda bien": their reports, not a new one.
        if intent == .reportIncident, input.role == .customer, session.flow == nil, text.contains("?"),
           [" algun reporte", " reporte abierto", " reportes abiertos", " any open report"].contains(where: folded.contains) {
            return route(.incidentStatus)
        }
        // "y el módem qué hago, ¿se los llevo o pasan por él?": returning the equipment is arranged by a person.
        // (Dictated with no "?" right after the cancellation: "entonces sí la baja… y el módem qué hago con él".)
        if [.reportIncident, .outOfScope, .cancel].contains(intent), input.role == .customer, session.flow == nil,
           text.contains("?") || cancellationRecorded || previous.cancelRecorded == true,
           [" que hago con el modem", " que hago con el", " vienen por el", " se los llevo", " se lo llevo", " lo llevo a",
            " pasan por el", " pasan x el", " pasan a recoger", " recogen el",
            " devolver el modem", " devolver la antena", " regresar el modem", " return the modem", " pick up the modem",
            " return the equipment", " se los regreso", " se lo regreso", " regresarles el modem", " regresar el equipo",
            " returning the modem", " lo del modem y la antena", " return the router", " quien los recoge", " quien lo recoge",
            " quien recoge", " los recogen", " lo recogen", " pick them up", " come to pick", " pick it up",
            // ("y el modem y la antena q hago, los llevo o vienen x ellos?")
            " vienen x ellos", " vienen por ellos", " los llevo o", " antena q hago", " antena que hago", " modem q hago",
            " pasan por ellos", " modem que hago"]
            .contains(where: folded.contains) {
            // ("¿con quién veo lo del módem y la antena?", "can I talk to someone about returning the modem?": that person.)
            if mentionsAPerson || [" con quien", " talk to someone", " speak to someone"].contains(where: folded.contains) {
                self.intent = .humanAgent
                return handOff()
            }
            self.intent = .cancel
            say(.equipmentReturn, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        // "le escribo del teléfono de mi hijo… aquí en la casa del norte no hay internet": a client's line
        // that does not work, whatever else the message says.
        if intent == .register, input.role == .customer, caller != nil, session.flow == nil, !wantsAnotherPlace,
           PriorityRule.namesAnOutage(wording), !wantsIt {
            return route(.reportIncident)
        }
        // "ando batallando horrible sin internet… quería ver si me pueden poner el internet de ustedes": someone
        // with no service here who asks for it is signing up, whatever they lack meanwhile.
        if intent == .reportIncident, input.role == .customer, caller == nil, session.flow == nil, asksForTheService {
            return route(.register)
        }
        // ("tengo un taller mecanico en el Centro… ahi si llegan verdad? quiero el mas barato pa alla": the place, and the plan
        // wanted there: a sign-up.)
        if intent == .coverage, input.role == .customer, session.flow == nil, understood.slots.planMbps != nil,
           understood.slots.zone.flatMap(workbook.zone(named:))?.hasCoverage == true,
           [" quiero el", " quiero la", " i want the", " i d like the", " me interesa el"].contains(where: folded.contains) {
            return route(.register)
        }
        // "y ustedes no se caen con la lluvia verdad? 🤨": how the service holds up in storms, asked; nothing fails now.
        if input.role == .customer, session.flow == nil, [.reportIncident, .outOfScope, .plansPrices, .coverage].contains(intent),
           asksAboutStorms {
            self.intent = .plansPrices
            return say(.serviceInStorms)
        }
        if input.role == .customer, session.flow == nil, [.reportIncident, .outOfScope, .plansPrices, .coverage].contains(intent),
           asksAboutPowerCuts {
            self.intent = .plansPrices
            return say(.serviceInPowerCuts)
        }
        if input.role == .customer, session.flow == nil, [.outOfScope, .greeting, .humanAgent].contains(intent), asksOfficeHours,
           text.contains("?") {
            self.intent = .outOfScope
            return say(.officeHours, buttons: menuButtons())
        }
        // "Is there a contract or can they cancel any time?", "¿se paga por transferencia?" from someone with no
        // service here: how it works, not a cancellation or a bill.
        // (A client asking how much, with it, hears their bill, which says how to pay.)
        // ("what's my monthly bill again, and where can I pay it? Can I pay at the OXXO?": the bill, which says how to pay.)
        // ("I paid this month's bill at OXXO… remind me how much our monthly payment is?")
        let saysItIsTheirBill = [" my bill", " my monthly bill", " mi recibo", " how much do i pay", " what do i pay", " cuanto pago",
                                 " our monthly payment", " my monthly payment", " our bill", " i paid", " we paid"]
            .contains(where: folded.contains)
        if input.role == .customer,
           caller == nil || !asksWhatIsOwed && !saysItIsTheirBill && !folded.contains(" cuanto") && !folded.contains(" how much")
            && understood.slots.planMbps == nil,
           session.flow == nil, text.contains("?"),
           [.cancel, .billing, .plansPrices, .outOfScope].contains(intent), asksAboutContract || asksHowToPay,
           // ("¿ya les llegó mi pago del OXXO?" is about their bill.)
           ![" ya pague", " ya les pague", " mi pago", " comprobante", " already paid"].contains(where: folded.contains) {
            // ("Great, I'll take that one. Is there a contract or can I cancel whenever?": answered, and the sign-up begun.)
            if takesThenAsks, caller == nil, previous.quotedPlans.count == 1 {
                say(asksAboutContract ? .contractTerms : .paymentMethods)
                self.intent = .register
                return startSignup(plan: previous.quotedPlans[0])
            }
            // ("¿qué planes manejan? ¿hay que firmar contrato?": the plans too.)
            if intent == .plansPrices, asksAboutPrice || asksEveryPrice || understood.slots.planMbps != nil { plansAndPrices() }
            self.intent = .plansPrices
            if asksAboutContract { say(.contractTerms, buttons: [button(.buttonHuman, MenuOption.human.id)]) }
            if asksHowToPay { say(.paymentMethods) }
            return
        }
        if intent.isStaffOnly, input.role != .staff {
            // ("…lo que ahora llaman el Centro; mi casa está en la calle Morelos, frente a la antigua escuela Benito Juárez": the
            // writer's own place, named.)
            if understood.slots.zone != nil, [" mi casa", " vivo ", " my house", " i live", " nuestra casa"].contains(where: folded.contains),
               !asksOthersDataInText {
                return route(.coverage)
            }
            // ("…le solicito que nos inscriba en su lista de espera a nombre de Aurelio Rodríguez Salinas, Zona Poniente": the list.)
            // ("Ah no, on second thought yes, put me on the list. Patricia Nava": the list offered last, with the name.)
            if asksToBeTold, let named = understood.slots.zone ?? previous.listOffered, let zone = workbook.zone(named: named),
               !zone.hasCoverage, !asksOthersDataInText {
                self.intent = .coverage
                var draft = SignupDraft(phone: understood.slots.phone, profileName: profileName)
                draft.name = understood.slots.name.flatMap(explicitName)
                return noCoverage(zoneName: zone.name, draft: draft)
            }
            // ("y el de cien si aguanta pa q se conecten los clientes y las camaras?": a plan weighed for a shop's customers.)
            if understood.slots.planMbps != nil, asksWhetherItCopes || asksHowItPerforms, !asksOthersDataInText {
                return route(.plansPrices)
            }
            // ("hola, soy Karina hija de la sra Norma, este es su whats": who writes, on whose phone; nobody looked up.)
            if OthersDataRequest.writingFromTheirPhone.contains(where: folded.contains), !asksOthersDataInText,
               folded.split(separator: " ").count <= 14, !text.contains("?") {
                return route(.greeting)
            }
            // ("su telefono es 444 812 3390, es fijo de casa, a ese le marcan pa la instalacion": a number given for a sign-up.)
            if OthersDataRequest.givesANumber(text), understood.slots.phone != nil, !asksOthersDataInText,
               previous.offeredSignup || previous.zone != nil || previous.statedName != nil {
                return route(.register)
            }
            // ("Sí, los datos son correctos. Confirmo." just after the sign-up was written: their own, agreed.)
            if previous.signedUp != nil, understood.answer == .yes, understood.slots.name == nil {
                return route(.thanksBye)
            }
            // A customer read as asking for staff answers, with no word of anyone's data:
            if !OthersDataRequest.mentionsData(text) {
                // "pues sí, apúnteme; me llamo Guadalupe García Nava": introducing oneself, not looking anyone up.
                // "Ese está bien. Póngalo a nombre de la muchacha, se llama Rosalba Cárdenas": whom to sign up.
                if let name = understood.slots.name, explicitName(name) != nil,
                   [" me llamo", " soy ", " mi nombre", " a nombre de", " ponlo a nombre", " pongalo a nombre", " a nombre mio",
                    " a mi nombre"].contains(where: folded.contains) {
                    return route(.register)
                }
                // "mi vecina tiene con ustedes y dice que somos Oriente": a place, not a request for her data.
                if understood.slots.zone != nil, understood.slots.name == nil { return route(.coverage) }
                // "which one is best for zoom calls?": nothing about clients or money is asked, so the next reading answers it.
                if !OthersDataRequest.asksFigures(text), let next = understood.alternatives.first(where: { !$0.isStaffOnly }) {
                    return route(next)
                }
            }
            // ("soy ana karen lopez, zona sur. mi cel es 4441902837" from her own chat: the holder saying who she is; her service.)
            if caller != nil, namesTheCaller, [" soy ", " me llamo", " my name", " this is "].contains(where: folded.contains),
               !asksOthersDataInText {
                self.intent = .billing
                return billing()
            }
            // Also a refusal of other people's data: insisting gets the same answer.
            session.context.refusedData = true
            say(.staffOnly, buttons: menuButtons())
            return
        }
        answer(intent)
    }

    /// The plain answer to an intent: its flow started or its reply said.
    mutating func answer(_ intent: Intent) {
        self.intent = intent
        // (Staff answers are for the configured staff only, however the reading got here.)
        if intent.isStaffOnly, input.role != .staff {
            session.context.refusedData = true
            return say(.staffOnly, buttons: menuButtons())
        }
        switch intent {
        case .greeting: greet()
        case .register: startSignup()
        case .reportIncident: startIncident()
        case .incidentStatus: incidentStatus()
        case .plansPrices: plansAndPrices()
        case .coverage: coverage()
        case .billing: billing()
        case .humanAgent: handOff()
        case .cancel: startCancellation()
        case .thanksBye: say(.thanks)
        case .staffStats: staffStats()
        case .staffSearch: staffSearch()
        case .outOfScope:
            // ("la loma. arriba de la presa" after hearing where we reach: a place of the sheet, named with little else.)
            if input.role == .customer, understood.slots.zone.flatMap(workbook.zone(named:)) != nil,
               folded.split(separator: " ").count <= 6, !text.contains("?") || asksCoverage {
                return route(.coverage)
            }
            // ("ah caray. y la de abajo tampoco?" after hearing we do not reach La Loma: the same place, the same answer.)
            if input.role == .customer, let offered = previous.listOffered, text.contains("?"), understood.slots.zone == nil,
               [" tampoco", " neither", " either"].contains(where: folded.contains) {
                self.intent = .coverage
                return answerCoverage(offered)
            }
            // ("Hmm that's a bit much for just me working from home. What are the other options?": the plans.)
            if input.role == .customer, text.contains("?"),
               [" other options", " otras opciones", " what are the options", " que opciones hay", " que opciones tienen"]
                .contains(where: folded.contains) {
                self.intent = .plansPrices
                return plansAndPrices()
            }
            // ("what's our waitlist look like" from staff: a figure of theirs, read by its words.)
            if input.role == .staff, let topic = StaffTopic.of(text), topic != .summary {
                self.intent = .staffStats
                return staffStats(topic: topic)
            }
            say(.outOfScope, buttons: menuButtons())
        }
    }

    /// "¿ustedes no se caen con la lluvia?", "does your service go down in storms?": asked, with no failure of their own told.
    var asksAboutStorms: Bool {
        text.contains("?") && understood.slots.zone == nil && !withAnotherCompany
            && [" lluvia", " llueve", " tormenta", " viento", " rain", " storm", " wind"].contains(where: folded.contains)
            && [" se caen", " se cae con", " se va con", " se corta con", " fallan con", " falla con", " aguanta", " go down",
                " goes down", " go out", " goes out", " hold up", " holds up"].contains(where: folded.contains)
            && [" ustedes", " you guys", " your service", " your internet", " su servicio", " su internet", " el servicio de ustedes"]
                .contains(where: folded.contains)
            && !PriorityRule.namesAnOutage(wording)
            && ![" mi internet", " mi servicio", " no tengo", " my internet", " we have no", " i have no", " sin servicio", " sin internet"]
                .contains(where: folded.contains)
    }

    /// "quiero dar de baja mi servicio", "I want to cancel my service": a cancellation asked in so many words.
    var asksToCancelOutright: Bool {
        [" quiero dar de baja mi", " quiero dar de baja el", " quiero cancelar mi", " quiero cancelar el", " i want to cancel",
         " cancel my service", " cancel my internet"].contains(where: folded.contains)
            && ![" no quiero dar de baja", " no quiero cancelar", " don t want to cancel", " dont want to cancel"].contains(where: folded.contains)
    }

    /// "necesito factura", "an invoice for the school": a tax receipt, made by a person.
    var asksForAnInvoice: Bool {
        [" factura ", " facturar ", " facturen ", " cfdi", " comprobante fiscal", " comprobante a nombre de", " recibo a nombre de",
         " invoice",
         " tax receipt", " receipt in the name"].contains(where: folded.contains)
            && ![" no necesito factura", " no ocupo factura", " sin factura"].contains(where: folded.contains)
    }

    /// "¿me van a descontar los días sin servicio?", "is there any discount for that?": an adjustment of the bill asked for.
    var asksForADiscount: Bool {
        [" descuento", " descuenten", " descontar", " descuentan", " discount", " refund", " reembolso", " bonificacion",
         " bonifiquen", " prorrate",
         // ("estuve como 5 dias sin internet… no se me hace justo pagar completo", "Quiero una compensación o que me cobren menos")
         " justo pagar completo", " pagar completo", " compensacion", " compensen", " me cobren menos", " cobrarme menos",
         " compensation", " credit for the days", " credit on my bill", " bill credit", " get credit"].contains(where: folded.contains)
    }

    /// "¿qué es un megabyte?", "what does Mbps mean?": what the plans' numbers are.
    static func asksWhatMegasAre(_ folded: String) -> Bool {
        [" que es un mega", " que son los megas", " que son megas", " que es un megabyte", " que es un megabit", " que es mbps",
         " que significa mega", " que significan los megas", " que quiere decir mega", " que es eso de los megas",
         " what is a megabit", " what s a megabit", " what is a mbps", " what does mbps mean", " what are megabits", " what is mbps",
         " what does mb mean"].contains(where: folded.contains)
    }
}

import Foundation

/// One turn's input: the message, what understanding made of it, and the state it meets.
public struct TurnInput: Sendable {
    public var message: InboundMessage
    public var understood: Understood
    public var role: Role
    /// nil for a chat the bot has never seen.
    public var session: Session?
    public var workbook: Workbook
    /// Zones (folded names) with an outage staff already know about.
    public var outages: Set<String>
    /// Customers waiting for a person or talking to one.
    public var handoffs: [Handoff]
    public var now: Date

    public init(message: InboundMessage, understood: Understood, role: Role, session: Session?,
                workbook: Workbook, outages: Set<String> = [], handoffs: [Handoff] = [], now: Date) {
        self.message = message
        self.understood = understood
        self.role = role
        self.session = session
        self.workbook = workbook
        self.outages = outages
        self.handoffs = handoffs
        self.now = now
    }
}

/// One turn's outcome: what to send, what to write, and the state to keep.
public struct TurnOutput: Sendable {
    public var replies: [Reply]
    public var effects: [Effect]
    public var session: Session
    /// The intent the turn acted on (for metrics and logs).
    public var intent: Intent
    /// A person is handling the chat: the bot said nothing on purpose.
    public var silent: Bool
}

/// The conversation engine: a message and its state in, replies and effects out.
/// It knows no HTTP, no SQL and no clock; everything arrives in `TurnInput`.
public struct Agent: Sendable {
    public let settings: AgentSettings
    public let book: ReplyBook
    let keys: any KeySource

    public init(settings: AgentSettings, book: ReplyBook, keys: any KeySource) {
        self.settings = settings
        self.book = book
        self.keys = keys
    }

    public func handle(_ input: TurnInput) -> TurnOutput {
        var conversation = Conversation(agent: self, input: input)
        conversation.run()
        conversation.answerTheReportAskedToo()
        conversation.answerTheBillAskedToo()
        conversation.reportTheFailureToo()
        conversation.callAPersonToo()
        return conversation.output()
    }
}

/// The working state of one turn. Flows live in extensions, one file each.
struct Conversation {
    let agent: Agent
    /// (Mutable only so that "el segundo" can be read as the plan it points at, once, at the start.)
    var input: TurnInput
    var session: Session
    var replies: [Reply] = []
    var effects: [Effect] = []
    var intent: Intent
    var silent = false
    /// Plans whose price this turn already said: a price is said once however many steps reach it.
    var describedPlans: Set<Int> = []
    /// The cancellation was recorded this turn: "la baja. ¿Con quién lo veo?" does not ask for it again.
    var cancellationRecorded: Bool { session.context.cancelRecorded == true }
    /// How many readings `route` has been through this turn (see there).
    var routeDepth = 0
    /// The message folded once for the turn, padded (" quiero el de 50 "): phrase checks look for " word".
    let folded: String
    /// Whether the message asks for someone else's data (`OthersDataRequest.matches`): asked by many routes of a
    /// turn, answered once.
    let asksOthersDataInText: Bool

    init(agent: Agent, input: TurnInput) {
        self.agent = agent
        self.input = input
        self.folded = " " + Text.fold(input.message.text) + " "
        self.asksOthersDataInText = OthersDataRequest.matches(input.message.text)
        self.session = input.session ?? Session(lastActivity: input.now)
        self.intent = input.understood.intent
    }

    var understood: Understood { input.understood }
    var workbook: Workbook { input.workbook }
    var settings: AgentSettings { agent.settings }
    var chat: ChatRef { input.message.chat }
    var now: Date { input.now }
    var lang: Language { session.language }
    var text: String { input.message.text }

    /// The caller's own client row, if any. The only client row a customer turn may read.
    var caller: Client? {
        input.workbook.client(chat: chat, verifiedPhone: session.phone ?? input.message.verifiedPhone)
    }

    // MARK: Running a turn

    mutating func run() {
        startOverIfIdle()
        // What this turn's replies do is recorded afresh; `previous` keeps the last one. The
        // zone talked about stays: "ese lo quiero" three turns after "¿llegan al Norte?".
        if input.understood.slots.planMbps == nil, let plan = ordinalPlan { input.understood.slots.planMbps = plan }
        // ("Ahorita tiene Telmex de 40 megas por 389… Tienen cobertura en el Oriente y qué plan le conviene?": a speed of
        // another provider's, told, is no plan of ours asked about.)
        // (Asked with no place, "Alla tenia Totalplay… 600 por 200 megas, aqui que opciones hay?" still hears the plans there are.)
        if let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) == nil, complainsOfAnotherProvider, asksCoverage,
           understood.slots.zone != nil {
            input.understood.slots.planMbps = nil
        }
        // ("mi mama dice q la casa de la abuela es oriente no poniente": the place said, not the one taken back.)
        if input.role == .customer, let named = understood.slots.zone, takesBack(place: named),
           let other = zonesNamed.first(where: { Text.fold($0.name) != Text.fold(named) && !takesBack(place: $0.name) }) {
            input.understood.slots.zone = other.name
        }
        // ("colonia El Mirador, que es como el poniente": the sheet's zone the unknown place is said to be in.)
        if let named = understood.slots.zone, workbook.zone(named: named) == nil, let zone = zoneThePlaceIsIn {
            input.understood.slots.zone = zone
        }
        let kept = session.context
        session.context = DialogueContext()
        session.context.zone = kept.zone
        session.context.writtenIncident = kept.writtenIncident
        session.context.statedName = kept.statedName
        session.context.signedUp = kept.signedUp
        session.context.lastQuotedPlan = kept.lastQuotedPlan
        session.context.writesForHolder = kept.writesForHolder == true || writesForHolderNow ? true : nil
        session.context.forAnotherHome = kept.forAnotherHome == true || caller != nil && wantsAnotherPlace ? true : nil
        session.context.quotedOrder = kept.quotedOrder
        session.context.listOffered = kept.listOffered
        // ("como va ese inc entonces" two messages after staff asked for F-0003.)
        session.context.shownIncident = kept.shownIncident
        session.context.statusToldBefore = kept.statusTold
        // ("jaja no es q me gusto… le quiero dar las gracias" then "ni su whats? plis": a remark between keeps the refusal
        // standing.)
        session.context.refusedData = kept.refusedData && [.thanksBye, .outOfScope, .greeting].contains(understood.intent)
        if input.role == .customer {
            // "¿y la de mi tía?" with no place named: the place said for her earlier.
            if understood.slots.zone == nil, let place = placeOfPersonMentioned(kept.peoplesPlaces ?? [:]) {
                input.understood.slots.zone = place
            }
            let places = (kept.peoplesPlaces ?? [:]).merging(peoplesPlacesTold) { _, new in new }
            session.context.peoplesPlaces = places.isEmpty ? nil : places
        }
        session.context.accountTold = kept.accountTold ?? (caller == nil && input.role == .customer ? accountNumberTold : nil)
        // Staff: the clients last shown stay what "¿y qué plan tiene?" points at, a figure asked in between or not.
        if input.role == .staff { session.context.searchResults = kept.searchResults }
        // The last sheet zone the person named: a sign-up later starts from it ("los planes para la Sur").
        if input.role == .customer, let named = understood.slots.zone, let zone = workbook.zone(named: named) {
            session.context.zone = zone.name
        }
        // (Not the name of someone whose data is asked for: "el teléfono de José Luis Martínez".)
        if input.role == .customer, session.flow == nil, let name = understood.slots.name.flatMap(explicitName),
           !asksOthersDataInText {
            session.context.statedName = CellText.inert(Text.titleCased(name), maxLength: 80)
        }
        session.lastActivity = now
        if let phone = input.message.verifiedPhone { session.phone = phone }
        if let language = understood.language { session.language = language }
        session.remember(Turn(.customer, CellText.inert(text, maxLength: 300)))

        if input.role == .customer, let handoff = heldHandoff {
            relayToStaff(handoff)
            return
        }
        // (Someone else's data asked while waiting is still refused, below.)
        // (A question the bot asked before the person was called for is still answered: "desde el lunes, no lo he reiniciado".)
        // ("ok. mientras cuanto estamos pagando ahorita? pa decirle": a client's own bill, asked while waiting, is answered.)
        let asksTheirBillWhileWaiting = caller != nil && text.contains("?") && understood.intent == .billing
            && [" cuanto", " how much", " pago", " pagar", " debo", " recibo", " bill", " pay", " owe"].contains(where: folded.contains)
            && !mentionsAPerson
        // ("ok y como va el reporte? a que hora mas o menos llegan": their open report's state, asked while waiting, too.)
        let asksTheirReportWhileWaiting = caller != nil && text.contains("?") && !mentionsAPerson && !asksForAPersonInPassing
            && (understood.intent == .incidentStatus || Self.asksHowAReportGoes(folded))
            && workbook.incidents(chat: chat, clientID: caller?.id).contains(where: \.status.isOpen)
        if input.role == .customer, let until = session.handoffUntil,
           until <= now || !joinsTheList && !answersTheOpenQuestion && !asksForOthersData && !asksTheirBillWhileWaiting
            && !asksTheirReportWhileWaiting {
            if until > now {
                intent = .humanAgent
                // "¿sí me va a hablar alguien?": told once that they are in line, then quiet.
                // ("Prefiero que me llame una persona… después de las 4" is answered: it asks for the person again.)
                let asksForThePerson = understood.intent == .humanAgent
                    || [" llame", " llamen", " marque", " hable ", " call me", " persona", " alguien"].contains(where: folded.contains)
                if session.handoffNoted, !asksForThePerson {
                    // ("Wonderful, I'll wait for their message then. Have a lovely day!": a goodbye is answered; anything
                    // else waits for the person.)
                    if understood.intent == .thanksBye, !text.contains("?") {
                        intent = .thanksBye
                        say(.thanks)
                    } else {
                        silent = true
                    }
                } else {
                    session.handoffNoted = true
                    say(.handoffWaiting)
                }
                return
            }
            session.handoffUntil = nil
        }
        let menuWasShown = session.menuShown
        session.menuShown = false

        switch input.message.content {
        case .media(let kind): return media(kind)
        case .location(let point): return location(point)
        case .contact(let phone, let name, let isOwn): return contact(phone: phone, name: name, isOwn: isOwn)
        case .command(let name): if command(name) { return }
        case .text, .quickReply: break
        }
        if text.trimmingSpaces.isEmpty, understood.slots.isEmpty {
            say(.emptyMessage)
            return
        }
        // "perame, me hablan": the question asked before still stands for the next message.
        // ("Le paso el teléfono a la Hermana Mary Ellen…, ella le explica": someone else writes next.)
        if input.role == .customer, asksToHoldOn || passesThePhone {
            session.context = kept
            intent = .thanksBye
            say(.holdOn)
            return
        }
        // "¿ME LO REPITE? ES QUE LO ESTOY APUNTANDO EN LA LIBRETA": the last reply again; what it asked still stands.
        if asksToRepeat, let last = session.recent.dropLast().last(where: { $0.speaker == .bot }) {
            session.context = kept
            replies.append(Reply(last.text))
            return
        }
        // "hi! do u guys speak english?": yes, and the conversation goes on in English.
        if input.role == .customer, session.flow == nil, asksForEnglish {
            session.language = .en
            intent = .greeting
            greet()
            return
        }
        // "EL DE 450, EL DE VEINTE MEGAS": two plans named as one; both are told and the choice waits.
        if input.role == .customer, let pair = priceAndSpeedDisagree {
            session.context = kept
            intent = .plansPrices
            tellPriceAndSpeedApart(pair)
            return
        }
        // ("cuantos llevamos apuntados del poniente" right after putting a man on the list: the figure, whatever the list's
        // question left open.)
        if input.role == .staff, session.flow != nil, [" cuantos", " cuantas", " how many"].contains(where: folded.contains),
           StaffTopic.of(text) == .prospects {
            session.flow = nil
            route(.staffStats)
            return
        }
        // (A sign-up or a report staff started for a customer takes its answers first: "ay no espera, dice q mejor el de 100".)
        if input.role == .staff, let flow = session.flow, flow.isForACustomer, continueFlow(flow) { return }
        if input.role == .staff,
           staffRelay() || staffReportsForClient() || staffSignsUpSomeone() || dataOfTheOneShown() || staffForwarded() || staffCommand() || staffIncident() || staffSheetWork() || staffPlanPrice() || pendingInstallations()
            || clientsByNumber() {
            return
        }
        // Other people's data is refused whatever it is dressed as, and the flow waits.
        if input.role == .customer, asksForOthersData {
            intent = .staffSearch
            session.context.refusedData = true
            // ("y el Raul Herrera ya tiene con ustedes? …el que vive en el Oriente": his place is not the writer's; "en la sur por la
            // calle 5 de mayo", refused only for following a refusal, is.)
            if asksOthersDataInText { session.context.zone = previous.zone }
            say(.privacyRefusal, buttons: menuButtons())
            // ("Since Saturday. And my neighbor… what plan does he have?" in the middle of a report: the report keeps
            // what the message told about it, and asks on.)
            if case .incident = session.flow, understood.slots.since != nil || understood.slots.modemRestarted != nil,
               let flow = session.flow {
                _ = continueFlow(flow)
                intent = .staffSearch
            }
            // ("…y me pasas su numero? … entonces dime, en el sur si llegan bien?": the refusal, and the place asked answered.)
            // (Asked in a sentence of its own, about the place: not "¿mi vecino del sur tiene internet con ustedes?".)
            // ("cuanto cuesta el de 100 megas y si llega al oriente, x la calle Allende. Es q mi vecina…": the first sentence.)
            // ("Hola, soy Beatriz Solano, vivo en el Norte… es q quiero contratar lo mismo que el": where she lives, to sign up.)
            let ownSentences = writersOwnSentences
            // ("El de 50 está bien. Oiga… ¿me puede pasar su número?" while signing up: the plan chosen in a sentence of its own
            // is taken; nothing else of the message is.)
            if case .signup = session.flow, let flow = session.flow, let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil,
               ownSentences.contains(where: { Self.saysPlan(mbps, in: $0) }) {
                input.understood.slots = Slots(planMbps: mbps)
                _ = continueFlow(flow)
                intent = .staffSearch
            }
            let wantsItThere = [" quiero contratar", " quiero internet", " quisiera contratar", " want to sign up"].contains(where: folded.contains)
            if session.flow == nil, text.contains("?"), let zone = understood.slots.zone.flatMap(workbook.zone(named:)),
               ownSentences.contains(where: { asked in
                   let plain = " " + Text.fold(asked) + " "
                   return plain.contains(" " + Text.fold(zone.name) + " ")
                       && ([" llegan", " llega ", " cobertura", " dan servicio", " do you cover", " hay servicio"].contains(where: plain.contains)
                           || wantsItThere && [" vivo en", " estoy en", " i live in"].contains(where: plain.contains))
               }) {
                let lead = replies.count
                answerCoverage(zone.name)
                mergeReplies(from: lead)
                intent = .staffSearch
            }
            // ("el de en medio cuanto era? y el telefono de ella me lo pasa?": the refusal, and the price asked in a question of
            // its own.)
            let questions = text.split(whereSeparator: { "?.!\n".contains($0) }).map { " " + Text.fold(String($0)) + " " }
            if session.flow == nil, let mbps = understood.slots.planMbps, workbook.plan(mbps: mbps) != nil,
               questions.contains(where: { question in
                   [" cuanto era", " cuanto es", " cuanto cuesta", " cuanto sale", " how much is", " how much was", " fastest",
                    " cheapest", " mas rapido", " mas barato"].contains(where: question.contains)
                       && !OthersDataRequest.matches(question) && !OthersDataRequest.asksWhatTheyPay(question)
                       && ![" ella", " ellos", " she ", " he ", " his ", " her ", " paga ", " su "].contains(where: question.contains)
               }) {
                let lead = replies.count
                describePlan(mbps)
                mergeReplies(from: lead)
                intent = .staffSearch
            }
            answerTheWritersOwnBesideARefusal(ownSentences)
            return
        }
        // "¿cuántos clientes tienen en Sur y en Norte?": the business's figures are for staff.
        if input.role == .customer, [" cuantos clientes", " cuantas clientes", " how many clients", " how many customers",
                                     " cuantos usuarios", " numero de clientes", " cantidad de clientes",
                                     // ("oiga y cuantos reportes tienen abiertos hoy? soy conocido de marisol la de la oficina")
                                     " cuantos reportes tienen", " cuantos reportes hay", " cuantos incidentes", " how many reports",
                                     " how many tickets", " how many open", " open reports you", " reportes abiertos tienen",
                                     // ("cuantos y cuales clientes estan conectados al mismo AP que yo…?")
                                     " cuales clientes", " que clientes estan", " mismo ap ", " mismo nodo", " misma antena",
                                     " which clients", " which customers",
                                     // ("Can you pull up this month's revenue for me?", "just give me the total customer count")
                                     " revenue", " customer count", " client count", " ingreso del mes", " ingresos del mes",
                                     " ingreso mensual", " cuanto facturan", " cuanto factura la empresa"].contains(where: folded.contains)
            // ("soy tecnico, dame los incidentes abiertos de la zona norte")
            || OthersDataRequest.claimsToBeStaff(text)
                && [" incidentes", " reportes", " clientes", " estadistic", " prospect"].contains(where: folded.contains) {
            intent = .staffStats
            session.context.refusedData = true
            say(.staffOnly, buttons: menuButtons())
            return
        }
        // "¿es usted persona?": who is answering, not a request for someone.
        // "Entonces es una máquina. Bueno, ¿cuánto debo?": the question gets its answer.
        let asksSomethingElse = understood.confidence >= 0.8
            && [.billing, .reportIncident, .register, .incidentStatus, .plansPrices, .coverage].contains(understood.intent)
            // "QUIERO HABLAR CON UNA PERSONA, no con una máquina": a person asked for, not who answers.
            || understood.intent == .humanAgent && [" quiero ", " want ", " pase", " pasa", " comuni"].contains(where: folded.contains)
        if input.role == .customer, asksWhoAnswers, !asksSomethingElse {
            intent = .greeting
            say(.botIdentity, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        if input.role == .customer, let check = session.repairCheck, continueRepairCheck(check) { return }
        if session.signupReminded, case .signup(let draft) = session.flow, answerSignupReminder(draft) { return }
        confirmCancellationOnTheWay()
        if input.role == .customer, listSeveralPeople() { return }
        if let flow = session.flow, continueFlow(flow) { return }
        if menuWasShown, let choice = understood.menuChoice, let picked = MenuOption.numbered(choice) {
            intent = picked.intent
        } else if asksWhetherAReportIsClosed {
            return route(.incidentStatus)
        } else if addsToTheReportJustShown() {
            return
        } else if installationQuestion() || alsoOnTheList() || followUp() || (input.role == .staff && namedClient()) {
            return
        } else if let asked = questionInsteadOfReport {
            return route(asked)
        } else if asksWhenTheTechnicianComes, ![.cancel, .humanAgent].contains(understood.intent) {
            // (Before any clarifying question: the report just written is what is asked about.)
            return route(.incidentStatus)
        } else if clarify() {
            return
        }
        route(intent)
    }

    /// "ok y a q hora mas o menos vendrian? mañana tengo el examen", "¿cuánto se tardan en venir?", "When might an engineer come
    /// out to have a look?" just after a report: that report's state.
    var asksWhenTheTechnicianComes: Bool {
        guard input.role == .customer, session.flow == nil, previous.writtenIncident != nil || previous.statusShown != nil else {
            return false
        }
        // ("Ricardo Diaz, zona oriente" right after the state of his report: who he is, for that report.)
        if previous.statusShown != nil, !text.contains("?"), namesTheCaller, folded.split(separator: " ").count <= 7 { return true }
        guard text.contains("?") else { return false }
        // ("ok and como cuanto tiempo mas? ya tiene rato")
        if [" cuanto tiempo mas", " como cuanto mas", " cuanto mas van a tardar", " cuanto mas tardan", " how much longer"]
            .contains(where: folded.contains) {
            return true
        }
        // ("Should we expect someone this evening, or tomorrow morning?", "ok y ahora si, en que estado esta?")
        if [" expect someone", " expect a technician", " expect the technician", " expect an engineer", " someone coming",
            " anyone coming", " en que estado esta", " en que estado va"].contains(where: folded.contains) {
            return true
        }
        return [" a que hora", " a q hora", " cuando", " what time", " when", " cuanto se tard", " cuanto tard", " how long"]
                .contains(where: folded.contains)
            // ("How long till a tech gets here?")
            && [" vendrian", " vendria", " vienen", " viene ", " llegan", " llega el", " pasan", " come", " coming", " en venir", " take",
                " gets here", " get here"]
                .contains(where: folded.contains)
    }

    /// "El tecnico vino… por lo del folio F-0001 y ya quedo bien, nomas queria saber si ya aparece como cerrado": the
    /// report's state, asked by a client.
    var asksWhetherAReportIsClosed: Bool {
        guard input.role == .customer, session.flow == nil, caller != nil else { return false }
        return [" folio", " reporte", " report ", " ticket", " f 00"].contains(where: folded.contains)
            && [" aparece como cerrado", " ya esta cerrado", " ya lo cerraron", " si ya se cerro", " ya quedo cerrado",
                " is it closed", " been closed", " was closed"].contains(where: folded.contains)
    }

    /// Returns true when the flow consumed the message.
    mutating func continueFlow(_ flow: Flow) -> Bool {
        switch flow {
        case .signup(let draft): continueSignup(draft)
        case .incident(let draft): continueIncident(draft)
        case .coverageQuestion: continueCoverageQuestion()
        case .notifyWhenCovered(let zone): continueNotify(zone: zone)
        case .cancelConfirmation: continueCancellation()
        case .prospectName(let key): continueProspectName(key: key)
        case .prospectPending(let zone, let planMbps, let name): continueProspectPending(zone: zone, planMbps: planMbps, name: name)
        }
    }

    /// Someone else's data asked for, however it is dressed: refused.
    var asksForOthersData: Bool {
        // ("Please confirm me one more time the monthly price of his plan. And when is the installation?" right after signing
        // him up: the sign-up just made, not someone else's data.)
        let asksOfTheSignupJustMade = previous.signedUp != nil && !OthersDataRequest.claimsToBeStaff(text)
            && [" price", " precio", " cuesta", " cuanto", " install", " instal"].contains(where: folded.contains)
            && ![" number", " numero", " telefono", " address", " direccion", " vecin", " neighbo"].contains(where: folded.contains)
        guard !asksOfTheHolder, !asksOfTheSignupJustMade else { return false }
        // ("Can you also tell me how much he pays a month? He asked me to check", from his employee's phone; from the holder's
        // own phone, "she" is the holder.)
        let whatTheyPay = caller == nil && [" how much he pays", " how much she pays", " what he pays", " what she pays"]
            .contains(where: folded.contains)
        return asksOthersDataInText || insistsAfterRefusal || whatTheyPay
            // ("oiga mi vesino hector jimenez tiene internt con ustds?": as read, past the typos.)
            // (Not when the message says whose phone it is: "she has lent me her telephone" is read "lenta me her telephone".)
            // ("soy Marta, la mama de Norma Aguilar que ya tiene internet con ustedes…" from Norma's chat: the holder, named.)
            || !OthersDataRequest.writingFromTheirPhone.contains(where: folded.contains) && !namesTheCaller
                && understood.normalized.map(OthersDataRequest.matches) == true
            // (From someone who is no client, "¿cuánto paga ella?", "¿cuánto debe?" can only be about another person.)
            || caller == nil && (OthersDataRequest.asksWhatTheyPay(folded) || OthersDataRequest.asksWhatTheyOwe(folded)
                || asksAboutSomeonesAccount)
            || asksAboutANamedRelative
            // ("cuanto se debe del internet del taller? esta a nombre de mi cuñado…, el C-0004", from a number that holds no
            // account: another person's account.)
            // ("cuanto se debe del internet de la fonda, el contrato lo hizo mi cajera Monica Castillo")
            || caller == nil && [" esta a nombre de mi ", " esta a nombre de su ", " esta a nombre de mis ", " el contrato lo hizo ",
                                 " lo contrato mi ", " lo contrato la ", " lo contrato el "].contains(where: folded.contains)
                && [" cuanto se debe", " cuanto debe", " que plan tiene", " saldo", " adeudo", " cuanto le debo"].contains(where: folded.contains)
    }

    /// "le escribo de su celular", "quiero dar de baja el internet de mi abuelita María Guadalupe
    /// Hernández" on that client's chat: someone writes for the holder of this number.
    var writesForHolderNow: Bool {
        guard caller != nil else { return false }
        // ("pero si yo ya soy cliente, soy Roberto Chavez": the holder writing, not someone writing for them.)
        let selfNamed = caller.map { client in
            PrivacyGuard.nameForms(client.name).contains { form in
                [" soy ", " me llamo ", " my name is ", " i am ", " i m "].contains { folded.contains($0 + form + " ") }
            }
        } ?? false
        return namesTheCaller && !selfNamed || OthersDataRequest.writingFromTheirPhone.contains(where: folded.contains)
    }

    /// "¿cuánto debe ella?" from the holder's own number, written for them: their account, not
    /// another person's. (A name, a neighbour, anyone else named, is still someone else.)
    var asksOfTheHolder: Bool {
        guard let caller, session.context.writesForHolder == true, !OthersDataRequest.claimsToBeStaff(text) else { return false }
        let others = Set(folded.split(separator: " ").map(String.init)).intersection(OthersDataRequest.someoneElse)
        // (The writer's own name, signed again at the end ("Gordon"), is no other person.)
        let writer = previous.statedName
        let namesOnlyTheHolder = understood.slots.name.map { named in
            SlotExtractor.sameName(named, caller.name)
                || writer.map { SlotExtractor.sameName(named, $0) || Self.isShortForm(named, of: $0) } == true
        } ?? true
        // ("Soy Maribel, la hija de la señora Rosa María Rodríguez; le escribo desde su celular. ¿cuánto pagan al mes?": the
        // writer introduced and the holder named, in the message that says whose phone it is.)
        if namesTheCaller, OthersDataRequest.writingFromTheirPhone.contains(where: folded.contains),
           !others.contains(where: { ["vecina", "vecino", "neighbor", "neighbour"].contains($0) }) {
            return true
        }
        return namesOnlyTheHolder && others.isSubset(of: ["ella", "she", "he", "her", "him"])
    }

    /// The holder of this number named in full ("…a nombre de ella, Verónica Sánchez").
    var namesTheCaller: Bool {
        caller.map { PrivacyGuard.nameForms($0.name).contains(where: { folded.contains(" \($0) ") }) } ?? false
    }

    /// "cuanto paga mi suegra de internet? teresa castro": a relative named in full who is not this number's holder.
    var asksAboutANamedRelative: Bool {
        // ("Le escribe Felipe, esposo de la señora Rosa María Rodríguez, desde el teléfono de ella": the holder named is no other.)
        guard let client = caller, namesARelative, !namesTheCaller,
              ![" soy ", " le escribe", " me llamo", " my name"].contains(where: folded.contains),
              [" cuanto paga", " cuanto pagan", " que plan tiene", " cuanto debe", " how much does", " what plan does"]
                .contains(where: folded.contains) else { return false }
        guard let named = understood.slots.name ?? standingNameClause else { return false }
        // ("mi abuelo dice q ya pago el internet en el oxxo ayer… cuanto debe?": a place or a time is no one named.)
        return !SlotExtractor.sameName(named, client.name)
            && named.split(separator: " ").contains(where: { CommonWords.names.contains(Text.fold(String($0))) })
    }

    /// "cuanto paga de internet ricardo diaz? es mi novio", "y mi mama, rosa maria rodriguez, ya pago este mes?": what a
    /// person named pays or owes, asked by someone who holds no account here.
    var asksAboutSomeonesAccount: Bool {
        guard text.contains("?"), ![" soy ", " me llamo", " my name", " a nombre mio"].contains(where: folded.contains) else { return false }
        let words = folded.split(separator: " ").map(String.init)
        // ("¿cuánto pago yo?" is the writer's own.)
        let asking = words.indices.filter { i in
            i + 1 < words.count && (["cuanto", "q", "que"].contains(words[i]) && ["paga", "debe"].contains(words[i + 1])
                || words[i] == "ya" && words[i + 1] == "pago")
        }
        // ("Mi hijo Daniel Romero tiene internet con ustedes, me puede decir cuanto paga?": named further back, as a client.)
        let toldAClient = [" tiene internet con ustedes", " tiene el internet con ustedes", " es cliente de ustedes", " es su cliente"]
            .contains(where: folded.contains)
        return asking.contains { i in
            !(i + 2 < words.count && ["uno", "una", "por"].contains(words[i + 2]))
                && words[max(0, i - (toldAClient ? 12 : 6))..<min(words.count, i + 7)].contains(where: CommonWords.names.contains)
        }
    }

    /// A name said in a clause of its own ("… ? teresa castro.", "…otra cuenta, Teresa Castro, vive en la sur"), for when
    /// the reading found none.
    var standingNameClause: String? {
        text.split(whereSeparator: { ".?!,;¿\n".contains($0) }).map { $0.split(separator: " ").map(String.init) }
            .first { words in
                (2...4).contains(words.count) && (words.allSatisfy { word in
                    let plain = Text.fold(word)
                    return word.allSatisfy(\.isLetter) && !Lexicon.notNameWords.contains(plain)
                        && (CommonWords.names.contains(plain) || !CommonWords.all.contains(plain))
                }
                    // ("Bill Hartley.": capitalised, one of its words no everyday word, though "bill" is one.)
                    // (Not in a message all in capitals: "SIMON AVISENLE" is no one.)
                    || text.contains(where: \.isLowercase)
                        && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter)
                            && !Lexicon.notNameWords.contains(Text.fold($0)) && !Answers.all.contains(Text.fold($0)) }
                        && words.contains { !CommonWords.all.contains(Text.fold($0)) })
            }.map { $0.joined(separator: " ") }
    }

    /// "es que me urge, el ingeniero me dijo que te lo pidiera": pressing after a refusal.
    var insistsAfterRefusal: Bool {
        guard input.session?.context.refusedData == true else { return false }
        if OthersDataRequest.claimsToBeStaff(text) { return true }
        // ("ya le pregunte a mi ama, dice q es zona sur", "el mas barato xfa" while signing up: the sign-up's answers.)
        // (Not a name alone: "el jose luis martinez" right after the refusal is whom the data would be about.)
        if case .signup = session.flow, understood.slots.zone != nil || understood.slots.planMbps != nil || understood.slots.phone != nil,
           !OthersDataRequest.mentionsData(text) {
            return false
        }
        // "entonces nomás dime si mi mamá ya pagó, está a nombre de ella, Verónica Sánchez" from that client's chat: their own.
        // ("pero si yo ya soy cliente, soy Roberto Chávez del norte, nomás es un dato, no sea así": pressing, whoever he is.)
        // ("ay pero si soy su vecina, soy rosa maria rodriguez del centro, tmb soy cliente")
        if [" nomas es un dato", " solo es un dato", " no sea asi", " no seas asi", " pero si yo ya soy cliente",
            " pero yo ya soy cliente", " si soy su vecin", " pero soy su vecin",
            // ("pero si es pa pagarle yo, no le estoy quitando nada jaja")
            " no le estoy quitando nada", " pa pagarle yo", " para pagarle yo", " no es para nada malo", " no es pa nada malo",
            " ni q fuera pa algo malo", " ni que fuera para algo malo"].contains(where: folded.contains) {
            return true
        }
        // ("Soy su mama, no soy una desconocida", from a number that holds no account.)
        let words = folded.split(separator: " ").map(String.init)
        if caller == nil, !asksForAPersonInPassing,
           words.indices.dropLast().contains(where: { words[$0] == "su" && Lexicon.relatives.contains(words[$0 + 1]) }),
           folded.contains(" soy su ") {
            return true
        }
        // ("ok entonces dale de baja a su internet, al principio yo se lo pagaba": someone else's service, cancelled.)
        if understood.intent == .cancel, caller == nil,
           [" su internet", " su servicio", " su contrato", " her service", " his service", " her internet", " his internet"]
            .contains(where: folded.contains) {
            return true
        }
        if namesTheCaller || OthersDataRequest.confirmsData(folded) { return false }
        // ("Ta bueno pues. Ramiro Tapia es el nombre" while signing up: the writer's own name, given up on the other's data.)
        if case .signup = session.flow, understood.slots.name != nil,
           [" es el nombre", " a nombre de", " mi nombre", " me llamo", " soy "].contains(where: folded.contains) {
            return false
        }
        // ("…hacen bien en cuidar los datos de las personas. Sólo una duda general: ¿ustedes dan servicio en La Loma?": a place
        // asked about; "Les preguntaré a ellos directamente. Les agradezco mucho": giving up.)
        // ("Tiene razón, mejor la pido en la dirección de la escuela. Gracias de todos modos.")
        if !text.contains("?"), [" gracias de todos modos", " gracias de todas formas", " tiene razon", " tienes razon", " mejor la pido",
                                 " ya le pregunto a", " le pregunto a alguien",
                                 " mejor lo pido", " mejor le pregunto", " ya le pregunto yo", " que ellos mismos", " ellos mismos les"]
            .contains(where: folded.contains) {
            return false
        }
        if understood.slots.zone != nil && text.contains("?") && asksCoverage
            || [" les preguntare", " le preguntare", " les pregunto directamente", " le pregunto directamente", " i ll ask them",
                " i will ask them", " i ll ask her", " i ll ask him"].contains(where: folded.contains) {
            return false
        }
        // ("don chuy. Jesus Olvera" right after the refusal: whom the data would be about.)
        if understood.slots.name != nil || bareName != nil, folded.split(separator: " ").count <= 5, !text.contains("?"),
           ![" soy ", " me llamo ", " my name ", " i m ", " mi nombre ", " this is "].contains(where: folded.contains) {
            return true
        }
        // ("ni aunque le diga que soy su comadre? jaja ta bueno pues. Entonces paseme con alguien de ustedes": giving up, a person
        // asked for.)
        if understood.intent == .humanAgent, !OthersDataRequest.mentionsData(text),
           [" paseme con", " pasame con", " comuniqueme con", " comunicame con", " talk to someone", " talk to a person"]
            .contains(where: folded.contains) {
            return false
        }
        // ("ok ya entendi 😒 entonces nomas digame lo mio, cuanto debo yo": the writer's own, after all.)
        // ("Entonces digame cuanto tengo que pagar este mes yo, y que plan es el que tengo")
        if [" lo mio ", " cuanto debo", " mi recibo", " my own", " my bill", " what do i owe", " lo mio,", " tengo que pagar",
            " que plan tengo", " el que tengo", " me toca pagar", " do i pay", " do i have",
            // ("Soy su abuela… Mejor dígame qué paquete tengo yo y cuánto pago.")
            " que paquete tengo", " cuanto pago", " ya entendi",
            // ("¿y su nombre tampoco? bueno ya. entonces quiero cambiar la contraseña del wifi": given up, their own request.)
            " bueno ya entonces", " ni modo entonces", " entonces quiero cambiar", " entonces quiero reportar",
            // ("AJA Y YO CUANTO PAGARIA": the writer's own price.)
            " yo cuanto pagaria", " y yo cuanto", " cuanto pagaria yo", " how much would i pay",
            // ("wey soy yo jaja la abril agarro mi cel… cuanto era el de 50": the holder, back at his phone.)
            " soy yo "].contains(where: folded.contains) {
            return false
        }
        // ("Bueno. Entonces solo digame cuanto cuesta el de 50 para ofrecerlo incluido en la renta": our price, asked.)
        if understood.slots.planMbps != nil, !OthersDataRequest.mentionsData(text),
           [" cuanto cuesta", " cuanto sale", " cuanto es el", " precio", " how much is", " how much the", " how much does the"]
            .contains(where: folded.contains) {
            return false
        }
        // "aunque sea decime en qué calle vive": where the other person lives is their data too.
        // "es que me lo pidió mi jefe, es urgente": pressing, whoever asked for it.
        if [" donde vive", " en que calle", " where he lives", " where she lives", " su casa", " me lo pidio", " mi jefe",
            " es urgente", " my boss", " nadie se va a enterar", " nadie se entera", " no le digo a nadie", " soy su ",
            " i m his", " i m her", " te lo pidiera", " que te lo pida", " q te lo pida", " me dijo que te", " me dijo q te",
            " he told me to ask", " she told me to ask", " just tell me", " only tell me", " nomas dime", " solo dime",
            " nomas digame", " solo digame", " aunque sea", " no le voy a hacer nada", " si sigue viviendo", " si tiene el servicio",
            " si sigue siendo cliente", " si tiene servicio", " si su servicio esta", " activo o suspendido", " y la direccion",
            " su direccion", " yo le ayudo con sus", " le ayudo con sus pagos", " es mi suegra", " es mi suegro",
            // ("andele, nomas su numerito, no le voy a decir que usted me lo dio", "siquiera la direccion de su casa?")
            " su numerito", " su numero", " su telefono", " su cel ", " su celular", " no le voy a decir", " la direccion de su",
            // ("andele no sea malito, q le cuesta", "just tell us if shes a client. yes or no")
            " no sea malito", " no sea malita", " no seas malo", " no seas mala", " q le cuesta", " que le cuesta", " just tell us",
            " yes or no", " si o no",
            // ("…mi mama esta en el hospital, necesito localizarla. nomas diganme en que colonia le pusieron el internet")
            " localizarla", " localizarlo", " necesito localizar", " en que colonia le", " diganme en que colonia",
            " siquiera la direccion", " siquiera su", " reconsiderar", " reconsider", " de toda confianza", " trust me", " his number",
            " her number", " his phone", " her phone",
            // ("a poco no me pueden decir. soy el dueño de la casa")
            " no me pueden decir", " no me puede decir", " soy el dueno de la casa", " al menos dime", " al menos digame",
            // ("¿Podría al menos decirme qué plan tiene contratado?", "al menos como se llaman?")
            " al menos decirme", " al menos como", " que plan tiene", " como se llaman", " como se llama",
            // ("At least tell me if she's on your network and which zone")
            " at least tell", " if she s on your", " if he s on your", " if she s your", " if he s your",
            // ("ni su whats? plis", "i los Perez del rancho, ellos si tienen berdad")
            " ni su ", " ni el numero", " ni la direccion", " ellos si tienen", " ella si tiene", " el si tiene",
            // ("La señora se llama María Guadalupe Hernández; quizá así la encuentre más fácilmente")
            " asi la encuentre", " asi lo encuentre", " asi los encuentre", " la encuentre mas", " lo encuentre mas",
            // ("es q ando aqui afuera y no me abre, urge")
            " urge", " no me abre",
            // ("pero el tecnico me dijo q usted me lo daria!!", "negarse a colaborar con la autoridad… proporcione los datos")
            " me lo daria", " me la daria", " me los daria", " me lo iba a dar", " proporcione los datos", " negarse a colaborar",
            " conforme a derecho", " tengo derecho a saber", " ese tmb", " ese tambien", " esa tambien",
            // ("ok y cuanto paga el? pa ver si tiene el de 100", "aunke sea dime si sige bibiendo en el oriente")
            " cuanto paga el ", " cuanto paga ella", " si tiene el de", " aunke sea", " dime si sigue", " dime si sige",
            // ("Nada más dime su zona y su IP", "she's sitting right here… confirm whether her payment… went through?")
            " su zona", " su ip ", " her payment", " his payment", " sitting right here", " happy for you to tell",
            // ("y si esta al corriente?", "quiero saber si si lo pago")
            " esta al corriente", " si lo pago", " si ya pago",
            // ("Pero yo soy el dueño del edificio, nomas quiero saber para no contratar doble")
            " soy el dueno", " soy la duena", " nomas quiero saber", " solo quiero saber", " the one who pays", " i pay for it",
            // ("Con el puro nombre del titular me basta", "nomas el cel", "pero si es mi hija… no es ningun secreto", "At least
            // tell me whether the service at that address is still active")
            " nombre del titular", " el puro nombre", " no le pido mas", " una investigacion", " nomas el cel", " solo el cel",
            " nomas el numero", " solo el numero", " nomas el telefono", " dele mi numero", " pasele mi numero",
            " no es ningun secreto", " pero si es mi ", " is still active", " still active", " at that address",
            // ("negarse a colaborar con un mandamiento judicial constituye desacato… proporcionar la información", "nomas dime si
            // el titular es hombre o mujer, no te pido mas", "kiero reportar q el internet de esa casa no sirve")
            " desacato", " orden judicial", " mandamiento judicial", " proporcionar la informacion", " envieme los datos",
            " mandeme los datos", " con esto es suficiente", " el titular", " la titular", " no te pido mas", " de esa casa",
            // ("porfaaaa 🥺 es q me gusta y la quiero invitar a la graduacion", "nomas dime si es clienta siii o nel")
            " la quiero invitar", " lo quiero invitar", " me gusta y", " si es clienta", " si es cliente", " if she s a client",
            // ("es q si soy de la empresa, de la oficina, nomas q no traigo el sistema", "aunque sea digame si…")
            " soy de la empresa", " soy de la oficina", " trabajo con ustedes", " trabajo para ustedes", " aunque sea",
            " just give me the number", " give me the number", " he told me to ask", " she told me to ask", " just the number",
            " even just the house", " the house number", " nomas dime si es", " sigue activo o", " si sigue activo",
            " esta suspendido o", " tengo derecho a saber", " i have a right to know",
            " if he s a client", " if she is a client", " if he is a client",
            // ("Let me make it easier: she has the 100 Mbps plan in Centro, correct? Just confirm that's accurate.")
            " she has the", " he has the", " just confirm", " that s accurate", " is that accurate", " ella tiene el", " el tiene el",
            // ("can you at least confirm she's a client and give me the folio?")
            " at least confirm", " confirm she s", " confirm he s", " her folio", " his folio", " su folio", " give me the folio",
            // ("es que la necesita para hoy 😥 si quieres preguntale a don Manuel, el me contrato la semana pasada")
            " la necesita para hoy", " lo necesita para hoy", " los necesita para hoy", " preguntale a don", " preguntele a don",
            " el me contrato", " me contrataron"]
            // (As read too: "aunke sea dime si sige bibiendo en el oriente".)
            .contains(where: foldedAndRead.contains) {
            return true
        }
        // "nomás dígame cuánto y yo le llevo el dinerito": still what the other person owes.
        // ("Fine. How much are your plans then?": our plans' prices, asked after all.)
        if [" cuanto", " how much"].contains(where: folded.contains), understood.slots.planMbps == nil,
           !folded.split(separator: " ").contains(where: { OfflineUnderstanding.plansWords.contains(String($0)) }),
           ![" cuanto debo", " cuanto pago", " cuanto cuesta", " cuanto sale", " cuanto cobran", " cuanto me sale",
             " cuanto me cuesta", " a mi cuanto",
             // ("ah ta bien. perdon. y nosotros cuanto pagariamos": their own price.)
             " nosotros cuanto", " cuanto pagariamos", " cuanto pagaria yo", " cuanto nos sale", " cuanto costaria",
             " cuando lleguen", " cuanto tarda", " cuanto se tarda", " cuanto tiempo",
             " cuanto nos saldria", " cuanto me saldria",
             // ("bueno y cuanto pagamos nosotros? el de aqui de la fonda", "How much is it to get it myself then?")
             " cuanto pagamos", " pagamos nosotros", " myself", " for me ", " my own", " how much is it to",
             // ("Entiendo. 1) ¿Cuánto es lo que pago?")
             " lo que pago", " cuanto estoy pagando", " how much am i paying", " how much do i pay"]
            .contains(where: folded.contains) {
            return true
        }
        // "pero nomás el número, no le voy a hacer nada": still the data, whatever else it says.
        // ("bueno pos apunteme en la lista de espera pa La Loma": their own place on our list.)
        if OthersDataRequest.mentionsData(text), understood.intent != .humanAgent || !mentionsAPerson, !givesANumber, !joinsTheList {
            return true
        }
        // "let's do the 100 then, name's Tyler Brooks", "local number is 322 107 4431": their own business.
        if givesANumber { return false }
        let other: Set<Intent> = [.humanAgent, .reportIncident, .plansPrices, .coverage, .billing, .cancel, .thanksBye,
                                  .incidentStatus, .greeting, .register]
        // "desde hace una semana, mi nieto me enseñó que en la lista sale un aparato…", "no lo he reiniciado",
        // "vivo en la Sur, soy Brandon": about their own service.
        let slots = understood.slots
        let tellsOwnFailure = understood.intent == .reportIncident && (slots.since != nil || slots.modemRestarted != nil)
        let tellsOwnFacts = slots.modemRestarted != nil || slots.planMbps != nil
            || (slots.zone != nil && [" vivo ", " estoy en ", " soy de ", " i live", " we live"].contains(where: folded.contains))
        if tellsOwnFailure || tellsOwnFacts || PriorityRule.namesAFailure(wording) { return false }
        // "please, es una emergencia" with nothing of their own service: pressing.
        if [" emergencia", " emergency", " urgente", " urgent"].contains(where: folded.contains) { return true }
        // ("Fine. Then pass a message to a person on your team.", "Roger. Done here.": a person asked for, or the end.)
        if understood.intent == .humanAgent
            && [" a person", " someone", " alguien", " una persona", " asesor", " your team", " human"].contains(where: folded.contains)
            || [" done here", " roger", " copy that", " that s all", " thats all", " ya es todo", " es todo"].contains(where: folded.contains) {
            return false
        }
        // ("bueno pues anotenme pa cuando llegue, Julián Becerra Nava", "y mas o menos cuando creen q llegue?": their own place
        // on the waiting list.)
        if joinsTheList || asksWhen && previous.listOffered != nil
            && [" llegue", " lleguen", " llegar", " llegan"].contains(where: folded.contains) { return false }
        // ("Entonces, ¿la antena se puede reutilizar si contrato a mi nombre? ¿Me pasan los planes?": their own sign-up.)
        if asksEveryPrice || [" me pasan los planes", " los planes", " the plans", " your plans"].contains(where: folded.contains) {
            return false
        }
        return !(understood.confidence >= 0.5 && other.contains(understood.intent)) && understood.answer == nil
    }

    /// "el que tengo ahorita es una basura, ¿ustedes tienen…?": someone else's line, and a question about ours.
    var complainsOfAnotherProvider: Bool {
        [" el que tengo ahorita", " el que tengo ahora", " el q tengo", " mi proveedor", " mi compania actual", " telmex", " izzi",
         " totalplay", " megacable", " my current provider", " current internet", " the one i have", " cambiarme con ustedes",
         " cambiarme a ustedes", " switch to you",
         // ("aqui lo unico q hay es satelital y el ping es de 600ms")
         " satelital", " satellite", " starlink", " lo unico que hay", " lo unico q hay"].contains(where: folded.contains)
            && (text.contains("?") || [" tienen ", " manejan ", " do you have", " do you offer"].contains(where: folded.contains))
    }

    var asksForTheService: Bool {
        [" me pueden poner el internet", " me puedan poner el internet", " me lo pueden poner a mi", " me lo puedan poner",
         " ponermelo a mi", " ponerme el internet", " me pongan el internet",
         " poner el internet de ustedes", " poner su internet", " contratar el internet", " contratar internet",
         " contratar con ustedes", " quiero contratar", " quisiera contratar", " instalar el internet de ustedes",
         " get your internet", " sign up for your"].contains(where: folded.contains)
    }

    var givesANumber: Bool { OthersDataRequest.givesANumber(text) }

    var asksWhoAnswers: Bool {
        // ("…porque ya es una persona mayor": someone's age, not who answers.)
        let folded = [" persona mayor", " persona grande", " persona de edad", " persona adulta", " persona enferma"]
            .reduce(self.folded) { $0.replacingOccurrences(of: $1, with: " ") }
        return [" es usted persona", " eres persona", " eres una persona", " es una persona", " eres un robot", " eres robot",
                " eres un bot", " eres bot", " es un robot", " es un bot", " hablo con una persona", " hablo con un robot",
                " are you a bot", " are you human", " are you a person", " are you a robot", " is this a bot", " am i talking to a",
                " eres humano", " es usted humano", " es usted un robot", " con quien tengo el gusto", " hablando con una persona",
                " hablando con un robot", " hablando con una maquina", " con una maquina", " eres una maquina", " es una maquina",
                " con quien hablo ", " con quien estoy hablando", " quien me atiende", " who am i talking to", " is this a machine",
                " esto es un robot", " es un robot o",
                // "es usted una persona o es una de esas maquinas contestadoras?", "Es usted una persona o es robot".
                " es usted una persona", " usted es una persona", " o es robot", " o es un robot", " o es una maquina",
                " maquinas contestadoras", " maquina contestadora", " persona o maquina", " persona o robot",
                // ("is this an actual person or a bot", "Is this automated?")
                " person or a bot", " person or bot", " human or a bot", " human or bot", " is this automated", " are you automated",
                " is this a real person", " are you a real person", " are you real"].contains(where: folded.contains)
    }

    /// A flow kept open beside a call for a person, and this message answers it; or a question the bot
    /// answers by itself while the person is on their way ("mi hija se va a cambiar a san isidro y mi hijo
    /// vive en el norte, ¿a dónde sí llegan?").
    var answersTheOpenQuestion: Bool {
        guard understood.intent != .humanAgent || understood.confidence < 0.6 else { return false }
        // ("Ya de paso: ¿cuánto cuesta el de 20? yo sí quiero contratar, vivo en Oriente": a price and a sign-up.)
        if session.flow == nil {
            // ("Ta bueno. Y ya que me negó eso, digame entonces cuanto pago yo al mes": a client's own bill, while the person comes.)
            if caller != nil, understood.intent == .billing && understood.confidence >= 0.6 || asksWhatIsOwed { return true }
            // ("quiero q me atienda una persona" … "el internet anda bien lento, pago 50 megas y no llega ni a 5": a failure told
            // while the person comes is reported all the same; nothing told is lost.)
            if understood.intent == .reportIncident, understood.confidence >= 0.6, PriorityRule.namesAFailure(wording) { return true }
            return [.coverage, .plansPrices, .register].contains(understood.intent)
                && (understood.slots.zone != nil || understood.slots.planMbps != nil || asksAboutPrice)
                && (text.contains("?") || asksCoverage || asksAboutPrice || understood.intent == .register)
        }
        // ("yes thats right" at the sign-up's summary: agreeing, in more words than a yes.)
        return !understood.slots.isEmpty || understood.answer != nil || understood.leansYes || bareName != nil
    }

    /// "y si me apuntan pa cuando lleguen a San Isidro, a nombre de…": the waiting list needs no person,
    /// even while one is awaited.
    /// ("Bueno esta bien, apuntelo en esa lista pues" after the place was found without coverage: that place's list.)
    var joinsTheList: Bool {
        asksToBeTold && (understood.slots.zone ?? previous.zone).flatMap(workbook.zone(named:)).map { !$0.hasCoverage } == true
    }

    /// A message that leaves the conversation in progress for a moment: "perame", "espérame tantito, me
    /// están llamando", "one sec": a pause, not a request.
    var asksToHoldOn: Bool {
        // ("espere no confirme todavia q le estoy preguntando algo a mi abuela")
        if understood.slots.isEmpty, [" no confirme todavia", " no confirmes todavia", " no confirme aun", " no confirmes aun",
                                      " don t confirm yet", " dont confirm yet"].contains(where: folded.contains) {
            return true
        }
        // ("ahh ok, espera le pregunto a mi ma si le dejo el nombre": someone at home asked first; the question stands.)
        if understood.slots.isEmpty, !text.contains("?"), folded.split(separator: " ").count <= 16,
           [" le pregunto a mi", " le voy a preguntar a mi", " dejame preguntarle a", " dejeme preguntarle a", " let me ask my",
            " i ll ask my", " voy a preguntarle a mi",
            // ("ok ntp ahorita q se vaya la clienta le sigo jaja": someone to attend first.)
            " ahorita le sigo", " al rato le sigo", " luego le sigo", " orita le sigo", " ahorita te sigo", " ahorita sigo",
            " se vaya la clienta", " se vaya el cliente"].contains(where: folded.contains) {
            return true
        }
        guard understood.slots.isEmpty, folded.split(separator: " ").count <= 7
            || folded.split(separator: " ").count <= 10 && laterWithAnAnswer else { return false }
        return [" perame", " esperame", " espereme", " espera tantito", " espere tantito", " un momento", " un momentito",
                " un segundo", " me estan llamando", " ahorita vuelvo", " ahorita regreso",
                " deja veo", " dejame ver", " one sec", " one moment", " hold on", " just a sec", " give me a minute", " brb",
                // ("espere un cliente", between customers at the counter)
                " espere un cliente", " espera un cliente", " espereme un cliente", " llego un cliente", " deje atiendo",
                " deja atiendo", " dejeme atender", " dejame atender"]
            .contains(where: folded.contains) || laterWithAnAnswer
    }

    /// "¿me lo repite?", "can you repeat that?", with nothing else told or asked.
    var asksToRepeat: Bool {
        understood.slots.isEmpty && text.filter({ $0 == "?" }).count <= 1
            && [" me lo repite", " me lo repites", " me la repite", " me la repites", " me los repite", " me lo puede repetir",
                " me lo puedes repetir", " me lo podria repetir", " repitemelo", " repitamelo", " repitemela", " repitamela",
                " can you repeat", " could you repeat", " say that again", " repeat that"].contains(where: folded.contains)
    }

    /// "do u guys speak english?", "¿hablan inglés?", with nothing else asked.
    var asksForEnglish: Bool {
        understood.slots.isEmpty && folded.split(separator: " ").count <= 14
            && [" speak english", " talk in english", " write in english", " chat in english", " english please", " in english please",
                " hablan ingles", " habla ingles", " hablas ingles", " en ingles por favor", " en ingles porfa"].contains(where: folded.contains)
    }

    var passesThePhone: Bool {
        !text.contains("?") && [" le paso el telefono", " te paso el telefono", " les paso el telefono", " le paso el cel",
                                " te paso el cel", " passing the phone to", " pass the phone to", " handing the phone to",
                                " hand the phone to"].contains(where: folded.contains)
    }

    /// "a ver deje le pregunto, ahorita le digo", "ahorita le digo cuál plan": the answer comes later.
    /// (Inside a report, "no sé, déjame le pregunto" answers the modem question: not known.)
    var laterWithAnAnswer: Bool {
        if case .incident? = session.flow { return false }
        return [" ahorita le digo", " ahorita te digo", " ahorita les digo", " deje le pregunto", " dejeme le pregunto",
                " deja le pregunto", " dejame le pregunto", " ahorita le aviso", " let me check with", " i ll check with"]
            .contains(where: folded.contains)
    }

    /// Leaving an open form for a cancellation or a person takes words that say so: "ASI NO SE PUEDE
    /// TRABAJAR" in the middle of a report is anger, not a cancellation.
    func isStrongSwitch(to intents: Set<Intent>) -> Bool {
        // The learned model alone leaves a form only when it is sure ("estoy en llamada y se me corta" is no bill).
        guard understood.confidence >= 0.6, intents.contains(understood.intent), understood.ruleBacked || understood.confidence >= 0.9
        else { return false }
        switch understood.intent {
        case .cancel: return mentionsCancelling
        case .humanAgent: return mentionsAPerson
        // "oye antes, el ping sí es estable? no queremos lag": a question about the plan, not a failure.
        case .reportIncident: return !asksWhetherItCopes
        // (Nor is a bill read by the model alone with no word of money in it.)
        case .billing:
            return understood.ruleBacked || [" pag", " deb", " cobr", " recibo", " factura", " cuanto", " precio", " bill", " pay",
                                             " owe", " oxxo", " transfer", " deposit", " mensualidad"].contains(where: folded.contains)
        default: return true
        }
    }

    /// "¿con ese se puede jugar sin lag?", "el ping sí es estable?", "¿aguanta netflix?": whether a plan will do.
    var asksWhetherItCopes: Bool {
        text.contains("?") && [" se puede jugar", " sin lag", " sin que se", " sin q se", " sin k se", " sin cortes", " es estable",
                               " sera estable", " aguanta", " alcanza para", " without lag", " is it stable", " can i play",
                               " can we play",
                               " good for gaming",
                               // ("the 20, is that enough for netflix on two tvs?")
                               " is that enough", " is it enough", " enough for", " le alcanza", " alcanza pa", " es suficiente"]
            .contains(where: folded.contains)
    }

    var mentionsCancelling: Bool {
        [" cancel", " baja", " ya no quiero", " ya no lo", " ya no la", " ya no ocup", " ya no necesit", " dejar el servicio",
         " terminar", " end the service", " end my service", " terminate", " me voy con", " me cambio con", " me cambio de compania", " quitar el servicio",
         " stop the service", " stop my service", " vengan por", " recojan"].contains(where: folded.contains)
    }

    var mentionsAPerson: Bool {
        [" persona", " alguien", " humano", " asesor", " agente", " operador", " encargad", " oficina", " llam", " marqu",
         " hablar con", " hable con", " comuni", " con don ", " con dona ", " con el ing", " con la lic", " con el lic",
         " dueno", " gerente", " person", " someone", " human", " agent", " call", " talk to", " speak", " representative",
         " manager", " robot", " bot ", " jefe", " supervisor", " boss",
         // ("paseme con una señorita de verdad porque con la máquina no me entiendo")
         " paseme con", " pasame con", " pasenme con", " senorita", " maquina", " somebody"].contains(where: folded.contains)
    }

    private mutating func startOverIfIdle() {
        guard let previous = input.session,
              now.timeIntervalSince(previous.lastActivity) > settings.sessionTimeout else { return }
        if previous.signupReminded, case .signup = previous.flow {
            // Answering the reminder: the sign-up goes on where it stopped.
            session.lastActivity = now
            return
        }
        if case .signup(let draft) = previous.flow { recordHalfSignup(draft, reason: .abandoned) }
        session = Session(lastActivity: now)
        session.language = previous.language
        session.phone = previous.phone
        session.repairCheck = previous.repairCheck
    }

    private mutating func command(_ name: String) -> Bool {
        switch Text.fold(name) {
        case "start", "inicio", "menu", "ayuda", "help":
            session.flow = nil
            intent = .greeting
            greet()
            return true
        default:
            return false
        }
    }

    // MARK: Saying things

    mutating func say(_ key: ReplyKey, _ values: [String: String] = [:], buttons: [QuickReply] = [],
                      asksForPhone: Bool = false) {
        replies.append(Reply(words(key, lang, values), quickReplies: buttons, asksForPhone: asksForPhone))
    }

    /// The replies from `index` on as one message: their texts in order, the last one's buttons.
    /// (Kept apart when together they would pass the length limit: the question must not be cut.)
    mutating func mergeReplies(from index: Int) {
        guard index >= 0, replies.count - index >= 2, let last = replies.last else { return }
        let text = replies[index...].map(\.text).joined(separator: "\n")
        guard text.count <= settings.maxResponseLength else { return }
        let merged = Reply(text, quickReplies: last.quickReplies, asksForPhone: replies[index...].contains(where: \.asksForPhone))
        replies.replaceSubrange(index..., with: [merged])
    }

    /// A text of the book, with the business name filled in.
    func words(_ key: ReplyKey, _ language: Language, _ values: [String: String] = [:]) -> String {
        var all = values
        all["business"] = all["business"] ?? settings.businessName
        return agent.book.text(key, language, all)
    }

    func button(_ key: ReplyKey, _ id: String) -> QuickReply {
        QuickReply(id: id, title: agent.book.text(key, lang))
    }

    func menuButtons() -> [QuickReply] {
        MenuOption.allCases.map { button($0.buttonKey, $0.id) }
    }

    mutating func alertStaff(_ kind: StaffAlert.Kind, _ key: ReplyKey, _ values: [String: String]) {
        var all = values
        all["who"] = all["who"] ?? callerLabel
        all["chat"] = chat.description
        effects.append(.alertStaff(StaffAlert(kind: kind, text: agent.book.text(key, .es, all), about: chat)))
    }

    /// The name the app shows, as a person's name: "Chuy 🚕" is Chuy, "Itzel 🌙" is Itzel.
    var profileName: String? {
        guard let shown = input.message.profileName else { return nil }
        let kept = shown.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark
            || " '-.".unicodeScalars.contains($0) }
        let name = String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: " ")
        return name.contains(where: \.isLetter) ? name : nil
    }

    /// How staff alerts name the person: client id and name, else the channel's profile name.
    var callerLabel: String {
        if let client = caller { return "\(client.id) \(client.name)" }
        if let name = input.message.profileName, !name.isEmpty { return name }
        return chat.masked
    }

    func output() -> TurnOutput {
        var session = session
        let shaper = ReplyShaper(maxLength: settings.maxResponseLength, emojis: settings.emojis)
        let shaped = replies.map(shaper.shape)
        if let last = shaped.last { session.remember(Turn(.bot, last.text)) }
        return TurnOutput(replies: shaped, effects: effects, session: session, intent: intent, silent: silent)
    }
}

import Foundation

/// Handing a chat to a person, and cancellation requests (recorded for staff, nothing deleted).
extension Conversation {
    mutating func handOff() {
        session.flow = nil
        session.handoffUntil = now.addingTimeInterval(settings.handoffTimeout)
        session.handoffNoted = false
        alertHandoff()
        say(.handoffStarted)
    }

    /// "…y de paso q me llame un asesor porfa": a person asked for beside another request. The request is
    /// answered as usual and the person is called too; a question the bot asked stays open.
    var asksForAPersonInPassing: Bool {
        let verbs = [" me llame", " me hable", " me marque", " me contacte", " me pase con", " me pasa con", " me pasan con",
                     " me comunique con", " me comuniquen con", " pasame con", " paseme con", " hablar con", " me puede comunicar con",
                     " me comunica con", " me puedes comunicar con", " me comunican con",
                     // ("me puede hablar alguien por favor, yo no le entiendo bien a esto del whats")
                     " me puede hablar", " me pueden hablar", " me puede llamar", " me pueden llamar", " me puede marcar",
                     " me pueden marcar"]
        // ("pues quiero q alguien vea lo del descuento", "please have someone from the team contact me")
        let someoneTo = [" que alguien vea", " q alguien vea", " que alguien me", " q alguien me", " have someone contact", " have someone call", " have someone from", " someone contact me",
                         " someone from the team contact", " someone from your team contact", " someone to contact me"]
        let whom = [" un asesor", " una asesora", " el asesor", " la asesora", " una persona", " alguna persona", " alguien",
                    " un ejecutivo",
                    " un humano", " una persona de la oficina"]
        return verbs.contains { verb in whom.contains { folded.contains(verb + $0) } } || someoneTo.contains(where: folded.contains)
            || [" hay algun asesor", " have an advisor call", " someone call me", " talk to an advisor", " speak to an advisor",
                " talk to a person", " speak to a person", " an actual person", " a real person", " talk to someone",
                " speak to someone", " speak with someone", " talk with someone", " speak with a person", " talk with a person",
                // ("quiero que me bonifiquen la diferencia… ¿Quién autoriza eso?", "y con quien lo veo? pasenme con alguien")
                " quien autoriza", " quien lo autoriza", " con quien lo veo", " pasenme con alguien", " comunicar con alguien",
                " comunicarme con alguien", " who can authorize", " who approves"]
                .contains(where: folded.contains)
            || caller != nil && Self.asksToChangeTheHolder(folded)
            // ("entonces si viene alguien hoy?? no lo quiero volver a prender": a visit today, which only a person can promise.)
            || caller != nil && [" tecnico hoy", " viene alguien hoy", " venga alguien hoy", " mandar a alguien hoy", " technician today",
                                 " someone today", " mandar un tecnico hoy", " manden un tecnico hoy"].contains(where: folded.contains)
    }

    /// "quiero que quede a nombre mío", "¿cómo le cambio el nombre al contrato?": the account's holder changed, which a person
    /// of the team does.
    static func asksToChangeTheHolder(_ folded: String) -> Bool {
        [" cambio el nombre al contrato", " cambiar el nombre del contrato", " cambiarle el nombre al contrato", " cambio de titular",
         " cambiar de titular", " cambiar el titular", " quede a nombre mio", " quede a mi nombre", " pasarlo a mi nombre",
         " ponerlo a mi nombre", " change the name on the account", " put the account in my name", " transfer the account to me",
         " account in my name"].contains(where: folded.contains)
    }

    /// The person called for beside what the turn did; unlike `handOff`, an open question keeps its flow.
    mutating func handOffBeside() {
        guard session.handoffUntil.map({ $0 <= now }) ?? true else { return }
        session.handoffUntil = now.addingTimeInterval(settings.handoffTimeout)
        session.handoffNoted = false
        alertHandoff()
        say(.handoffStarted)
    }

    /// A person asked for in passing by a turn that did something else: called for too.
    mutating func callAPersonToo() {
        // ("am I talking to a real person or a bot?" asks who answers: it was told, and calls no one.)
        guard input.role == .customer, !silent, intent != .humanAgent, intent != .staffSearch, !replies.isEmpty, !asksWhoAnswers,
              session.handoffUntil.map({ $0 <= now }) ?? true, asksForAPersonInPassing else { return }
        handOffBeside()
    }

    /// "el internet anda bien lento… me pasa con un asesor porfa, y aparte quiero saber el de 50 cuánto cuesta":
    /// what the message asks besides the person, when it asks something.
    var requestBesideAPerson: Intent? {
        guard asksForAPersonInPassing else { return nil }
        if PriorityRule.namesAFailure(wording), !Self.asksHowAReportGoes(folded) { return .reportIncident }
        if understood.slots.planMbps != nil, asksAboutPrice { return caller == nil ? .plansPrices : .billing }
        return nil
    }

    mutating func startCancellation() {
        guard !cancellationRecorded else { return }
        guard let client = caller else {
            session.context.cancelUnmatched = true
            say(.cancelNotClient, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        askCancellation(.cancelConfirm, ["id": client.id, "plan": client.planMbps.map(String.init) ?? "?"])
    }

    /// The cancellation's yes-or-no question, asked (again, after a reason heard).
    mutating func askCancellation(_ key: ReplyKey, _ values: [String: String]) {
        session.flow = .cancelConfirmation
        say(key, values, buttons: [button(.buttonYes, QuickReplyAction.yes), button(.buttonNo, QuickReplyAction.no)])
    }

    /// "¿cuánto debe?", "¿tengo algo pendiente de pagar?": what the client owes, asked.
    var asksWhatIsOwed: Bool {
        [" cuanto debo", " cuanto debe ", " debo algo", " deba algo", " debe algo", " pendiente de pagar", " pendiente por pagar",
         " adeudo", " how much do i owe", " do i owe", " what do i owe", " tengo algo pendiente", " does he owe", " does she owe",
         " owe anything",
         // ("y cuanto tengo q pagar este mes? no quiero pagar completo si no me lo han arreglado")
         " cuanto tengo que pagar", " cuanto tengo q pagar", " cuanto voy a pagar", " cuanto me toca pagar", " cuanto pago este mes",
         " how much do i pay", " how much is my bill",
         // ("si, cancelar. me voy el 30. tengo q pagar algo pendiente? cuanto pago al mes?")
         " pagar algo pendiente", " tengo q pagar algo", " tengo que pagar algo", " cuanto pago al mes",
         // ("Also, what's my monthly bill again?", "how much is my monthly payment and where can I pay?")
         " my monthly bill", " what s my bill", " whats my bill", " my monthly payment", " how much is my monthly"]
            .contains(where: folded.contains)
    }

    /// The cancellation asked for: a note on the client's row and word to staff.
    mutating func recordCancellation() -> Bool {
        guard let client = caller else { return false }
        let note = "Solicitó baja el \(settings.time.day(now)) (bot)"
        effects.append(.appendNote(.clients, key: client.id, column: Col.Client.notes.name, note: note))
        alertStaff(.cancellation, .staffAlertCancellation, ["id": client.id, "name": client.name])
        say(.cancelRecorded)
        session.context.cancelRecorded = true
        return true
    }

    /// "entonces sí lo doy de baja. pero anótenme para cuando lleguen allá": the cancellation asked before a
    /// coverage answer, confirmed on the way; the rest of the message is read as usual.
    mutating func confirmCancellationOnTheWay() {
        guard input.role == .customer, previous.cancelAsked == true, caller != nil, mentionsCancelling,
              understood.answer != .no, ![" no lo doy", " mejor no", " no quiero cancelar", " don t cancel", " keep it"]
                .contains(where: folded.contains) else { return }
        _ = recordCancellation()
    }

    mutating func continueCancellation() -> Bool {
        session.flow = nil
        session.context.toldRestart = understood.slots.modemRestarted ?? previous.toldRestart
        session.context.toldSince = understood.slots.since ?? previous.toldSince
        // ("si estoy segura 😔. y cuando ya llegue al poniente me avisan?", "ya cerramos, nos vamos pa monterrey"): sure of
        // it, whatever else the message asks.
        let sure = [" si estoy segura", " si estoy seguro", " segurisimo", " segurisima", " si cancelar", " ya cerramos",
                    " ya cerre el negocio"].contains(where: folded.contains)
        // "ya nos vamos a cambiar", "no quiero que lo arreglen": a yes to the cancellation in other words.
        let leaving = [" nos vamos a cambiar", " me voy a cambiar", " nos cambiamos con", " me cambio con", " ya contrate",
                       " no quiero que lo arreglen", " no quiero q lo arreglen", " no quiero que me lo arreglen",
                       " solo quiero cancelar", " nomas quiero cancelar", " just cancel", " don t want it fixed",
                       " dont want it fixed", " ya no lo voy a ocupar", " ya no lo ocupo", " ya no lo voy a usar", " ya no lo necesito",
                       " ya no voy a ocuparlo", " denme de baja", " dame de baja", " deme de baja", " ya lo decidi",
                       " mejor lo doy de baja", " si lo doy de baja", " ya lo pense bien", " quiero la baja", " i ve made up my mind",
                       " just cancel it", " quiero cancelar", " no quiero levantar reporte",
                       // ("no gracias, alla ustedes no tienen servicio verdad? asi q no me sirve bajarle de plan ni nada")
                       " no me sirve bajarle", " no me sirve cambiar", " asi que no me sirve", " asi q no me sirve",
                       // ("no la verdad el servicio bien eh nunca tuve problema es nomas por la mudanza": the reason, not a no.)
                       " nomas por la mudanza", " solo por la mudanza", " just because we re moving"]
            .contains(where: folded.contains) || sure
        // "me voy a cambiar pa la loma… allá no llega verdad": a move, and a question about the new place.
        // ("no hay manera de que me lo lleven allá verdad?": the place told before.)
        let there = [" alla", " there", " ahi"].contains(where: folded.contains) ? previous.zone : nil
        // ("Bueno, actualmente no sé si el edificio nuevo está en su zona. Es en el Poniente": wondered aloud; "bueno" is no yes.)
        let wonders = [" no se si", " en su zona", " en su cobertura", " in your area", " not sure if", " don t know if"]
            .contains(where: folded.contains)
        if !sure, understood.answer == nil || wonders && understood.answer == .yes, let zone = understood.slots.zone ?? there,
           text.contains("?") || asksCoverage || wonders || [" verdad", " o no"].contains(where: folded.contains) {
            intent = .coverage
            answerCoverage(zone)
            session.context.cancelAsked = true
            return true
        }
        // "es que ya me voy pal rancho de la loma, ya no voy a estar aquí": why they leave; the question stands.
        let movesAway = [" ya me voy", " me voy a ir", " nos vamos a ir", " ya no voy a estar", " ya no vamos a estar", " me mudo",
                         " nos mudamos", " we re moving", " i m moving", " moving away"].contains(where: folded.contains)
        if !leaving, movesAway, understood.answer == nil, !text.contains("?"), let client = caller {
            intent = .cancel
            askCancellation(.cancelMoveHeard, ["id": client.id])
            return true
        }
        // ("no lo quiero cancelar del todo, nomas q no me cobren mientras no estoy, se puede congelar o como": a pause, which
        // is no yes; what can be done is told, and the question stands.)
        if let client = caller, understood.answer != .yes, [" congelar", " congelarlo", " pausar", " pausarlo", " suspenderlo mientras",
            " suspender mientras", " no me cobren mientras", " put it on hold", " pause it", " pause the service", " freeze it",
            " freeze the service", " no lo quiero cancelar del todo", " no quiero cancelarlo del todo"].contains(where: folded.contains) {
            intent = .cancel
            askCancellation(.cancelPause, ["id": client.id])
            return true
        }
        // ("dejame pensarlo... no sabes q, mejor no. no lo cancelen, mi mama me mata": a no in other words.)
        let keeps = [" mejor no", " no lo cancelen", " no lo den de baja", " no me den de baja", " no lo cancele ", " no cancelen",
                     " ya no quiero cancelar", " ya no quiero darlo de baja", " don t cancel", " dont cancel", " never mind"]
            .contains(where: folded.contains)
            // (Not "…q mejor no lo cancelen, q nomas quiere saber cuanto esta pagando": the rest is asked, and read as before.)
            && !text.contains("?") && !folded.contains(" cuanto")
        // ("NO, NO ES POR EL SERVICIO… ES POR LA MUDANZA": the "no" denies a reason, not the cancellation.)
        let deniesAReason = understood.answer == .no && [" no es por el servicio", " no es por su servicio", " no es por ustedes",
                                                         " not because of the service", " nothing to do with the service"]
            .contains(where: folded.contains)
        // ("bueno, no se. es que ya van tres veces este mes que me quedo sin internet… ¿para que pago entonces?": unsure, and
        // a failure told: the failure is what to act on; nothing is cancelled.)
        let unsure = !leaving && [" no se ", " no se.", " no estoy segur", " dejame pensarlo", " lo voy a pensar", " not sure",
                                  " i don t know"].contains(where: (folded + " ").contains)
        if unsure, caller != nil, PriorityRule.namesAFailure(wording) {
            route(.reportIncident)
            return true
        }
        // ("bueno va, mejor repórtenlo y ya veo si cancelo": the "va" goes with the repair chosen, not the cancellation.)
        let prefersTheRepair = !leaving && [" mejor reporten", " mejor reportalo", " mejor reportelo", " mejor arreglen", " mejor arreglalo",
                                            " mejor revisen", " mejor levanten", " mejor levantame", " mejor levanteme",
                                            " better fix", " rather you fix", " just fix it"].contains(where: folded.contains)
        let answer = leaving ? .yes : keeps ? .no : deniesAReason || prefersTheRepair ? nil : understood.answer
        // ("¿Y el aparato y la antena se los devuelvo yo o pasan ustedes por ellos?": how the equipment goes back; the question
        // stands.)
        // ("i la antena q, la dejo en el techo o se la yeban", asked with no question mark.)
        if answer == nil || answer == .yes && text.contains("?"), let client = caller,
           [" aparato", " antena", " modem", " equipo", " router", " equipment", " antenna"].contains(where: folded.contains),
           text.contains("?") && [" devuelv", " regres", " recog", " pasan por", " vienen por", " entrego", " return", " pick up",
                                  " picks up", " collect",
                                  // ("Que hacemos con el modem? lo tenemos que llevar a algun lado?")
                                  " llevar", " lo llevo", " se lo llevo", " que hacemos con", " que hago con"].contains(where: folded.contains)
            || [" la dejo", " lo dejo", " se la llevan", " se lo llevan", " se la yeban", " se lo yeban", " se los llevan"]
                .contains(where: folded.contains) {
            intent = .cancel
            // ("cuanto tengo ke pagar del ultimo mes? y ustedes recogen el modem…": the bill too.)
            let lead = replies.count
            if asksWhatIsOwed || [" cuanto tengo que pagar", " cuanto tengo ke pagar", " how much do i owe", " ultimo mes", " last month s"]
                .contains(where: foldedAndRead.contains) { billing() }
            askCancellation(.cancelEquipment, ["id": client.id])
            mergeReplies(from: lead)
            intent = .cancel
            return true
        }
        // "es el de mi casa en la oriente, está a nombre de raúl herrera": which account, told; the question stands.
        if answer == nil, let client = caller, !text.contains("?"), !asksToBeTold, namesTheCaller
            || understood.slots.zone.map({ Text.fold($0) == Text.fold(client.zone) }) == true && understood.intent != .reportIncident {
            intent = .cancel
            askCancellation(.cancelConfirm, ["id": client.id, "plan": client.planMbps.map(String.init) ?? "?"])
            return true
        }
        // "antes de cancelar, ¿cuánto debe ella?", "entonces sí, la baja. ¿y tengo algo pendiente de pagar?":
        // the bill is answered; a yes is recorded, otherwise the question stands.
        // ("No thanks, I don't want a report, I already signed up with another company. Do I owe anything for this month?": the
        // "no" is to the repair; the bill is answered and the cancellation asked again.)
        if caller != nil, asksWhatIsOwed, answer != .no || refusesAReport, answer != .stop {
            let lead = replies.count
            if answer == .yes {
                _ = recordCancellation()
                billing()
            } else {
                billing()
                startCancellation()
            }
            intent = .billing
            mergeReplies(from: lead)
            return true
        }
        // "el ping da asco bro": why they leave, not a failure to open a report for; the question stands.
        // ("no quiero reporte, ya e hablado un monton de beses. quiero la baja": no repair wanted.)
        let wantsItFixed = [" arregl", " revis", " reporte", " fix", " check it", " mejor no"].contains(where: folded.contains)
            && !refusesAReport
        if answer == nil, let client = caller, !wantsItFixed, !text.contains("?"), !deniesAReason,
           understood.intent == .reportIncident || PriorityRule.namesAFailure(wording) {
            intent = .cancel
            askCancellation(.cancelReasonHeard, ["id": client.id])
            return true
        }
        // "mejor arréglenlo" after telling what fails: the service stays, and that failure is reported.
        if wantsItFixed, answer != .yes, let client = caller,
           let told = session.recent.dropLast().last(where: { $0.speaker == .customer && PriorityRule.namesAFailure($0.text) }) {
            intent = .reportIncident
            say(.cancelKept)
            var draft = IncidentDraft(description: CellText.inert(told.text + " / " + text, maxLength: 300),
                                      priority: PriorityRule.priority(for: told.text, zoneHasOutage: client.zone.isEmpty ? false : hasOutage(client.zone)))
            draft.zone = client.zone
            draft.name = client.name
            // "…ya tiene como dos semanas que se corta": what this message tells goes in too.
            // ("desde las 9 de la mañana, nada, cero. bueno va, levanta el reporte": when, read as the failure's start while
            // the cancellation is asked about.)
            // ("desde el sabado no tengo internet…" told before "a ver, levanten el reporte": when, from what was told.)
            draft.since = understood.slots.since ?? previous.toldSince ?? Self.sinceSaid(in: told.text)
            draft.modemRestarted = understood.slots.modemRestarted ?? previous.toldRestart
            advanceIncident(draft)
            return true
        }
        switch answer {
        case .yes:
            intent = .cancel
            let recorded = recordCancellation()
            // ("ok. y avisenme cuando ya llegue al poniente porfa" from a client moving where we do not reach: the list too.)
            if recorded, asksToBeTold, let client = caller,
               let zone = (understood.slots.zone ?? previous.zone).flatMap(workbook.zone(named:)), !zone.hasCoverage {
                _ = writeProspect(zone: zone.name, planMbps: nil, name: client.name, phone: client.phone, reason: "sin cobertura",
                                  notes: zone.notes)
                say(.signupOtherZoneListed, ["zone": zone.name])
            }
            // "denme de baja. y q alguien me diga si tengo q regresar el modem": the equipment is arranged by a person.
            if recorded, [" modem", " antena", " aparato", " equipo", " router", " alguien me", " me llamen", " me hablen"]
                .contains(where: folded.contains) {
                handOff()
            }
            return recorded
        case .no, .stop:
            intent = .cancel
            say(.cancelKept)
            return true
        case nil:
            return false
        }
    }

    /// "desde el sabado", "since Monday": the words after "desde" or "since" in a message told before, up to three.
    static func sinceSaid(in told: String) -> String? {
        let words = told.lowercased().split(whereSeparator: { " \n".contains($0) }).map(String.init)
        guard let lead = words.firstIndex(where: { ["desde", "since"].contains(Text.fold($0).trimmingSpaces) }) else { return nil }
        var said: [String] = []
        for word in words[(lead + 1)...].prefix(3) {
            let stop = word.last.map { ",.;!?".contains($0) } ?? false
            said.append(stop ? String(word.dropLast()) : word)
            if stop { break }
        }
        let phrase = said.joined(separator: " ").trimmingSpaces
        return phrase.isEmpty ? nil : CellText.inert(phrase, maxLength: 60)
    }
}

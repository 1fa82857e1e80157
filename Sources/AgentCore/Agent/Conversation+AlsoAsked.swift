/// Two things in one message from a client: "Sin internet desde las 7 am… Aparte: ¿cuánto pago al mes?", "Internet very
/// slow… Also, what plan am I on?". The turn answers what it was read as; these answer the other one after it, and beside a
/// refusal of someone else's data, what the writer asked for themselves.
extension Conversation {
    /// The client's bill or the price of a plan, asked beside a failure that the turn reported (or beside how the report goes:
    /// "quisiera saber en qué estado se encuentra… Asimismo, le pido me confirme cuánto pago al mes").
    mutating func answerTheBillAskedToo() {
        // ("1) ¿Cuánto es lo que pago? 2) ¿Qué plan tengo? 3) Quisiera hablar con una persona…": the bill beside the person.)
        guard input.role == .customer, !silent, [.reportIncident, .incidentStatus, .humanAgent].contains(intent), let client = caller,
              client.status != .cancelled,
              !replies.isEmpty else { return }
        let keptIntent = intent, keptFlow = session.flow
        let lead = replies.count
        if asksWhatIsOwed || [" cuanto pago", " que plan tengo", " how much do i pay", " what plan am i on", " what plan do i have",
                              " cuanto me cobran",
                              // ("Hello, two things: how much am I paying each month, and I need to report the internet dropping")
                              " how much am i paying", " what am i paying", " cuanto estoy pagando", " cuanto es lo que pago",
                              " lo que pago"]
            .contains(where: folded.contains) {
            billing()
        } else if let mbps = understood.slots.planMbps, mentionsSpeed(mbps), asksAboutPrice, text.contains("?"),
                  workbook.plan(mbps: mbps) != nil {
            // ("Se me cae el internet cada diez minutos… ¿Y cuánto cuesta el de 100?")
            describePlan(mbps)
        }
        mergeReplies(from: lead)
        intent = keptIntent
        session.flow = keptFlow
    }

    /// A failure told beside a question about the bill or the plans, which the turn answered: reported too.
    mutating func reportTheFailureToo() {
        guard input.role == .customer, !silent, session.flow == nil, [.billing, .plansPrices].contains(intent), caller != nil,
              !replies.isEmpty else { return }
        let asking = [" cuanto", " how much", " what plan", " que plan", " precio", " price", " cost"]
        // ("…te recuerdo que estuve 4 dias sin internet la semana pasada": a failure over, said as why the bill is wrong.)
        // ("No quiero que me corten, sin internet no cobro con tarjeta": what a cut would mean, no failure now.)
        let over = [" estuve ", " estuvimos ", " estuvo ", " la semana pasada", " el mes pasado", " last week", " last month", " was down ",
                    " que me corten", " que me lo corten", " sin internet no ", " if you cut", " if it gets cut"]
        func failures(splitting marks: String, of said: String = text) -> [String] {
            said.split(whereSeparator: { marks.contains($0) }).map(String.init).filter { clause in
                let plain = " " + Text.fold(clause) + " "
                return !asking.contains(where: plain.contains) && !over.contains(where: plain.contains) && PriorityRule.namesAFailure(clause)
            }
        }
        // ("no tengo internet desde anoche, nada nada, y de una vez quiero saber cuanto me sale subirme al de 100": one sentence,
        // its clauses.)
        let sentences = failures(splitting: ".?!¿\n")
        var told = sentences.isEmpty ? failures(splitting: ".?!¿\n,;") : sentences
        // ("No tiene internet desde el viernes y tambien quiere saber cuanto debe": two things joined by "y también".)
        if told.isEmpty {
            var said = text
            for joint in [" y tambien ", " y también ", " y ademas ", " y además ", " and also "] {
                said = said.replacingOccurrences(of: joint, with: ". ", options: .caseInsensitive)
            }
            told = failures(splitting: ".?!¿\n,;", of: said)
        }
        guard !told.isEmpty else { return }
        let lead = replies.count
        startIncident(told: told.joined(separator: ". "))
        mergeReplies(from: lead)
    }

    /// The message's sentences (numbered items too) that neither ask for someone else's data nor speak of anyone else: what
    /// the writer asks or tells for themselves, beside a refusal.
    var writersOwnSentences: [String] {
        text.split(whereSeparator: { ".?!¿\n".contains($0) }).map(String.init).filter { sentence in
            let words = Text.fold(sentence).split(separator: " ").map(String.init)
            return words.count >= 2 && !OthersDataRequest.matches(sentence)
                && !words.contains(where: { OthersDataRequest.someoneElse.contains($0) || Lexicon.relatives.contains($0) })
        }
    }

    /// "El de 50 está bien", "el de cincuenta": the plan's speed said in the sentence, in digits or in words.
    static func saysPlan(_ mbps: Int, in sentence: String) -> Bool {
        Text.fold(sentence).split(separator: " ").contains { Lexicon.number(String($0)) == mbps }
    }

    /// Beside a refusal of someone else's data, what the writer asks or tells for themselves ("1. no tengo internet desde hace
    /// 2 horas 2. mi hermano… es cliente de ustedes tmb?"): their failure reported, their sign-up begun, a person called.
    mutating func answerTheWritersOwnBesideARefusal(_ ownSentences: [String]) {
        // ("1. no tengo internet desde hace 2 horas 2. mi hermano… es cliente de ustedes tmb, es el mismo problema?": the
        // client's own failure, reported beside the refusal.)
        // (Of the service: "porfa nadie se va a enterar" names no failure, whatever "se va" reads as.)
        // ("Buenas, dos cosas: el internet me anda bien lento desde el lunes, y otra, ocupo la dirección de…": a clause of its own.)
        let ownClauses = text.split(whereSeparator: { ",;:".contains($0) }).map(String.init).filter { clause in
            let words = Text.fold(clause).split(separator: " ").map(String.init)
            return words.count >= 3 && !OthersDataRequest.matches(clause)
                && !words.contains(where: { OthersDataRequest.someoneElse.contains($0) || Lexicon.relatives.contains($0) })
        }
        let ownFailure = (ownSentences + ownClauses).filter { sentence in
            PriorityRule.namesAFailure(sentence)
                && [" internet", " inter ", " senal", " servicio", " wifi", " modem", " conexion", " luz", " foco"]
                    .contains(where: (" " + Text.fold(sentence) + " ").contains)
        }
        // ("cuanto debo de este mes? y de paso me pasa el numero de la señora Claudia Morales…": the own bill, answered.)
        if session.flow == nil, caller != nil, ownFailure.isEmpty, ownSentences.contains(where: { sentence in
            [" cuanto debo", " cuanto pago", " cuanto me toca pagar", " how much do i owe", " my bill"]
                .contains(where: (" " + Text.fold(sentence) + " ").contains)
        }) {
            let lead = replies.count
            billing()
            mergeReplies(from: lead)
            intent = .staffSearch
        }
        // ("1) ¿Tengo algún reporte abierto? 2) ¿La señora… también tiene servicio con ustedes?": their own reports, told.)
        // ("¿cómo va mi reporte de que no tengo internet? Y de paso díganme si mi vecino ya reportó": the same, the failure
        // in it being the report asked about.)
        let asksOwnReport = ownSentences.contains { Self.asksHowAReportGoes(" " + Text.fold($0) + " ") }
        if session.flow == nil, caller != nil, ownFailure.isEmpty || asksOwnReport, ownSentences.contains(where: { sentence in
            let plain = " " + Text.fold(sentence) + " "
            return [" tengo algun reporte", " tengo reporte", " tengo un reporte", " mi reporte", " do i have an open report",
                    " do i have a report", " my report"].contains(where: plain.contains) || Self.asksHowAReportGoes(plain)
        }) {
            let lead = replies.count
            incidentStatus()
            mergeReplies(from: lead)
            intent = .staffSearch
        }
        if session.flow == nil, caller != nil, !ownFailure.isEmpty, !asksOwnReport {
            let lead = replies.count
            startIncident(told: ownFailure.joined(separator: ". "))
            mergeReplies(from: lead)
            intent = .staffSearch
        }
        // ("quiero contratar internet para mi casa en la norte… y otra cosa mi tia Chela ya tiene su internet con ustds…": the
        // writer's own sign-up, begun beside the refusal.)
        if session.flow == nil, caller == nil, let zone = understood.slots.zone.flatMap(workbook.zone(named:)), zone.hasCoverage,
           ownSentences.contains(where: { sentence in
               let plain = " " + Text.fold(sentence) + " "
               return plain.contains(" " + Text.fold(zone.name) + " ")
                   && [" quiero contratar", " quisiera contratar", " queremos contratar", " want to sign up", " like to sign up",
                       " quiero poner internet", " quiero internet"].contains(where: plain.contains)
           }) {
            let lead = replies.count
            startSignup(plan: nil, zone: zone.name)
            mergeReplies(from: lead)
            intent = .staffSearch
        }
        // ("quiero hablar con una persona de verdad… me pasan su numero?": the person asked for, called.)
        if asksForAPersonInPassing, ownSentences.contains(where: { sentence in
            [" persona", " asesor", " alguien", " person", " someone", " humano", " human"].contains(where: (" " + Text.fold(sentence) + " ").contains)
        }) {
            handOffBeside()
        }
    }
}

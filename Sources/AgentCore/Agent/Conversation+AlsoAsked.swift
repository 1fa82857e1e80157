/// Two things in one message from a client: "Sin internet desde las 7 am… Aparte: ¿cuánto pago al mes?", "Internet very
/// slow… Also, what plan am I on?". The turn answers what it was read as; these answer the other one after it.
extension Conversation {
    /// The client's bill or the price of a plan, asked beside a failure that the turn reported (or beside how the report goes:
    /// "quisiera saber en qué estado se encuentra… Asimismo, le pido me confirme cuánto pago al mes").
    mutating func answerTheBillAskedToo() {
        guard input.role == .customer, !silent, [.reportIncident, .incidentStatus].contains(intent), let client = caller,
              client.status != .cancelled,
              !replies.isEmpty else { return }
        let keptIntent = intent, keptFlow = session.flow
        let lead = replies.count
        if asksWhatIsOwed || [" cuanto pago", " que plan tengo", " how much do i pay", " what plan am i on", " what plan do i have",
                              " cuanto me cobran"].contains(where: folded.contains) {
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
        let told = text.split(whereSeparator: { ".?!¿\n".contains($0) }).map(String.init).filter { clause in
            let plain = " " + Text.fold(clause) + " "
            return !asking.contains(where: plain.contains) && !over.contains(where: plain.contains) && PriorityRule.namesAFailure(clause)
        }
        guard !told.isEmpty else { return }
        let lead = replies.count
        startIncident(told: told.joined(separator: ". "))
        mergeReplies(from: lead)
    }
}

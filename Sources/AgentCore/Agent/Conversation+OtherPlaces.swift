/// A client asking about places other than their own: a house they move to, a relative's, a second one.
extension Conversation {
    /// "me cambio a San Isidro el mes que entra", "I'm moving to La Loma in March": a move told.
    var movesHouse: Bool {
        [" me cambio a", " me cambio pal", " me cambio para", " me voy a cambiar", " nos vamos a cambiar", " nos cambiamos a",
         " me mudo a", " nos mudamos a", " me voy a vivir", " nos vamos a vivir", " me voy a mudar", " nos vamos a mudar",
         " i m moving", " we re moving", " moving to", " moving house", " me cambio el mes", " compre una casa", " compre un terreno",
         " compre un terrenito",
         // ("él se está mudando al Oriente y ya le dije que yo le arreglo lo del internet": someone else's move, arranged.)
         " se esta mudando", " se va a mudar", " se va a cambiar de casa", " se acaba de mudar", " se acaba de cambiar de casa",
         " is moving to", " se esta cambiando de casa", " se cambia a la", " se cambia al", " se cambia pa",
         // ("y la casa nueva esta en el sur, me pueden pasar el servicio alla o lo tengo q cancelar?")
         " casa nueva esta en", " casa nueva es en", " pasar el servicio", " llevar el servicio", " cambiar el servicio a",
         " move the service", " transfer the service"].contains(where: folded.contains)
    }

    /// "tengo el de 50 en el norte. Me voy a cambiar pal sur… ¿ahí sí tienen? ¿y cuánto me costaría el de 100?",
    /// "¿tienen internet en san isidro y en la loma? ¿y cuánto sale el de 50 y el de 100?": whether each other place
    /// has service, and the prices asked. Returns false when the message is not that.
    mutating func answerOtherPlaces(for client: Client) -> Bool {
        // ("I'm moving house… from Oriente to the Sur… Could I please speak with someone from the office to arrange it?": the
        // move is arranged by a person, as asked.)
        guard movesHouse || asksCoverage && text.contains("?"), !asksToBeTold, !(movesHouse && asksForAPersonInPassing),
              let new = zonesNamed.first(where: { Text.fold($0.name) != Text.fold(client.zone) }),
              text.contains("?") || asksCoverage || [" alla tienen", " alla llegan", " llevar el internet", " llevarme el internet"]
                .contains(where: folded.contains) else { return false }
        let lead = replies.count
        if PriorityRule.namesAFailure(wording), understood.intent == .reportIncident {
            // ("No internet at home, red light… Also quick question, I'm moving to La Loma in March": the report
            // goes on, and the new place is told in passing.)
            intent = .reportIncident
            startIncident()
            if new.hasCoverage {
                say(.signupZoneCovered, ["zone": new.name])
            } else {
                say(.signupOtherZoneNotCovered, ["zone": new.name, "notes": notesInParentheses(new)])
            }
        } else {
            intent = .coverage
            // ("me cambio por el poniente… y mi hijo quiere contratar en el oriente": each new place answered.)
            let others = zonesNamed.filter { Text.fold($0.name) != Text.fold(client.zone) }
            // ("me voy a cambiar de casa a fin de mes y quiero llevarme el internet. me cambio al centro… si llegan alla?"): we
            // reach it, and moving a client's service is arranged by a person.
            if movesHouse, others.count == 1, new.hasCoverage, !asksAboutPrice,
               [" llevarme el internet", " llevar el internet", " llevarme el servicio", " llevar el servicio", " pasar el servicio",
                " move the service", " transfer the service", " take the internet", " take my internet", " take the service",
                " cambiar el servicio a", " llevarnos el internet"].contains(where: folded.contains) {
                say(.signupZoneCovered, ["zone": new.name])
                handOff()
                mergeReplies(from: lead)
                return true
            }
            if others.count > 1 { answerCoverage(of: others) } else { answerCoverage(new.name) }
            let asked = workbook.plansBySpeed.filter { mentionsSpeed($0.mbps) }
            if asksAboutPrice, movesHouse, asked.filter({ $0.mbps != client.planMbps }).count == 1 {
                billing()
            } else if asksAboutPrice {
                for plan in asked { describePlan(plan.mbps) }
            }
        }
        mergeReplies(from: lead)
        return true
    }
}

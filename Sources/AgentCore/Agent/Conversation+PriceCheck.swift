/// A plan named by its price and by a speed that belong to different plans ("EL DE 450, EL DE VEINTE MEGAS",
/// "¿cuál era el de 350? ¿ese es el de cincuenta megas?", "which one was the 350 one again? the 100?"): neither is taken
/// for the other; both are told, and the choice is asked.
extension Conversation {
    /// The plan the price names and the speed said, when the message names exactly one of each and they differ.
    var priceAndSpeedDisagree: (priced: Plan, said: Plan)? {
        // ("está muy caro el de 450, mejor ponga el de 20": one turned down for the other, not two taken for one.)
        guard ![" mejor ", " caro", " cara ", " instead", " better", " rather", " en vez", " en lugar", " no quiero", " not the ",
                " cambia", " cambie", " change", " switch", " digo ", " perdon ", " sorry ",
                // ("el de 450 es el mediano verdad… que el de 20 no le alcanza": the other one ruled out.)
                " no le alcanza", " no alcanza", " no me alcanza", " isn t enough", " not enough"].contains(where: folded.contains)
        else { return nil }
        let words = folded.split(separator: " ").map(String.init)
        let plans = workbook.plansBySpeed
        var priced: Set<Int> = [], said: Set<Int> = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            var value = Lexicon.number(words[i])
            let start = i
            // (Dictated: "el de cuatrocientos cincuenta".)
            if let hundreds = SlotExtractor.hundreds[words[i]] {
                value = hundreds
                if i + 1 < words.count, let rest = Lexicon.number(words[i + 1]), rest < 100 { value = hundreds + rest; i += 1 }
            }
            guard let value else { continue }
            let before = start > 0 ? words[start - 1] : "", next = i + 1 < words.count ? words[i + 1] : ""
            let introduced = before == "de" || before == "the" || ["one", "plan", "paquete"].contains(next)
            if let plan = plans.first(where: { Int($0.monthlyPrice) == value }) {
                // ("pago 450, ¿cuánto el de 100?": what is paid is no plan named by its price.)
                if introduced { priced.insert(plan.mbps) }
            } else if plans.contains(where: { $0.mbps == value }), introduced || Lexicon.speedUnits.contains(next) {
                said.insert(value)
            }
        }
        guard priced.count == 1, said.count == 1, let p = priced.first, let s = said.first, p != s,
              let pricedPlan = plans.first(where: { $0.mbps == p }), let saidPlan = plans.first(where: { $0.mbps == s })
        else { return nil }
        return (pricedPlan, saidPlan)
    }

    /// Both plans told; the question of which stays with the person.
    mutating func tellPriceAndSpeedApart(_ pair: (priced: Plan, said: Plan)) {
        say(.planPriceMismatch, ["price": Money.format(pair.priced.monthlyPrice), "priced": String(pair.priced.mbps),
                                 "plan": String(pair.said.mbps), "planPrice": Money.format(pair.said.monthlyPrice)],
            buttons: planButtons)
        session.context.quotedPlans = [pair.priced.mbps, pair.said.mbps]
        session.context.quotedOrder = session.context.quotedPlans
        session.context.offeredSignup = true
    }
}

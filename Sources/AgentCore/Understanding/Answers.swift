/// Yes, no, or "leave it" in a short answer ("sí", "va", "no gracias", "mejor no", "cancela").
enum Answers {
    static let yes: Set<String> = [
        "si", "claro", "ok", "va", "dale", "correcto", "confirmo", "confirmado", "exacto", "afirmativo", "yes", "yep", "yup", "yessir", "sip",
        "yeah", "sure", "correct", "perfecto", "orale", "sale", "andale", "asi", "okay", "bueno", "ya", "adelante",
        "confirm", "porsupuesto", "obvio", "obviamente", "aja", "simon", "listo", "eso", "seguro", "arre", "arrel", "sim",
    ]
    static let no: Set<String> = ["no", "nel", "negativo", "nah", "nunca", "tampoco", "nope"]
    static let stop: [[String]] = [
        ["cancelar"], ["cancela"], ["cancelalo"], ["olvidalo"], ["olvida"], ["ya", "no"], ["mejor", "no"], ["dejalo"],
        ["never", "mind"], ["nevermind"], ["forget", "it"], ["stop"], ["salir"], ["cancel"], ["ya", "no", "quiero"],
        ["no", "quiero"], ["ahorita", "no"], ["luego"], ["despues"],
    ]
    /// Words that may come with an answer without changing it.
    static let fillers: Set<String> = [
        "gracias", "por", "favor", "please", "thanks", "lo", "la", "eso", "es", "esta", "bien", "todo", "de", "acuerdo",
        "he", "hice", "ya", "asi", "seguro", "the", "it", "is", "claro", "que", "pues", "porfavor", "hecho", "senor", "all", "good",
        "senorita", "joven", "mijo", "mija", "hijo", "amigo", "amiga", "oiga", "muchas",
        // "si ta bien asi": "está" as it is said.
        "ta", "sta",
        // "si ESE, el de 50": the one on the summary. ("yessir thats it")
        "ese", "esa", "thats", "that",
        // "sí jefe", "va compa": whom the answer is said to.
        "jefe", "jefa", "compa", "bro", "seno", "don", "dona", "patron", "maestro", "carnal", "boss",
        // "ASI MERO SEÑORITA": just so.
        "mero", "merito",
    ]
    /// "dos veces", "twice": how often, beside a yes or a no.
    static let counts: Set<String> = ["vez", "veces", "dos", "tres", "cuatro", "varias", "twice", "times", "once"]
    /// Mentioning the service makes "cancelar" a cancellation request, not "leave this".
    static let serviceWords: Set<String> = ["servicio", "contrato", "internet", "baja", "service", "subscription", "account", "cuenta"]

    static let all: Set<String> = yes.union(no).union(stop.flatMap { $0 }).union(fillers)

    /// "ok, we'll see where we end up", "va, luego lo vemos": an "ok" that puts the question off.
    static let deferrals: [[String]] = [
        ["well", "see"], ["we", "ll", "see"], ["ill", "get", "back"], ["get", "back", "to", "you"], ["think", "about", "it"],
        ["let", "you", "know"], ["lo", "pienso"], ["lo", "voy", "a", "pensar"], ["lo", "pensamos"], ["lo", "vemos"],
        ["luego", "les", "escribo"], ["luego", "te", "escribo"], ["luego", "le", "escribo"], ["luego", "les", "aviso"],
        ["luego", "te", "aviso"], ["luego", "le", "aviso"], ["despues", "les", "escribo"], ["despues", "te", "escribo"],
        // "I'll talk with my chum tonight and decide 👍", "lo platico con mi esposo".
        ["and", "decide"], ["then", "decide"], ["talk", "it", "over"], ["i", "ll", "talk"], ["ill", "talk"], ["lo", "platico"],
        ["lo", "platicamos"], ["lo", "voy", "a", "platicar"],
        // "Antes de decirle que sí: ¿lo que me van a cobrar es $600 fijo?": not yet.
        ["antes", "de", "decirle"], ["antes", "de", "decir"], ["antes", "de", "confirmar"], ["before", "i", "say"],
        ["before", "i", "confirm"],
    ]

    private static let deferralIds = WordIds.phrases(deferrals)

    /// `ids`: the ids of the message's words (`MessageIds`).
    static func defers(_ ids: MessageIds) -> Bool {
        deferralIds.contains { ids.position(of: $0) != nil }
    }

    /// "✅" or "❌" sent alone: a mark, not a word, so the words never carry it (kept out of the tokens, where it would
    /// shift what the model learnt).
    static func markAnswer(_ text: String) -> Answer? {
        let marks = text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FE0F}" }
        guard !marks.isEmpty else { return nil }
        if marks.allSatisfy({ ["✅", "✔", "☑"].contains($0) }) { return .yes }
        if marks.allSatisfy({ ["❌", "✖", "👎"].contains($0) }) { return .no }
        return nil
    }

    static func answer(_ tokens: [Token]) -> Answer? {
        // Most messages are longer than an answer: counted before any array is made.
        var count = 0
        for token in tokens where !token.isBoundary {
            count += 1
            if count > 6 {
                // ("Ok, we'll see where we end up": an "ok" put off.) Looked for only after a yes.
                let answer = firstClauseAnswer(tokens)
                return answer == .yes && defers(MessageIds(tokens.filter { !$0.isBoundary }.map(\.id))) ? nil : answer
            }
        }
        let spoken = tokens.filter { !$0.isBoundary }
        let words = spoken.map(\.word)
        if defers(MessageIds(spoken.map(\.id))) { return nil }
        guard !words.isEmpty, words.count <= 6 else { return firstClauseAnswer(tokens) }
        if !words.contains(where: serviceWords.contains) {
            for phrase in stop where phrase.count <= words.count && words.position(of: phrase) != nil
                && words.count <= phrase.count + 2 {
                return .stop
            }
        }
        return firstClauseAnswer(tokens)
    }

    /// "si me permite", "si no es molestia": the words after an "if" that is no "sí".
    private static let conditionals: Set<[String]> = [["me", "permite"], ["me", "permiten"], ["no", "es"], ["se", "puede"],
                                                      ["fuera", "posible"], ["es", "posible"]]

    static let agreeing: Set<String> = ["si", "sip", "simon", "va", "dale", "correcto", "confirmo", "adelante", "yes", "yep",
        "yeah", "sure", "correct", "right", "ok", "okay", "perfecto", "sale", "orale",
        "ponganmelo", "ponmelo", "ponganlo", "instalenlo", "hagale", "andale", "listo", "claro",
        "awesome", "great", "genial", "excelente", "perfect", "sounds", "arre", "wonderful", "excellent", "fantastic", "lovely",
        "maravilloso", "maravilla"]
    private static let agreeingIds = WordIdSet(agreeing)
    private static let doubting: Set<String> = ["no", "nel", "mejor", "cambia", "cambiar", "cambiame", "espera", "espere", "esperame",
        "espereme", "pero", "aunque", "otro", "otra", "diferente", "wait", "change", "instead",
        "not", "nope", "cancela", "cancelar", "think", "pensar", "pienso", "later", "luego",
        "despues", "over", "decide", "decidir", "platicar", "depois", "volto", "vuelvo", "regreso", "primeiro", "see",
        // ("Antes de continuar, …": something comes first.)
        "antes", "before"]

    /// "me precise si", "quisiera saber si": the "si" after them is "whether".
    private static let askingVerbs: Set<String> = ["precise", "saber", "pregunto", "preguntar", "pregunta", "preguntan", "indique",
                                                   "diga", "digan", "dice",
                                                   "confirme", "aclare", "sabe", "sabes", "aclarar", "confirmar", "verificar", "checar"]

    private static let reassurances: [[String]] = [["te", "preocupes"], ["se", "preocupe"], ["hay", "problema"], ["hay", "bronca"],
                                                    ["pasa", "nada"], ["problem"], ["worries"]]

    /// At a confirmation, a longer message that agrees without a doubt in it: "si asi ta bien",
    /// "ta bien si ponganmelo", "si dice que si", "yes that's right".
    static func leansYes(_ tokens: [Token]) -> Bool {
        // Most messages have no word that agrees: then nothing else needs reading (an opening
        // agreement below starts with such a word too).
        // ("oiga y cuanto sale ese al mes?": that "sale" asks a price; it agrees to nothing.)
        // ("Una última pregunta, si me permite: ¿el pago…?": that "si" is an "if".)
        guard tokens.indices.contains(where: { i in
            agreeingIds.contains(tokens[i].id)
                && !(tokens[i].word == "sale" && i > 0 && ["cuanto", "como", "que", "me", "nos", "les", "le"].contains(tokens[i - 1].word))
                && !(tokens[i].word == "si" && i + 2 < tokens.count && conditionals.contains([tokens[i + 1].word, tokens[i + 2].word]))
                // ("solicito me precise si el costo mensual incluye IVA": whether, asked.)
                && !(tokens[i].word == "si" && i > 0 && askingVerbs.contains(tokens[i - 1].word))
                // ("ni modo, será más adelante si Dios quiere": later, God willing; no yes.)
                && !(tokens[i].word == "si" && i + 1 < tokens.count && tokens[i + 1].word == "dios")
                && !(tokens[i].word == "adelante" && i > 0 && ["mas", "poco"].contains(tokens[i - 1].word))
        }) else { return false }
        if defers(MessageIds(tokens.map(\.id))) { return false }
        let words = tokens.map(\.word)
        // "a ok ntp, sí todo bien": a "no" that reassures is no doubt.
        // "¿pues sí, no? sí, así déjalo": a "no" that only asks for agreement is no doubt either.
        let doubts = words.indices.contains { i in
            let before = i > 0 && tokens[i - 1].isBoundary ? i - 2 : i - 1
            let tag = words[i] == "no" && before >= 0 && words[before] == "si" && (i + 1 == tokens.count || tokens[i + 1].isBoundary)
            return doubting.contains(words[i]) && !tag && !(words[i] == "no" && reassurances.contains { words[(i + 1)...].starts(with: $0) })
        }
        // "si esta bien asi nomas que los avisos me los manden a mí": agreement first, the rest an aside.
        let opening = tokens.prefix { !$0.isBoundary }.prefix(4).map(\.word)
        let agreesFirst = opening.first.map { ["si", "sip", "yes", "ok", "okay", "va", "simon"].contains($0) } == true
            && opening.contains { ["bien", "asi", "correcto", "right", "correct", "good", "perfecto"].contains($0) }
            && !opening.contains { ["no", "pero", "but", "mejor", "cambia"].contains($0) }
        // ("Confirmo los datos. Por lo que respecta a mi empleada…, no es necesario anotarla": confirmed, then an aside.)
        let confirmsFirst = opening.first.map { ["confirmo", "confirmado", "confirm", "confirmed"].contains($0) } == true
            && !opening.contains { ["no", "pero", "but", "mejor", "cambia", "antes", "before"].contains($0) }
        return agreesFirst || confirmsFirst || !doubts
    }

    /// "sí, desde ayer" → yes; "no, mejor el de 50" → no; "no tengo internet" → nothing.
    private static func firstClauseAnswer(_ tokens: [Token]) -> Answer? {
        // The first word decides whether the rest need reading (it seldom is a yes or a no).
        guard let opening = tokens.first, !opening.isBoundary else { return nil }
        let isYes = yes.contains(opening.word), isNo = no.contains(opening.word)
        guard isYes || isNo else { return nil }
        let clause = tokens.prefix { !$0.isBoundary }.map(\.word)
        let rest = clause.dropFirst()
        // ("si ya 2 veces 🙄": how many times it was done changes no answer.)
        let onlyFillers = rest.allSatisfy { fillers.contains($0) || yes.contains($0) || no.contains($0) || counts.contains($0)
            || $0.allSatisfy(\.isNumber) }
        guard onlyFillers || rest.isEmpty else { return nil }
        // ("no pues... la neta no quiero cancelar, nomas quiero q funcione": "no pues" opens what follows, and answers nothing.)
        if isNo, ["pues", "pos", "ps"].contains(rest.first ?? ""), rest.count == 1,
           let next = tokens.dropFirst(clause.count).first(where: { !$0.isBoundary }), !yes.contains(next.word), !no.contains(next.word) {
            return nil
        }
        // "no" followed by "sí" ("no, sí lo reinicié")? The first word decides.
        return isYes ? .yes : .no
    }
}

import Foundation
import Synchronization

/// Understanding without a network: Mexican Spanish (and some English) as people type it on
/// their phones, by weighted phrase rules over normalised words, plus slot finders.
public struct OfflineUnderstanding: Understanding {
    private let normalizer: Normalizer
    private let lexicon: Lexicon
    /// The rules by the id of their first word (`WordIds`), each with its words' ids.
    private let rulesByFirstWord: [[(index: Int, rule: IntentRules.Rule, ids: [Int32])]]
    /// The learned classifier beside the rules (nil: rules only).
    public let model: IntentModel?

    /// `corpus`: the labelled examples the intent model learns from (messaging/intents.txt).
    public init(corpus: IntentCorpus? = nil) {
        let rules = IntentRules.rules
        var index = [[(index: Int, rule: IntentRules.Rule, ids: [Int32])]](repeating: [], count: WordIds.count)
        for (i, rule) in rules.enumerated() {
            let ids = WordIds.phrases([rule.words])[0]
            index[Int(ids[0])].append((i, rule, ids))
        }
        self.rulesByFirstWord = index
        let intentWords = Set(rules.flatMap(\.words))
        self.lexicon = Lexicon(intentWords: intentWords)
        let normalizer = Normalizer(spelling: SpellFixer(vocabulary: Self.vocabulary(intentWords)))
        self.normalizer = normalizer
        self.model = corpus.map { corpus in
            IntentModel(training: corpus.examples.map { (Self.modelWords(normalizer.tokens($0.text)), $0.intent) })
        }
    }

    /// One trained understanding per corpus and process: tests and commands that build the
    /// bot many times train once.
    public static func trained(on corpus: IntentCorpus?) -> OfflineUnderstanding {
        var hasher = Hasher()
        for example in corpus?.examples ?? [] {
            hasher.combine(example.intent)
            hasher.combine(example.text)
        }
        let key = corpus == nil ? 0 : hasher.finalize()
        if let cached = trainedCache.withLock({ $0[key] }) { return cached }
        let fresh = OfflineUnderstanding(corpus: corpus)
        trainedCache.withLock { $0[key] = fresh }
        return fresh
    }

    private static let trainedCache = Mutex<[Int: OfflineUnderstanding]>([:])

    static func modelWords(_ tokens: [Token]) -> [String] {
        tokens.compactMap { $0.isBoundary ? nil : $0.word }
    }

    /// Words typos are corrected towards: the rules' words, the slot finders' words and common
    /// words that must stay as they are.
    private static func vocabulary(_ intentWords: Set<String>) -> Set<String> {
        var words = intentWords
        words.formUnion(Lexicon.placeMarkers)
        words.formUnion(Lexicon.timeWords)
        words.formUnion(Lexicon.restartVerbs)
        words.formUnion(Lexicon.restartFillers)
        words.formUnion(Lexicon.negations)
        words.formUnion(Lexicon.numberWords.keys)
        // A number dictated digit by digit ("ochenta y siete") stays a number, whatever rule word is near it ("siente").
        words.formUnion(Lexicon.digitWords.keys)
        words.formUnion(Lexicon.teenWords.keys)
        // A price dictated with a slip ("el de seisientos", "trecientos cincuenta") is still that price.
        words.formUnion(SlotExtractor.hundreds.keys)
        words.formUnion(Lexicon.notNameWords.subtracting(Lexicon.notNamesUnspelt))
        words.formUnion(LanguageGuess.english)
        words.formUnion(LanguageGuess.spanish)
        words.formUnion(Answers.all)
        words.formUnion(CommonWords.all)
        // Everyday words next to a zone's name stay as typed ("dentro" is not "centro").
        words.formUnion(Lexicon.nearZoneWords)
        words.formUnion(["norte", "sur", "centro", "oriente", "poniente", "loma", "isidro", "megas", "wifi", "modem",
                         "internet", "telefono", "numero", "casa", "caso", "pueblo", "calle", "vecinos", "cable",
                         "cables", "luz", "luces", "verdad", "ahora", "entonces", "tambien", "todavia", "siempre", "name", "off",
                         // ("the Orient neighbourhood", "por la oriental": the zone's aliases, not "orienta".)
                         "orient", "oriental",
                         // ("el Chava va a hacer ruta": someone, not "el más chafa")
                         "chava", "chavo"])
        return words
    }

    public func understand(_ text: String, context: UnderstandingContext) async -> Understood {
        classify(text, context: context)
    }

    /// The same, synchronously: `classify` and the benchmark call it directly.
    public func classify(_ text: String, context: UnderstandingContext = UnderstandingContext()) -> Understood {
        let (tokens, foldedText, modelFeatures) = normalizer.read(text)
        let words = tokens.map(\.word)
        // "se me desconecta", "se nos fue": the rules are written without the clitic.
        let kept = words.indices.filter { i in !(i > 0 && words[i - 1] == "se" && Self.clitics.contains(words[i])) }
        let matchWords = kept.map { words[$0] }
        let matchIds = kept.map { tokens[$0].id }
        var context = context
        if context.zones.isEmpty { context.zones = Self.defaultZones }

        var scores = IntentScores()
        // The rules matched so far: a message matches a handful, so a list beats a set.
        var seen: [Int] = []
        for i in matchIds.indices where matchIds[i] != WordIds.unknown {
            for (ruleIndex, rule, ruleIds) in rulesByFirstWord[Int(matchIds[i])] where !seen.contains(ruleIndex) {
                let end = i + ruleIds.count
                guard end <= matchIds.count, Self.idsMatch(matchIds, at: i, ruleIds) else { continue }
                // "no hay internet en el centro" is a failure, not a coverage question.
                if rule.intent == .coverage, i > 0, matchWords[i - 1] == "no" { continue }
                seen.append(ruleIndex)
                scores.add(rule.weight, to: rule.intent)
            }
        }
        // Greetings pile up ("hola, buenas tardes"); they must not outweigh the request that follows.
        if let greeting = scores[.greeting] { scores.set(min(greeting, 1.5), for: .greeting) }
        let extractor = SlotExtractor(tokens: tokens, text: text, foldedText: foldedText, context: context, lexicon: lexicon)
        let early = extractor.zoneMatch(intent: nil)
        let zone = early?.zone
        // A place plus a question is most often "do you reach …?".
        if zone != nil, text.contains("?") || words.contains("hay") { scores.add(1, to: .coverage) }
        // "15 x 8": arithmetic, not a plan.
        if let x = words.firstIndex(of: "por"), x > 0, x + 1 < words.count, tokens[x - 1].isNumber, tokens[x + 1].isNumber {
            scores.add(3, to: .outOfScope)
        }

        let ranked = scores.ranked
        let top = ranked.first
        var intent = (top?.value ?? 0) >= 1 ? top!.key : .outOfScope
        let margin = (top?.value ?? 0) - (ranked.dropFirst().first?.value ?? 0)
        var confidence = (intent == .outOfScope && top == nil) ? 0.2 : min(1, (top?.value ?? 0) / 4)
        if margin < 1 { confidence *= 0.8 }
        var alternatives: [Intent] = []
        if let model {
            (intent, confidence, alternatives) = Self.blend(rules: scores, model: model.predict(words: modelFeatures))
        }

        // A failure report with no word of anything failing or of the equipment ("lo voy a platicar con
        // mi hija… muy amable"), or a report's status with no word of a report, visit or installation:
        // the next reading.
        // The reading without boundaries, as `normalized` gives it: folding the reading with its
        // boundary marks gives the same text, so it is not folded again.
        let reading = words.joinedBySpaces(skipping: Token.boundaryMark)
        lazy var understoodWords = words.joinedBySpaces()
        // The message and its reading, folded and padded: made once, and only when a rule below asks.
        lazy var wording = Self.foldedWording(extractor.folded, reading)
        lazy var wordingStarts = WordStarts(wording)
        let reportWithoutFailure = intent == .reportIncident && !PriorityRule.namesAFailure(padded: wording)
        if reportWithoutFailure, text.contains("?") && words.contains(where: Self.plansWords.contains)
            || (scores[.plansPrices] ?? 0) >= 3 && (scores[.reportIncident] ?? 0) < 1 {
            // "…would like a home internet connection. Which plans do you have?", "ya ando despierta desde las 4…
            // quiero saber cuanto cobran por el internet": nothing fails and no rule says so; plans are asked.
            intent = .plansPrices
            alternatives.removeAll { $0 == .plansPrices }
        } else if reportWithoutFailure, Self.wantsService.contains(where: { (" " + understoodWords + " ").contains($0) }) {
            // "My wife's mama needs internet at her house… How does this work?": wanting the service, nothing failing.
            intent = .register
            alternatives.removeAll { $0 == .register }
        } else if intent == .reportIncident, !PriorityRule.mentionsAProblem(padded: wording), let next = alternatives.first {
            intent = next
            alternatives.removeFirst()
        } else if intent == .incidentStatus, !Self.mentionsAReport(padded: wording), let next = alternatives.first {
            intent = next
            alternatives.removeFirst()
        }
        // ("en mis clases de zoom me congelo todo el tiempo": the service freezing, and no word of wanting it.)
        if intent == .register, (scores[.register] ?? 0) == 0,
           [" me congelo ", " se congela ", " se me congela ", " se congelan ", " se alenta ", " se me alenta ", " se traba ",
            " se me traba "].contains(where: wordingStarts.contains) {
            alternatives.removeAll { $0 == .reportIncident }
            alternatives.insert(.register, at: 0)
            intent = .reportIncident
        }
        // "¿me pueden mover el aparato a mi recámara? allá lo quiero junto a la tele": a request about the service
        // already installed, not a sign-up.
        if intent == .register, PriorityRule.asksToMoveEquipment(padded: wording) {
            alternatives.removeAll { $0 == .reportIncident }
            alternatives.insert(.register, at: 0)
            intent = .reportIncident
        }
        // "buenas, ocupo internet": a greeting only opens; a request the rules are sure of is what is meant.
        if intent == .greeting, let request = scores.best(excluding: .greeting),
           request.value >= 3 {
            alternatives.removeAll { $0 == request.key }
            alternatives.insert(.greeting, at: 0)
            intent = request.key
        }
        // "no es pa cancelar eh, nomás que no me jala", "I have no wish to cancel": a cancellation denied is none.
        if intent == .cancel, Self.deniesCancelling(matchWords), let next = alternatives.first {
            intent = PriorityRule.mentionsAProblem(padded: wording) ? .reportIncident : next
            alternatives.removeAll { $0 == intent }
        }
        // ("LO PLATICO CON MI SEÑORA Y LUEGO LES ESCRIBO PARA CONTRATAR": a sign-up put off, not begun.)
        // ("ok ok, el de 50 entonces... mmm no, mejor lo platico con mi esposo y luego les escribo": a choice put off too.)
        if [.register, .plansPrices, .outOfScope].contains(intent) || intent == .humanAgent && (scores[.humanAgent] ?? 0) == 0,
           !text.contains("?"), Answers.defers(MessageIds(tokens.filter { !$0.isBoundary }.map(\.id))),
           [" les escribo", " les hablo", " les aviso", " te aviso", " le aviso", " get back to you"].contains(where: wordingStarts.contains) {
            alternatives.removeAll { $0 == .thanksBye }
            alternatives.insert(intent, at: 0)
            intent = .thanksBye
        }
        // ("y cuando van a terminar de ponerlo por alla": the network finished, not the service ended.)
        if intent == .cancel, [" terminar de poner", " terminar de instalar", " terminen de poner", " terminen de instalar",
                               " acabar de poner", " acaben de poner"].contains(where: wordingStarts.contains),
           let next = alternatives.first(where: { $0 != .cancel }) {
            alternatives.removeAll { $0 == next }
            alternatives.insert(intent, at: 0)
            intent = next
        }
        // ("no, no reportes nada, ya regreso hace rato": a report turned down; nothing to write.)
        if intent == .reportIncident, !text.contains("?"),
           [" no reportes", " no levantes", " no quiero reportar", " no hace falta reportar", " don t report", " dont report",
            // ("el servicio funciona bien, así que no es necesario levantar un reporte nuevo")
            " no es necesario levantar", " no hace falta levantar", " no es necesario reportar", " no necesito levantar"]
            .contains(where: wordingStarts.contains) {
            alternatives.removeAll { $0 == .thanksBye }
            alternatives.insert(intent, at: 0)
            intent = .thanksBye
        }
        // ("nomas q les quede claro, si vuelve a fallar me cambio de compañia": a failure that may come; none told now.)
        if intent == .reportIncident, Self.ifItFailsAgain.contains(where: wordingStarts.contains),
           !PriorityRule.namesAFailure(padded: Self.ifItFailsAgain.reduce(wording) { $0.replacingOccurrences(of: $1, with: " ") }) {
            alternatives.removeAll { $0 == .thanksBye }
            alternatives.insert(intent, at: 0)
            intent = .thanksBye
        }
        // Asking for a person outright, or for one's own bill, decides whatever else the message talks about.
        if Self.asksForAPerson(words, ids: extractor.ids, negatedOnly: false),
           !Self.asksForAPerson(words, ids: extractor.ids, negatedOnly: true) {
            intent = .humanAgent
            confidence = max(confidence, 0.9)
        } else if Self.ownBillPhraseIds.contains(where: { extractor.ids.position(of: $0) != nil }) {
            intent = .billing
            confidence = max(confidence, 0.9)
        } else if intent == .outOfScope || intent == .humanAgent && (scores[.humanAgent] ?? 0) == 0, text.contains("?"),
                  words.contains(where: { Self.plansWords.contains($0) || $0 == "plan" }) {
            // ("me pasaron este numero en la oficina, q paquetes manejan?": no person asked for; the plans are.)
            // "What speeds do you have? I'll have kids doing video classes", "What's the fastest plan you have?":
            // a question about the plans, whatever else it says.
            intent = .plansPrices
            confidence = max(confidence, 0.7)
        }
        let place = early ?? extractor.placeAfterPresence(intent: intent)
        var slots = extractor.slots(for: intent, zone: place?.zone)
        // ("desde hoy en la mañana, y ya lo apagamos y lo prendimos como 3 veces": a restart told is a failure being reported,
        // whatever the words around it; read again so that its "since" counts.)
        // ("buenas, les escribo de la papeleria. desde el lunes esto anda fatal": a greeting that tells a failure reports it.)
        if slots.modemRestarted != nil, [.register, .outOfScope, .greeting].contains(intent)
            || intent == .greeting && PriorityRule.namesAFailure(padded: wording) {
            alternatives.removeAll { $0 == .reportIncident }
            alternatives.insert(intent, at: 0)
            intent = .reportIncident
            slots = extractor.slots(for: intent, zone: place?.zone)
        }
        // ("…we rented a little house in the centro… the last internet company pulled out… so do you guys cover that area": a
        // story, then the question it leads to.)
        if intent == .reportIncident, slots.zone != nil, slots.modemRestarted == nil, slots.since == nil,
           case let tail = " " + words.suffix(8).joined(separator: " ") + " ",
           [" do you cover ", " do you guys cover ", " do you reach ", " tienen cobertura ", " hay cobertura ", " llegan hasta ",
            " llegan por ", " llegan para "].contains(where: tail.contains) {
            alternatives.removeAll { $0 == .coverage }
            alternatives.insert(intent, at: 0)
            intent = .coverage
        }
        // ("jaja perdon eso era pa mi cocinera. ok el de 50 entonces, estamos en el centro": a plan and a place told by a
        // customer, whatever the aside around them: the service wanted.)
        if intent == .outOfScope, !context.fromStaff, slots.planMbps != nil, slots.zone != nil, !text.contains("?") {
            alternatives.removeAll { $0 == .register }
            alternatives.insert(intent, at: 0)
            intent = .register
        }
        var understood = Understood(intent: intent, slots: slots, language: LanguageGuess.guess(tokens),
                          answer: Answers.answer(tokens) ?? (tokens.isEmpty ? Answers.markAnswer(text) : nil), confidence: confidence,
                          folio: Self.folio(in: text), menuChoice: Self.menuChoice(tokens))
        if let place, !place.exact, context.zones.contains(place.zone) { understood.zoneGuessed = true }
        understood.normalized = reading
        understood.alternatives = alternatives
        understood.ruleBacked = (scores[intent] ?? 0) > 0
        understood.leansYes = understood.answer == .yes || (understood.answer == nil && Answers.leansYes(tokens))
        return understood
    }

    static let clitics: Set<String> = ["me", "te", "le", "nos", "les"]

    /// Whether `phrase` is at `start` of `ids` (which has room for it): a plain loop, as the
    /// rules are tried at every word and a slice compared generically cost several times more.
    private static func idsMatch(_ ids: [Int32], at start: Int, _ phrase: [Int32]) -> Bool {
        for k in phrase.indices where ids[start + k] != phrase[k] { return false }
        return true
    }

    /// Every word of cancelling comes right after a negation ("no quiero dar de baja", "no es pa cancelar",
    /// "no wish to cancel").
    static func deniesCancelling(_ words: [String]) -> Bool {
        let cancelling = words.indices.filter { ["cancelar", "cancel", "baja", "cancelo", "cancelen", "cancelarlo", "cancelacion",
                                                 "cancelation", "cancellation"].contains(words[$0]) }
        // ("no, cancelar" answers no and then cancels: the negation must be in the same clause.)
        return !cancelling.isEmpty && cancelling.allSatisfy { i in
            let clause = words[max(0, i - 4)..<i].reversed().prefix { $0 != Token.boundaryMark }
            return clause.contains { Lexicon.negations.contains($0) || $0 == "sin" }
        }
    }

    static let wantsService = [" needs internet ", " need internet ", " necesita internet ", " necesitamos internet ",
                               " quiere internet ", " quisiera internet ", " how does this work", " como funciona ", " would like internet",
                               " like a home internet", " want internet ", " quiero internet ", " like to have internet", " to have internet ",
                               " get internet ", " have internet in my", " piden internet ",
                               // ("quiero saber si pueden poner internet alla arriba pasando el panteon, donde esta la antena de la radio")
                               " pueden poner internet ", " puedan poner internet ", " set up internet at "]

    static let ifItFailsAgain = [" si vuelve a fallar", " si se vuelve a caer", " si vuelve a pasar", " si falla otra vez",
                                 " si se cae otra vez", " if it fails again", " if it happens again", " if it goes out again",
                                 " if it drops again"]

    static let plansWords: Set<String> = ["speeds", "velocidades", "planes", "plans", "precios", "prices", "paquetes", "tarifas"]

    static let personPhrases: [[String]] = [
        ["con", "una", "persona"], ["con", "un", "humano"], ["con", "alguien", "de", "la", "oficina"], ["talk", "to", "a", "person"],
        ["speak", "to", "a", "person"], ["real", "person"], ["actual", "person"], ["someone", "from", "the", "office"], ["con", "un", "asesor"],
        ["con", "un", "agente"],
        // ("que alguien de administración se comunique conmigo", "que un responsable lo revise", "hablar con el gerente")
        ["alguien", "de", "administracion"], ["alguien", "de", "cobranza"], ["un", "responsable"], ["con", "el", "responsable"],
        ["con", "el", "gerente"], ["con", "un", "supervisor"], ["con", "el", "supervisor"], ["con", "el", "encargado"],
        ["con", "la", "encargada"],
        // ("abierto?? … lo q quiero saber es cuando viene el tecnico. pasenme con alguien q me diga una fecha")
        ["pasenme", "con", "alguien"], ["pasame", "con", "alguien"], ["paseme", "con", "alguien"], ["comuniqueme", "con", "alguien"],
        ["comunicame", "con", "alguien"],
        // ("quisiéramos tratar los detalles personalmente con un ejecutivo de su empresa")
        ["con", "un", "ejecutivo"], ["con", "una", "ejecutiva"],
        // ("I'll send you my RFC then. Can someone from billing contact me?")
        ["someone", "from", "billing"], ["someone", "contact", "me"], ["alguien", "de", "facturacion"],
    ]

    static let personPhraseIds = WordIds.phrases(personPhrases)
    static let ownBillPhraseIds = WordIds.phrases(ownBillPhrases)

    /// `folded`: the text folded, with a space each side.
    static func mentionsAReport(padded folded: String) -> Bool {
        reportWords.contains(where: folded.contains)
    }

    /// `" " + Text.fold(text + " " + words) + " "` from `folded`, the text folded and padded so:
    /// folding joined text folds each part, so the text need not be folded again.
    static func foldedWording(_ folded: String, _ words: String) -> String {
        let reading = Text.fold(words)
        if reading.isEmpty { return folded }
        return folded == "  " ? " " + reading + " " : folded + reading + " "
    }

    static let reportWords = [" reporte", " folio", " tecnico", " ticket", " report", " technician", " vienen", " viene", " vino", " instal",
                " visita", " llegan", " revisar", " arregl", " quedo", " atendieron", " seguimiento", " status", " estatus",
                " cuanto falta", " tardan", " update", " mande", " mandan", " van a venir", " come", " fix", " reparacion", " repair",
                " como va", " en que va", " did someone", " scheduled", " agendad", " checaron", " en camino", " solicitud", " falla",
                " lo de "]

    static let ownBillPhrases: [[String]] = [
        ["cuanto", "debo"], ["cuanto", "debemos"], ["lo", "que", "debo"], ["lo", "que", "debemos"], ["lo", "que", "debiamos"],
        ["cuanto", "debiamos"], ["what", "plan", "are", "we", "on"], ["what", "plan", "am", "i", "on"], ["que", "plan", "tengo"],
        ["que", "plan", "tenemos"], ["how", "much", "do", "i", "owe"], ["how", "much", "do", "we", "owe"],
        ["que", "plan", "tiene", "contratado"], ["cuanto", "se", "debe"], ["si", "pago", "tarde"], ["pago", "despues"],
    ]

    /// "comuníqueme con una persona", "talk to a real person"; with `negatedOnly`, only when a
    /// "no" comes right before ("no quiero hablar con una persona").
    static func asksForAPerson(_ words: [String], ids: MessageIds, negatedOnly: Bool) -> Bool {
        personPhraseIds.contains { phrase in
            guard let at = ids.position(of: phrase) else { return false }
            return !negatedOnly || words[max(0, at - 4)..<at].contains("no")
        }
    }

    /// Measured by leaving one writer out: anything from 0.3 to 1 gives the same accuracy.
    static let ruleWeight = 0.6
    static let ruleCap = 6.0

    /// Rules and model together: the model's probabilities plus the rule scores (capped, so
    /// one strong phrase decides only when the model does not strongly disagree).
    static func blend(rules: IntentScores, model: IntentModel.Prediction) -> (Intent, Double, [Intent]) {
        let scored = model.ranked.map { intent, probability in
            (intent: intent, score: probability + ruleWeight * min(rules[intent] ?? 0, ruleCap) / ruleCap)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent.tieRank < $1.intent.tieRank }
        let total = scored.reduce(0) { $0 + $1.score }
        let best = scored[0]
        return (best.intent, min(1, best.score / max(total, 1e-9) * 1.2), scored.dropFirst().prefix(2).map(\.intent))
    }

    /// Used when the caller gives no zones (classify with no sheet at hand).
    static let defaultZones = ["Centro", "Norte", "Sur", "Oriente", "Poniente", "La Loma", "San Isidro"]

    /// "F-0012", "f 12", "folio 0012" → "F-0012".
    static func folio(in text: String) -> String? {
        // Most messages have no "f" before a digit, so no folio: ruled out before the text is taken apart.
        guard mayHoldFolio(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "F" || scalars[i] == "f", i == 0 || !scalars[i - 1].properties.isAlphabetic {
                var j = i + 1
                while j < scalars.count, scalars[j] == "-" || scalars[j] == " " || scalars[j] == "#" { j += 1 }
                var digits = ""
                while j < scalars.count, ("0"..."9").contains(scalars[j]), digits.count < 6 {
                    digits.unicodeScalars.append(scalars[j])
                    j += 1
                }
                if !digits.isEmpty, j - i <= 9, Int(digits).map({ $0 > 0 }) == true,
                   j == scalars.count || !scalars[j].properties.isAlphabetic {
                    let n = Int(digits)!
                    return "F-" + String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether an "F" or "f" is followed by a digit, with only dashes, spaces and "#" between:
    /// what `folio` needs to find one (all ASCII, so bytes decide as the scalars would).
    private static func mayHoldFolio(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] == 70 || bytes[i] == 102 {
                    var j = i + 1
                    while j < bytes.count, bytes[j] == 45 || bytes[j] == 32 || bytes[j] == 35 { j += 1 }
                    if j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// "2", "opción 2", "la 3".
    static func menuChoice(_ tokens: [Token]) -> Int? {
        // Nearly every message is longer than a choice: counted before any array is made.
        var count = 0
        for token in tokens where !token.isBoundary {
            count += 1
            if count > 2 { return nil }
        }
        let words = tokens.filter { !$0.isBoundary }.map(\.word)
        let number: String? = switch words.count {
        case 1: words[0]
        case 2 where ["opcion", "la", "el", "numero", "option"].contains(words[0]): words[1]
        default: nil
        }
        guard let number, let n = Int(number), (1...9).contains(n) else { return nil }
        return n
    }
}

extension Intent {
    /// When two intents score the same, the one that matters more to the customer wins.
    var tieRank: Int {
        switch self {
        case .staffStats: 0
        case .staffSearch: 1
        case .cancel: 2
        case .humanAgent: 3
        case .incidentStatus: 4
        case .reportIncident: 5
        case .billing: 6
        case .register: 7
        case .coverage: 8
        case .plansPrices: 9
        case .thanksBye: 10
        case .greeting: 11
        case .outOfScope: 12
        }
    }
}


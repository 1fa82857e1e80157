import Synchronization

/// Finds the slots of DESIGN.md §6 in a normalised message. Each finder looks for the
/// phrases people use ("desde ayer", "el de 50", "soy Luis", "col. Las Flores") and copies
/// names, places and times as the person wrote them. A class: the finders' closures and
/// helpers capture it, and each copy of a struct this size retained every field.
final class SlotExtractor {
    let tokens: [Token]
    let text: String
    let context: UnderstandingContext
    let lexicon: Lexicon
    /// The tokens' words, as most finders compare them.
    let words: [String]
    /// The words' ids, as the phrase lists are compared (`WordIds`).
    let ids: MessageIds
    /// The sheet's zones as a resolver, looked up once per message.
    let resolver: ZoneResolver
    /// Written without a lowercase letter ("ME VOY A VIVIR A SAN ISIDRO"): capitals say nothing
    /// about names or places.
    let shouted: Bool
    /// The message folded and padded (" quiero el de 50 "), made once.
    let folded: String
    /// The same, ready for the phrase lists asked of it (`WordStarts`).
    let starts: WordStarts
    /// The sheet's zones the message spells out, each with its folded name padded (" la loma ").
    let namedZones: [(zone: String, padded: String)]
    /// The words as read, padded, when a zone's name was respelt in them ("zona orriente"); else empty.
    let reading: String

    /// `foldedText`: `Text.fold(text)`, as the tokenizer made it.
    init(tokens: [Token], text: String, foldedText: String, context: UnderstandingContext, lexicon: Lexicon) {
        self.tokens = tokens
        self.text = text
        self.context = context
        self.lexicon = lexicon
        words = tokens.map(\.word)
        ids = MessageIds(tokens.map(\.id))
        shouted = !(text.utf8.contains(where: { $0 >= 97 && $0 <= 122 })
            || text.unicodeScalars.contains(where: { $0.value >= 128 && $0.properties.isLowercase }))
        resolver = ZoneResolver.cached(zones: context.zones, aliases: context.zoneAliases)
        let folded = " " + foldedText + " "
        self.folded = folded
        let starts = WordStarts(folded)
        self.starts = starts
        // ("perdon no es sn isidro, es la loma": a zone the reading spells out counts as named too. Looked for only when
        // a zone's first word was respelt: most messages need no second text.)
        // (Copies: a closure may not capture self before every property is set.)
        let (resolver, lexicon) = (resolver, lexicon)
        let respelt = tokens.contains { $0.word != $0.typed && Self.zoneFacts(of: $0, resolver, lexicon).contains(.firstWord) }
        let reading = respelt ? " " + words.joinedBySpaces(skipping: Token.boundaryMark) + " " : ""
        self.reading = reading
        namedZones = resolver.paddedNames.filter { starts.contains($0.padded) || respelt && reading.contains($0.padded) }
    }

    func slots(for intent: Intent, zone: String?) -> Slots {
        // "hace rato" in "ya pagué hace rato" is not when a failure started.
        let aboutFailure = intent == .reportIncident || context.awaiting == .since || context.awaiting == .sinceAndModem
            || context.reportOpen
        // ("wait if I press the reset button on the back does it wipe everything?": a restart wondered about, not done.)
        // ("y si lo reinicio se compone?? ah no espera, ayer lo desconecto mi mamá": told after the question, it was done.)
        let supposed = text.utf8.contains(UInt8(ascii: "?")) && [" if i ", " if we ", " si lo reinicio", " si le pico", " si le aprieto",
                                                                   " si lo desconecto", " si lo apago"].contains(where: starts.contains)
            && {
                let afterQuestion = text.lastIndex(of: "?").map { Text.fold(String(text[text.index(after: $0)...])) } ?? ""
                return !["desconect", "reinici", "apag", "restart", "unplug", "reset", "reboot"].contains(where: afterQuestion.contains)
            }()
        return Slots(zone: zone, planMbps: plan(), name: name(for: intent), since: aboutFailure ? since() : nil,
                     modemRestarted: supposed ? nil : modemRestarted(), phone: phone())
    }

    // MARK: Zone

    /// The zone (or other place) the message is about, and whether it matched the sheet exactly.
    /// Read before the intent is known; when it finds nothing, `placeAfterPresence(intent:)` is
    /// the one finder the intent can still change.
    func zoneMatch(intent: Intent?) -> ZoneResolver.Match? {
        // "de la Oriente, privada de Los Laureles": a privada or a fraccionamiento lies inside a zone the sheet has.
        // So does a rancho ("en la orilla de San Isidro… RANCHO LOS NOGALES").
        let subPlace = ids.all.contains(where: Self.subPlaceWordIds.contains) && !ids.all.contains(where: Self.wholePlaceWordIds.contains)
        // ("ahorita estoy en la loma pero … ella vive en el centro. alla si llegan?": "allá" is the place named last.)
        // (Not "…valle verde es en la loma no en san isidro 🙈 ahi si llegan?": a place taken back is not asked about.)
        if namedZones.count == 2, [" alla si llegan", " ahi si llegan", " alla si hay", " ahi si hay", " alla llegan", " alla si tienen",
                                   " ahi si tienen"].contains(where: starts.contains),
           !namedZones.contains(where: { zone in [" no en", " no en el", " no en la", " no", " not in", " not in the"].contains { starts.contains($0 + zone.padded) } }),
           ![" perdon", " me confundi", " no espera", " ah no ", " ay no "].contains(where: starts.contains) {
            if let lastSaid = saidLast(namedZones) { return ZoneResolver.Match(zone: lastSaid.zone, exact: true) }
        }
        let marked = placeAfterMarker()
        // ("Fraccionamiento Los Olivos? I'm moving there from downtown": not the place they leave.)
        if subPlace, let marked, !context.zones.contains(marked.zone), let known = knownZoneMentioned(), known.exact,
           !saidAsOrigin(known.zone) {
            // ("el centro es la casa de mi mama… mi casa, que es en el Sur, por el fraccionamiento los pinos": of two, the one meant.)
            return wantedZone() ?? known
        }
        // "y si llega al poniente? yo vivo por la colonia del panteón nuevo": the sheet's zone asked about, not the colonia told.
        if let marked, !context.zones.contains(marked.zone), let asked = zoneAsked(among: namedZones) { return asked }
        // "colonia morte perdón en la norte", "del poniendo o sea en el poniente": a place taken back for a zone of the sheet.
        if let marked, !context.zones.contains(marked.zone), let corrected = zoneAfterCorrection() { return corrected }
        // ("Vivo en el Sur… Mejor dicho: … mi casa queda del lado del Oriente": a zone of the sheet taken back for another, the
        // only one named after the correction.)
        if let corrected = zoneAfterCorrection(strongOnly: true) { return corrected }
        // ("The house is actually in La Loma… the realtor said it was near Oriente": the place said to be the real one.)
        if namedZones.count >= 2, let real = namedZones.first(where: { zone in
            [" actually in", " actually in the", " is actually", " en realidad es en", " en realidad esta en", " en realidad es"]
                .contains { starts.contains($0 + zone.padded) }
        }) {
            return ZoneResolver.Match(zone: real.zone, exact: true)
        }
        if let corrected = zoneAfterSelfCorrection() { return corrected }
        // "fraccionamiento los mezquites que está por la zona norte": the colonia said to lie in a zone.
        if let marked, !context.zones.contains(marked.zone),
           let around = namedZones.first(where: { zone in
               // ("colonia las palmas zona orriente": as read, too.)
               [folded, reading].contains { said in
                   said.contains(zone.padded) && Self.insideLeads.contains { said.contains($0 + zone.padded) }
               }
           }) {
            return ZoneResolver.Match(zone: around.zone, exact: true)
        }
        // ("el rancho los alamos por el panteon de la sona sul": a place inside a zone named after "zona", misspelt.)
        if let marked, !context.zones.contains(marked.zone),
           let at = words.indices.last(where: { words[$0] == "zona" && $0 > 0 && ["la", "de", "por"].contains(words[$0 - 1]) }),
           at + 1 < words.count, let inside = resolver.resolve([words[at + 1]], marked: true),
           context.zones.contains(inside.zone), inside.zone != marked.zone {
            return inside
        }
        // ("colonia Obrera, which I believe you now call the South zone": an alias of the zone.)
        if let marked, !context.zones.contains(marked.zone),
           let around = resolver.aliases.first(where: { alias, _ in
               starts.contains(" " + alias + " ") && Self.insideLeads.contains { starts.contains($0 + " " + alias + " ") }
           }) {
            return ZoneResolver.Match(zone: around.value, exact: true)
        }
        // "vive en el Oriennte, por la colonia nueva": a colonia told as near where the zone is, inside it.
        if let marked, !context.zones.contains(marked.zone), markerAfterPor, let known = knownZoneMentioned() { return known }
        // "ella vive en el norte en la colonia del panteón": the zone said first, the colonia inside it.
        if let marked, !context.zones.contains(marked.zone), let m = tokens.firstIndex(where: { Lexicon.placeMarkerIds.contains($0.id) }) {
            // ("She lives in the Nortee, colonia San Rafael": the zone as the spelling fix reads it too.)
            let before = " " + tokens[..<m].map(\.typed).joined(separator: " ") + " " + tokens[..<m].map(\.word).joined(separator: " ") + " "
            let said = namedZones.filter { before.contains($0.padded) && !before.contains(" cerca del" + $0.padded)
                && !before.contains(" cerca de" + $0.padded) && !before.contains(" near" + $0.padded) }
            if said.count == 1 { return ZoneResolver.Match(zone: said[0].zone, exact: true) }
            // ("en el ori ente colonia la palma")
            if said.isEmpty, let pieces = zoneInPieces(before: m) { return pieces }
        }
        let found = marked ?? questionedZone() ?? wantedZone() ?? knownZoneMentioned() ?? placeAfterPresence(intent: intent)
        return found.flatMap { leftBehind($0.zone) ? nil : $0 }
    }

    /// "ahorita vivo en el poniente pero de alla ya me voy": where the writer lives now and is leaving, not a place asked about.
    private func leftBehind(_ zone: String) -> Bool {
        guard [" ya me voy", " me voy a ir", " nos vamos a ir", " ya nos vamos", " me estoy cambiando", " nos estamos cambiando",
               " i m moving out", " we re moving out"].contains(where: starts.contains) else { return false }
        let padded = " " + Text.fold(zone) + " "
        return [" ahorita vivo en el", " ahorita vivo en la", " ahora vivo en el", " ahora vivo en la", " todavia vivo en el",
                " todavia vivo en la", " i currently live in the", " i now live in the"].contains { starts.contains($0 + padded) }
    }

    /// Words that put a colonia inside a zone ("… que está por la zona norte").
    static let insideLeads = [" por", " por el", " por la", " por la zona", " que esta en", " que esta en el", " que esta en la",
                              // ("The listing says 'Col. Las Flores, zona Sur'")
                              " zona",
                              // ("Vivo en la colonia Las Arboledas, en el Poniente")
                              " en el", " en la", " in the",
                              " que esta en la zona", " que queda en", " que queda en el", " que queda en la", " dentro de la zona",
                              " por el lado del", " por el lado de la", " por el rumbo del", " es zona", " de la zona", " pertenece al",
                              " pertenece a la", " belongs to", " part of", " part of the", " es parte del", " es parte de la",
                              " todavia es del", " todavia es de la", " sigue siendo del", " sigue siendo de la",
                              // An old name and the one the sheet uses: "el barrio de San Francisco es lo que ahora llaman el
                              // Centro", "creo que ustedes le dicen Norte", "which I believe you now call the South zone".
                              " ahora llaman el", " ahora llaman la", " ahora le llaman", " ahora le dicen", " le dicen",
                              " le dicen el", " le llaman", " le llaman el", " ya es el", " ya es la", " hoy es el", " hoy es la",
                              " ahora es el", " ahora es la", " now call", " now call the", " you call", " you call the",
                              " now called", " now called the", " is now the", " is now"]

    /// The sheet's zone named after the last word that takes back what came before ("perdón", "digo", "o sea").
    private func zoneAfterCorrection(strongOnly: Bool = false) -> ZoneResolver.Match? {
        guard let k = words.indices.last(where: { i in
            words[i] == "dicho" && i > 0 && words[i - 1] == "mejor" || ["equivoque", "corrijo"].contains(words[i])
                || !strongOnly && (["perdon", "digo"].contains(tokens[i].typed) || words[i] == "o" && i + 1 < words.count && words[i + 1] == "sea")
        }) else { return nil }
        let after = " " + tokens[(k + 1)...].map(\.typed).joined(separator: " ") + " "
        // ("me equivoqué, no es Sur, es Norte", "me equivoque no es el norte, es el oriente, el norte es donde vivia antes mi comadre": the first one not denied.)
        let tail = tokens[(k + 1)...].map(\.typed)
        let said = namedZones.compactMap { zone -> (String, Int)? in
            guard after.contains(zone.padded) else { return nil }
            let parts = zone.padded.split(separator: " ").map(String.init)
            let at = tail.indices.first { i in
                i + parts.count <= tail.count && Array(tail[i..<(i + parts.count)]) == parts
                    && !tail[max(0, i - 3)..<i].contains(where: { ["no", "not", "ni"].contains($0) })
            }
            return at.map { (zone.zone, $0) }
        }
        // ("Me equivoqué: don Chuy vive en el Norte, el del Sur es su hermano Ramiro": "el del Sur" is someone else's.)
        let others = said.filter { zone, _ in
            [" el del", " la del", " el de la", " la de la"].contains { after.contains($0 + " " + Text.fold(zone) + " es ") }
        }
        let meant = said.count == 2 && others.count == 1 ? said.filter { $0.0 != others[0].0 } : said
        if strongOnly, meant.count != 1 { return nil }
        return meant.min(by: { $0.1 < $1.1 }).map { ZoneResolver.Match(zone: $0.0, exact: true) }
    }

    /// "ella vive en el Sur... ay no, que tonta, en el Norte", "vive en San Isidro... no, espereme, en La Loma", "Oriente
    /// creo? no, no, por el Norte": a zone of the sheet named, taken back at once, and another named after it.
    private func zoneAfterSelfCorrection() -> ZoneResolver.Match? {
        guard namedZones.count >= 2 else { return nil }
        let typed = tokens.map(\.typed)
        var mentions: [(zone: String, at: Int)] = []
        for zone in namedZones {
            let parts = zone.padded.split(separator: " ").map(String.init)
            var from = 0
            while let at = typed.position(of: parts, from: from) {
                mentions.append((zone.zone, at))
                from = at + 1
            }
        }
        mentions.sort { $0.at < $1.at }
        guard let first = mentions.first else { return nil }
        func takesBack(_ k: Int) -> Bool {
            if ["espereme", "esperame", "espera", "espere", "perdon", "wait", "sorry", "tonta", "tonto", "equivoque"].contains(typed[k]) {
                return true
            }
            // A "no" standing alone ("…en el Centro, no, ese es el de la primera"), not "no en el sur".
            return typed[k] == "no" && (k + 1 == tokens.count || tokens[k + 1].isBoundary || typed[k + 1] == "no")
                && (k == 0 || tokens[k - 1].isBoundary || ["ay", "ah", "uy", "oh", "no"].contains(typed[k - 1]))
        }
        // ("le dije sur pero mi casa… es del oriente": the place told before, said to be wrong.)
        let toldBefore = typed[max(0, first.at - 3)..<first.at].contains { ["dije", "puse", "said", "told"].contains($0) }
            && ((first.at + 1)..<min(typed.count, first.at + 3)).contains { ["pero", "but"].contains(typed[$0]) }
        guard let next = mentions.first(where: { $0.zone != first.zone }),
              toldBefore || ((first.at + 1)..<next.at).contains(where: takesBack) else { return nil }
        return ZoneResolver.Match(zone: next.zone, exact: true)
    }

    /// "from downtown", "desde el centro": the zone someone comes from.
    private func saidAsOrigin(_ zone: String) -> Bool {
        let names = [zone] + context.zoneAliases.filter { $0.value == zone }.map(\.key)
            + ZoneResolver.builtInAliases.filter { $0.value == Text.fold(zone) }.map(\.key)
        return names.contains { name in
            let padded = " " + Text.fold(name) + " "
            return [" from", " from the", " desde el", " desde la", " desde"].contains { starts.contains($0 + padded) }
        }
    }

    /// "I'm", "we're" as typed without the apostrophe: a clause begins.
    static let englishSubjects: Set<String> = ["im", "ive", "were", "weve", "theyre", "hes", "shes", "youre"]

    static let subPlaceWords = ["privada", "residencial", "unidad", "fraccionamiento", "rancho", "ranchito", "parcela", "huerta", "granja"]
    static let wholePlaceWords = ["colonia", "col", "barrio", "zona"]
    private static let subPlaceWordIds = WordIdSet(subPlaceWords)
    private static let wholePlaceWordIds = WordIdSet(wholePlaceWords)

    /// "We rent in the Sur … Does your service reach La Loma?": of several zones named, the one asked about.
    private func questionedZone() -> ZoneResolver.Match? {
        let named = namedZones
        guard named.count > 1 else { return nil }
        return zoneAsked(among: named)
    }

    /// The one zone of `named` inside a clause that ends in a question mark.
    private func zoneAsked(among named: [(zone: String, padded: String)]) -> ZoneResolver.Match? {
        guard text.contains("?"), !named.isEmpty else { return nil }
        // The clauses that end in a question mark, as typed.
        var questions: [String] = []
        var clause = ""
        for character in text {
            if character == "?" { questions.append(Text.fold(clause)); clause = "" }
            else if ".!\n".contains(character) { clause = "" }
            else { clause.append(character) }
        }
        let asked = named.filter { zone in questions.contains { (" " + $0 + " ").contains(zone.padded) } }
        if asked.count == 1 { return ZoneResolver.Match(zone: asked[0].zone, exact: true) }
        return nil
    }

    /// "En Norte por ahora no lo necesito… Me interesa para La Loma": of several zones named,
    /// the one not in a clause that says no.
    private func wantedZone() -> ZoneResolver.Match? {
        var named = namedZones
        // ("internet for my shop downtown... actually no wait… For my house first, it's in Oriente": a place taken back may
        // be named by an alias.)
        if named.count == 1, Lexicon.corrections.contains(where: starts.contains) {
            named += resolver.aliases.compactMap { alias, zone in
                zone != named[0].zone && starts.contains(" " + alias + " ") ? (zone: zone, padded: " " + alias + " ") : nil
            }
        }
        guard named.count > 1 else { return nil }
        // An emoji ends a clause too ("not my house 😅 A casa é no Centro").
        let clauses = text.split(whereSeparator: { ".!?;,\n".contains($0) || $0.unicodeScalars.first.map { $0.value >= 0x1F000 } == true })
            .map { " " + Text.fold(String($0)) + " " }
        // The zone right after a "no" is the one not meant ("No somos Oriente, estamos del lado de
        // Poniente"; "NO ES NORTE ES ORIENTE").
        var negated: [String] = []
        // ("el poniente es donde vivo yo, el sur es donde vive mi mamá. entonces póngale a ella el de 20": the service is hers.)
        let forThem = [" a ella ", " para ella ", " pongale a ella", " ponganle a ella", " for her ", " for him ", " a el ", " para el "]
            .contains(where: starts.contains)
        let notTheirService = [" no es mi internet", " no tengo con ustedes", " no tengo servicio con ustedes", " no soy cliente",
                               " not my internet", " i m not a client", " no es el mio", " i don t have your"].contains(where: starts.contains)
        // The zone of the sheet named first in a clause.
        func firstNamed(in clause: String) -> String? {
            named.compactMap { zone in clause.range(of: zone.padded).map { (zone.zone, $0.lowerBound) } }.min { $0.1 < $1.1 }?.0
        }
        for clause in clauses {
            if forThem, [" donde vivo yo", " es donde vivo", " where i live"].contains(where: clause.contains),
               let first = firstNamed(in: clause) {
                negated.append(first)
                continue
            }
            // "no sé si es Oriente o Poniente" doubts; it does not deny.
            // "el sur es donde vive mi suegra": someone else's place is not where the service goes.
            // ("el centro es la casa de mi mama. Lo quiero para mi casa, que es en el Sur": her mother's place is not the one.)
            // ("en la mia, en el norte. la del sur es de mi suegra": a relative's.)
            let relatives = [" es de mi ", " es de su ", " es la de mi ", " is my "].contains(where: clause.contains)
                && clause.split(separator: " ").contains(where: { Lexicon.relatives.contains(String($0)) })
            if !forThem, relatives || [" es donde vive", " es donde viven", " vive mi ", " viven mis ", " where my ", " es la casa de mi",
                                       " es la casa de su", " is my mom s", " is my mother s"].contains(where: clause.contains),
               let first = firstNamed(in: clause) {
                negated.append(first)
                continue
            }
            // ("no es mi internet, es el de mi mama, yo vivo en el norte y no tengo con ustedes… el de ella esta en el centro": the
            // writer's home, with no service of ours, is not the place of the service.)
            if notTheirService, [" yo vivo", " vivo en", " i live", " i m in the"].contains(where: clause.contains),
               let first = firstNamed(in: clause) {
                negated.append(first)
                continue
            }
            // "it's Linda from Centro… he just moved into the Oriente": where the writer lives, not the place asked for.
            if let from = named.first(where: { clause.contains(" from" + $0.padded) || clause.contains(" from the" + $0.padded) }) {
                negated.append(from.zone)
                continue
            }
            // ("Apúntenme para La Loma… San Isidro no, mi mamá no quiere": the place the "no" follows.)
            if let denied = named.first(where: { clause.hasPrefix($0.padded + "no ") || clause.hasPrefix(" y" + $0.padded + "no ") }) {
                negated.append(denied.zone)
                continue
            }
            // ("no no perdon no es el norte es el centro… la de mi hermana es la que esta en el norte": the zone said not to be it.)
            // ("Since La Loma is a no-go for now, my wife's sister wants internet at her place. She lives in Centro")
            if let denied = named.first(where: { zone in
                [" no es", " no es el", " no es la", " no es en el", " no es en la"].contains { clause.contains($0 + zone.padded) }
                    || ["is a no go", "is not covered", "isn t covered", "no tiene cobertura"].contains { clause.contains(zone.padded + $0) }
            }) {
                negated.append(denied.zone)
                continue
            }
            // ("ay no perdón, es en el oriente": a "no" that takes back what was said denies nothing after it.)
            guard let no = clause.range(of: " no ") ?? clause.range(of: " not "), !clause.contains(" no se "),
                  !clause.contains(" no sabemos "),
                  ![" no perdon", " no espera", " no sorry", " no wait", " no disculpa", " no me equivoque"].contains(where: clause.contains)
            else { continue }
            let after = named.compactMap { zone in clause.range(of: zone.padded).map { (zone.zone, $0.lowerBound) } }
                .filter { $0.1 >= no.lowerBound }.min { $0.1 < $1.1 }
            // "A casa é no Centro": Portuguese "in the", a "no" right before the zone with no verb between.
            if let after, clause[no].hasPrefix(" no "), clause.index(no.upperBound, offsetBy: -1) == after.1 { continue }
            if let after { negated.append(after.0) }
        }
        let wanted = named.map(\.zone).filter { !negated.contains($0) }
        if wanted.count == 1 { return ZoneResolver.Match(zone: wanted[0], exact: true) }
        // "Los Fresnos queda pegadito al Sur… Ahora lo mío: quiero contratar el de 50 en Oriente": the place of the clause
        // that asks for the service.
        let asking = clauses.filter { clause in
            [" quiero contratar", " contratar el", " contrato el", " lo mio", " sign me up", " sign up for"].contains(where: clause.contains)
        }
        if asking.count == 1, case let inIt = named.filter({ asking[0].contains($0.padded) }), inIt.count == 1, wanted.contains(inIt[0].zone) {
            return ZoneResolver.Match(zone: inIt[0].zone, exact: true)
        }
        // "me equivoqué: en el Norte es mi casa, la farmacia está en el Centro… es Centro": the one said last.
        // ("pa la casa de la loma... ay no, esa no tienen verdad, pa la mía la del centro": taken back too.)
        guard Lexicon.corrections.contains(where: starts.contains) || [" ay no ", " ah no ", " esa no "].contains(where: starts.contains)
        else { return nil }
        return saidLast(named.filter { wanted.contains($0.zone) }).map { ZoneResolver.Match(zone: $0.zone, exact: true) }
    }

    /// Of the zones named, the one whose name comes last in the message.
    private func saidLast(_ zones: [(zone: String, padded: String)]) -> (zone: String, padded: String)? {
        zones.max { a, b in
            (folded.range(of: a.padded, options: .backwards)?.lowerBound ?? folded.startIndex)
                < (folded.range(of: b.padded, options: .backwards)?.lowerBound ?? folded.startIndex)
        }
    }

    /// A zone of the sheet named anywhere: exactly first (the earliest), else a close spelling.
    private func knownZoneMentioned() -> ZoneResolver.Match? {
        var fuzzable: [Bool] = []
        var begins: [Bool] = []
        for exactOnly in [true, false] {
            if !exactOnly {
                // Words that may be a misspelt zone, decided once per message (most words are not),
                // when no exact spelling was found.
                // ("conté" read as "corte" is no misspelt Norte: a word the spelling fix made another word is that word.)
                // (Asked the zone, "orient" is Oriente even if the spelling fix read another word.)
                let zoneAwaited = context.awaiting == .zone
                fuzzable = tokens.indices.map { k in
                    let token = tokens[k]
                    let facts = zoneFacts(k)
                    // ("y en la lom": three letters after an article, a name cut short.)
                    let clipped = k > 0 && Lexicon.articleIds.contains(ids[k - 1]) && token.typed.utf8.count == 3 && token.isAlphabetic
                        && token.word == token.typed && !CommonWords.all.contains(token.typed) && facts.contains(.typedMayBegin)
                    return Lexicon.articleIds.contains(token.id) || clipped
                        || !facts.contains(.neverAZone) && (token.word == token.typed || facts.contains(.zoneWord)
                            || (zoneAwaited || Self.fixedFromAnotherSound(token)) && facts.contains(.typedMayBegin))
                }
                // And of those, the ones close enough to the start of a zone's name to begin a span.
                begins = words.indices.map { fuzzable[$0] && zoneFacts($0).contains(.heardMayBegin) }
            }
            // A span no longer than the longest name (with its article); fuzzy spans word by word.
            let longest = exactOnly ? resolver.longestName : resolver.longestSignificant + 1
            for i in words.indices where !tokens[i].isBoundary && (exactOnly || fuzzable[i]) {
                // Exact spellings start with a known word: skip the rest without building a span.
                if exactOnly {
                    let article = Lexicon.articleIds.contains(ids[i]) && i + 1 < words.count
                    if !zoneFacts(article ? i + 1 : i).contains(.firstWord),
                       !article || !zoneFacts(i).contains(.firstWord) { continue }
                }
                // (Asked after the cheaper questions above, which rule out most words.)
                if pointsTowards(i) { continue }
                for length in stride(from: min(3, longest), through: 1, by: -1) where i + length <= words.count {
                    if !exactOnly {
                        guard fuzzable[i..<(i + length)].allSatisfy({ $0 }),
                              let lead = (i..<(i + length)).first(where: { !Lexicon.articleIds.contains(ids[$0]) }),
                              begins[lead] else { continue }
                    }
                    let span = exactOnly ? Array(words[i..<(i + length)]) : (i..<(i + length)).map(heard)
                    guard !span.contains(Token.boundaryMark), !Lexicon.articles.contains(span[0]) || length > 1,
                          !Lexicon.articles.contains(span[length - 1]) else { continue }
                    if let match = resolver.resolve(span, marked: false, exactOnly: exactOnly), match.exact || !exactOnly {
                        return match
                    }
                }
            }
        }
        if let pieces = zoneInPieces(before: tokens.count) { return pieces }
        // ("es en la su x la gasolinera", dictated, asked the zone: "la su" is the Sur.)
        if context.awaiting == .zone {
            for k in tokens.indices.dropFirst() where Lexicon.articleIds.contains(ids[k - 1]) && tokens[k].typed.utf8.count == 2 {
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                guard next.map({ $0.isBoundary || ["x", "por", "cerca", "atras", "frente", "junto", "enfrente"].contains($0.typed) }) ?? true
                else { continue }
                if let match = resolver.cutShort(tokens[k].typed) { return match }
            }
        }
        return nil
    }

    /// "en el ori ente", "llegan a san y sidro": a zone's name dictated in pieces, among the words before `end`.
    private func zoneInPieces(before end: Int) -> ZoneResolver.Match? {
        // (Most words begin no zone's name: ruled out by one lookup before any pieces are joined.)
        for i in 0..<end where tokens[i].isAlphabetic && resolver.mayStartPieces(tokens[i].typed) {
            for length in 2...3 where i + length <= end {
                let pieces = tokens[i..<(i + length)]
                guard pieces.allSatisfy(\.isAlphabetic) else { break }
                if let match = resolver.runTogether(pieces.map(\.typed)) { return match }
            }
        }
        return nil
    }

    /// The word as a zone may be heard in it: as typed when the spelling fix changed its first sound ("sento").
    private func heard(_ k: Int) -> String {
        Self.heard(tokens[k])
    }

    private static func heard(_ token: Token) -> String {
        fixedFromAnotherSound(token) && token.isAlphabetic ? token.typed : token.word
    }

    /// "sento" read as "lento": a fix that changed the first letter changed the sound the word began with, so the word typed
    /// may still be a zone said by ear (Centro).
    static func fixedFromAnotherSound(_ token: Token) -> Bool {
        token.word.utf8.first != token.typed.utf8.first
    }

    /// "se giró la antena hacia el oriente": a direction, not where the service is.
    private func pointsTowards(_ i: Int) -> Bool {
        // "era un norte como los de Veracruz": the cold wind, not the zone.
        if i > 0, words[i - 1] == "un" { return true }
        // The word before the zone, or before its article ("hacia el oriente").
        let lead = i >= 2 && Lexicon.articleIds.contains(ids[i - 1]) && !Lexicon.articleIds.contains(ids[i]) ? i - 2 : i - 1
        return lead >= 0 && ["hacia", "rumbo", "towards", "toward"].contains(words[lead])
    }

    /// Words that are never read as a misspelt zone: the rules' words and everyday words.
    static func neverAZone(_ token: Token, _ lexicon: Lexicon) -> Bool {
        // A typo the spelling fixes already made an everyday word ("porke" → "porte") is no zone either.
        // (A word not of letters is answered first: a stored flag, where the others look words up.)
        !token.isAlphabetic || lexicon.neverAZone(typed: token.typed)
            || (token.word != token.typed && CommonWords.all.contains(token.word) && !Self.fixedFromAnotherSound(token))
    }

    /// What the zone finder asks of a word, against the sheet's zones.
    struct ZoneFacts: OptionSet {
        let rawValue: UInt8
        /// `neverAZone`.
        static let neverAZone = ZoneFacts(rawValue: 1)
        /// The word (as read) is a word of a zone's name.
        static let zoneWord = ZoneFacts(rawValue: 2)
        /// The word as typed may begin a zone's name, however misspelt (`ZoneResolver.mayBegin`).
        static let typedMayBegin = ZoneFacts(rawValue: 4)
        /// The word as a zone may be heard in it (`heard`) may begin one.
        static let heardMayBegin = ZoneFacts(rawValue: 8)
        /// The word (as read) begins an exact spelling of a zone.
        static let firstWord = ZoneFacts(rawValue: 16)
    }

    /// Worked out once per word and resolver, and kept on the token (`Token.zoneFacts`): the zone finder asks
    /// it of nearly every word of every message, where each answer was a table lookup.
    /// (The lexicon is the same for every understanding: the rules' words.)
    static func zoneFacts(of token: Token, _ resolver: ZoneResolver, _ lexicon: Lexicon) -> ZoneFacts {
        ZoneFacts(rawValue: token.zoneFacts(serial: resolver.serial) {
            var facts: ZoneFacts = []
            if neverAZone(token, lexicon) { facts.insert(.neverAZone) }
            if resolver.zoneWords.contains(token.word) { facts.insert(.zoneWord) }
            if resolver.mayBegin(token.typed) { facts.insert(.typedMayBegin) }
            if resolver.mayBegin(heard(token)) { facts.insert(.heardMayBegin) }
            if resolver.firstWords.contains(token.word) { facts.insert(.firstWord) }
            return facts.rawValue
        })
    }

    private func zoneFacts(_ k: Int) -> ZoneFacts {
        Self.zoneFacts(of: tokens[k], resolver, lexicon)
    }

    /// "por la colonia …": the first place marker comes after "por" ("around").
    private var markerAfterPor: Bool {
        guard let i = tokens.firstIndex(where: { Lexicon.placeMarkerIds.contains($0.id) }) else { return false }
        let before = tokens[..<i].reversed().drop { Lexicon.articles.contains($0.word) }
        return before.first?.word == "por"
    }

    /// A place introduced as a colonia, barrio, rancho… ("col. Lomas Verdes"): the sheet's zone
    /// when it is one (however spelt), else the place as written.
    private func placeAfterMarker() -> ZoneResolver.Match? {
        for (i, token) in tokens.enumerated() where Lexicon.placeMarkerIds.contains(token.id) {
            // ("do you cover the Orient neighbourhood? We're renting…": in English the name comes before the word.)
            if token.word == "neighborhood" {
                guard i > 0 else { continue }
                let before = tokens[i - 1]
                if let zone = resolver.aliases[before.typed] ?? resolver.aliases[before.word] {
                    return ZoneResolver.Match(zone: zone, exact: true)
                }
                if let zone = context.zones.first(where: { Text.fold($0) == before.word || Text.fold($0) == before.typed }) {
                    return ZoneResolver.Match(zone: zone, exact: true)
                }
                continue
            }
            var j = i + 1
            // "col." and "fracc." end in a dot that is not the end of a sentence.
            if j < tokens.count, tokens[j].isBoundary, token.typed != token.word { j += 1 }
            let afterMarker = j
            while j < tokens.count, ["de", "del"].contains(tokens[j].word) { j += 1 }
            // ("la colonia de ella", "la colonia de mi mamá": whose colonia, not its name.)
            if j < tokens.count, j > afterMarker, ["ella", "el", "ellos", "ellas", "mi", "su", "tu"].contains(tokens[j].word) { continue }
            if let place = place(from: j, marked: true) { return place }
        }
        return nil
    }

    /// "vivo en Las Flores", "llegan a El Mirador?", "I live in Las Flores": a place named
    /// after words that say where someone is.
    func placeAfterPresence(intent: Intent?) -> ZoneResolver.Match? {
        // "pagué en el Oxxo": after a bare "en", a place is where the person is only when the
        // message is about service there.
        let generic = context.awaiting == .zone || intent.map(Self.wherePeopleAre.contains) ?? false
        // (By index: iterating the list copied each trigger, a retain and a release, and most are absent.)
        let triggers = Lexicon.presenceTriggerIds
        for k in triggers.indices where triggers[k].count > 1 || generic {
            let trigger = triggers[k]
            var from = 0
            while let at = ids.position(of: trigger, from: from) {
                from = at + trigger.count
                let start = at + trigger.count
                guard start < tokens.count else { continue }
                // Without a marker, only a name that looks like one: capitalised, or with its
                // article after words that clearly say where ("vivo en las flores").
                let first = tokens[start]
                let named = Lexicon.placeArticles.contains(first.word) && start + 1 < tokens.count ? tokens[start + 1] : first
                let capitalised = !shouted && named.isCapitalised
                let looksLikeName = capitalised || (trigger.count > 1 && Lexicon.placeArticles.contains(first.word))
                guard looksLikeName, !Lexicon.notPlaces.contains(tokens[min(start + 1, tokens.count - 1)].word),
                      !Lexicon.notPlaces.contains(first.word) else { continue }
                if let place = place(from: start, marked: false) { return place }
            }
        }
        return nil
    }

    static let wherePeopleAre: Set<Intent> = [.register, .coverage, .reportIncident]

    /// "Jardines del Valle", "Barrio de la Cruz": a name goes on after "de" only with more name.
    private func continuesPlace(at j: Int) -> Bool {
        guard j < tokens.count, !tokens[j].isBoundary else { return false }
        if Lexicon.articles.contains(tokens[j].word) || ["de", "del"].contains(tokens[j].word) { return continuesPlace(at: j + 1) }
        return !Lexicon.placeStopWords.contains(tokens[j].typed) && !Lexicon.notPlaces.contains(tokens[j].word)
    }

    /// The place name starting at `start`: up to four words ("Jardines del Valle", "20 de
    /// Noviembre"), resolved to a zone when it is one.
    private func place(from start: Int, marked: Bool) -> ZoneResolver.Match? {
        var j = start
        var picked: [Token] = []
        while j < tokens.count, picked.count < 4, !tokens[j].isBoundary {
            let token = tokens[j]
            let inside = !picked.isEmpty && (["de", "del"].contains(token.word) || (Lexicon.articles.contains(token.word)
                && ["de", "del"].contains(picked.last!.word))) && continuesPlace(at: j + 1)
            let leadingArticle = picked.isEmpty && Lexicon.articles.contains(token.word)
            let leadingNumber = picked.isEmpty && token.isNumber
            // ("pa mi rancho q esta junto al de el": "q" is "que", no place.)
            if picked.isEmpty, !token.isNumber, token.typed.count == 1 { break }
            // ("at my parents' ranch, I'm back from Texas": a sentence of its own starts, no place.)
            if Self.englishSubjects.contains(token.typed) { break }
            guard inside || leadingArticle || leadingNumber || !Lexicon.placeStopWords.contains(token.typed) else { break }
            if !inside, !leadingArticle, !leadingNumber, Lexicon.notPlaces.contains(token.word) { break }
            // "los muchachos de la comunidad vienen a hacer sus tareas": an everyday word, not a place's name.
            // (In a message all in capitals, "EN LA PRESIDENCIA DICE QUE…", a capital names nothing.)
            if !picked.contains(where: { !Lexicon.articles.contains($0.word) }), !leadingArticle, !leadingNumber,
               !token.isCapitalised || shouted,
               CommonWords.all.contains(token.typed), !CommonWords.names.contains(token.typed) { break }
            picked.append(token)
            j += 1
        }
        while let last = picked.last, Lexicon.articles.contains(last.word) || ["de", "del"].contains(last.word) {
            picked.removeLast()
        }
        guard picked.contains(where: { !Lexicon.articles.contains($0.word) }) else { return nil }
        // The first one, two or three words may be the zone, misspelt ("col oriete y …").
        for length in stride(from: min(3, picked.count), through: 1, by: -1) {
            let span = picked.prefix(length)
            guard let match = resolver.resolve(span.map(\.word), marked: marked) ?? resolver.resolve(span.map(\.typed), marked: marked)
            else { continue }
            // "Lomas Verdes" is not La Loma: a part of the name counts only when exact.
            if match.exact || length == picked.count { return match }
        }
        // ("la colonia pone ente este el poniente": a zone dictated in pieces, after the marker.)
        if marked, picked.count >= 2, let pieces = resolver.runTogether(Array(picked.prefix(3)).map(\.typed))
            ?? resolver.runTogether(Array(picked.prefix(2)).map(\.typed)) {
            return pieces
        }
        // "la colonia Nueva del Poniente": a colonia named after the zone it lies in.
        if let of = picked.lastIndex(where: { ["de", "del"].contains($0.word) }), of > 0, of + 1 < picked.count {
            let tail = picked[(of + 1)...].filter { !Lexicon.articles.contains($0.word) }
            if !tail.isEmpty, let match = resolver.resolve(tail.map(\.word), marked: marked), match.exact { return match }
        }
        // "mi hijo, que vive en Monterrey": a city far away is where someone else is, never a colonia to serve.
        // ("colonia Veracruz" is a colonia: only an unmarked place is checked.)
        // (As typed too: the spelling fix may read "Canada" as another word.)
        if !marked, Lexicon.farPlaces.contains(picked.map(\.word).joined(separator: " ")) || Lexicon.farPlaces.contains(picked[0].word)
            || Lexicon.farPlaces.contains(picked[0].typed) {
            return nil
        }
        return ZoneResolver.Match(zone: Text.titleCasedPlace(picked.map(\.original).joined(separator: " ")), exact: false)
    }

    // MARK: Plan

    /// The plan a message names: by speed ("el de 50", "cien megas", "the 100 plan"), by the
    /// sheet's name ("el Hogar 50", "el básico") or price ("el de 450"), or relatively ("el más
    /// barato", "el de en medio"). A plan the person rejects ("no quiero el de 100") is not it.
    func plan() -> Int? {
        let speeds = context.planSpeeds.isEmpty ? context.plans.map(\.mbps) : context.planSpeeds
        // ("the 20 won't cope with the cricket streaming. What does the top one cost?")
        if starts.contains(" top ") || starts.contains(" quickest "),
           [" the top one", " the top plan", " the top package", " top one cost", " the quickest", " quickest one"]
            .contains(where: starts.contains),
           let fastest = speeds.max() {
            return fastest
        }
        var candidates: [(rank: Int, value: Int, at: Int)] = []
        func word(_ i: Int) -> String { i >= 0 && i < words.count ? words[i] : "" }
        let planNames = Self.planNames(context.plans)
        // The plans' names by first letter and length: a word matching none is no name, and
        // most words are ruled out without comparing strings.
        let nameKeys = planNames.reduce(UInt64(0)) { $0 | Self.nameKey($1.word) }
        for (i, current) in words.enumerated() {
            // ("deme el mas barato el de trescientos cincuenta", dictated: a price in words, not the 50.)
            // (Only "el de…": "¿Seiscientos pesos al mes, es correcto? ¿Y el de cincuenta?" checks a price heard.)
            if Self.hundredsIds.contains(ids[i]) || i > 0 && Self.hundredsIds.contains(ids[i - 1]),
               let hundreds = Self.hundreds[word(i - 1)] ?? Self.hundreds[current].map({ _ in 0 }) {
                let value = hundreds + (Self.hundreds[current] ?? Lexicon.number(current, id: ids[i]) ?? 0)
                let start = Self.hundreds[word(i - 1)] != nil ? i - 1 : i
                if Self.hundreds[word(i + 1)] == nil, Lexicon.number(word(i + 1)) == nil, word(start - 1) == "de",
                   let pricePlan = context.plans.first(where: { Int($0.monthlyPrice) == value }) {
                    candidates.append((1, pricePlan.mbps, i))
                }
                if Self.hundreds[word(i - 1)] != nil || Lexicon.number(word(i + 1)) != nil { continue }
            }
            if let value = Lexicon.number(current, id: ids[i]), value >= 5, value <= 10_000 {
                let next = word(i + 1), previous = word(i - 1), beforePrevious = word(i - 2)
                let pricePlan = context.plans.first { Int($0.monthlyPrice) == value }
                let introduced = previous == "de" && Lexicon.planIntroducers.contains(beforePrevious)
                if let pricePlan, introduced || Lexicon.currencyWords.contains(next) || previous == "plan" {
                    candidates.append((1, pricePlan.mbps, i))
                } else if Lexicon.currencyWords.contains(next) {
                    // "¿y el de 50 pesos qué tal es?": no plan costs that, but one is that fast.
                    if introduced, speeds.contains(value) { candidates.append((2, value, i)) }
                    continue
                } else if Lexicon.speedUnits.contains(next) {
                    candidates.append((0, value, i))
                } else if introduced || ["plan", "paquete", "the", "same"].contains(previous) || next == "plan"
                            // ("Sorry I meant 50, not 100", "perdón, quise decir 50")
                            || speeds.contains(value) && ["meant", "mean", "decir"].contains(previous)
                            // ("Ok go with 50")
                            || previous == "with" && ["go", "going", "stick"].contains(beforePrevious)
                            // ("ok and the one of 100?", as "el de 100" is said.)
                            || speeds.contains(value) && previous == "of" && beforePrevious == "one"
                            // ("How much would it be to upgrade to 100?", "subirme al 100")
                            || speeds.contains(value) && previous == "to"
                                && ["upgrade", "upgrading", "switch", "change", "move", "up", "bump"].contains(beforePrevious) {
                    candidates.append((1, value, i))
                } else if context.awaiting == .plan, speeds.contains(value) {
                    candidates.append((2, value, i))
                } else if speeds.contains(value), ["in", "en"].contains(next), zoneWords.contains(word(i + 2)) {
                    // ("yep 100 in centro for itzel do it": a speed, then where.)
                    candidates.append((2, value, i))
                } else if speeds.contains(value), !Lexicon.durations.contains(next), !Lexicon.timeWords.contains(next),
                          words.count <= 3 || ["contratar", "quiero", "please", "porfa"].contains(next)
                            // ("quiero contratar. Centro, 100, Ana Ruiz": an item of a list of its own.)
                            || previous == Token.boundaryMark && (next == Token.boundaryMark || i + 1 == words.count) {
                    // "y 100?", "100 contratar quiero": a plan's speed standing alone.
                    candidates.append((2, value, i))
                }
            }
            // The sheet's plan names: "el Hogar 50", "el básico", "Plus 100".
            guard nameKeys & (Self.nameKey(current) | Self.nameKey(tokens[i].typed)) != 0 else { continue }
            for plan in planNames where current == plan.word || tokens[i].typed == plan.word {
                if Lexicon.number(word(i + 1)) == plan.mbps || ["el", "plan", "paquete", "the"].contains(word(i - 1)) {
                    candidates.append((0, plan.mbps, i))
                }
            }
        }
        // "mejor el de 50": a speed said outright beats a relative word next to it.
        if let relative = relativePlan(words: words, speeds: speeds) { candidates.append((3, relative.value, relative.at)) }
        // (Most messages name no plan: nothing below can find one then.)
        guard !candidates.isEmpty else { return nil }
        /// A "no" with a stop right after it ("bueno no, el de 50").
        func noStandingAlone(_ i: Int) -> Bool { words[i] == "no" && i + 1 < tokens.count && tokens[i + 1].isBoundary }
        // ("no se si el de 50 o el de 100", "cual me conviene, el de 20 o el de 50?": two weighed, none chosen yet.)
        let known = candidates.filter { speeds.contains($0.value) }
        if Set(known.map(\.value)).count == 2, let a = known.min(by: { $0.at < $1.at }), let b = known.max(by: { $0.at < $1.at }),
           b.at - a.at <= 5, words[(a.at + 1)..<b.at].contains(where: { ["o", "or"].contains($0) }),
           !words[b.at...].contains(where: { ["mejor", "better", "quiero", "dame", "ese", "esa"].contains($0) }),
           words.contains(where: { ["si", "whether", "cual", "which", "entre", "between"].contains($0) }) {
            return nil
        }
        // A plan said after a negation ("no quiero el de 100, mejor…") is the one not wanted.
        // ("no, mejor el de 100" wants the 100.) So is one taken back right after ("el de 50 megas, digo,
        // el de 100", "el de 20 no mejor el de 50").
        // "el de 20 va a estar bien lento": the plan said to be too slow.
        // ("el de 100 Mbps excede lo que necesita el consultorio. Que sea el de 50": more than is needed, not wanted either.)
        func tooSlow(_ at: Int) -> Bool {
            ((at + 1)..<min(words.count, at + 7)).contains { ["lento", "lenta", "slow", "excede", "exceeds", "overkill"].contains(words[$0]) }
        }
        // ("we were thinking the 20 one… but my roommates said 20 won't be enough… So the 50 please": a plan said not to do, however
        // often it was named.)
        func notEnough(_ at: Int) -> Bool {
            let after = (at + 1)..<min(words.count, at + 5)
            return after.contains { a in
                words[a] == "enough" && after.contains { ["not", "wont", "won", "isn", "isnt", "aint"].contains(words[$0]) }
                    || ["alcanza", "aguanta", "suficiente"].contains(words[a]) && a > 0 && ["no", "es"].contains(words[a - 1])
                        && after.contains { words[$0] == "no" }
            }
        }
        // (Not "¿el de 20 no alcanza?", which asks about it.)
        let notEnoughValues: Set<Int> = !words.contains(where: Self.enoughWords.contains) || text.utf8.contains(UInt8(ascii: "?"))
            ? [] : Set(words.indices.compactMap { i in
                // ("el de tresientos sinkuenta no alkanza": a price dictated says its plan, not the 50 in its words.)
                if i > 0, Self.hundreds[words[i - 1]] != nil || Self.hundreds[words[i]] != nil {
                    return candidates.first { $0.at == i }.flatMap { notEnough(i) ? $0.value : nil }
                }
                return Lexicon.number(words[i], id: ids[i]).flatMap { speeds.contains($0) && notEnough(i) ? $0 : nil }
            })
        // ("the 50 one. 20 is too slow for me, I had 20 at my Airbnb": the slow one, however often it is named.)
        let slowValues = Set(candidates.filter { tooSlow($0.at) }.map(\.value))
        let wanted = candidates.filter { candidate in
            guard !notEnoughValues.contains(candidate.value), !slowValues.contains(candidate.value) else { return false }
            let before = max(0, candidate.at - 4)..<candidate.at
            // (Not a "no" that takes back the plan before it: "el de 100 no. el de 20".)
            let negated = before.contains { n in
                Lexicon.negations.contains(words[n]) && !((n + 1)..<candidate.at).contains { ["mejor", "better", "sino"].contains(words[$0]) }
                    && !candidates.contains { $0.at == n - 1 }
                    // ("…bueno no, el de 50": a "no" standing alone takes back what came before, not this one.)
                    && !noStandingAlone(n)
            }
            let after = (candidate.at + 1)..<min(words.count, candidate.at + 4)
            let takenBack = after.contains { a in
                ["digo", "perdon"].contains(words[a])
                    || (Lexicon.negations.contains(words[a]) && a + 2 < words.count && words[(a + 1)...(a + 2)].contains("mejor"))
                    // ("No. el de 100 no. el de 20")
                    || a == candidate.at + 1 && Lexicon.negations.contains(words[a]) && (a + 1 == words.count || tokens[a + 1].isBoundary)
            }
            // ("let's make it the 100 instead of the 20", "el de 50 en vez del de 20": the one replaced.)
            let replaced = words[max(0, candidate.at - 4)..<candidate.at].contains { ["instead", "vez", "lugar"].contains($0) }
            if replaced { return false }
            // ("uy el de 100 esta caro pa lo q vendo jaja. el de 50 esta bien": the dear one is not the one wanted.)
            let tooDear = after.contains { ["caro", "cara", "carisimo", "expensive", "pricey"].contains(words[$0]) }
            return !negated && !takenBack && !tooDear
        }
        // ("siii mejor ese, el de 20 va a estar bien lento pa sus series": "ese" is the one quoted; the slow one is no choice.)
        if wanted.isEmpty, !candidates.isEmpty, candidates.allSatisfy({ tooSlow($0.at) }),
           words.contains(where: { ["ese", "esa", "that"].contains($0) }) {
            return nil
        }
        var pool = wanted.isEmpty ? candidates : wanted
        // "¿el de 100 cuánto sale? ay no, está caro… cámbiamelo al de 50": the one changed to, said last.
        // ("mejor cámbialo al de 100. 50 megas no aguanta mis descargas": the one right after the change.)
        // ("está muy caro el de 450, mejor ponga el de 20": the one after "mejor"; not "es mejor que el de 50".)
        // ("¿y mejor el de 50? … no, déjelo en el de 20": a change after the "mejor" wins.)
        // ("I think the 50 should do. Actually no, let's go with the 100": the one after the self-correction.)
        // ("ok lets do the 50. no wait, make it 20", "the 100 please… scratch that, my husband says 50 is plenty": after
        // taking it back, a plan's speed standing alone is the one meant.)
        // ("el de 20... no, sabes q? el de 50": "no, sabes qué" takes it back as "mejor" does.)
        let correction = words.indices.last { i in
            Lexicon.selfCorrections.contains(words[i]) || words[i] == "sabes" && ["q", "que", "k"].contains(word(i + 1))
                && (word(i - 1) == "no" || i > 1 && tokens[i - 1].isBoundary && word(i - 2) == "no")
        }
        if let corrected = correction, pool.contains(where: { $0.at < corrected }) {
            for a in (corrected + 1)..<words.count where !pool.contains(where: { $0.at == a }) {
                guard let value = Lexicon.number(words[a], id: ids[a]), speeds.contains(value),
                      !Lexicon.durations.contains(word(a + 1)), !Lexicon.timeWords.contains(word(a + 1)),
                      !Lexicon.currencyWords.contains(word(a + 1)) else { continue }
                pool.append((2, value, a))
            }
        }
        if let corrected = correction, pool.contains(where: { $0.at < corrected }),
           let next = pool.filter({ speeds.contains($0.value) && $0.at > corrected }).min(by: { $0.at < $1.at }) {
            return next.value
        }
        // ("el de 50... no mejor el de 100 pq… bueno no, el de 50": a "no" standing alone after a choice takes it back.)
        // (Not before a "mejor" that still follows: "El de 20 esta bien. Bueno no, … con 20 se congela... mejor el de 50".)
        if let undo = words.indices.last(where: noStandingAlone),
           pool.contains(where: { $0.at < undo }), !words[(undo + 1)...].contains(where: Self.betterWords.contains),
           let next = pool.filter({ speeds.contains($0.value) && $0.at > undo }).min(by: { $0.at < $1.at }) {
            return next.value
        }
        let lastChange = ids.all.lastIndex(where: Self.changeIds.contains)
        if let better = words.indices.last(where: { Self.betterIds.contains(ids[$0]) && !["que", "than"].contains(word($0 + 1)) }),
           lastChange.map({ $0 < better }) ?? true,
           // ("mejor el de cincuenta porque… con veinte megas no va a salir": the one right after "mejor", others named later
           // being the reason.)
           pool.contains(where: { $0.at < better }) || pool.count > 1 && !text.contains("?"),
           let next = pool.filter({ speeds.contains($0.value) && $0.at > better && $0.at <= better + 5 }).min(by: { $0.at < $1.at }) {
            return next.value
        }
        if let change = lastChange {
            let known = pool.filter { speeds.contains($0.value) }
            if let next = known.filter({ $0.at > change && $0.at <= change + 5 }).min(by: { $0.at < $1.at }) { return next.value }
            if let last = known.max(by: { $0.at < $1.at }) { return last.value }
        }
        // "¿tienen de 200 megas? … el de 50 ya no aguanta": the speed asked for, even one the sheet lacks.
        if let asked = pool.first(where: { !speeds.contains($0.value) && word($0.at - 1) == "de"
            && ["tienen", "hay", "manejan", "ofrecen", "venden"].contains(word($0.at - 2)) }) {
            return asked.value
        }
        // ("will the 20 be enough…? maybe let's do the 50 just in case": the one said to go with, beside the one asked about.)
        if pool.count > 1, let chosen = pool.last(where: { candidate in
            speeds.contains(candidate.value) && [["do", "the"], ["with", "the"], ["take", "the"], ["make", "it"], ["make", "it", "the"]]
                .contains { lead in candidate.at >= lead.count && Array(words[(candidate.at - lead.count)..<candidate.at]) == lead }
        }) {
            return chosen.value
        }
        // The sheet's own speeds first ("pagué el de 50 y el speedtest marca 8 megas").
        return pool.min { a, b in
            let (sa, sb) = (speeds.contains(a.value) ? 0 : 1, speeds.contains(b.value) ? 0 : 1)
            return (sa, a.rank, a.at) < (sb, b.rank, b.at)
        }?.value
    }

    /// A bit for a word's first byte and length: equal words have the same bit.
    private static func nameKey(_ word: String) -> UInt64 {
        1 << ((UInt64(word.utf8.first ?? 0) &* 31 &+ UInt64(word.utf8.count)) & 63)
    }

    /// Words that say whether a plan will do ("won't be enough", "no alcanza"): most messages have none.
    static let enoughWords: Set<String> = ["enough", "alcanza", "aguanta", "suficiente"]
    static let betterWords = ["mejor", "better"]
    static let changeWords = ["cambiamelo", "cambialo", "cambiame", "cambiale", "cambiarlo", "instead", "dejelo", "dejalo", "dejenlo"]
    /// Hundreds said in words, for a price dictated ("trescientos cincuenta").
    static let hundreds: [String: Int] = [
        "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
    ]
    /// (Asked of every word: a bit test, the dictionary only for the few that are hundreds.)
    private static let hundredsIds = WordIdSet(hundreds.keys)
    private static let betterIds = WordIdSet(betterWords)
    private static let changeIds = WordIdSet(changeWords)

    /// "Hogar 50" → "hogar": the word of each plan's name that is not its speed. Built once per
    /// set of plans: every message is read against the same sheet.
    static func planNames(_ plans: [Plan]) -> [(word: String, mbps: Int)] {
        if let last = lastPlanNames.withLock({ $0 }), last.plans == plans { return last.names }
        let names = plans.compactMap { plan -> (word: String, mbps: Int)? in
            Lexicon.significantWords(of: plan.name).first { Int($0) == nil }.map { ($0, plan.mbps) }
        }
        lastPlanNames.withLock { $0 = (plans, names) }
        return names
    }

    private static let lastPlanNames = Mutex<(plans: [Plan], names: [(word: String, mbps: Int)])?>(nil)

    /// "el más barato", "the cheapest", "el de en medio": a plan by its place among the plans.
    private func relativePlan(words: [String], speeds: [Int]) -> (value: Int, at: Int)? {
        let sorted = speeds.sorted()
        guard let cheapest = sorted.first, let fastest = sorted.last else { return nil }
        let asked = context.awaiting == .plan
        for (i, word) in words.enumerated() where Self.relativeWordIds.contains(ids[i]) {
            let previous = i > 0 ? words[i - 1] : ""
            // "pa mi hijo el mayor", "mi hermana la menor": which of the children, not which plan.
            if ["mayor", "menor", "grande", "chico"].contains(word),
               words[max(0, i - 3)..<i].contains(where: { Lexicon.relatives.contains($0) || ["hijos", "hijas", "hermanos"].contains($0) }) {
                continue
            }
            // "no quiero algo muy caro": what is not wanted is no plan chosen.
            if ["caro", "expensive"].contains(word), words[max(0, i - 4)..<i].contains(where: { ["no", "not", "nada"].contains($0) }) { continue }
            // ("xfa que sea rapido", "lo más rápido posible": soon, not the fastest plan.)
            if ["sea", "vengan", "vayan", "instalen"].contains(previous) || i + 1 < words.count && words[i + 1] == "posible" { continue }
            // ("Su nombre completo es Carmen Ibarra Solís": the whole name, not the biggest plan.)
            if word == "completo", ["nombre", "nombres", "apellido", "apellidos", "domicilio", "direccion"].contains(previous) { continue }
            // ("And the small one?" is the cheapest plan; "the small office above the farmacia" is no plan.)
            if ["small", "smaller"].contains(word), i + 1 < words.count, !["one", "plan", "package"].contains(words[i + 1]) { continue }
            // ("la barato por favor": the article as it came, with the plan's gender missed.)
            let qualified = ["mas", "el", "the", "most", "plan"].contains(previous) || (asked && word != "mejor")
                || previous == "la" && ["barato", "economico"].contains(word)
            // ("which is your smallest plan": a superlative needs no "the".)
            if Lexicon.cheapWords.contains(word), qualified || ["cheapest", "smallest"].contains(word) { return (cheapest, i) }
            if Lexicon.fastWords.contains(word), qualified || ["fastest", "biggest"].contains(word) { return (fastest, i) }
            // ("EL MAS BUENO": the best, the fastest.)
            if word == "bueno", previous == "mas" { return (fastest, i) }
            // ("para el aula de medios": the school's media room, no plan.)
            if word == "medio", i >= 2, ["aula", "sala", "salon", "laboratorio", "centro"].contains(words[i - 2]) { continue }
            if sorted.count >= 3, word == "medio", previous == "en" || previous == "de" || asked { return (sorted[sorted.count / 2], i) }
            // ("Right in the middle of the lunch rush": a moment, not the middle plan.)
            if sorted.count >= 3, ["intermedio", "mediano", "middle"].contains(word), !(i + 1 < words.count && words[i + 1] == "of") {
                return (sorted[sorted.count / 2], i)
            }
        }
        return nil
    }

    /// Every word `relativePlan` reacts to: one lookup rules out the rest of a message's words.
    static let relativeWords = Lexicon.cheapWords.union(Lexicon.fastWords).union(["medio", "intermedio", "mediano", "middle", "bueno"])
    private static let relativeWordIds = WordIdSet(relativeWords)

    // MARK: Name

    func name(for intent: Intent) -> String? {
        // ("on behalf of Reverend Father Thomas Whitfield": the title is no part of the name.)
        guard let said = ownNameAfterSaying() ?? nameAsSaid(for: intent) else { return nil }
        var name = givenNameAfterSurnames(said) ?? fullerNameSaidAgain(said) ?? nameAfterTakingBack(said) ?? wholeGivenNameLater(said)
            ?? said
        // ("Ma. de Lourdes Campos": María abbreviated, as IDs and forms write it, is part of the name.)
        if let ma = ["Ma. de ", "Ma de ", "Ma. "].first(where: { text.contains($0 + name) }) { name = ma + name }
        // ("Marisol Ávila Campos Marisol Ávila", dictated twice: the name once.)
        let parts = name.split(separator: " ")
        if parts.count >= 3, let again = parts.dropFirst(2).firstIndex(where: { Text.fold(String($0)) == Text.fold(String(parts[0])) }) {
            name = parts[..<again].joined(separator: " ")
        }
        // ("…a nombre del licenciado. Confirmado": the word that closes the message, no one's name.)
        if !name.contains(" "), Self.closingWords.contains(Text.fold(name)), text.contains(name) { return nil }
        // ("Expanding huh. Any ballpark on when?": a word said back with a grunt, no one's name.)
        if name.split(separator: " ").contains(where: { Self.interjections.contains(Text.fold(String($0))) }) { return nil }
        // ("a un costado de la Presidencia Municipal": a landmark, no one's name.)
        if let at = text.range(of: name),
           Self.landmarkLeads.contains(where: (" " + Text.fold(String(text[..<at.lowerBound])) + " ").hasSuffix) {
            return nil
        }
        let words = name.split(separator: " ")
        let kept = words.drop { Self.titles.contains(Text.fold(String($0)).trimmingCharacters(in: .punctuationCharacters)) }
        return kept.count >= 1 && kept.count < words.count ? kept.joined(separator: " ") : name
    }

    /// Words that close a message, capitalised after a full stop ("Confirmado", "Correcto"), never a name.
    static let closingWords: Set<String> = ["confirmado", "confirmada", "confirmo", "correcto", "correcta", "listo", "lista",
                                            "perfecto", "adelante", "gracias", "saludos", "atentamente", "proceda", "procedan"]

    /// Words that put a landmark after them ("frente a la Presidencia Municipal", "junto al Oxxo").
    static let landmarkLeads = [" costado de la ", " costado del ", " frente a la ", " frente al ", " junto a la ", " junto al ",
                                " enfrente de la ", " enfrente del ", " cerca de la ", " cerca del ", " atras de la ", " atras del ",
                                " a lado de la ", " a lado del ", " al lado de la ", " al lado del ", " next to the ", " across from the ",
                                " behind the ", " near the "]

    /// "se llama Brayan Ramírez Luna no espera ponlo completo Brayan Alexis Ramírez Luna": the name said again, fuller,
    /// after taking it back.
    private func fullerNameSaidAgain(_ name: String) -> String? {
        let parts = name.split(separator: " ")
        // (Most messages never say the first name twice: ruled out by a byte search before Foundation's.)
        guard parts.count >= 2, let first = parts.first, text.contains(" " + first + " "), let at = text.range(of: name),
              let again = text[at.upperBound...].range(of: " " + first + " ") else { return nil }
        let between = " " + Text.fold(String(text[at.upperBound..<again.lowerBound])) + " "
        guard [" no espera ", " espera ", " perdon ", " digo ", " wait ", " sorry ", " completo ", " mejor "].contains(where: between.contains)
        else { return nil }
        let words = text[again.upperBound...].prefix { $0.isLetter || $0 == " " }.split(separator: " ").prefix(6)
        let wanted = Set(parts.map { Text.fold(String($0)) })
        guard let last = words.lastIndex(where: { wanted.contains(Text.fold(String($0))) }) else { return nil }
        let fuller = [first] + words[...last]
        guard fuller.count > parts.count, wanted.isSubset(of: Set(fuller.map { Text.fold(String($0)) })) else { return nil }
        return fuller.joined(separator: " ")
    }

    /// "ta bueno ese de 50. a nombre mio, jose maria cardenas": the writer's own name, after saying so, lowercase or not.
    private func ownNameAfterSaying() -> String? {
        guard starts.contains(" a nombre mio ") || starts.contains(" a mi nombre ") else { return nil }
        for i in tokens.indices.dropFirst(2) {
            let said = tokens[i - 2].typed == "a" && tokens[i - 1].typed == "nombre" && tokens[i].typed == "mio"
                || tokens[i - 2].typed == "a" && tokens[i - 1].typed == "mi" && tokens[i].typed == "nombre"
            guard said else { continue }
            var j = i + 1
            guard j < tokens.count, tokens[j].isBoundary else { return nil }
            j += 1
            var picked: [String] = []
            while j < tokens.count, picked.count < 4, tokens[j].isAlphabetic,
                  CommonWords.names.contains(tokens[j].typed) || !CommonWords.all.contains(tokens[j].typed),
                  !lexicon.isIntentWord(tokens[j].typed) {
                picked.append(tokens[j].original)
                j += 1
            }
            return picked.count >= 2 ? Text.titleCased(picked.joined(separator: " ")) : nil
        }
        return nil
    }

    /// "Rigo Salas. bueno ponle Rigoberto Salas mejor", "soy Chuy Navarro. bueno Jesus Navarro pa q quede bien": the
    /// nickname said first, then the whole given name with the same surname.
    private func wholeGivenNameLater(_ name: String) -> String? {
        let parts = Text.fold(name).split(separator: " ").map(String.init)
        guard parts.count >= 2, let surname = parts.last,
              let start = tokens.firstIndex(where: { $0.typed == parts[0] }) else { return nil }
        for i in tokens.indices where i > start + 1 && ["bueno", "ponle", "ponga", "mejor", "digo"].contains(tokens[i].typed) {
            var j = i + 1
            while j < tokens.count, ["ponle", "ponga", "pon", "mejor", "a", "nombre", "de"].contains(tokens[j].typed) { j += 1 }
            var picked: [Token] = []
            while j < tokens.count, picked.count < 3, tokens[j].isAlphabetic,
                  CommonWords.names.contains(tokens[j].typed) || !CommonWords.all.contains(tokens[j].typed) {
                picked.append(tokens[j])
                j += 1
            }
            guard picked.count >= 2, picked.last?.typed == surname, picked[0].typed != parts[0] else { continue }
            return Text.titleCased(picked.map(\.original).joined(separator: " "))
        }
        return nil
    }

    /// "Name is Deborah Salinas. Actually wait, my mom says put it in her name since it's her house: Hortensia Salinas": the
    /// name taken back for the one that ends the message.
    private func nameAfterTakingBack(_ name: String) -> String? {
        guard text.contains(":"), let at = text.range(of: name) else { return nil }
        let rest = text[at.upperBound...]
        let restFolded = " " + Text.fold(String(rest)) + " "
        guard [" actually ", " wait ", " mejor ", " perdon ", " espera ", " digo ", " sorry ", " scratch that ", " better "]
                .contains(where: restFolded.contains), let colon = rest.lastIndex(of: ":") else { return nil }
        let words = rest[rest.index(after: colon)...].split { $0 == " " || $0 == "." || $0 == "!" || $0 == "\n" }
        guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }),
              words.allSatisfy({ !CommonWords.all.contains(Text.fold(String($0))) || CommonWords.names.contains(Text.fold(String($0))) })
        else { return nil }
        return words.joined(separator: " ")
    }

    /// "Treviño Garza, Gloria": two surnames, a comma, then the given name alone, as school records write it.
    private func givenNameAfterSurnames(_ name: String) -> String? {
        // (Cheap checks first: a Foundation search that ignores accents is slow, and most names have no comma after them.)
        guard text.contains(","), name.split(separator: " ").count == 2,
              let comma = text.range(of: name + ",", options: [.caseInsensitive, .diacriticInsensitive])
        else { return nil }
        let rest = text[comma.upperBound...].drop(while: { $0 == " " })
        let given = rest.prefix(while: { $0.isLetter })
        let after = rest.dropFirst(given.count)
        guard let first = given.first, first.isUppercase, after.isEmpty || after.first.map({ ".,;!\n".contains($0) }) == true else { return nil }
        let folded = Text.fold(String(given))
        guard CommonWords.names.contains(folded) || !CommonWords.all.contains(folded) && !lexicon.isIntentWord(folded),
              context.zones.allSatisfy({ Text.fold($0) != folded }) else { return nil }
        return name + ", " + given
    }

    static let titles: Set<String> = ["reverend", "rev", "father", "fr", "pbro", "presbitero", "fray", "pastor", "padre", "sor",
                                      "diacono", "monsenor"]

    private func nameAsSaid(for intent: Intent) -> String? {
        var triggers = Lexicon.nameTriggers, triggerIds = Lexicon.nameTriggerIds
        // "soy pepe. busca a veronica sanchez": whom staff look for comes before who they are.
        // (A name asked for is no search: "se llama maria del carmen ortiz, pero todos le decimos doña carmen".)
        if intent == .staffSearch, context.awaiting != .name {
            triggers = Lexicon.searchTriggers + triggers
            triggerIds = Lexicon.searchTriggerIds + triggerIds
        }
        // "soy Pedro Luis… es para mi hija Mariana Aguirre", "pa mi jefita, refugio garza": whom the service is
        // for, unless a name is given outright ("a nombre de…").
        if intent == .register, words.position(of: ["nombre", "de"]) == nil, words.position(of: ["mi", "nombre"]) == nil {
            // (Two words that could be a name must follow: "para mi hermano, él vive en Norte" names no one.)
            let zoneWords = self.zoneWords
            for i in words.indices.dropLast(2) where ["para", "pa", "for", "a"].contains(words[i]) && ["mi", "my"].contains(words[i + 1])
                && Lexicon.relatives.contains(tokens[i + 2].typed) {
                var j = i + 3
                if j < tokens.count, tokens[j].isBoundary { j += 1 }
                // ("para mi mamá, ella vive en el sur… se llama Josefina": "ella vive" is nobody's name.)
                guard j + 1 < tokens.count, !["ella", "el", "ellos", "she", "he"].contains(tokens[j].typed),
                      Self.unknownWord(tokens[j], lexicon: lexicon, zoneWords: zoneWords),
                      Self.unknownWord(tokens[j + 1], lexicon: lexicon, zoneWords: zoneWords) else { continue }
                if let name = nameWords(from: i + 1, requireCapital: false) { return name }
            }
        }
        // ("busca a Ricardo Diaz... no espera, ese no, el que llamo fue Raul Herrera": the client named after taking one back.)
        if intent == .staffSearch, let corrected = clientNamedAfterACorrection() { return corrected }
        // (By index: most triggers are absent, and zipping the lists copied each trigger's words.)
        for k in triggerIds.indices {
            var from = 0
            while let at = ids.position(of: triggerIds[k], from: from) {
                let trigger = triggers[k]
                let end = at + trigger.count
                // ("el negocio se llama Jenn's Beauty pero ponlo a mi nombre": a business's name, not a person's.)
                if trigger == ["se", "llama"], namesAPlace(before: at) {
                    from = end
                    continue
                }
                if let name = nameWords(from: end, requireCapital: trigger == ["im"] || trigger == ["i", "am"] || trigger == ["name"] || trigger == ["its"]) {
                    // ("It's Zaragoza #14, the yellow house": a street and its number.)
                    let after = end + name.split(separator: " ").count
                    if trigger == ["its"], after < tokens.count, tokens[after].isNumber {
                        from = end
                        continue
                    }
                    // ("put it under her name since she's the one home… Sofia Thompson": the reason, not the name.)
                    if ["since", "because", "cause", "porque", "pues"].contains(Text.fold(String(name.split(separator: " ")[0]))) {
                        from = end
                        continue
                    }
                    // "…calls him Bob but Robert Whitaker…": a full name elsewhere beats a lone word.
                    // ("My name is Linda… our neighbor Doña Cuca told us": not someone named as another's.)
                    if !name.contains(" "), let full = capitalisedName(afterRelation: false), full.contains(" ") { return full }
                    return fullerLater(name, after: end) ?? name
                }
                from = end
            }
        }
        // "…Saludos, Ricardo Vega" / "Atentamente, …" at the end of a formal message.
        if let s = words.lastIndex(where: { $0 == "saludos" || $0 == "atentamente" }),
           let name = nameWords(from: s + 1, requireCapital: true),
           tokens[(s + 1)...].filter({ !$0.isBoundary }).count <= 4 {
            return name
        }
        // "…¿En qué horario? Rosalba", "…Centro. Tom": a name signed alone after a longer message
        // (a full name elsewhere wins over a lone first name: "in the name of Geoffrey Whitfield. Kind regards, Margaret").
        if let signature = signedName() {
            if !signature.contains(" "), let full = capitalisedName(), full.contains(" ") { return full }
            return signature
        }
        // ("Yolanda Rios. Ay no espere, ponga Yolanda Rios Cardenas": the fuller one, said after taking it back.)
        if context.awaiting == .name, let whole = standingName(minWords: 2) ?? wholeMessageAsName() ?? leadingName() {
            return fullerLater(whole, after: 0) ?? whole
        }
        // "RIGOBERTO SALAZAR. ORIENTE POR LA GASOLINERA. EL DE 450": a sign-up's facts in any order.
        // ("ok ese lo quiero. es pa un depa en el centro. fernanda torres, cel 444 187 6320": a sign-up's name, standing alone.)
        // ("ok, apunteme en la lista pal poniente, jesus arredondo": a name for the list, lowercase or not.)
        let listAsked = words.contains { ["apunteme", "apuntame", "anoteme", "anotame", "apuntenme", "anotenme"].contains($0) }
        // ("No espere, es Maria del Socorro Ortega, asi esta en su credencial" at the summary: the name put right.)
        if context.awaiting == .confirmation || context.awaiting == .name, let first = words.first,
           ["no", "perdon", "espere", "espera", "sorry", "wait"].contains(first),
           let i = words.prefix(5).firstIndex(of: "es"), let name = nameWords(from: i + 1, requireCapital: true), name.contains(" ") {
            return name
        }
        // (At the summary, "Ramon Peña" alone is the name to put instead.)
        if context.awaiting == .confirmation, tokens.filter({ !$0.isBoundary }).count <= 4,
           !tokens.contains(where: { Answers.all.contains($0.word) }), let whole = standingName(minWords: 2) ?? wholeMessageAsName() {
            return whole
        }
        if [.zone, .plan, .phone].contains(context.awaiting) || context.namesWelcome || intent == .register || listAsked,
           let standing = standingName(minWords: 2, strict: !context.namesWelcome && !listAsked) {
            return standing
        }
        // Staff name clients the sheet has ("tel de patricia flores", "Ricardo Díaz está activo?").
        if let client = clientNameMentioned() { return client }
        return capitalisedName()
    }

    /// "soy kevin alvarado. bueno kevin alvarado ruiz, con los dos apellidos": the same name said again, longer.
    /// "Se llama Eliseo Gomez Perez... perdón, Eliseo Perez Gomez": said again after taking it back.
    private func fullerLater(_ name: String, after start: Int) -> String? {
        let first = Text.fold(String(name.split(separator: " ")[0]))
        let folded = Text.fold(name)
        for i in tokens.indices where i > start && tokens[i].typed == first {
            guard let again = nameWords(from: i, requireCapital: false) else { continue }
            if Text.fold(again).hasPrefix(folded + " ") { return again }
            // ("…Fernanda Garcia Salinas. no espere, ponga Fernanda Garcia nomas": the one said after "espere".)
            // ("Socorro Villa Real no es Villarreal todo junto Socorro Villarreal Garza": "no es" takes it back too.)
            let takenBack = tokens[start..<i].contains { ["perdon", "digo", "sorry", "mean", "espere", "corrijo", "ponga", "mejor"].contains($0.typed) }
                || (start..<(i - 1)).contains { tokens[$0].typed == "no" && tokens[$0 + 1].typed == "es" }
            if takenBack, again.split(separator: " ").count >= 2, Text.fold(again) != folded { return again }
        }
        return nil
    }

    /// Of two clients of the sheet named with a self-correction between them, the one named last.
    private func clientNamedAfterACorrection() -> String? {
        guard !context.clientNames.isEmpty, words.contains(where: Lexicon.selfCorrections.contains) else { return nil }
        let mentioned = context.clientNames.compactMap { name in
            folded.range(of: " " + Text.fold(name) + " ").map { (name: name, at: $0.lowerBound) }
        }
        guard mentioned.count >= 2, let last = mentioned.max(by: { $0.at < $1.at }),
              Lexicon.selfCorrections.contains(where: { folded[...last.at].contains(" " + $0 + " ") }) else { return nil }
        return last.name
    }

    /// A client of the sheet named in a staff message: the first name and another of its words,
    /// side by side, as the message spells them.
    private func clientNameMentioned() -> String? {
        guard !context.clientNames.isEmpty else { return nil }
        let words = tokens.map { SpeltName($0.typed) }
        var best: (start: Int, length: Int)?
        for parts in Self.clientNameParts(context.clientNames) {
            guard parts.count >= 2, let start = words.firstIndex(where: { $0.isSameName(as: parts[0]) }) else { continue }
            var length = 1
            while start + length < words.count, length < parts.count,
                  parts.contains(where: { words[start + length].isSameName(as: $0) }) { length += 1 }
            if length >= 2, best == nil || length > best!.length { best = (start, length) }
        }
        guard let best else { return nil }
        return Text.titleCased(tokens[best.start..<(best.start + best.length)].map(\.original).joined(separator: " "))
    }

    /// Each client's name as its folded words. Built once per list of clients: every staff
    /// message is read against the same sheet.
    static func clientNameParts(_ names: [String]) -> [[SpeltName]] {
        if let last = lastClientNameParts.withLock({ $0 }), last.names == names { return last.parts }
        let parts = names.map { Text.fold($0).split(separator: " ").map { SpeltName(String($0)) } }
        lastClientNameParts.withLock { $0 = (names, parts) }
        return parts
    }

    private static let lastClientNameParts = Mutex<(names: [String], parts: [[SpeltName]])?>(nil)

    /// "peres" is "pérez", "rodrigez" is "rodríguez": one slip, or the same sound.
    static func sameName(_ typed: String, _ name: String) -> Bool {
        // ("Hector Jimenez" is "Héctor Jiménez": compared without accents.)
        SpeltName(Text.fold(typed)).isSameName(as: SpeltName(Text.fold(name)))
    }

    /// Two to four capitalised words that are nobody's vocabulary: "Mike Henderson.",
    /// "mi vecina Claudia Morales", "Ana Karen López, zona Sur".
    private func capitalisedName(afterRelation: Bool = true) -> String? {
        guard !shouted else { return nil }
        let zoneWords = self.zoneWords
        var i = 0
        while i < tokens.count {
            var j = i, joiners = 0
            // ("Lucia Garza de Treviño": "de" goes on after two words of name, not in "Boca del Río".)
            while j < tokens.count, j - i - joiners < 4 {
                if Self.couldBeName(tokens[j], lexicon: lexicon, zoneWords: zoneWords) {
                    j += 1
                } else if j > i + 1, Self.joinsName(tokens, at: j, picked: j - i) {
                    j += 1
                    joiners += 1
                } else {
                    break
                }
            }
            while j > i, Self.innerJoiners.contains(tokens[j - 1].word) { j -= 1 }
            // "cerca del Seguro Social", "frente a la Farmacia Guadalajara": a landmark, not a person.
            // "I'm Linda, Mike Henderson's neighbour": whose neighbour, not who writes.
            // (Asked only of a run long enough: most runs are empty.)
            // ("…de la capilla de San Judas Tadeo": a saint's name.)
            if j - i >= 2, !(i > 0 && Lexicon.landmarkLeads.contains(tokens[i - 1].word)), !Lexicon.saints.contains(tokens[i].word),
               !(j < tokens.count && Self.relationWords.contains(tokens[j].typed)),
               afterRelation || !(i > 0 && (Self.relationWords.contains(tokens[i - 1].typed) || Lexicon.relatives.contains(tokens[i - 1].typed))) {
                return Text.titleCased(tokens[i..<j].map(\.original).joined(separator: " "))
            }
            i = max(j, i + 1)
        }
        return nil
    }

    var zoneWords: Set<String> { resolver.zoneWords }

    /// "la fonda está en el centro en la calle hidalgo se llama…": a place or a business in the clause before.
    private func namesAPlace(before at: Int) -> Bool {
        var k = at - 1
        while k >= 0, k >= at - 8, !tokens[k].isBoundary {
            if Self.placeNouns.contains(tokens[k].word) { return true }
            k -= 1
        }
        return false
    }

    /// Sounds said while thinking aloud, never part of a name.
    static let interjections: Set<String> = ["huh", "hmm", "hm", "uh", "um", "umm", "wow", "jaja", "jajaja", "haha", "lol", "mmm"]

    static let placeNouns: Set<String> = ["negocio", "negocito", "fonda", "fondita", "local", "localito", "tienda", "tiendita",
                                          "estetica", "escuela", "restaurante", "changarro", "salon", "taller", "calle", "colonia",
                                          "barrio", "empresa", "business", "shop", "store", "colegio", "primaria",
                                          "secundaria"]

    static let relationWords: Set<String> = ["neighbour", "neighbor", "friend", "wife", "husband", "son", "daughter", "mom",
                                             "mother", "vecino", "vecina", "amigo", "amiga", "esposa", "esposo", "hijo", "hija"]

    /// The last clause, when it is one to three capitalised words nobody's vocabulary has and
    /// at least two clauses of five words or more come before it.
    private func signedName() -> String? {
        guard !shouted, let last = tokens.lastIndex(where: \.isBoundary), last >= 5 else { return nil }
        let tail = tokens[(last + 1)...]
        let zoneWords = self.zoneWords
        guard (1...3).contains(tail.count), tail.allSatisfy({ Self.couldBeName($0, lexicon: lexicon, zoneWords: zoneWords) })
        else { return nil }
        return Self.joined(Array(tail))
    }

    static func couldBeName(_ token: Token, lexicon: Lexicon, zoneWords: Set<String>) -> Bool {
        // A capital first: one byte rules out most words.
        token.isCapitalised && token.isAlphabetic && token.typed.utf8.count >= 2
            && unlisted(token.typed, lexicon: lexicon, zoneWords: zoneWords)
    }

    /// A word none of the word lists claims (a common first name or surname counts as unclaimed).
    static func unlisted(_ typed: String, lexicon: Lexicon, zoneWords: Set<String>) -> Bool {
        lexicon.unlisted(typed) && !zoneWords.contains(typed)
    }

    /// The words as typed; an expanded abbreviation ("del" → "de el") is written once.
    static func joined(_ tokens: [Token]) -> String {
        var words: [String] = []
        var last: Token?
        for token in tokens {
            if let last, last.original == token.original, last.word != token.word { continue }
            words.append(token.original)
            last = token
        }
        return Text.titleCased(words.joined(separator: " "))
    }

    /// The lowercase words that may stand inside a capitalised name (never at its end).
    static let innerJoiners: Set<String> = ["de", "del", "la", "los", "el"]

    /// "María del Socorro", "Juan de la Cruz": a lowercase "de/del/de la" inside a name.
    static func joinsName(_ tokens: [Token], at i: Int, picked: Int) -> Bool {
        guard picked > 0, innerJoiners.contains(tokens[i].word) else { return false }
        var j = i + 1
        while j < tokens.count, ["la", "los", "el"].contains(tokens[j].word) { j += 1 }
        // ("se llama maria del carmen", all lower case: a first name after the "del" is part of it.)
        return j < tokens.count && tokens[j].isAlphabetic
            && (tokens[j].isCapitalised || (CommonWords.names.contains(tokens[j].typed) || givenNames.contains(tokens[j].typed))
                && !tokens.contains(where: \.isCapitalised)
                // ("me yamo rosario castañeda de la crus": a surname nobody's vocabulary has, ending the message.)
                || picked >= 2 && !CommonWords.all.contains(tokens[j].typed)
                    && (!CommonWords.all.contains(tokens[j].word) || CommonWords.names.contains(tokens[j].word))
                    && (j + 1 == tokens.count || tokens[j + 1].isBoundary))
    }

    private func nameWords(from start: Int, requireCapital: Bool) -> String? {
        var i = start
        // "a nombre de mi mamá Rosa María", "under my husband's name": the name after who it is.
        var courtesy = false
        if i + 1 < tokens.count, ["mi", "su", "my", "her", "his"].contains(tokens[i].word), Lexicon.relatives.contains(tokens[i + 1].typed) {
            i += 2
            // "pa mi jefita, refugio garza": the comma after who it is.
            courtesy = true
        } else if i < tokens.count, ["ella", "el", "him", "her"].contains(tokens[i].typed) {
            i += 1
            // "póngalo a nombre de ella, Mariana Aguirre Hernández".
            courtesy = true
        }
        // "a mi nombre por favor, Arturo Villaseñor": the courtesy and the comma before the name.
        if i + 1 < tokens.count, tokens[i].word == "por", tokens[i + 1].word == "favor" {
            i += 2
            courtesy = true
        }
        // ("ponlo a nombre de mi papa mejor, gerardo salinas": a word said after who it is, then the name.)
        while i < tokens.count, tokens[i].isBoundary || Lexicon.honorifics.contains(tokens[i].word)
            || (["a", "la", "el"].contains(tokens[i].word) && i == start)
            || courtesy && ["mejor", "pues", "porfa", "please", "entonces"].contains(tokens[i].typed) {
            if tokens[i].isBoundary, i > start, !courtesy { return nil }
            i += 1
            // "a nombre de ella, por favor: Rosario Gutiérrez Peña".
            if courtesy, i + 1 < tokens.count, tokens[i].word == "por", tokens[i + 1].word == "favor" { i += 2 }
        }
        // ("Soy el sacristán de la parroquia", "soy la catequista": a role after the article, not a name; "soy el padre Tomás"
        // goes on to the name.)
        // ("a nombre de la parroquia: Parroquia del Sagrado Corazón" goes on to the name after the colon.)
        let next = tokens[min(i + 1, tokens.count)...].first { !$0.isBoundary }
        // (Right after the article: "a nombre de la señora martha salinas" names her after the title.)
        let article = i > start && ["el", "la"].contains(tokens[i - 1].word)
        if article, i < tokens.count, !tokens[i].isCapitalised || shouted, !CommonWords.names.contains(tokens[i].typed),
           !Self.givenNames.contains(tokens[i].typed), !Lexicon.honorifics.contains(tokens[i].word),
           next.map({ !$0.isCapitalised || shouted }) ?? true {
            return nil
        }
        var picked: [Token] = []
        // "soy Efraín Lara albañil": a capitalised name ends at the first lowercase word.
        let capitalised = i < tokens.count && tokens[i].isCapitalised && !shouted
        // ("María de la Luz Sandoval Peña": the "de la" inside a name does not count towards its length.)
        var core = 0
        while i < tokens.count, core < 5, tokens[i].isAlphabetic,
              // "a nombre de ella carmen ruiz olvera cuanto sale": the name ends where the question starts.
              !lexicon.isIntentWord(tokens[i].word) || tokens[i].isCapitalised
                // ("name is hank dolan": "hank" read as "thank" is still the name typed.)
                || tokens[i].word != tokens[i].typed && !lexicon.isIntentWord(tokens[i].typed) && !CommonWords.all.contains(tokens[i].typed)
                || Self.joinsName(tokens, at: i, picked: picked.count) || CommonWords.names.contains(tokens[i].typed)
                || Self.givenNames.contains(tokens[i].typed),
              !Lexicon.notNameWords.contains(tokens[i].typed) || Self.joinsName(tokens, at: i, picked: picked.count),
              !(capitalised && !tokens[i].isCapitalised) || Self.joinsName(tokens, at: i, picked: picked.count),
              // ("Tello" is no "hello": a capitalised word the spelling fix changed stays a name.)
              !Lexicon.notNameWords.contains(tokens[i].word) || Self.joinsName(tokens, at: i, picked: picked.count)
                || tokens[i].isCapitalised && tokens[i].word != tokens[i].typed && !picked.isEmpty,
              context.zones.allSatisfy({ Text.fold($0) != tokens[i].typed }),
              // ("¿se puede poner a nombre de la escuela o tiene que ser a nombre de una persona?": a place, not whose name.)
              // ("…si contrato a mi nombre? ¿Me pasan los planes?": a pronoun.)
              !Self.placeNouns.contains(tokens[i].typed), !["me", "te", "se", "le", "nos"].contains(tokens[i].typed) {
            if !Self.joinsName(tokens, at: i, picked: picked.count) { core += 1 }
            picked.append(tokens[i])
            i += 1
        }
        // ("his name is Michael Brennan B R E N N A N Brennan": the letters spell it; the name ends before them.)
        let letters = picked.indices.filter { picked[$0].typed.count == 1 && !Self.nameJoiners.contains(picked[$0].typed) }
        if letters.count >= 2, let cut = letters.first, cut > 0 { picked.removeSubrange(cut...) }
        while let last = picked.last, picked.count > 1, Self.innerJoiners.contains(last.word) { picked.removeLast() }
        // "Rosario Elizondo Treviño Elizondo con zeta": a surname said again to spell it is said once.
        if picked.count > 2, let last = picked.last, picked.dropLast().contains(where: { $0.typed == last.typed }),
           i + 1 < tokens.count, tokens[i].word == "con" {
            picked.removeLast()
        }
        guard let first = picked.first, first.word.count >= 2 else { return nil }
        if requireCapital, !first.isCapitalised { return nil }
        return Self.joined(picked)
    }

    /// A clause that is only a name: two to four words nobody's vocabulary has, standing between
    /// line breaks or punctuation ("ahh nmms 😩 / bueno si apuntame / yesenia castañeda",
    /// "Douglas Fraser. Doug is fine.").
    func standingName(minWords: Int, strict: Bool = false) -> String? {
        let zoneWords = self.zoneWords
        var clause: [Token] = []
        var candidates: [(name: String, capitalised: Bool)] = []
        for token in tokens + [Token.boundary] {
            guard token.isBoundary else {
                clause.append(token)
                continue
            }
            defer { clause = [] }
            let words = Array(clause.drop { Lexicon.nameFillers.contains($0.typed) || Lexicon.honorifics.contains($0.word) })
            // "Hortensia Villarreal de la Garza": "de", "del", "de la" inside a name.
            let inner = words.enumerated().filter { i, token in
                !(i > 0 && i < words.count - 1 && ["de", "del", "la", "los", "y"].contains(token.word))
            }.map(\.element)
            guard (minWords...4).contains(inner.count), inner.allSatisfy({ Self.unknownWord($0, lexicon: lexicon, zoneWords: zoneWords) })
            else { continue }
            // "Tome nota … de mi hermana: Consuelo Gutiérrez Salas": a name is written like one.
            let capitalised = inner.allSatisfy { $0.isCapitalised || CommonWords.names.contains($0.typed) }
            candidates.append((Self.joined(words), capitalised))
        }
        // Besides the answer to the name question, only a clause written like a name
        // ("arribita de la capilla" is where, not who).
        if let written = candidates.first(where: \.capitalised) { return written.name }
        return strict ? nil : candidates.first?.name
    }

    /// "octavio tellez es mi papa", "Karina Ramírez Ortega con K, y el número…": the unknown
    /// words the answer to the name question starts with.
    func leadingName() -> String? {
        let zoneWords = self.zoneWords
        let words = tokens.prefix { !$0.isBoundary }.drop { Lexicon.nameFillers.contains($0.typed) || Lexicon.honorifics.contains($0.word) }
        var run = Array(words.prefix { Self.unknownWord($0, lexicon: lexicon, zoneWords: zoneWords) })
        guard (2...4).contains(run.count), run.count < words.count else { return nil }
        // "Guillermo Saucedo Robles Saucedo con s": the last word spelt out again.
        let after = Array(words.dropFirst(run.count).prefix(2))
        if run.count >= 3, after.count == 2, after[0].word == "con", after[1].word.utf8.count == 1,
           let last = run.last, run.dropLast().contains(where: { $0.word == last.word }) {
            run.removeLast()
        }
        return Self.joined(run)
    }

    /// A word that could be a name because no word list knows it (capitalised or not).
    static func unknownWord(_ token: Token, lexicon: Lexicon, zoneWords: Set<String>) -> Bool {
        let typed = token.typed
        guard token.isAlphabetic else { return false }
        if CommonWords.names.contains(typed) { return true }
        let unknown = typed.utf8.count >= 2 && unlisted(typed, lexicon: lexicon, zoneWords: zoneWords) && !lexicon.isIntentWord(token.word)
            && !Answers.all.contains(typed) && !Answers.all.contains(token.word)
        // ("Brilliant, cheers." when the name was asked: thanks, not a name; "ivan", which the spelling fix read as a word.)
        // (Looked up only on the side each can change: most words are settled by the lists above.)
        return unknown ? !courtesies.contains(typed) && !imperativeToSomeone(typed) : givenNames.contains(typed)
    }

    /// "SIMON AVISENLE", "apuntenla": a request with its pronoun attached, never a name.
    static func imperativeToSomeone(_ word: String) -> Bool {
        word.utf8.count >= 7
            && ["enle", "anle", "enme", "anme", "enlo", "anlo", "enla", "anla", "enles", "anles"].contains(where: word.hasSuffix)
    }

    /// Given names read as names even where the spelling fix took them for words ("ivan" → "iban"). Kept out of the
    /// vocabulary, which the intent model is trained through.
    static let givenNames: Set<String> = ["ivan", "raul", "sergio", "hector", "oscar", "ruben", "diego", "eduardo", "alberto",
                                          "andres", "adriana", "claudia", "monica", "veronica", "patricia", "silvia", "teresa",
                                          "leticia", "gabriela", "karla", "daniel", "david", "rafael", "arturo", "enrique",
                                          "alfredo", "ezequiel", "rosalinda", "lucia", "elena", "sofia", "isabel", "beatriz",
                                          "alicia", "sandra", "yolanda", "refugio", "socorro", "rosario", "consuelo", "dolores",
                                          "pilar", "mercedes", "soledad", "asuncion", "concepcion"]

    static let courtesies: Set<String> = ["brilliant", "cheers", "lovely", "splendid", "righto", "awesome", "perfecto", "genial"]

    /// "de", "del", "la" inside a name ("Juan de la Cruz").
    static let nameJoiners: Set<String> = ["de", "del", "la", "las", "los", "y"]

    /// The answer to "¿A nombre de quién?": the whole message, when it looks like a name.
    private func wholeMessageAsName() -> String? {
        guard text.allSatisfy({ $0.isLetter || $0.isWhitespace || "'-.,".contains($0) }) else { return nil }
        let words = tokens.filter { !$0.isBoundary && !Lexicon.nameFillers.contains($0.word) }
        let zoneWords = self.zoneWords
        // "ay que lástima joven", "no pos mejor el de en medio": everyday words are no name.
        // ("a nombre del ing": whose it is, not what he is called.)
        guard (1...5).contains(words.count), let first = words.first, !Self.nameJoiners.contains(first.word),
              !words.contains(where: { ["nombre", "name"].contains($0.word) }),
              words.allSatisfy({ $0.isAlphabetic && !Lexicon.notNameWords.contains($0.typed) && !lexicon.isIntentWord($0.typed) }),
              words.allSatisfy({ Self.unknownWord($0, lexicon: lexicon, zoneWords: zoneWords) || Self.nameJoiners.contains($0.word) })
        else { return nil }
        return Text.titleCased(words.map(\.original).joined(separator: " "))
    }

    // MARK: Since

    func since() -> String? {
        for (i, token) in tokens.enumerated() where Self.sinceLeadIds.contains(token.id) {
            switch token.word {
            case "desde", "since":
                // "since like 2pm", "since about noon": the time after the hedge.
                var j = i + 1 < tokens.count && ["like", "about", "around"].contains(tokens[i + 1].word) ? i + 2 : i + 1
                // ("4. Desde: el sabado.", a form's field: the colon is no end.)
                if j < tokens.count, tokens[j].isBoundary, j == i + 1, ["desde:", "since:"].contains(where: text.lowercased().contains) {
                    j += 1
                }
                // ("…que el domingo, durante la misa… Desde ese día el internet se va y regresa": the day told before.)
                if j < tokens.count, ["ese", "entonces", "then", "that"].contains(tokens[j].word),
                   let day = tokens[..<i].lastIndex(where: { Lexicon.weekdays.contains($0.word) }) {
                    let first = day > 0 && ["el", "on", "the", "este", "last"].contains(tokens[day - 1].word) ? day - 1 : day
                    return tokens[first...day].map { $0.original.lowercased() }.joined(separator: " ")
                }
                // ("since 12/1", "desde el 3/12": a date written in numbers, as typed.)
                let d = j < tokens.count && ["el", "the"].contains(tokens[j].word) ? j + 1 : j
                if d + 1 < tokens.count, tokens[d].isNumber, tokens[d + 1].isNumber,
                   let a = Int(tokens[d].typed), let b = Int(tokens[d + 1].typed), (1...31).contains(a), (1...31).contains(b),
                   let written = ["/", "-"].lazy.map({ "\(a)\($0)\(b)" }).first(where: text.contains) {
                    return written
                }
                // ("desde la otra semana, el martes creo": last week.)
                if j + 2 < tokens.count, ["la", "el"].contains(tokens[j].word), ["otra", "otro"].contains(tokens[j + 1].word),
                   ["semana", "mes"].contains(tokens[j + 2].word) {
                    return tokens[j...(j + 2)].map { $0.original.lowercased() }.joined(separator: " ")
                }
                if let phrase = timePhrase(from: j) ?? eventPhrase(from: j) ?? clockPhrase(from: j)
                    ?? spanPhrase(from: j) { return phrase }
                // ("No internet since 0600": a time written the military way.)
                if j < tokens.count, tokens[j].isNumber, tokens[j].typed.count == 4, let value = Int(tokens[j].typed),
                   value / 100 < 24, value % 100 < 60 {
                    return tokens[j].typed
                }
                // ("been like that since around 3": an hour, hedged.)
                if j == i + 2, j < tokens.count, tokens[j].isNumber && Int(tokens[j].typed).map({ (1...24).contains($0) }) == true
                    || ["midnight", "noon", "medianoche", "mediodia"].contains(tokens[j].word) {
                    return tokens[(i + 1)...j].map { $0.original.lowercased() }.joined(separator: " ")
                }
                // ("Since the big storm on Saturday": an event told on the way to its day.)
                if let day = (j..<min(tokens.count, j + 7)).first(where: { Lexicon.daysBack.contains(tokens[$0].word) }),
                   !tokens[j..<day].contains(where: \.isBoundary) {
                    return tokens[j...day].map { $0.original.lowercased() }.joined(separator: " ")
                }
            case "started", "began", "start", "stopped", "died", "went", "empezo", "comenzo", "inicio":
                // "it started around 6am today", "went off last night", "empezó el lunes".
                var j = i + 1
                if token.word == "went" {
                    guard j < tokens.count, ["off", "of", "out", "down", "dead"].contains(tokens[j].word) else { continue }
                    j += 1
                }
                while j < tokens.count, ["around", "about", "at", "on", "from", "like", "maybe", "como", "a", "working"]
                    .contains(tokens[j].word) { j += 1 }
                if let phrase = timePhrase(from: j) ?? clockPhrase(from: j) { return phrase }
            // ("fíjese que hace como dos horas se fue": "que hace" too, but not "lo que hace", "desde que hace".)
            case "hace" where i == 0 || tokens[i - 1].word != "desde"
                && !(tokens[i - 1].word == "que" && (i < 2 || ["lo", "desde", "porque"].contains(tokens[i - 2].word))):
                // "hace 3 días", "hace como una semana" — not "el módem hace un ruido".
                var j = i + 1
                while j < tokens.count, ["como", "unos", "unas", "un", "una", "mas", "menos", "casi", "media", "medio"].contains(tokens[j].word)
                    || tokens[j].isNumber || Lexicon.numberWords[tokens[j].word] != nil || Lexicon.smallNumbers.contains(tokens[j].word) {
                    j += 1
                }
                if j > i + 1, j < tokens.count, Lexicon.durationUnits.contains(tokens[j].word) {
                    // ("se nos fue hace como media hora")
                    let said = tokens[i...j].map { $0.original.lowercased() }.joined(separator: " ")
                    return timePhrase(from: i).flatMap { $0.count >= said.count ? $0 : nil } ?? said
                }
            case "tiene", "tengo", "llevo", "lleva", "llevamos", "tenemos", "tienen":
                // "ya tiene como dos semanas que se corta", "llevo 3 días sin internet": a span up to now.
                var j = i + 1
                while j < tokens.count, ["como", "unos", "unas", "mas", "menos", "casi", "ya"].contains(tokens[j].word) { j += 1 }
                let count = j
                guard j < tokens.count, tokens[j].isNumber || Lexicon.numberWords[tokens[j].word] != nil
                    || Lexicon.smallNumbers.contains(tokens[j].word) || ["un", "una"].contains(tokens[j].word) else { continue }
                j += 1
                if j < tokens.count, Lexicon.durationUnits.contains(tokens[j].word), j > count {
                    return "hace " + tokens[(i + 1)...j].map { $0.original.lowercased() }.joined(separator: " ")
                }
            case "for":
                // "It's been like this for two days now", "been down for the past 3 hours"; "For about a week now the
                // internet has become very slow": a span said first, up to now.
                var j = i + 1
                while j < tokens.count, ["the", "past", "last", "about", "like", "around"].contains(tokens[j].word) { j += 1 }
                guard let phrase = spanPhrase(from: j) else { continue }
                let afterFailure = tokens[max(0, i - 4)..<i].contains(where: { ["been", "this", "down", "slow"].contains($0.word) })
                let upToNow = j + 2 < tokens.count && tokens[j + 2].word == "now"
                if afterFailure || upToNow { return phrase }
            default:
                continue
            }
        }
        if context.awaiting == .since || context.awaiting == .sinceAndModem,
           let head = tokens.firstIndex(where: { Lexicon.timeHeads.contains($0.word) }), let phrase = timePhrase(from: head) {
            return phrase
        }
        // ("como dos semanas ya bueno…": a span up to now, said first.)
        if let unit = words.indices.dropFirst().first(where: {
               Lexicon.durationUnits.contains(words[$0]) && $0 + 1 < words.count && words[$0 + 1] == "ya"
           }),
           tokens[unit - 1].isNumber || Lexicon.digitWords[words[unit - 1]] != nil || Lexicon.numberWords[words[unit - 1]] != nil
            || Lexicon.smallNumbers.contains(words[unit - 1]) {
            return "hace " + tokens[(unit - 1)...unit].map { $0.original.lowercased() }.joined(separator: " ")
        }
        // "It started about 3 days ago", "a couple of days ago": English counts back from now.
        if let ago = words.firstIndex(of: "ago"), ago >= 2, Lexicon.durationUnits.contains(words[ago - 1]) || words[ago - 1] == "months" {
            var start = ago - 1
            while start > 0, tokens[start - 1].isNumber || ["a", "an", "one", "two", "three", "four", "five", "few", "couple", "of"]
                .contains(words[start - 1]) { start -= 1 }
            if start < ago - 1 { return tokens[start...ago].map { $0.original.lowercased() }.joined(separator: " ") }
        }
        // ("se fue la luz hoy como a las cinco de la tarde y cuando regresó ya no conectó": when the power went.)
        if let cut = words.position(of: ["se", "fue", "la", "luz"]) {
            var j = cut + 4
            while j < tokens.count, ["como", "a", "eso", "de"].contains(tokens[j].word) { j += 1 }
            if let phrase = timePhrase(from: j) ?? clockPhrase(from: j) { return phrase }
        }
        // ("en la mañana", "desde en la noche" as the whole answer while a report is made: when it started.)
        if context.reportOpen, words.count <= 4, let at = words.position(of: ["en", "la"]), at + 3 == words.count,
           ["manana", "tarde", "noche"].contains(words[at + 2]) {
            return tokens[at...].map { $0.original.lowercased() }.joined(separator: " ")
        }
        // ("ESO FUE COMO A LAS NUEVE DE LA MAÑANA. DESDE ENTONCES NADA": the hour it happened, in words or digits.)
        if let at = words.position(of: ["a", "las"]), at >= 1, at + 2 < tokens.count,
           (max(0, at - 3)..<at).contains(where: { ["fue", "paso", "empezo", "comenzo", "cayo"].contains(words[$0]) }),
           let hour = Lexicon.number(words[at + 2]), (1...12).contains(hour) {
            let end = at + 5 < tokens.count && words[at + 3] == "de" && words[at + 4] == "la"
                && ["manana", "tarde", "noche"].contains(words[at + 5]) ? at + 5 : at + 2
            return tokens[at...end].map { $0.original.lowercased() }.joined(separator: " ")
        }
        // "con el aire de anoche se movió la antena": a plain time word in a failure report.
        if let at = tokens.firstIndex(where: { Lexicon.standaloneTimes.contains($0.word) }) {
            return timePhrase(from: at)
        }
        // "After the storm last night our internet se cae".
        for phrase in [["last", "night"], ["this", "morning"]] {
            if let at = words.position(of: phrase) { return timePhrase(from: at) }
        }
        // ("hoy en la mañana que abri la tienda… no hay nada de internet": today, at that part of the day.)
        for part in ["manana", "tarde", "noche"] where words.contains(part) {
            if let at = words.position(of: ["hoy", "en", "la", part]) {
                return tokens[at...(at + 3)].map { $0.original.lowercased() }.joined(separator: " ")
            }
        }
        return nil
    }

    /// The words `since` looks after: one bit test rules out the rest of a message's words.
    static let sinceLeads = ["desde", "since", "started", "began", "start", "stopped", "died", "went", "empezo", "comenzo", "inicio",
                             "hace", "tiene", "tengo", "llevo", "lleva", "llevamos", "tenemos", "tienen", "for"]
    private static let sinceLeadIds = WordIdSet(sinceLeads)

    /// "since one week", "for two days": a span in English words.
    private func spanPhrase(from start: Int) -> String? {
        guard start + 1 < tokens.count,
              ["a", "an", "one", "two", "three", "four", "five", "few", "couple",
               // ("no funciona internet desde dos dia")
               "un", "una", "dos", "tres", "cuatro", "cinco"].contains(tokens[start].word) || tokens[start].isNumber,
              ["day", "days", "week", "weeks", "month", "months", "hour", "hours",
               "dia", "dias", "semana", "semanas", "mes", "meses", "horas"].contains(tokens[start + 1].word)
                || ["fortnight", "fortnights"].contains(tokens[start + 1].typed) else { return nil }
        return tokens[start].original.lowercased() + " " + tokens[start + 1].original.lowercased()
    }

    /// "6am today", "10 pm", "6 this morning": a time of day, and what follows it.
    private func clockPhrase(from start: Int) -> String? {
        if start + 1 < tokens.count, tokens[start].isNumber, Int(tokens[start].word).map({ $0 <= 12 }) == true,
           ["this", "esta", "de", "in", "la"].contains(tokens[start + 1].word), let rest = timePhrase(from: start + 1) {
            return tokens[start].original + " " + rest
        }
        // ("no internet at all since 7:40 am": hours and minutes.)
        // (The colon is read as a boundary: "7", ":", "40".)
        let m = start + 2 < tokens.count && tokens[start + 1].isBoundary ? start + 2 : start + 1
        if m < tokens.count, tokens[start].isNumber, tokens[m].isNumber, tokens[m].typed.count == 2,
           let hour = Int(tokens[start].word), hour < 24, let minutes = Int(tokens[m].word), minutes < 60 {
            let half = m + 1 < tokens.count && ["am", "pm"].contains(tokens[m + 1].word) ? " " + tokens[m + 1].word : ""
            return tokens[start].original + ":" + tokens[m].original + half
        }
        guard start + 1 < tokens.count, tokens[start].isNumber, ["am", "pm"].contains(tokens[start + 1].word) else { return nil }
        let rest = start + 2 < tokens.count ? timePhrase(from: start + 2) : nil
        return ([tokens[start].original + tokens[start + 1].original.lowercased()] + (rest.map { [$0] } ?? [])).joined(separator: " ")
    }

    /// "desde la tormenta de anoche", "desde que llovió", "desde el temblor".
    private func eventPhrase(from start: Int) -> String? {
        var i = start
        if i < tokens.count, tokens[i].word == "que", i + 1 < tokens.count, tokens[i + 1].isAlphabetic, !tokens[i + 1].isBoundary {
            return [tokens[i], tokens[i + 1]].map { $0.original.lowercased() }.joined(separator: " ")
        }
        if i < tokens.count, Lexicon.articles.contains(tokens[i].word) || tokens[i].word == "the" { i += 1 }
        guard i < tokens.count, Lexicon.eventNouns.contains(tokens[i].word) else { return nil }
        var picked = Array(tokens[start...i])
        if i + 2 < tokens.count, tokens[i + 1].word == "de", let rest = timePhrase(from: i + 2) {
            return (picked.map { $0.original.lowercased() } + ["de", rest]).joined(separator: " ")
        }
        picked = Array(tokens[start...i])
        return picked.map { $0.original.lowercased() }.joined(separator: " ")
    }

    private func timePhrase(from start: Int) -> String? {
        guard start < tokens.count, Lexicon.timeHeads.contains(tokens[start].word)
            || (Lexicon.articles.contains(tokens[start].word) && start + 1 < tokens.count
                && (Lexicon.timeWords.contains(tokens[start + 1].word) || tokens[start + 1].isNumber))
        else { return nil }
        var picked: [Token] = []
        var i = start
        while i < tokens.count, picked.count < 7, !tokens[i].isBoundary,
              Lexicon.timeWords.contains(tokens[i].word) || tokens[i].isNumber || Lexicon.timeHeads.contains(tokens[i].word) {
            picked.append(tokens[i])
            i += 1
        }
        while let last = picked.last, Lexicon.timeTrailers.contains(last.word) { picked.removeLast() }
        guard !picked.isEmpty else { return nil }
        return picked.map { $0.original.lowercased() }.joined(separator: " ")
    }

    // MARK: Modem restarted

    func modemRestarted() -> Bool? {
        // "Did we restart it? No — I mean yes, my husband did": the answer after "I mean".
        if context.awaiting == .modemRestarted || context.awaiting == .sinceAndModem {
            if [" i mean yes", " digo que si", " digo si ", " mejor dicho si"].contains(where: starts.contains) { return true }
            // ("did it already", asked whether the modem was restarted)
            if [" did it already", " already did it", " already did ", " did that already", " already done", " done that already",
                // ("ok did it, waited a full minute, still nothing")
                " ok did it", " i did it ", " we did it "]
                .contains(where: starts.contains), !starts.contains(" not ") {
                return true
            }
            if [" i mean no", " digo que no", " mejor dicho no"].contains(where: starts.contains) { return false }
            // ("No I don't think she has, she doesn't really know how to do that stuff")
            if [" don t think she has", " don t think he has", " don t think they have", " don t think we have",
                " don t think i have", " dont think she has", " dont think he has"].contains(where: starts.contains) {
                return false
            }
            // ("She says yes she restarted it… oh, sorry, no, … only her phone. So no, the modem hasn't been restarted.")
            // (Not "Así que no me diga que lo reinicie otra vez": what not to be told.)
            if [" so no ", " asi que no ", " o sea que no ", " so the answer is no"].contains(where: starts.contains),
               // ("…directo a la antena: 14 Mbps. Asi que no es mi red interna": a conclusion about something else.)
               ![" asi que no me ", " so no me ", " so don t tell me", " so dont tell me", " asi que no es ", " asi que no era ", " so no it s ",
                 " so it s not "].contains(where: starts.contains) {
                return false
            }
            if [" so yes ", " asi que si ", " o sea que si ", " so the answer is yes"].contains(where: starts.contains) { return true }
        }
        var said: Bool?
        var corrected = false
        for (i, token) in tokens.enumerated() {
            // "no, no lo hemos reiniciado… ah, espere, me corrige mi mamá: sí lo desconectó": the last word counts.
            // (As typed too: the spelling fix reads "espere" as another word.)
            if said != nil, Lexicon.selfCorrections.contains(token.word) || Lexicon.selfCorrections.contains(token.typed)
                // ("…fue el de la tele no el del internet, entonces no, no lo he reiniciado", "so no, the modem has NOT been
                // restarted": a conclusion after what was told.)
                || ["entonces", "so"].contains(token.word) {
                corrected = true
            }
            // (Most words are shorter than any of those, and ruled out by their length.)
            let doneByOthers = token.typed.utf8.count >= Self.restartedByOthersShortest && Self.restartedByOthers.contains(token.typed)
            guard Lexicon.restartVerbIds.contains(token.id) || doneByOthers else { continue }
            // ("estaba jugando y se desconecto de golpe": the line by itself, nobody restarting it. "Ya se apagó y se volvió a
            // encender el módem", "ya se reinició" are restarts, said impersonally.)
            if i >= 1, tokens[i - 1].word == "se", !doneByOthers, token.word.hasPrefix("desconect"), i < 2 || tokens[i - 2].word != "ya" {
                continue
            }
            // ("el aparato… está todo apagado": a state, not something done to it.)
            if token.word == "apagado", i >= 1, ["esta", "todo", "sigue", "estan", "quedo"].contains(tokens[i - 1].word) { continue }
            // ("Mi papá desconectó el cargador de la tablet, no el módem": something else unplugged.)
            // (As typed too: the spelling fix reads "cargador" as "cargando".)
            if tokens[(i + 1)..<min(tokens.count, i + 4)]
                .contains(where: { Self.notTheModem.contains($0.word) || Self.notTheModem.contains($0.typed) }) { continue }
            // ("reiniciado? no pa k si funciona bn", "restart? no, why would I": the question said back, then a no.)
            // (Only a message with a question mark can say it back as a question.)
            if text.utf8.contains(UInt8(ascii: "?")), let echo = text.lowercased().range(of: token.original.lowercased() + "?"),
               let answer = text[echo.upperBound...].split(whereSeparator: { !$0.isLetter }).first.map({ Text.fold(String($0)) }),
               ["no", "nope", "nel", "nah"].contains(answer) {
                continue
            }
            // ("My wife will write the rest": a word of its own, not "reset" misspelt.)
            // ("él lo desconectó": a restart verb as typed stays one, whatever the spelling fix read.)
            if token.typed != token.word, !Lexicon.restartVerbs.contains(token.typed),
               CommonWords.all.contains(token.typed) || ["rest", "resto"].contains(token.typed) { continue }
            var j = i - 1
            var negated = false
            var steps = 0
            var already = false
            while j >= 0, steps < 4, !tokens[j].isBoundary {
                if tokens[j].word == "ya" { already = true }
                // ("no, nadie lo ha reiniciado": nobody did.)
                if Lexicon.negations.contains(tokens[j].word) || ["nadie", "nobody"].contains(tokens[j].word) { negated = true; break }
                // ("nobody has unplugged or restarted the modem": one negation for both verbs.)
                let joinsVerbs = ["or", "nor", "ni"].contains(tokens[j].word) && j >= 1 && Lexicon.restartVerbIds.contains(tokens[j - 1].id)
                    || Lexicon.restartVerbIds.contains(tokens[j].id) && ["or", "nor", "ni"].contains(tokens[j + 1].word)
                if !joinsVerbs, !Lexicon.restartFillers.contains(tokens[j].word), !Lexicon.restartFillersUnspelt.contains(tokens[j].typed) { break }
                j -= 1
                steps += 1
            }
            // ("nope dont want to mess with the gizmo last time i unplugged it took a hour": another time, not this failure.)
            let window = words[max(0, i - 5)..<i]
            if window.contains("last") && window.contains("time") || window.contains("ultima") && window.contains("vez") { continue }
            // ("Can you reset it or send it here?": asked of us, nothing done.)
            if i >= 2, ["can", "could", "would"].contains(tokens[i - 2].word), tokens[i - 1].word == "you" { continue }
            // "reiniciar" alone is a question or a plan ("¿lo reinicio?"), not a fact.
            // ("no creo que lo haya reiniciado", "dudo que lo haya reiniciado": no.)
            if !negated, j >= 1, tokens[j].word == "que",
               tokens[j - 1].word == "dudo" || j >= 2 && ["creo", "pienso"].contains(tokens[j - 1].word) && tokens[j - 2].word == "no" {
                negated = true
            }
            // ("dice q si, q ya lo reinicio en la mañana": "reinició" typed without its accent, done already.)
            // ("mi roomie dice q si lo reinicio hoy en la mañana": done, and when.)
            // ("si lo reinicio ella hoy en la mañana": who, then when.)
            // ("sí lo reinició él mismo antes de entrar a quirófano": who did it, himself.)
            let doneWhen = i + 1 < tokens.count && ["hoy", "ayer", "anoche", "today", "yesterday"].contains(tokens[i + 1].word)
                || i + 2 < tokens.count && ["ella", "el"].contains(tokens[i + 1].word) && ["mismo", "misma"].contains(tokens[i + 2].word)
                || i + 2 < tokens.count && ["ella", "el"].contains(tokens[i + 1].word)
                    && ["hoy", "ayer", "anoche"].contains(tokens[i + 2].word)
            // ("I did restart the router yesterday": done, said with emphasis.)
            let didIt = i >= 2 && tokens[i - 1].word == "did"
                && ["i", "we", "he", "she", "they", "also", "already"].contains(tokens[i - 2].word)
            if Lexicon.restartInfinitives.contains(token.word), !doneByOthers, !negated, !didIt,
               !((already || doneWhen) && token.word == "reinicio") { continue }
            // "I don't know if he restarted it", "no sé si lo reinició": not known yet.
            if j >= 1, ["if", "whether", "si"].contains(tokens[j].word), tokens[j].word != "si"
                || ["se", "sabe", "sabemos", "seguro", "segura", "idea", "acuerdo", "pregunto", "sepa"].contains(tokens[j - 1].word) {
                continue
            }
            // "antes de que me diga que lo reinicie: no, no lo he reiniciado": what they were told, not what they did.
            if !negated, j >= 1, tokens[j].word == "que",
               tokens[max(0, j - 2)..<j].contains(where: { ["diga", "digan", "digas", "dijo", "dijeron", "pida", "pidan", "pidas", "pidio", "recomienden"].contains($0.word) }) {
                continue
            }
            // ("no lo he reiniciado… si lo apago se me cae la terminal": an "if", what would follow, not what was done.)
            if j >= 0, tokens[j].word == "si", i + 1 < tokens.count,
               ["se", "me", "pierdo", "pierde", "luego", "entonces"].contains(tokens[i + 1].word) {
                continue
            }
            // ("ah ok deja lo desconecto a ver", "ahorita lo reinicio": about to, not done.)
            if !negated, j >= 0, ["deja", "dejame", "dejeme", "dejenme"].contains(tokens[j].word)
                || ["ahorita", "orita", "horita"].contains(tokens[j].word) && token.word.hasSuffix("o") && !already {
                continue
            }
            // ("yo no le he movido nada… pero mi nieto dice que él sí lo desconectó": a "sí" said against the "no".)
            // ("no no lo he movido… bueno si fijese que ayer lo desconecte": a "bueno, sí" taking the "no" back.)
            // ("no lo he reiniciado... bueno si, ayer en la noche lo desconecte": the comma counts as a token.)
            let wellYes = said == false && i >= 2
                && (max(1, i - 8)..<i).contains { tokens[$0].word == "si" && ["bueno", "pues", "ah"].contains(tokens[$0 - 1].word) }
            let affirmed = !negated && (j >= 0 && tokens[j].word == "si" || wellYes) && said == false
            // ("…el sacristán me corrige… de modo que en realidad nadie lo ha reiniciado": nobody did, whatever was said before.)
            let nobody = negated && j >= 0 && ["nadie", "nobody"].contains(tokens[j].word)
            if said == nil || corrected || affirmed || nobody {
                said = !negated
                corrected = false
            }
        }
        if let said { return said }
        // ("si ya le quitamos la corriente al modem y lo volvimos a poner": the power taken off and put back.)
        // ("ya he unplug the modem and plug again but nothing")
        if [" quitamos la corriente", " quite la corriente", " le quitamos la luz", " le quite la luz", " lo volvimos a poner",
            " lo volvi a poner", " unplug the modem and plug", " unplug it and plug", " unplug and plug",
            // ("ya quite corriente de la modem y puse otra vez, no sirvio")
            " quite corriente", " quitamos corriente", " quite la luz", " le quite corriente"].contains(where: starts.contains),
           ![" no le quit", " no lo volv", " no le hemos quit", " no le he quit"].contains(where: starts.contains) {
            return true
        }
        // Told to restart it, then what followed (looked for only when a word of what followed is
        // there: a bit test per word before any string is hashed).
        if ids.all.contains(where: Self.toldThenIds.contains) {
            // ("ya le dije al grande q lo reiniciara y nada": told to, and nothing changed: done.)
            if tokens.contains(where: { Self.toldToRestart.contains($0.typed) }),
               [" y nada", " y sigue igual", " y sigue sin", " pero nada", " y no sirvio", " y no funciono"].contains(where: starts.contains) {
                return true
            }
            // ("ya le dije a mi mama q lo desconectara y lo volviera a conectar, lo hizo hoy en la mañana": told to, and done.)
            if words.position(of: ["lo", "hizo"]) != nil, words.contains(where: Self.toldToRestart.contains) {
                return true
            }
            // ("ya le hicimos lo de desconectarlo y conectarlo": the restart, done, as a thing.)
            if let at = words.position(of: ["lo", "de"]), at + 2 < words.count,
               ["desconect", "reinici", "apag", "desenchuf", "resete"].contains(where: words[at + 2].hasPrefix),
               words[..<at].contains(where: { ["hicimos", "hice", "hizo", "hicieron"].contains($0) }) {
                return true
            }
        }
        // ("I've already switched it off at the wall and on again, twice, to no avail")
        // ("Router restart done yesterday night itself, and today morning also I did power off for 5 minutes and on")
        // (Looked for only when one of their words is there: an integer scan first.)
        if ids.all.contains(where: Self.offAndOnLeadIds.contains),
           [" switched it off", " switched off", " turned it off at", " power cycled", " powercycled", " restart done",
            " did power off", " rebooted", " restart of modem is done", " restart of the modem is done", " restart is done"]
            .contains(where: starts.contains),
           ![" should i", " shall i", " haven t", " have not", " didn t", " did not"].contains(where: starts.contains) {
            return true
        }
        // ("Should I unplug it and plug it back in?" asks what to do.)
        if Self.onAndOffIds.contains(where: { ids.position(of: $0) != nil }),
           ![" should i ", " shall i ", " do i ", " debo ", " tengo que "].contains(where: starts.contains) {
            // ("No, I confess I haven't tried turning it off and on.")
            if [" haven t tried", " havent tried", " have not tried", " didn t try", " didnt try", " not tried", " no he intentado",
                " no hemos intentado"].contains(where: starts.contains) {
                return false
            }
            return true
        }
        if Self.leftAloneIds.contains(where: { ids.position(of: $0) != nil }) { return false }
        return nil
    }

    /// The words the English "switched it off and on" phrases begin with.
    static let offAndOnLeads = ["switched", "turned", "power", "powercycled", "restart", "rebooted"]
    private static let offAndOnLeadIds = WordIdSet(offAndOnLeads)

    /// Things unplugged that are not the modem.
    static let notTheModem: Set<String> = ["cargador", "charger", "tablet", "tele", "television", "tv", "lampara", "refri", "lavadora"]

    /// "ya reiniciaron el módem": done by the people at the house. Matched as typed, and kept out of the spelling
    /// vocabulary ("desconectarlo" and "pagaron" would be read as "desconectaron" and "apagaron").
    static let restartedByOthers: Set<String> = ["reiniciaron", "desconectaron", "desenchufaron", "resetearon", "apagaron"]
    static let restartedByOthersShortest = restartedByOthers.map(\.utf8.count).min() ?? 0

    /// "le dije que lo desconectara…": what someone was told to do (then "lo hizo" says it was done).
    static let toldToRestart: Set<String> = ["desconectara", "reiniciara", "volviera", "apagara"]

    /// The words of what followed being told to ("y nada", "y sigue igual", "y no sirvió", "lo hizo"), or of the
    /// restart told as a thing done ("le hicimos lo de desconectarlo").
    static let toldThenWords = ["nada", "sigue", "sirvio", "funciono", "hizo", "hicimos", "hice", "hicieron"]
    private static let toldThenIds = WordIdSet(toldThenWords)

    /// "no al modem no le he hecho nada": nothing was done to it, so not restarted.
    static let leftAlone: [[String]] = [["no", "le", "he", "hecho", "nada"], ["no", "le", "hice", "nada"], ["no", "le", "he", "movido", "nada"],
                                        ["no", "le", "movi", "nada"], ["no", "lo", "he", "tocado"], ["no", "le", "he", "tocado"],
                                        ["no", "le", "he", "movido"], ["no", "le", "hemos", "movido"], ["no", "le", "movimos"],
                                        ["nadie", "le", "ha", "movido"], ["nadie", "lo", "ha", "tocado"], ["nadie", "le", "ha", "hecho"],
                                        ["haven", "t", "touched"], ["havent", "touched"], ["didn", "t", "touch"], ["didnt", "touch"],
                                        // ("nope she aint touched the gizmo")
                                        ["aint", "touched"], ["ain", "t", "touched"], ["hasn", "t", "touched"], ["hasnt", "touched"],
                                        // ("nope dont want to mess with the gizmo")
                                        ["dont", "want", "to", "mess"], ["don", "t", "want", "to", "mess"], ["didnt", "want", "to", "mess"],
                                        ["dont", "want", "to", "mes"]]

    static let onAndOff: [[String]] = [["apague", "y", "prendi"], ["di", "reset"], ["di", "restart"], ["di", "reinicio"], ["off", "and", "on"], ["off", "and", "back", "on"],
                                       ["volvi", "a", "conectar"], ["volvi", "a", "enchufar"], ["volvi", "a", "prender"],
                                       ["apague", "y", "lo", "prendi"], ["apague", "y", "lo", "volvi"],
                                       // ("she did unplug the box with the lights and plug it back in", "I did try unplugging the box")
                                       ["plug", "it", "back", "in"], ["plugged", "it", "back"], ["plug", "it", "in", "again"],
                                       ["plugged", "it", "in", "again"], ["did", "try", "unplugging"], ["tried", "unplugging"],
                                       ["did", "unplug"], ["tried", "restarting"], ["tried", "rebooting"],
                                       // ("switched off the modem and router, waited 5 minutes and switched on again")
                                       ["switched", "on", "again"], ["switched", "it", "on", "again"], ["turned", "on", "again"],
                                       ["turned", "it", "on", "again"], ["switched", "it", "back", "on"], ["turned", "it", "back", "on"],
                                       // ("she already pulled the plug on the gizmo and put it back like 3 times")
                                       ["pulled", "the", "plug"], ["pulled", "it", "out"],
                                       // ("mi tio ya quitar la luz de la modem y poner otra vez")
                                       ["quitar", "la", "luz"], ["quito", "la", "luz"], ["quite", "la", "luz"], ["quitamos", "la", "luz"],
                                       ["quito", "la", "corriente"], ["quite", "la", "corriente"],
                                       // ("ya hice lo de desenchufar el aparato esperar y volverlo a enchufar", "ya le bajamos el
                                       // switch de la luz de toda la casa y lo subimos otra vez")
                                       ["volverlo", "a", "enchufar"], ["volverlo", "a", "conectar"], ["bajamos", "el", "switch"],
                                       ["bajamos", "el", "breaker"], ["bajamos", "la", "pastilla"],
                                       // ("Ya efectué el reinicio del equipo", "realicé el reinicio")
                                       ["efectue", "el", "reinicio"], ["realice", "el", "reinicio"], ["hice", "el", "reinicio"],
                                       ["hicimos", "el", "reinicio"], ["efectuamos", "el", "reinicio"]]

    static let onAndOffIds = WordIds.phrases(onAndOff)
    static let leftAloneIds = WordIds.phrases(leftAlone)

    // MARK: Phone

    func phone() -> String? {
        // A number has ten digits or more: most messages have fewer and need no closer look.
        guard Self.hasTenDigits(text) else { return spokenPhone() }
        var digits = ""
        var found: [String] = []
        var separators = 0
        // What follows the first number: "444 218 7305 no perdón ese es el mío el de él es 444 218 7350" takes it back.
        var after = ""
        func close() {
            if (10...13).contains(digits.count) { found.append(digits) }
            digits = ""
        }
        for scalar in text.unicodeScalars {
            if !found.isEmpty { after.unicodeScalars.append(scalar) }
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                separators = 0
            } else if " -.()+".unicodeScalars.contains(scalar), separators < 2 {
                // "+52 (444) 873-2201": groups with one or two separators between them.
                separators += 1
            } else {
                close()
                separators = 0
            }
        }
        close()
        let takenBack = found.count >= 2 && [" perdon", " espera", " digo", " wait", " sorry", " me equivoque", " corrijo", " oops"]
            .contains(where: (" " + Text.fold(after)).contains)
        return (takenBack ? found.last : found.first).flatMap(PhoneNumber.national)
    }

    /// Whether `text` has ten digits or more: counted over its bytes in place, stopping at the
    /// tenth (a generic count over the UTF-8 view cost more than the rest of the finder).
    static func hasTenDigits(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var digits = 0
            for byte in bytes where byte >= 48 && byte <= 57 {
                digits += 1
                if digits == 10 { return true }
            }
            return false
        }
    }

    /// "treinta y tres doce cuarenta y cinco ochenta y siete cero nueve": a number dictated in pairs,
    /// when a phone was asked; "cuatro cuatro cuatro uno dos tres…", digit by digit, at any time.
    /// ("…nueve siete este no espérame es cuatro cuatro…": the last number said whole is the one.)
    private func spokenPhone() -> String? {
        let pairs = context.awaiting == .phone
        guard pairs || words.count >= 10 else { return nil }
        var found: String?
        var digits = ""
        var i = 0
        func close() {
            if digits.count == 10 { found = digits }
            // ("…cuatro nueve tres uno dos tres cuatro cinco seis siete cuatro nueve tres…", dictated twice in a row.)
            if digits.count == 20, digits.prefix(10) == digits.suffix(10) { found = String(digits.prefix(10)) }
            digits = ""
        }
        while i < words.count {
            let word = words[i]
            if let unit = Lexicon.digitWords[word], word != "un" || !digits.isEmpty {
                digits += String(unit)
            } else if pairs, let value = Lexicon.numberWords[word] ?? Lexicon.teenWords[word], value < 100 {
                // "treinta y tres": tens and a unit joined by "y".
                if value % 10 == 0, value >= 20, i + 2 < words.count, words[i + 1] == "y", let unit = Lexicon.digitWords[words[i + 2]], unit > 0 {
                    digits += String(value + unit)
                    i += 2
                } else {
                    digits += String(value)
                }
            } else if pairs, tokens[i].isBoundary, !digits.isEmpty, i + 1 < words.count,
                      Lexicon.digitWords[words[i + 1]] != nil || Lexicon.numberWords[words[i + 1]] != nil {
                // ("cuatro cuatro cuatro, uno ocho dos, cincuenta y cinco…": a pause between the groups.)
            } else if !(pairs && word == "y" && !digits.isEmpty) {
                close()
            }
            i += 1
        }
        close()
        return found.flatMap(PhoneNumber.national)
    }
}

extension Text {
    /// "lomas verdes" → "Lomas Verdes", "el paraiso" → "El Paraiso" (places keep their article capitalised).
    static func titleCasedPlace(_ s: String) -> String {
        s.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}

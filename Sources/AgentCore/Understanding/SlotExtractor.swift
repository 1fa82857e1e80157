/// Finds the slots of DESIGN.md §6 in a normalised message. Each finder looks for the
/// phrases people use ("desde ayer", "el de 50", "soy Luis", "col. Las Flores") and copies
/// names, places and times as the person wrote them.
struct SlotExtractor {
    let tokens: [Token]
    let text: String
    let context: UnderstandingContext
    let lexicon: Lexicon

    func slots(for intent: Intent, zone: String?) -> Slots {
        // "hace rato" in "ya pagué hace rato" is not when a failure started.
        let aboutFailure = intent == .reportIncident || context.awaiting == .since || context.awaiting == .sinceAndModem
        return Slots(zone: zone, planMbps: plan(), name: name(for: intent), since: aboutFailure ? since() : nil,
                     modemRestarted: modemRestarted(), phone: phone())
    }

    // MARK: Zone

    func zone() -> String? {
        placeAfterMarker() ?? knownZoneMentioned()
    }

    /// A zone of the sheet, by its distinctive words ("loma" for La Loma, "san isidro").
    private func knownZoneMentioned() -> String? {
        let words = tokens.map(\.word)
        var best: (position: Int, name: String)?
        for zone in context.zones {
            let key = Lexicon.significantWords(of: zone)
            guard !key.isEmpty, let at = words.position(of: key) else { continue }
            if best == nil || at < best!.position { best = (at, zone) }
        }
        for (i, word) in words.enumerated() {
            if let canonical = Lexicon.zoneAliases[word],
               let zone = context.zones.first(where: { Text.fold($0) == canonical }),
               best == nil || i < best!.position {
                best = (i, zone)
            }
        }
        return best?.name
    }

    /// A place introduced as a colonia, barrio, rancho… ("col. Lomas Verdes"): the sheet's zone
    /// when it is one, else the place as written.
    private func placeAfterMarker() -> String? {
        for (i, token) in tokens.enumerated() where Lexicon.placeMarkers.contains(token.word) {
            var j = i + 1
            // "col." and "fracc." end in a dot that is not the end of a sentence.
            if j < tokens.count, tokens[j].isBoundary, token.typed != token.word { j += 1 }
            while j < tokens.count, ["de", "del"].contains(tokens[j].word) { j += 1 }
            var picked: [Token] = []
            while j < tokens.count, picked.count < 4, !tokens[j].isBoundary,
                  !Lexicon.placeStopWords.contains(tokens[j].typed) || (picked.isEmpty && Lexicon.articles.contains(tokens[j].word)) {
                picked.append(tokens[j])
                j += 1
            }
            while let last = picked.last, Lexicon.articles.contains(last.word) { picked.removeLast() }
            guard picked.contains(where: { !Lexicon.articles.contains($0.word) }) else { continue }
            let place = picked.map(\.original).joined(separator: " ")
            let folded = Lexicon.significantWords(of: place)
            if let zone = context.zones.first(where: { Lexicon.significantWords(of: $0) == folded }) { return zone }
            return Text.titleCasedPlace(place)
        }
        return nil
    }

    // MARK: Plan

    func plan() -> Int? {
        let words = tokens.map(\.word)
        var candidates: [(rank: Int, value: Int)] = []
        for (i, word) in words.enumerated() {
            guard let value = Lexicon.number(word), value >= 5, value <= 10_000 else { continue }
            let next = i + 1 < words.count ? words[i + 1] : ""
            let previous = i > 0 ? words[i - 1] : ""
            let beforePrevious = i > 1 ? words[i - 2] : ""
            if ["pesos", "varos", "mxn", "dlls", "dolares"].contains(next) { continue }
            if next == "megas" {
                candidates.append((0, value))
            } else if previous == "de", ["el", "la", "del", "plan", "paquete", "planes", "the"].contains(beforePrevious) {
                candidates.append((1, value))
            } else if ["plan", "paquete"].contains(previous) {
                candidates.append((1, value))
            } else if context.awaiting == .plan, context.planSpeeds.contains(value) {
                candidates.append((2, value))
            }
        }
        if let best = candidates.min(by: { $0.rank < $1.rank }) { return best.value }
        if context.awaiting == .plan, let cheapest = context.planSpeeds.min(), let fastest = context.planSpeeds.max() {
            if words.contains(where: { ["barato", "economico", "basico", "cheapest", "chico"].contains($0) }) { return cheapest }
            if words.contains(where: { ["rapido", "grande", "fastest", "mejor", "completo"].contains($0) }) { return fastest }
        }
        return nil
    }

    // MARK: Name

    func name(for intent: Intent) -> String? {
        let words = tokens.map(\.word)
        var triggers = Lexicon.nameTriggers
        if intent == .staffSearch { triggers += Lexicon.searchTriggers }
        for trigger in triggers {
            var from = 0
            while let at = words.position(of: trigger, from: from) {
                let end = at + trigger.count
                if let name = nameWords(from: end, requireCapital: trigger == ["im"] || trigger == ["i", "am"]) {
                    return name
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
        if context.awaiting == .name { return wholeMessageAsName() }
        return nil
    }

    private func nameWords(from start: Int, requireCapital: Bool) -> String? {
        var i = start
        while i < tokens.count, tokens[i].isBoundary || Lexicon.honorifics.contains(tokens[i].word)
            || (["a", "la", "el"].contains(tokens[i].word) && i == start) {
            if tokens[i].isBoundary, i > start { return nil }
            i += 1
        }
        var picked: [Token] = []
        while i < tokens.count, picked.count < 4, tokens[i].isAlphabetic, !Lexicon.notNameWords.contains(tokens[i].typed),
              !Lexicon.notNameWords.contains(tokens[i].word),
              context.zones.allSatisfy({ Text.fold($0) != tokens[i].typed }) {
            picked.append(tokens[i])
            i += 1
        }
        guard let first = picked.first, first.word.count >= 2 else { return nil }
        if requireCapital, first.original.first?.isUppercase != true { return nil }
        return Text.titleCased(picked.map(\.original).joined(separator: " "))
    }

    /// The answer to "¿A nombre de quién?": the whole message, when it looks like a name.
    private func wholeMessageAsName() -> String? {
        guard text.allSatisfy({ $0.isLetter || $0.isWhitespace || "'-.,".contains($0) }) else { return nil }
        let words = tokens.filter { !$0.isBoundary && !Lexicon.nameFillers.contains($0.word) }
        guard (1...5).contains(words.count),
              words.allSatisfy({ $0.isAlphabetic && !Lexicon.notNameWords.contains($0.typed) && !lexicon.isIntentWord($0.typed) })
        else { return nil }
        return Text.titleCased(words.map(\.original).joined(separator: " "))
    }

    // MARK: Since

    func since() -> String? {
        for (i, token) in tokens.enumerated() {
            switch token.word {
            case "desde", "since":
                if let phrase = timePhrase(from: i + 1) { return phrase }
            case "hace" where i == 0 || !["desde", "que"].contains(tokens[i - 1].word):
                if i + 1 < tokens.count, Lexicon.durations.contains(tokens[i + 1].word)
                    || (tokens[i + 1].isNumber && i + 2 < tokens.count && Lexicon.durations.contains(tokens[i + 2].word)) {
                    return timePhrase(from: i)
                }
            default:
                continue
            }
        }
        if context.awaiting == .since || context.awaiting == .sinceAndModem,
           let head = tokens.firstIndex(where: { Lexicon.timeHeads.contains($0.word) }) {
            return timePhrase(from: head)
        }
        return nil
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
        for (i, token) in tokens.enumerated() where Lexicon.restartVerbs.contains(token.word) {
            var j = i - 1
            var negated = false
            var steps = 0
            while j >= 0, steps < 4, !tokens[j].isBoundary {
                if Lexicon.negations.contains(tokens[j].word) { negated = true; break }
                if !Lexicon.restartFillers.contains(tokens[j].word) { break }
                j -= 1
                steps += 1
            }
            // "reiniciar" alone is a question or a plan ("¿lo reinicio?"), not a fact.
            if Lexicon.restartInfinitives.contains(token.word), !negated { continue }
            return !negated
        }
        let words = tokens.map(\.word)
        if words.position(of: ["apague", "y", "prendi"]) != nil || words.position(of: ["di", "reset"]) != nil {
            return true
        }
        return nil
    }

    // MARK: Phone

    func phone() -> String? {
        var digits = ""
        var best: String?
        var separators = 0
        func close() {
            if best == nil, (10...13).contains(digits.count) { best = digits }
            digits = ""
        }
        for scalar in text.unicodeScalars {
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
        return best.flatMap(PhoneNumber.matchKey)
    }
}

extension Text {
    /// "lomas verdes" → "Lomas Verdes", "el paraiso" → "El Paraiso" (places keep their article capitalised).
    static func titleCasedPlace(_ s: String) -> String {
        s.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}

import Foundation

/// "dos contratos, uno en Centro y otro en Sur", "my house in Norte and a small office downtown": several services asked
/// for in one sign-up. The first place named is the sign-up under way; each other covered place waits in the draft
/// (`others`) and takes the plan and name said for it. The summary shows them all, one yes writes them all, and one still
/// missing its plan or name is asked for in turn, so a second service is never dropped unseen.
extension Conversation {
    /// Words that say more than one service is wanted.
    static let severalServicesWords = [
        " dos contratos", " 2 contratos", " dos servicios", " 2 servicios", " dos lugares", " 2 lugares", " dos casas", " 2 casas",
        " dos lineas", " 2 lineas", " dos domicilios", " contratos separados", " two places", " two houses", " two services",
        " two contracts", " two lines", " two addresses", " both places", " y otro en ", " y otra en ", " y la otra en ",
        " y el otro en ",
    ]

    /// "los dos a nombre de Yesenia", "Name is Michael Donovan for both": the same for every service.
    static let forEveryService = [" los dos", " los 2 ", " ambos", " ambas", " las dos", " las 2 ", " for both", " both ",
                                  " para los dos", " mismo nombre", " same name"]

    /// Function words that point at no service in particular.
    private static let unmarking: Set<String> = [
        "y", "e", "and", "en", "el", "la", "los", "las", "de", "del", "a", "al", "pa", "para", "for", "in", "at", "the", "my", "mi",
        "es", "esta", "que", "q", "con", "x", "por", "i", "a", "an", "is", "it", "s", "of", "think", "creo", "ahi", "aqui", "un",
        "nos", "me", "le", "lo", "se", "internet", "servicio", "quiero", "queremos", "contratar", "need", "want", "plan",
    ]

    /// The message's clauses as typed, split where one service's details end and another's begin (a name may run past a
    /// comma: "a nombre de ella, Esperanza Ruiz Salas").
    func serviceClauses(atCommas: Bool = true) -> [String] {
        var clauses = [" " + text + " "]
        for mark in [" y ", " Y ", " and ", " And ", ".", ";", "\n", " e "] + (atCommas ? [","] : []) {
            clauses = clauses.flatMap { $0.components(separatedBy: mark) }
        }
        return clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The services this message points at by their zone or their words: current = -1, others by index.
    private func pointedAt(_ clause: String, _ draft: SignupDraft) -> Int? {
        let folded = " " + Text.fold(clause) + " "
        let services = [draft] + (draft.others ?? [])
        let hits = services.indices.filter { i in
            let service = services[i]
            let byZone = service.zone.map { folded.contains(" " + Text.fold($0) + " ") } ?? false
            let byMark = (service.marks ?? []).contains { mark in
                folded.contains(" \(mark) ") && !services.indices.contains { $0 != i && (services[$0].marks ?? []).contains(mark) }
            }
            return byZone || byMark
        }
        return hits.count == 1 ? hits[0] - 1 : nil
    }

    /// The plan speeds a clause says ("pa mi mama el de 20", "the 50 for the office").
    private func plans(in clause: String) -> [Int] {
        let folded = Text.fold(clause)
        return workbook.plansBySpeed.map(\.mbps).filter { Self.says(speed: $0, in: folded) }
    }

    /// A name typed with capitals in a clause ("y ella Karla Fuentes", "a nombre de ella, Esperanza Ruiz Salas").
    private func capitalisedName(in clause: String) -> String? {
        let words = clause.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" }).map(String.init)
        var best: [String] = []
        var run: [String] = []
        for word in words + ["."] {
            let folded = Text.fold(word)
            let isName = word.first?.isUppercase == true && word.allSatisfy(\.isLetter) && word.count > 1
                && (CommonWords.names.contains(folded) || !CommonWords.all.contains(folded))
                && workbook.zone(named: word) == nil
            if isName { run.append(word) } else {
                if run.count > best.count { best = run }
                run = []
            }
        }
        return best.count >= 2 ? best.joined(separator: " ") : nil
    }

    /// The words of the clause that places `zone`: what later messages may call that service by.
    private func marks(for zone: Zone, among clauses: [String]) -> [String] {
        let names = Set(([zone.name] + zone.aliases).map(Text.fold))
        let placing = clauses.filter { clause in
            let folded = " " + Text.fold(clause) + " "
            return names.contains { folded.contains(" \($0) ") }
        }
        let zoneWords = Set(workbook.zones.flatMap { ([$0.name] + $0.aliases).flatMap { Text.fold($0).split(separator: " ").map(String.init) } })
        return Array(Set(placing.flatMap { Text.fold($0).split(separator: " ").map(String.init) }
            .filter { !Self.unmarking.contains($0) && !zoneWords.contains($0) && Lexicon.number($0) == nil && $0.count > 1 }))
            .sorted()
    }

    /// Takes from the message what belongs to the other services of the sign-up, and leaves in `slots` what is the
    /// current one's.
    mutating func sortOutOtherServices(_ draft: inout SignupDraft, _ slots: inout Slots) {
        guard input.role != .staff else { return }
        let announces = Self.severalServicesWords.contains(where: folded.contains)
        if announces, draft.others == nil { draft.expectsSeveral = true }
        // New places: two covered zones, joined as two services, not one taken back for the other (in the order told).
        let covered = zonesNamed.filter(\.hasCoverage).compactMap { zone in firstMention(of: zone, in: foldedAndRead).map { (zone, $0) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        // (Most sign-up messages name one place and no service beside it: nothing to split.)
        guard covered.count >= 2 || draft.others?.isEmpty == false else { return }
        let clauses = serviceClauses()
        if covered.count >= 2, announces || draft.expectsSeveral == true || draft.others != nil,
           !correctsItself, zoneCorrectedTo == nil,
           ![" o en ", " or in ", " o la ", " o el ", " or the "].contains(where: folded.contains) {
            let current = draft.zone.flatMap { zone in covered.first { $0.name == zone } } ?? (draft.zone == nil ? covered[0] : nil)
            if let current {
                draft.zone = current.name
                if draft.marks == nil { draft.marks = marks(for: current, among: clauses) }
                var others = draft.others ?? []
                for zone in covered where zone.name != current.name && !others.contains(where: { $0.zone == zone.name }) {
                    var other = SignupDraft(zone: zone.name, phone: draft.phone)
                    other.phoneVerified = draft.phoneVerified
                    other.marks = marks(for: zone, among: clauses)
                    others.append(other)
                }
                draft.others = others
                draft.expectsSeveral = nil
                slots.zone = current.name
            }
        }
        guard var others = draft.others, !others.isEmpty else { return }
        // Plans: each clause with one plan goes to the service it points at, or, unpointed, to the next in the order told.
        let withPlans = clauses.compactMap { clause -> (clause: String, mbps: Int)? in
            let said = plans(in: clause)
            return said.count == 1 ? (clause, said[0]) : nil
        }
        if withPlans.count >= 2 || withPlans.count == 1 && pointedAt(withPlans[0].clause, draft).map({ $0 >= 0 }) == true {
            var next = -1
            var currentPlan: Int?
            for (clause, mbps) in withPlans {
                let target = pointedAt(clause, draft) ?? next
                if target >= 0, target < others.count { others[target].planMbps = mbps } else if target == -1 { currentPlan = mbps }
                next = max(next, target) + 1
            }
            slots.planMbps = currentPlan
        }
        // Names: one for all ("los dos a mi nombre"), or each in the clause that points at its service.
        if let name = slots.name, Self.forEveryService.contains(where: folded.contains) {
            for i in others.indices where others[i].name == nil || !text.contains("?") {
                others[i].name = CellText.inert(Self.presentableName(name), maxLength: 80)
            }
        } else {
            for clause in serviceClauses(atCommas: false) {
                guard let target = pointedAt(clause, draft), target >= 0, target < others.count,
                      let name = capitalisedName(in: clause) else { continue }
                others[target].name = CellText.inert(name, maxLength: 80)
                if let given = slots.name, SlotExtractor.sameName(given, name) { slots.name = nil }
            }
        }
        draft.others = others
    }

    /// The summary's lines for the other services.
    mutating func summariseOtherServices(of draft: SignupDraft) {
        for other in draft.others ?? [] {
            guard let zone = other.zone else { continue }
            if let mbps = other.planMbps, let plan = workbook.plan(mbps: mbps) {
                say(.signupSummaryOther, ["zone": zone, "plan": String(mbps), "price": Money.format(plan.monthlyPrice),
                                          "name": other.name ?? draft.name ?? ""])
            } else {
                say(.signupSummaryOtherOpen, ["zone": zone])
            }
        }
    }

    /// After the first row: the other services shown at the summary are written too; the first one still lacking its plan
    /// goes on as a sign-up of its own.
    mutating func completeOtherServices(after draft: SignupDraft) {
        var pending: [SignupDraft] = []
        for var other in draft.others ?? [] {
            other.name = other.name ?? draft.name
            other.phone = other.phone ?? draft.phone
            other.phoneVerified = other.phoneVerified || draft.phoneVerified
            other.others = nil
            guard let zone = other.zone, let mbps = other.planMbps, let plan = workbook.plan(mbps: mbps) else {
                pending.append(other)
                continue
            }
            let id = writeClientRow(other, zone: zone, mbps: mbps, price: plan.monthlyPrice)
            say(.signupDoneOther, ["id": id, "zone": zone, "plan": String(mbps), "price": Money.format(plan.monthlyPrice),
                                   "name": other.name ?? ""])
        }
        guard var next = pending.first else { return }
        next.others = pending.count > 1 ? Array(pending.dropFirst()) : nil
        say(.signupNextService, ["zone": next.zone ?? ""])
        askNext(next)
    }
}

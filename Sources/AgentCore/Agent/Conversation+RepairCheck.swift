import Foundation

/// After staff close a repair the customer is asked "¿Ya quedó tu servicio?": "no" reopens the
/// report and alerts staff, "sí" asks for a 1–5 rating that goes in the report's row. Any
/// other message ends the check and is answered as usual.
extension Conversation {
    mutating func continueRepairCheck(_ check: RepairCheck) -> Bool {
        session.repairCheck = nil
        guard now.timeIntervalSince(check.askedAt) < RepairCheck.lifetime else { return false }
        let folio = check.folio
        if check.awaitingRating {
            guard let stars = rating else { return false }
            intent = .thanksBye
            effects.append(.updateRow(.incidents, key: folio, cells: [Col.Incident.rating.name: String(stars)]))
            say(.repairRated, ["folio": folio])
            return true
        }
        switch repairAnswer {
        case true?:
            intent = .thanksBye
            var next = check
            next.awaitingRating = true
            session.repairCheck = next
            say(.repairAskRating, buttons: (1...5).map { QuickReply(id: Self.ratingPrefix + String($0), title: "\($0) ⭐") })
            return true
        case false?:
            intent = .reportIncident
            let day = settings.time.day(now)
            effects.append(.updateRow(.incidents, key: folio, cells: [Col.Incident.status.name: IncidentStatus.open.sheetLabel,
                                                                      Col.Incident.updated.name: day]))
            effects.append(.appendNote(.incidents, key: folio, column: Col.Incident.description.name,
                                       note: "Reabierto por el cliente el \(day): \(CellText.inert(text, maxLength: 200))"))
            alertStaff(.incident, .staffAlertIncidentReopened, ["folio": folio, "text": String(text.prefix(200))])
            say(.repairReopened, ["folio": folio])
            return true
        case nil:
            return false
        }
    }

    static let ratingPrefix = "rating:"

    /// true: it works now; false: still failing; nil: not an answer to the question.
    var repairAnswer: Bool? {
        let stillBroken = [" sigue igual ", " sigue sin ", " sigue fallando ", " sigue mal ", " todavia no ", " aun no ", " no funciona ",
                           " no sirve ", " no jala ", " no hay ", " sin internet ", " still ", " not working ", " doesn't work ",
                           " doesnt work "]
        if stillBroken.contains(where: folded.contains) { return false }
        let fixed = [" ya quedo ", " ya funciona ", " ya sirve ", " ya jala ", " ya hay ", " ya tengo ", " it works ", " working now "]
        if fixed.contains(where: folded.contains) { return true }
        switch understood.answer {
        case .yes: return true
        case .no: return false
        default: return nil
        }
    }

    /// A 1–5 rating: its button, a lone digit, or "5 estrellas".
    var rating: Int? {
        if case .quickReply(let id, _) = input.message.content, id.hasPrefix(Self.ratingPrefix) {
            return Int(id.dropFirst(Self.ratingPrefix.count)).flatMap { (1...5).contains($0) ? $0 : nil }
        }
        let digits = Text.fold(text).split(whereSeparator: { !$0.isNumber })
        guard digits.count == 1, let n = Int(digits[0]), (1...5).contains(n), text.count <= 20 else { return nil }
        return n
    }
}

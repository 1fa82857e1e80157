import Foundation

/// Handing a chat to a person, and cancellation requests (recorded for staff, nothing deleted).
extension Conversation {
    mutating func handOff() {
        session.flow = nil
        session.handoffUntil = now.addingTimeInterval(settings.handoffTimeout)
        session.handoffNoted = false
        alertHandoff()
        say(.handoffStarted)
    }

    mutating func startCancellation() {
        guard let client = caller else {
            session.context.cancelUnmatched = true
            say(.cancelNotClient, buttons: [button(.buttonHuman, MenuOption.human.id)])
            return
        }
        session.flow = .cancelConfirmation
        say(.cancelConfirm, ["id": client.id, "plan": client.planMbps.map(String.init) ?? "?"],
            buttons: [button(.buttonYes, QuickReplyAction.yes), button(.buttonNo, QuickReplyAction.no)])
    }

    mutating func continueCancellation() -> Bool {
        session.flow = nil
        switch understood.answer {
        case .yes:
            intent = .cancel
            guard let client = caller else { return false }
            let note = "Solicitó baja el \(settings.time.day(now)) (bot)"
            effects.append(.appendNote(.clients, key: client.id, column: Col.Client.notes.name, note: note))
            alertStaff(.cancellation, .staffAlertCancellation, ["id": client.id, "name": client.name])
            say(.cancelRecorded)
            return true
        case .no, .stop:
            intent = .cancel
            say(.cancelKept)
            return true
        case nil:
            return false
        }
    }
}

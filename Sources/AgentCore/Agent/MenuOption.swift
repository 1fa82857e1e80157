/// The main menu, shown on greetings and when the bot cannot help: numbered for people who
/// type, buttons for people who tap.
enum MenuOption: Int, CaseIterable {
    case register = 1, incident, plans, coverage, billing, status, human

    var intent: Intent {
        switch self {
        case .register: .register
        case .incident: .reportIncident
        case .plans: .plansPrices
        case .coverage: .coverage
        case .billing: .billing
        case .status: .incidentStatus
        case .human: .humanAgent
        }
    }

    var id: String { QuickReplyAction.menuPrefix + intent.rawValue }

    var buttonKey: ReplyKey {
        switch self {
        case .register: .buttonRegister
        case .incident: .buttonIncident
        case .plans: .buttonPlans
        case .coverage: .buttonCoverage
        case .billing: .buttonBilling
        case .status: .buttonStatus
        case .human: .buttonHuman
        }
    }

    static func numbered(_ n: Int) -> MenuOption? { MenuOption(rawValue: n) }
}

/// What a pressed button means. Ids are short ASCII (Telegram allows 64 bytes of callback_data).
public enum QuickReplyAction {
    static let menuPrefix = "menu:"
    static let zonePrefix = "zone:"
    static let planPrefix = "plan:"
    static let yes = "yes"
    static let no = "no"
    static let stop = "stop"
    /// "Otra cosa": show the menu.
    static let menu = "menu"

    /// The understanding of a button press, without asking the rules or the model.
    public static func understood(id: String) -> Understood? {
        if id.hasPrefix(menuPrefix), let intent = Intent(rawValue: String(id.dropFirst(menuPrefix.count))) {
            return Understood(intent: intent, confidence: 1)
        }
        if id.hasPrefix(zonePrefix) {
            return Understood(intent: .coverage, slots: Slots(zone: String(id.dropFirst(zonePrefix.count))), confidence: 0.3)
        }
        if id.hasPrefix(planPrefix), let mbps = Int(id.dropFirst(planPrefix.count)) {
            return Understood(intent: .plansPrices, slots: Slots(planMbps: mbps), confidence: 0.3)
        }
        switch id {
        case yes: return Understood(intent: .greeting, answer: .yes, confidence: 0.1)
        case no: return Understood(intent: .thanksBye, answer: .no, confidence: 0.1)
        case stop: return Understood(intent: .thanksBye, answer: .stop, confidence: 0.1)
        case menu: return Understood(intent: .greeting, confidence: 1)
        default: return nil
        }
    }

    static func zone(_ name: String) -> String {
        var id = zonePrefix + name
        while id.utf8.count > 64 { id.removeLast() }
        return id
    }

    static func plan(_ mbps: Int) -> String { planPrefix + String(mbps) }
}

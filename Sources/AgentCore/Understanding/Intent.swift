/// What a message is about (DESIGN.md §6). The raw values are the labels `classify` prints.
public enum Intent: String, Sendable, Codable, CaseIterable, Hashable {
    case greeting
    case register
    case reportIncident = "report_incident"
    case incidentStatus = "incident_status"
    case plansPrices = "plans_prices"
    case coverage
    case billing
    case humanAgent = "human_agent"
    case cancel
    case thanksBye = "thanks_bye"
    case staffStats = "staff_stats"
    case staffSearch = "staff_search"
    case outOfScope = "out_of_scope"

    public var isStaffOnly: Bool { self == .staffStats || self == .staffSearch }
}

public enum Language: String, Sendable, Codable {
    case es, en
}

/// The facts a message carries (DESIGN.md §6 slot names in `classify` output).
public struct Slots: Sendable, Codable, Equatable {
    public var zone: String?
    public var planMbps: Int?
    public var name: String?
    public var since: String?
    public var modemRestarted: Bool?
    public var phone: String?

    public init(zone: String? = nil, planMbps: Int? = nil, name: String? = nil, since: String? = nil,
                modemRestarted: Bool? = nil, phone: String? = nil) {
        self.zone = zone
        self.planMbps = planMbps
        self.name = name
        self.since = since
        self.modemRestarted = modemRestarted
        self.phone = phone
    }

    enum CodingKeys: String, CodingKey {
        case zone, planMbps = "plan_mbps", name, since, modemRestarted = "modem_restarted", phone
    }

    public var isEmpty: Bool { self == Slots() }

    /// Values in `other` win.
    public func merged(with other: Slots) -> Slots {
        Slots(zone: other.zone ?? zone, planMbps: other.planMbps ?? planMbps, name: other.name ?? name,
              since: other.since ?? since, modemRestarted: other.modemRestarted ?? modemRestarted,
              phone: other.phone ?? phone)
    }
}

/// A yes/no answer found in the message ("sí", "va", "no gracias").
public enum Answer: String, Sendable, Codable {
    case yes, no
    /// "cancela", "olvídalo", "mejor no": leave the conversation in progress.
    case stop
}

/// What understanding a message produced.
public struct Understood: Sendable, Codable, Equatable {
    public var intent: Intent
    public var slots: Slots
    /// nil when the message gives no clue ("ok", "50", a name).
    public var language: Language?
    public var answer: Answer?
    /// 0…1: how sure the understanding is of the intent. Weak intents let a conversation
    /// in progress read the message as an answer to its question.
    public var confidence: Double
    /// A folio the customer quoted (F-0012).
    public var folio: String?
    /// A menu number typed alone ("2").
    public var menuChoice: Int?
    /// The zone slot is the sheet's zone closest to what was typed ("oriete" → Oriente), not
    /// an exact match: worth a "¿Te refieres a Oriente?" before acting on it.
    public var zoneGuessed = false
    /// The message as understanding read it: folded, abbreviations expanded, typos fixed
    /// ("no ay internet" → "no hay internet"), for rules that look at wording.
    public var normalized: String?
    /// Agrees without a doubt, however long the message ("si asi ta bien"): read as yes where
    /// a confirmation was asked.
    public var leansYes = false
    /// The next most likely intents, for "¿Te refieres a…?" when the first is uncertain.
    public var alternatives: [Intent] = []
    /// A phrase rule points at the intent too (not the learned model alone); true for readers without rules.
    public var ruleBacked = true

    public init(intent: Intent, slots: Slots = Slots(), language: Language? = nil, answer: Answer? = nil,
                confidence: Double = 1, folio: String? = nil, menuChoice: Int? = nil) {
        self.intent = intent
        self.slots = slots
        self.language = language
        self.answer = answer
        self.confidence = confidence
        self.folio = folio
        self.menuChoice = menuChoice
    }
}

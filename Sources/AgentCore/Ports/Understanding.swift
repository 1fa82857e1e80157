import Foundation

/// Turns a message into an intent and slots. Offline rules, or Gemini with the rules as fallback.
public protocol Understanding: Sendable {
    func understand(_ text: String, context: UnderstandingContext) async -> Understood
}

/// What understanding may know besides the text: the conversation and the back office's
/// vocabulary (zone names and plan speeds from the sheet). Never other clients' data.
public struct UnderstandingContext: Sendable {
    public var zones: [String]
    public var planSpeeds: [Int]
    /// The plans as the Planes tab names and prices them ("Hogar 50", $450).
    public var plans: [Plan] = []
    /// Other names of zones (folded alias → zone name), from the Zonas tab.
    public var zoneAliases: [String: String] = [:]
    /// Client names, for staff turns only (a customer's understanding never sees them).
    public var clientNames: [String] = []
    /// Staff write: their messages name places and plans for searches, not for service wanted.
    public var fromStaff = false
    /// The slot the conversation just asked for, so "el de 20" or "Luis" can be read as its answer.
    public var awaiting: SlotName?
    /// A failure report is being taken or was just written, or a cancellation (most often over a failure) is being
    /// confirmed: times in the message are when the failure began.
    public var reportOpen = false
    /// The bot offered the waiting list: a name standing alone in the message is the person's.
    public var namesWelcome = false
    /// The last few turns, oldest first, for models that use them.
    public var recentTurns: [Turn]
    public var language: Language
    /// When the turn must be answered; a model call that would end later is not made.
    public var deadline: Date?

    public init(zones: [String] = [], planSpeeds: [Int] = [], awaiting: SlotName? = nil,
                recentTurns: [Turn] = [], language: Language = .es, deadline: Date? = nil) {
        self.zones = zones
        self.planSpeeds = planSpeeds
        self.awaiting = awaiting
        self.recentTurns = recentTurns
        self.language = language
        self.deadline = deadline
    }

    /// The sheet's vocabulary: zones and their aliases, plans; client names only for staff.
    public init(workbook: Workbook, session: Session?, role: Role, deadline: Date? = nil) {
        self.init(zones: workbook.zones.map(\.name), planSpeeds: workbook.plansBySpeed.map(\.mbps),
                  awaiting: session?.awaiting, recentTurns: session?.recent ?? [], language: session?.language ?? .es,
                  deadline: deadline)
        plans = workbook.plansBySpeed
        if case .incident? = session?.flow { reportOpen = true }
        if case .cancelConfirmation? = session?.flow { reportOpen = true }
        if case .notifyWhenCovered? = session?.flow { namesWelcome = true }
        if session?.context.writtenIncident != nil { reportOpen = true }
        for zone in workbook.zones {
            for alias in zone.aliases { zoneAliases[Text.fold(alias)] = zone.name }
        }
        if role == .staff {
            clientNames = workbook.clients.map(\.name)
            fromStaff = true
        }
    }
}

public enum SlotName: String, Sendable, Codable {
    case zone, plan, name, phone, since, modemRestarted, sinceAndModem, confirmation
}

/// One line of conversation history.
public struct Turn: Sendable, Codable, Equatable {
    public enum Speaker: String, Sendable, Codable { case customer, bot }
    public var speaker: Speaker
    public var text: String

    public init(_ speaker: Speaker, _ text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// Rewrites the agent's templated replies in a warmer, natural way, from the facts given and
/// nothing else. Whatever goes wrong, the templated replies are returned unchanged.
public protocol ReplyPhrasing: Sendable {
    func phrase(_ replies: [Reply], _ request: PhrasingRequest) async -> [Reply]
}

public struct PhrasingRequest: Sendable {
    public var intent: Intent
    public var language: Language
    public var customerText: String
    /// What the reply may state: plans and prices, coverage, the caller's own rows.
    public var facts: [String]
    public var maxLength: Int
    public var deadline: Date

    public init(intent: Intent, language: Language, customerText: String, facts: [String], maxLength: Int, deadline: Date) {
        self.intent = intent
        self.language = language
        self.customerText = customerText
        self.facts = facts
        self.maxLength = maxLength
        self.deadline = deadline
    }
}

/// Turns a message into an intent and slots. Offline rules, or Gemini with the rules as fallback.
public protocol Understanding: Sendable {
    func understand(_ text: String, context: UnderstandingContext) async -> Understood
}

/// What understanding may know besides the text: the conversation and the back office's
/// vocabulary (zone names and plan speeds from the sheet). Never other clients' data.
public struct UnderstandingContext: Sendable {
    public var zones: [String]
    public var planSpeeds: [Int]
    /// The slot the conversation just asked for, so "el de 20" or "Luis" can be read as its answer.
    public var awaiting: SlotName?
    /// The last few turns, oldest first, for models that use them.
    public var recentTurns: [Turn]
    public var language: Language

    public init(zones: [String] = [], planSpeeds: [Int] = [], awaiting: SlotName? = nil,
                recentTurns: [Turn] = [], language: Language = .es) {
        self.zones = zones
        self.planSpeeds = planSpeeds
        self.awaiting = awaiting
        self.recentTurns = recentTurns
        self.language = language
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

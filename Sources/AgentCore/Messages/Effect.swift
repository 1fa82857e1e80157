import Foundation

/// What a turn changes outside the conversation. The agent decides; adapters carry it out.
public enum Effect: Sendable, Codable, Equatable {
    /// A new row, keyed so that a retried write never makes a second row.
    case appendRow(Tab, RowValues)
    /// New values for some cells of the row with this key.
    case updateRow(Tab, key: String, cells: [String: String])
    /// A note added at the end of a cell (Notas), read fresh when written, so what staff typed
    /// there since the bot last looked is kept.
    case appendNote(Tab, key: String, column: String, note: String)
    /// A message for every staff member (outage, handoff, cancellation).
    case alertStaff(StaffAlert)
    /// Several incidents in one zone within the window: from now on it is a known outage.
    case declareOutage(zone: String)
    /// Staff hand a chat back to the bot.
    case releaseHandoff(ChatRef)
    /// A customer asked for a person: staff may take the chat.
    case openHandoff(ChatRef, label: String)
    /// A staff member took the chat: from now on messages are relayed both ways.
    case takeHandoff(ChatRef, by: ChatRef, name: String)
    /// A message for another chat than the one the turn is about (relayed words, notices).
    case relay(to: ChatRef, Reply)
}

public struct StaffAlert: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case outage, handoff, cancellation, incident, signup
    }

    public var kind: Kind
    public var text: String
    public var about: ChatRef?
    /// Buttons under the alert ("Atender").
    public var buttons: [QuickReply]?
    /// A staff member who is not to get it (the one who caused it).
    public var except: ChatRef?

    public init(kind: Kind, text: String, about: ChatRef? = nil, buttons: [QuickReply]? = nil, except: ChatRef? = nil) {
        self.kind = kind
        self.text = text
        self.about = about
        self.buttons = buttons
        self.except = except
    }
}

/// What a message the bot sends on its own is about, with the facts it carries, so that a
/// channel that cannot deliver free text at that moment (WhatsApp, more than 24 hours after
/// the customer last wrote) can send the operator's approved template for it instead.
public struct Notice: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case incidentResolved = "incident_resolved"
        case installationDone = "installation_done"
        case outageOver = "outage_over"
        case staffAlert = "staff_alert"
    }

    public var kind: Kind
    /// The template's body parameters, in order ({{1}}, {{2}}, …); see Kind.parameters.
    public var parameters: [String]

    public init(_ kind: Kind, _ parameters: [String]) {
        self.kind = kind
        self.parameters = parameters
    }
}

extension Notice.Kind {
    /// What each template's {{1}}, {{2}}… are, in order: the README shows the templates to
    /// create in Meta's manager with exactly these.
    public var parameters: [String] {
        switch self {
        case .incidentResolved: ["customer's first name", "folio"]
        case .installationDone: ["customer's first name"]
        case .outageOver: ["zone"]
        case .staffAlert: ["alert text"]
        }
    }
}

import Foundation

/// A customer waiting for a person, or talking to one through the bot.
public struct Handoff: Sendable, Equatable {
    public var customer: ChatRef
    /// Who the customer is, for staff ("C-0012 Ana López", a profile name, a masked number).
    public var label: String
    public var requestedAt: Date
    /// The staff member who took the chat, once one did.
    public var holder: ChatRef?
    public var holderName: String?

    /// The id of the "Atender" button that takes a customer's chat.
    public static let takePrefix = "take:"
    public static func takeID(_ customer: ChatRef) -> String { takePrefix + customer.description }

    public init(customer: ChatRef, label: String, requestedAt: Date, holder: ChatRef? = nil, holderName: String? = nil) {
        self.customer = customer
        self.label = label
        self.requestedAt = requestedAt
        self.holder = holder
        self.holderName = holderName
    }
}

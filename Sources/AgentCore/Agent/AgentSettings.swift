import Foundation

/// The knobs of the conversation rules, read once from configuration and messaging/settings.txt.
public struct AgentSettings: Sendable {
    public var businessName = "Red Soluciones"
    public var sessionTimeout: TimeInterval = 30 * 60
    public var handoffTimeout: TimeInterval = 2 * 60 * 60
    /// This many incidents in one zone within `outageWindow` make an outage.
    public var outageThreshold = 3
    public var outageWindow: TimeInterval = 30 * 60
    public var installationHours = 24
    /// A sign-up left half way gets one reminder this long after the person's last message
    /// (nil: none). Always sent within WhatsApp's 24-hour window.
    public var signupReminderDelay: TimeInterval? = 60 * 60
    public var maxResponseLength = 800
    public var emojis = true
    public var time = LocalTime.mexicoCity

    public init() {}
}

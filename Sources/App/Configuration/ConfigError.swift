/// A configuration value the bot cannot run with: one line naming the variable, the value
/// (masked when secret) and what is expected. The launcher prints it and exits with code 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible, Equatable {
    public let variable: String
    public let value: String?
    public let expected: String

    public init(_ variable: String, value: String?, expected: String) {
        self.variable = variable
        self.value = value
        self.expected = expected
    }

    public var description: String {
        if let value { return "\(variable)=\(value): \(expected)" }
        return "\(variable): \(expected)"
    }
}

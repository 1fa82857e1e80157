/// A token, key or password from the configuration. Printing it shows only that it is set
/// and its last four characters, so it can be told apart without being leaked.
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String {
        value.count >= 12 ? "set (…\(value.suffix(4)))" : "set"
    }
}

import Foundation

/// A fresh folder under the system's temporary directory, removed when the last test holding
/// it lets go: the conversation scripts alone open thousands of scratch workbooks per run, and
/// a developer's /tmp should not keep them.
public final class ScratchDirectory: Sendable {
    public let path: String

    public init(_ prefix: String) {
        path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

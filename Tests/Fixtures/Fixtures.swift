import Foundation

/// Real-shaped payloads of the four external APIs (Telegram, WhatsApp Cloud API, Google
/// OAuth/Sheets, Gemini), kept in the repository so the tests need nothing beside it.
/// Resources/README.md says where each shape comes from.
public enum Fixtures {
    public static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    public static func object(_ name: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data(name)) as? [String: Any] else { throw Missing(name: name) }
        return object
    }

    /// The fixture names that start with `prefix`, sorted.
    public static func names(prefix: String) throws -> [String] {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(prefix) }.sorted()
    }

    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "no fixture \(name) in Tests/Fixtures/Resources" }
    }
}

import AgentCore
import Foundation

/// The operator-editable files in messaging/: reply texts, conversation settings and the
/// labelled examples the intent model learns from.
public enum MessagingFiles {
    public struct Loaded: Sendable {
        public var book: ReplyBook
        public var settings: AgentSettings
        /// nil when intents.txt is missing: the rules understand alone.
        public var corpus: IntentCorpus?
    }

    public static func load(directory: String, config: BotConfig) throws -> Loaded {
        let repliesPath = (directory as NSString).appendingPathComponent("replies.txt")
        let settingsPath = (directory as NSString).appendingPathComponent("settings.txt")
        guard let replies = try? String(contentsOfFile: repliesPath, encoding: .utf8) else {
            throw ConfigError("MESSAGING_DIR", value: directory,
                              expected: "no replies.txt there — run the bot from the project folder or point MESSAGING_DIR at the folder with replies.txt and settings.txt")
        }
        let book = try ReplyBook(parsing: replies, file: repliesPath)
        var settings = AgentSettings()
        settings.maxResponseLength = config.maxResponseLength
        settings.emojis = config.enableEmojis
        if let text = try? String(contentsOfFile: settingsPath, encoding: .utf8) {
            try apply(text, file: settingsPath, to: &settings)
        }
        return Loaded(book: book, settings: settings, corpus: try corpus(directory: directory))
    }

    static func corpus(directory: String) throws -> IntentCorpus? {
        let path = (directory as NSString).appendingPathComponent("intents.txt")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        do {
            return try IntentCorpus(parsing: text, file: path)
        } catch {
            throw ConfigError(path, value: nil, expected: "\(error.reason) (line \(error.line))")
        }
    }

    static func apply(_ text: String, file: String, to settings: inout AgentSettings) throws {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let place = "\(file):\(n + 1)"
            guard parts.count == 2 else { throw ConfigError(place, value: line, expected: "expected `key = value`") }
            let (key, value) = (parts[0], parts[1])
            func minutes() throws -> TimeInterval {
                guard let m = Double(value), m > 0 else { throw ConfigError(place, value: value, expected: "\(key) must be a number of minutes above 0") }
                return m * 60
            }
            func count() throws -> Int {
                guard let c = Int(value), c > 0 else { throw ConfigError(place, value: value, expected: "\(key) must be a whole number above 0") }
                return c
            }
            switch key {
            case "business_name": settings.businessName = value
            case "time_zone":
                guard let zone = TimeZone(identifier: value) else {
                    throw ConfigError(place, value: value, expected: "time_zone must be a zone name such as America/Mexico_City")
                }
                settings.time = LocalTime(timeZone: zone)
            case "session_timeout_minutes": settings.sessionTimeout = try minutes()
            case "handoff_timeout_minutes": settings.handoffTimeout = try minutes()
            case "outage_threshold": settings.outageThreshold = try count()
            case "outage_window_minutes": settings.outageWindow = try minutes()
            case "installation_hours": settings.installationHours = try count()
            default: throw ConfigError(place, value: key, expected: "unknown setting (known: business_name, time_zone, session_timeout_minutes, handoff_timeout_minutes, outage_threshold, outage_window_minutes, installation_hours)")
            }
        }
    }
}

import AgentCore
import ChannelKit
import Foundation

/// The operator-editable files in messaging/: reply texts, conversation settings and the
/// labelled examples the intent model learns from.
public enum MessagingFiles {
    public struct Loaded: Sendable {
        public var book: ReplyBook
        public var settings: AgentSettings
        /// nil when intents.txt is missing: the rules understand alone.
        public var corpus: IntentCorpus?
        /// WhatsApp templates for notices past the 24-hour window (`whatsapp_template_*`).
        public var templates: [Notice.Kind: NoticeTemplate] = [:]
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
        var templates: [Notice.Kind: NoticeTemplate] = [:]
        if let text = try? String(contentsOfFile: settingsPath, encoding: .utf8) {
            try apply(text, file: settingsPath, to: &settings, templates: &templates)
        }
        return Loaded(book: book, settings: settings, corpus: try corpus(directory: directory), templates: templates)
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

    static func apply(_ text: String, file: String, to settings: inout AgentSettings,
                      templates: inout [Notice.Kind: NoticeTemplate]) throws {
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
            case "signup_reminder_minutes":
                guard let m = Double(value), m >= 0, m < 23 * 60 else {
                    throw ConfigError(place, value: value, expected: "signup_reminder_minutes must be minutes from 0 (no reminder) to 1379 (within WhatsApp's 24 hours)")
                }
                settings.signupReminderDelay = m == 0 ? nil : m * 60
            case let key where key.hasPrefix(Self.templatePrefix):
                guard let kind = Notice.Kind(rawValue: String(key.dropFirst(Self.templatePrefix.count))) else {
                    throw ConfigError(place, value: key, expected: "unknown notice (known: \(Notice.Kind.allCases.map { Self.templatePrefix + $0.rawValue }.joined(separator: ", ")))")
                }
                templates[kind] = try template(value, place: place)
            default: throw ConfigError(place, value: key, expected: "unknown setting (known: business_name, time_zone, session_timeout_minutes, handoff_timeout_minutes, outage_threshold, outage_window_minutes, installation_hours, signup_reminder_minutes, whatsapp_template_*)")
            }
        }
    }

    static let templatePrefix = "whatsapp_template_"

    /// `name language` as Meta's WhatsApp Manager shows them (`incidente_resuelto es_MX`); an
    /// empty value sets none.
    static func template(_ value: String, place: String) throws -> NoticeTemplate? {
        let words = value.split(separator: " ").map(String.init)
        if words.isEmpty { return nil }
        guard words.count == 2, words[0].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }), words[0].first?.isLetter == true,
              words[1].range(of: #"^[a-z]{2,3}(_[A-Z]{2})?$"#, options: .regularExpression) != nil
        else {
            throw ConfigError(place, value: value,
                              expected: "a template name (lowercase letters, digits, _) and a language code, e.g. `incidente_resuelto es_MX`")
        }
        return NoticeTemplate(name: words[0], language: words[1])
    }
}

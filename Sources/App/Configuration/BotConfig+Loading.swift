import AgentCore
import Configuration
import Foundation
import Logging
import SystemPackage

extension BotConfig {
    /// Reads the environment, then `.env` in the working directory (the real environment wins).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            dotEnvPath: String = ".env") async throws -> BotConfig {
        let fileProvider: EnvironmentVariablesProvider
        do {
            fileProvider = try await EnvironmentVariablesProvider(environmentFilePath: FilePath(dotEnvPath), allowMissing: true)
        } catch {
            throw ConfigError(".env", value: nil, expected: "could not be read (\(error)) — one KEY=value per line")
        }
        let reader = ConfigReader(providers: [EnvironmentVariablesProvider(environmentVariables: environment), fileProvider])
        return try BotConfig(variables: EnvironmentSource(reader: reader))
    }

    init(variables env: EnvironmentSource) throws(ConfigError) {
        telegramAPIBase = try env.url("TELEGRAM_API_BASE", default: "https://api.telegram.org")
        if let token = env.string("TELEGRAM_BOT_TOKEN") {
            guard token.contains(":"), !token.contains(where: \.isWhitespace) else {
                throw ConfigError("TELEGRAM_BOT_TOKEN", value: Secret(token).description,
                                  expected: "expected the token BotFather gave, like 123456789:AA… (digits, a colon, then letters)")
            }
            let secret = env.string("TELEGRAM_WEBHOOK_SECRET")
            if let secret, secret.isEmpty || secret.count > 256 || !secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                throw ConfigError("TELEGRAM_WEBHOOK_SECRET", value: Secret(secret).description,
                                  expected: "expected 1–256 characters from A-Z a-z 0-9 _ - (Telegram's rule)")
            }
            let webhookURL = try env.optionalURL("TELEGRAM_WEBHOOK_URL")?.absoluteString
            telegram = Telegram(token: Secret(token), webhookSecret: secret.map(Secret.init), webhookURL: webhookURL,
                                apiBase: telegramAPIBase)
        }

        let phoneID = env.string("WHATSAPP_PHONE_NUMBER_ID"), accessToken = env.string("WHATSAPP_ACCESS_TOKEN")
        switch (phoneID, accessToken) {
        case (nil, nil):
            whatsApp = nil
        case (let id?, let token?):
            guard id.allSatisfy(\.isNumber) else {
                throw ConfigError("WHATSAPP_PHONE_NUMBER_ID", value: id, expected: "expected the numeric phone number id from Meta's WhatsApp dashboard")
            }
            guard let appSecret = env.string("WHATSAPP_APP_SECRET") else {
                throw ConfigError("WHATSAPP_APP_SECRET", value: nil,
                                  expected: "required when WhatsApp is on: the App Secret (App settings → Basic) that signs every webhook call")
            }
            let account = env.string("WHATSAPP_BUSINESS_ACCOUNT_ID")
            if let account, !account.allSatisfy(\.isNumber) {
                throw ConfigError("WHATSAPP_BUSINESS_ACCOUNT_ID", value: account,
                                  expected: "expected the numeric WhatsApp Business Account id (WhatsApp Manager → Account tools), not the phone number id")
            }
            whatsApp = WhatsApp(phoneNumberID: id, accessToken: Secret(token),
                                verifyToken: env.string("WHATSAPP_VERIFY_TOKEN").map(Secret.init), appSecret: Secret(appSecret),
                                apiBase: try env.url("WHATSAPP_API_BASE", default: "https://graph.facebook.com"),
                                apiVersion: try env.apiVersion(), businessAccountID: account)
        case (nil, _?):
            throw ConfigError("WHATSAPP_PHONE_NUMBER_ID", value: nil, expected: "missing: WHATSAPP_ACCESS_TOKEN is set, so WhatsApp needs its phone number id too")
        case (_?, nil):
            throw ConfigError("WHATSAPP_ACCESS_TOKEN", value: nil, expected: "missing: WHATSAPP_PHONE_NUMBER_ID is set, so WhatsApp needs its access token too")
        }

        let credentialsVariable = env.string("GOOGLE_APPLICATION_CREDENTIALS")
        let credentials = credentialsVariable ?? "service_account/service_account.json"
        if credentialsVariable != nil, !FileManager.default.fileExists(atPath: credentials) {
            throw ConfigError("GOOGLE_APPLICATION_CREDENTIALS", value: credentials,
                              expected: "no such file — download the service account's JSON key and put it there (see service_account/README.md)")
        }
        if let sheetID = env.string("GOOGLE_SHEETS_ID") {
            guard sheetID.count >= 20, sheetID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw ConfigError("GOOGLE_SHEETS_ID", value: sheetID,
                                  expected: "expected the id in the spreadsheet's address: docs.google.com/spreadsheets/d/<this part>/edit")
            }
            guard FileManager.default.fileExists(atPath: credentials) else {
                throw ConfigError("GOOGLE_APPLICATION_CREDENTIALS", value: credentials,
                                  expected: "no such file, and GOOGLE_SHEETS_ID is set — download the service account's JSON key and put it there (see service_account/README.md)")
            }
            sheets = Sheets(spreadsheetID: sheetID, credentialsPath: credentials,
                            apiBase: try env.url("SHEETS_API_BASE", default: "https://sheets.googleapis.com"),
                            refreshSeconds: try env.int("SHEETS_REFRESH_SECONDS", default: 60, in: 1...3600,
                                                        expected: "expected seconds between refreshes of the spreadsheet, 1–3600"),
                            requestsPerMinute: try env.int("SHEETS_REQUESTS_PER_MINUTE", default: 60, in: 1...1000,
                                                           expected: "expected the per-minute request budget, 1–1000 (Google's default quota is 60)"),
                            timeoutSeconds: try env.int("SHEETS_TIMEOUT_SECONDS", default: 20, in: 1...120,
                                                        expected: "expected a request timeout in seconds, 1–120"))
        }

        if let key = env.string("GEMINI_API_KEY") {
            let model = env.string("GEMINI_MODEL") ?? "gemini-flash-latest"
            guard model.allSatisfy({ $0.isLetter || $0.isNumber || "-._".contains($0) }) else {
                throw ConfigError("GEMINI_MODEL", value: model, expected: "expected a model id such as gemini-flash-latest")
            }
            gemini = Gemini(apiKey: Secret(key), model: model,
                            apiBase: try env.url("GEMINI_API_BASE", default: "https://generativelanguage.googleapis.com"),
                            deadlineSeconds: Double(try env.int("GEMINI_DEADLINE_MS", default: 4000, in: 200...30000,
                                                                expected: "expected the most a turn waits for Gemini, in milliseconds (200–30000)")) / 1000)
        }

        messagingHost = env.string("MESSAGING_HOST") ?? "0.0.0.0"
        messagingPort = try env.int("MESSAGING_PORT", default: 5001, in: 0...65535, expected: "expected a port number 1–65535 (0 picks any free port)")
        idleTimeoutSeconds = try env.int("MESSAGING_IDLE_TIMEOUT_SECONDS", default: 30, in: 1...3600,
                                         expected: "expected seconds (1–3600) a connection may stay silent before it is closed")
        staffTelegramIDs = Set(try env.list("STAFF_TELEGRAM_IDS").map { id throws(ConfigError) in
            guard Int64(id) != nil else {
                throw ConfigError("STAFF_TELEGRAM_IDS", value: id, expected: "expected numeric Telegram user ids separated by commas (ask @userinfobot for yours)")
            }
            return id
        })
        let staffNumbers = try env.list("STAFF_WHATSAPP_NUMBERS").map { number throws(ConfigError) in
            guard let digits = PhoneNumber.digits(number), number.allSatisfy({ $0.isNumber || "+ -".contains($0) }) else {
                throw ConfigError("STAFF_WHATSAPP_NUMBERS", value: number, expected: "expected phone numbers with country code (e.g. 5214441234567) separated by commas")
            }
            return digits
        }
        staffWhatsAppRecipients = staffNumbers
        staffWhatsAppNumbers = Set(staffNumbers.compactMap(PhoneNumber.matchKey))
        dataDirectory = env.string("DATA_DIR") ?? "./data"
        logDirectory = env.string("LOG_DIR") ?? "./logs"
        let level = env.string("LOG_LEVEL") ?? "info"
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigError("LOG_LEVEL", value: level, expected: "expected one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = parsed
        maxResponseLength = try env.int("MAX_RESPONSE_LENGTH", default: 800, in: 80...4096,
                                        expected: "expected the longest reply in characters, between 80 and 4096")
        enableEmojis = try env.bool("ENABLE_EMOJIS", default: true)
        messagingDirectory = env.string("MESSAGING_DIR") ?? "./messaging"
        durableWrites = try env.bool("DURABLE_WRITES", default: true)
        rateLimitPerMinute = try env.int("RATE_LIMIT_PER_MINUTE", default: 20, in: 1...10_000,
                                         expected: "expected the most messages one person may send in a minute, 1–10000")
        retentionDays = try env.int("RETENTION_DAYS", default: 90, in: 1...3650, expected: "expected days to keep conversations, 1–3650")
        maxInbox = try env.int("MAX_INBOX", default: 10_000, in: 10...10_000_000, expected: "expected the most messages waiting in the inbox")
        let format = env.string("LOG_FORMAT") ?? "text"
        guard let parsedFormat = LogFormat(rawValue: format.lowercased()) else {
            throw ConfigError("LOG_FORMAT", value: format, expected: "expected text or json")
        }
        logFormat = parsedFormat
        inboxPaused = try env.bool("INBOX_PAUSED", default: false)
    }
}

/// Reads variables by their exact names through swift-configuration's providers.
struct EnvironmentSource {
    let reader: ConfigReader

    /// The value, or nil when unset or blank.
    func string(_ variable: String) -> String? {
        let key = variable.lowercased().replacingOccurrences(of: "_", with: ".")
        let value = reader.string(forKey: ConfigKey(key))?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    func int(_ variable: String, default fallback: Int, in range: ClosedRange<Int>, expected: String) throws(ConfigError) -> Int {
        guard let raw = string(variable) else { return fallback }
        guard let value = Int(raw), range.contains(value) else { throw ConfigError(variable, value: raw, expected: expected) }
        return value
    }

    func bool(_ variable: String, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let raw = string(variable) else { return fallback }
        switch raw.lowercased() {
        case "1", "true", "yes", "on", "si", "sí": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigError(variable, value: raw, expected: "expected true or false")
        }
    }

    func url(_ variable: String, default fallback: String) throws(ConfigError) -> URL {
        try optionalURL(variable) ?? URL(string: fallback)!
    }

    func optionalURL(_ variable: String) throws(ConfigError) -> URL? {
        guard let raw = string(variable) else { return nil }
        guard let url = URL(string: raw.hasSuffix("/") ? String(raw.dropLast()) : raw),
              ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ConfigError(variable, value: raw, expected: "expected an http:// or https:// address such as https://example.com")
        }
        return url
    }

    func list(_ variable: String) -> [String] {
        (string(variable) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func apiVersion() throws(ConfigError) -> String {
        let raw = string("WHATSAPP_API_VERSION") ?? "v23.0"
        let version = raw.hasPrefix("v") ? raw : "v" + raw
        guard version.dropFirst().split(separator: ".").allSatisfy({ Int($0) != nil }) else {
            throw ConfigError("WHATSAPP_API_VERSION", value: raw, expected: "expected a Graph API version such as v23.0")
        }
        return version
    }
}

import Emulators
import Foundation
import Testing

extension EndToEnd {
/// classify, status, and what a wrong configuration does.
@Suite struct OperatorCommandTests {
    @Test func classifyPrintsOneJSONObjectPerLine() async throws {
        let output = try await LauncherProcess().run(["classify"], input: "hola\nquiero el de cincuenta en el centro\nno tengo internet desde ayer\n")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["intent"] as? String } == ["greeting", "register", "report_incident"])
        let slots = objects[1]["slots"] as? [String: Any]
        #expect(slots?["plan_mbps"] as? Int == 50 && slots?["zone"] as? String == "Centro")
        #expect((objects[2]["slots"] as? [String: Any])?["since"] as? String == "ayer")
    }

    @Test func statusWithNoCredentialsListsEveryComponent() async throws {
        let output = try await LauncherProcess().run(["--mode", "status"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix { $0 != ":" }) } == ["Telegram", "WhatsApp", "Google Sheets", "Gemini", "SQLite store", "Outbox"])
        #expect(lines[0] == "Telegram: not configured")
        #expect(lines[4].hasPrefix("SQLite store: OK"))
        #expect(lines[5].hasPrefix("Outbox: OK"))
    }

    @Test func statusNeverPrintsASecret() async throws {
        let token = TelegramEmulator.randomToken(botID: 123_456_789)
        let secretStart = String(token.split(separator: ":")[1].prefix(9))
        // Nothing listens on port 9 of loopback: Telegram is "unreachable" at once.
        let output = try await LauncherProcess(environment: ["TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE": "http://127.0.0.1:9"])
            .run(["--mode", "status"])
        #expect(output.status != 0, "a configured component that cannot be checked is a failure")
        #expect(output.stdout.contains("Telegram: FAIL"))
        #expect(!output.stdout.contains(token) && !output.stderr.contains(token))
        #expect(!output.stdout.contains(secretStart))
    }

    @Test(arguments: [
        ("MESSAGING_PORT", "abc"), ("MAX_RESPONSE_LENGTH", "-5"), ("GOOGLE_APPLICATION_CREDENTIALS", "/no/such/key.json"),
        ("LOG_LEVEL", "loud"), ("ENABLE_EMOJIS", "maybe"), ("TELEGRAM_API_BASE", "ftp://x"), ("STAFF_TELEGRAM_IDS", "12,abc"),
    ])
    func aWrongValueIsOneLineAndExitCodeTwo(_ variable: String, _ value: String) async throws {
        let output = try await LauncherProcess(environment: [variable: value]).run(["--mode", "console"], input: "hola\n")
        #expect(output.status == 2)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(variable) == true)
        #expect(output.stdout.isEmpty)
    }

    @Test func whatsAppWithoutItsAppSecretIsRefused() async throws {
        let output = try await LauncherProcess(environment: ["WHATSAPP_PHONE_NUMBER_ID": "1234567890", "WHATSAPP_ACCESS_TOKEN": "EAAGsecret"])
            .run(["--mode", "status"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("WHATSAPP_APP_SECRET"))
        #expect(!output.stderr.contains("EAAGsecret"))
    }

    @Test func theDotEnvFileIsReadAndTheEnvironmentWins() async throws {
        let launcher = LauncherProcess()
        try "MAX_RESPONSE_LENGTH=abc\n".write(toFile: launcher.directory + "/.env", atomically: true, encoding: .utf8)
        let fromFile = try await launcher.run(["--mode", "console"], input: "hola\n")
        #expect(fromFile.status == 2 && fromFile.stderr.contains("MAX_RESPONSE_LENGTH=abc"))
        let overridden = try await launcher.run(["--mode", "console"], input: "hola\n", extraEnvironment: ["MAX_RESPONSE_LENGTH": "300"])
        #expect(overridden.status == 0 && overridden.stdout.contains("Hola"))
    }

    @Test func aChannelModeWithoutItsVariablesSaysWhichAreMissing() async throws {
        let output = try await LauncherProcess().run(["--mode", "whatsapp"])
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("WHATSAPP_PHONE_NUMBER_ID") && output.stderr.contains("WHATSAPP_ACCESS_TOKEN"))
        let none = try await LauncherProcess().run(["--mode", "auto"])
        #expect(none.status == 2 && none.stderr.contains("no channel is configured"))
    }
}
}

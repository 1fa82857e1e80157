import Emulators
import Foundation
import Testing

extension EndToEnd {
/// The real `launcher` with GEMINI_API_KEY set, against the Gemini emulator.
@Suite struct GeminiLauncherTests {
    @Test func classifyAndConsoleUseGeminiWithTheKeyOnlyInTheHeader() async throws {
        let emulator = GeminiEmulator()
        try await emulator.start()
        emulator.when("aparato de la azotea", answer: .json(#"{"intent":"report_incident","slots":{"since":"anoche"}}"#))
        emulator.setDefaultAnswer(.json(#"{"intent":"greeting"}"#))
        let launcher = LauncherProcess(environment: ["GEMINI_API_KEY": emulator.apiKey, "GEMINI_API_BASE": emulator.baseURL])
        let classify = try await launcher.run(["classify"], input: "se me fue el aparato de la azotea\n")
        #expect(classify.stdout.contains(#""intent":"report_incident""#) && classify.stdout.contains(#""since":"anoche""#))
        let console = try await launcher.run(["--mode", "console"], input: "buenas, que tal\n")
        #expect(console.status == 0 && console.stdout.contains("Hola"))
        #expect(emulator.requests.count >= 2)
        #expect(emulator.requests.allSatisfy { $0.apiKeyHeader == emulator.apiKey && $0.apiKeyQuery == nil })
        #expect(emulator.requests.allSatisfy { !$0.path.contains(emulator.apiKey) })
        let logs = (try? String(contentsOfFile: launcher.directory + "/logs/bot.log", encoding: .utf8)) ?? ""
        #expect(!logs.contains(emulator.apiKey), "the key never reaches the log")
    }

    @Test func statusShowsTheModelAndARetiredOneFails() async throws {
        let emulator = GeminiEmulator()
        try await emulator.start()
        emulator.setDefaultAnswer(.text("OK"))
        let good = try await LauncherProcess(environment: ["GEMINI_API_KEY": emulator.apiKey, "GEMINI_API_BASE": emulator.baseURL])
            .run(["--mode", "status"])
        #expect(good.stdout.contains("Gemini: OK gemini-flash-latest answered"))
        let retired = try await LauncherProcess(environment: ["GEMINI_API_KEY": emulator.apiKey, "GEMINI_API_BASE": emulator.baseURL,
                                                              "GEMINI_MODEL": "gemini-2.0-flash"]).run(["--mode", "status"])
        #expect(retired.status == 1)
        #expect(retired.stdout.contains("Gemini: FAIL gemini-2.0-flash: model not found (404)"))
        #expect(!retired.stdout.contains(emulator.apiKey))
    }
}
}

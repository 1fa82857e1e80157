import AsyncHTTPClient
import Emulators
import Foundation
import NIOCore
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

    @Test func metricsCountGeminiCallsFailuresAndTokens() async throws {
        let gemini = GeminiEmulator()
        try await gemini.start()
        gemini.setDefaultAnswer(.json(#"{"intent":"greeting"}"#))
        let whatsapp = WhatsAppEmulator()
        try await whatsapp.start()
        let maria = WhatsAppEmulator.Contact(waID: "5214441112233", name: "María Pérez")
        let launcher = LauncherProcess(environment: ["GEMINI_API_KEY": gemini.apiKey, "GEMINI_API_BASE": gemini.baseURL])
        let (_, bot, port) = try await WhatsAppLauncherTests().start(whatsapp, launcher)
        defer { Task { _ = await bot.stop() } }
        try await whatsapp.sendText("buenas tardes", from: maria)
        #expect(await eventually { whatsapp.messages(to: maria.waID).count >= 1 })
        func metric(_ name: String) async -> Double {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics")
            request.method = .GET
            guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(5)),
                  let body = try? await response.body.collect(upTo: 1 << 20) else { return -1 }
            let line = String(buffer: body).split(separator: "\n").first { $0.hasPrefix(name + " ") }
            return line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        // Every call the model received is counted, once the turn's calls are over.
        #expect(await eventually { await metric("bot_gemini_calls_total") == Double(gemini.requests.count) })
        #expect(await metric("bot_gemini_calls_total") >= 1)
        #expect(await metric("bot_gemini_tokens_total") > 0)

        // A model that fails (400: not worth a retry) is counted, and the rules still answer.
        gemini.inject(.error(status: 400), times: 10)
        try await whatsapp.sendText("cuanto cuesta el internet?", from: maria)
        #expect(await eventually { whatsapp.messages(to: maria.waID).count >= 2 })
        #expect(await eventually { await metric("bot_gemini_failures_total") >= 1 })
        #expect(await metric("bot_gemini_calls_total") == Double(gemini.requests.count))
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

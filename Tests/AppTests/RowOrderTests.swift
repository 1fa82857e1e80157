import AgentCore
import Emulators
import Foundation
import Testing
@testable import App

/// Rows reach the sheet in the order their keys were handed out, even when the turn that
/// decided first commits last (its reply was still being phrased by the model).
@Suite struct RowOrderTests {
    @Test func aReportWhoseReplyIsSlowToPhraseStillLandsAboveTheNextOne() async throws {
        let gemini = GeminiEmulator()
        try await gemini.start()
        gemini.setDefaultAnswer(.error(status: 503))
        gemini.when("MENSAJE DEL CLIENTE: se fue el internet en la casa", answer: .slow(seconds: 1.5, then: .maxTokensNoParts))
        gemini.when("BORRADOR:", answer: .maxTokensNoParts)
        let bot = try await ConversationHarness(environment: ["GEMINI_API_KEY": gemini.apiKey, "GEMINI_API_BASE": gemini.baseURL])
        let processor = bot.runtime.processor
        let now = bot.clock
        func report(_ text: String, from client: String) async throws -> String {
            let message = InboundMessage(id: "order-\(client)", chat: SampleClients.chat(client), content: .text(text),
                                         receivedAt: now, verifiedPhone: nil)
            return try await processor.process(message, now: now).replies.map(\.text).joined(separator: "\n")
        }

        async let first = report("se fue el internet en la casa desde anoche, ya reinicié el módem", from: "C-0001")
        try await Task.sleep(for: .milliseconds(400))
        let second = try await report("no tengo internet desde ayer, ya reinicie", from: "C-0002")
        #expect(second.contains("F-0006"), "the second report, decided while the first was being phrased")
        #expect(try await first.contains("F-0005"))

        let folios = try await bot.newRows(.incidents).map { $0["Folio"] ?? "" }
        #expect(folios == ["F-0005", "F-0006"], "rows in the order of their folios")
        await gemini.stop()
    }
}

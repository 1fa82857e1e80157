import Foundation
import Gemini

/// The status line for Gemini: one tiny call with the configured model.
enum GeminiStatus {
    static func check(_ config: BotConfig.Gemini) async -> StatusReport.State {
        let client = GeminiClient(apiBase: config.apiBase, model: config.model, apiKey: config.apiKey.value)
        let started = Date()
        do {
            let request = GeminiRequest(contents: [.init(role: .user, parts: [.text("Responde solo: OK")])],
                                        config: .init(maxOutputTokens: 16))
            let response = try await client.generate(request, deadline: Date().addingTimeInterval(15))
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            return .ok("\(config.model) answered in \(seconds) s (\(response.totalTokens) tokens), key \(config.apiKey)")
        } catch {
            return .fail("\(config.model): \(error)")
        }
    }
}

import Foundation
import Gemini

/// The status line for Gemini: one tiny call with the configured model.
enum GeminiStatus {
    static func check(_ config: BotConfig.Gemini) async -> StatusReport.State {
        let client = GeminiClient(apiBase: config.apiBase, model: config.model, apiKey: config.apiKey.value)
        let started = Date()
        do {
            let response = try await client.generate([
                "contents": [["role": "user", "parts": [["text": "Responde solo: OK"]]] as [String: any Sendable]],
                "generationConfig": ["maxOutputTokens": 16] as [String: any Sendable],
            ], deadline: Date().addingTimeInterval(15))
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            return .ok("\(config.model) answered in \(seconds) s (\(response.totalTokens) tokens), key \(config.apiKey)")
        } catch {
            return .fail("\(config.model): \(error)")
        }
    }
}

import AgentCore
import ChannelKit
import Foundation

/// Voice notes to text: the audio goes to Gemini inline (base64) with a plain instruction.
public struct GeminiTranscriber: Transcriber {
    let client: GeminiClient
    /// Longer audio is not sent (about two minutes of Opus voice).
    let maxBytes = 2 << 20

    public init(client: GeminiClient) {
        self.client = client
    }

    public func transcribe(_ audio: Data, mimeType: String, deadline: Date) async throws -> String {
        guard audio.count <= maxBytes else { throw GeminiError.unusable("voice note too long") }
        let parts: [[String: any Sendable]] = [
            ["inlineData": ["mimeType": mimeType.split(separator: ";").first.map(String.init) ?? "audio/ogg",
                            "data": audio.base64EncodedString()] as [String: any Sendable]],
            ["text": "Transcribe exactamente lo que dice esta nota de voz, en el idioma en que se habla. Responde solo con la transcripción."],
        ]
        let response = try await client.generate([
            "contents": [["role": "user", "parts": parts] as [String: any Sendable]],
            "generationConfig": ["temperature": 0, "maxOutputTokens": 512] as [String: any Sendable],
        ], deadline: deadline)
        guard response.isComplete, let text = response.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw GeminiError.unusable("no transcription (\(response.blockReason ?? response.finishReason ?? "?"))")
        }
        return text
    }
}

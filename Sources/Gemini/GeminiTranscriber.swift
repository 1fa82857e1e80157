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
        let mime = mimeType.split(separator: ";").first.map(String.init) ?? "audio/ogg"
        let request = GeminiRequest(contents: [.init(role: .user, parts: [
            .audio(audio, mimeType: mime),
            .text("Transcribe exactamente lo que dice esta nota de voz, en el idioma en que se habla. Responde solo con la transcripción."),
        ])], config: .init(temperature: 0, maxOutputTokens: 512))
        let response = try await client.generate(request, deadline: deadline)
        guard response.isComplete, let text = response.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw GeminiError.unusable("no transcription (\(response.blockReason ?? response.finishReason ?? "?"))")
        }
        return text
    }
}

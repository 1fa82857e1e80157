import Foundation

/// The generateContent answer as the bot uses it (v1beta): the text of the first candidate
/// (thoughts left out), why it ended, and the tokens it cost.
public struct GeminiResponse: Sendable {
    public var text: String?
    public var finishReason: String?
    public var blockReason: String?
    public var totalTokens: Int
    public var modelVersion: String?

    /// A usable answer: finished normally, not blocked, with text.
    public var isComplete: Bool {
        blockReason == nil && finishReason == "STOP" && text?.isEmpty == false
    }

    /// The wire shape, read as far as the bot needs it.
    struct Wire: Decodable {
        struct Part: Decodable { var text: String?; var thought: Bool? }
        struct Content: Decodable { var parts: [Part]? }
        struct Candidate: Decodable { var content: Content?; var finishReason: String? }
        struct Feedback: Decodable { var blockReason: String? }
        struct Usage: Decodable { var totalTokenCount: Int? }
        var candidates: [Candidate]?
        var promptFeedback: Feedback?
        var usageMetadata: Usage?
        var modelVersion: String?
    }

    init(_ wire: Wire) {
        let candidate = wire.candidates?.first
        // The answer's text: every text part that is not a thought.
        let text = (candidate?.content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text).joined()
        self.text = text.isEmpty ? nil : text
        finishReason = candidate?.finishReason
        blockReason = wire.promptFeedback?.blockReason
        totalTokens = wire.usageMetadata?.totalTokenCount ?? 0
        modelVersion = wire.modelVersion
    }
}

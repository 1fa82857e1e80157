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

    static func parse(_ object: [String: Any]) -> GeminiResponse {
        let candidate = (object["candidates"] as? [[String: Any]])?.first
        let content = candidate?["content"] as? [String: Any]
        let parts = content?["parts"] as? [[String: Any]] ?? []
        // The answer's text: every text part that is not a thought.
        let text = parts.filter { ($0["thought"] as? Bool) != true }.compactMap { $0["text"] as? String }.joined()
        let usage = object["usageMetadata"] as? [String: Any]
        return GeminiResponse(
            text: text.isEmpty ? nil : text,
            finishReason: candidate?["finishReason"] as? String,
            blockReason: (object["promptFeedback"] as? [String: Any])?["blockReason"] as? String,
            totalTokens: usage?["totalTokenCount"] as? Int ?? 0, modelVersion: object["modelVersion"] as? String)
    }
}

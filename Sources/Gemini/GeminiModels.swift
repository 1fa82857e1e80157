/// The generateContent shapes the bot uses (v1beta). Parts are kept as raw JSON objects so a
/// model turn can be sent back exactly as received, thought signatures included.
public struct GeminiResponse: Sendable {
    public var text: String?
    /// The parts of the first candidate, untouched, for echoing a model turn back.
    public var rawParts: [[String: any Sendable]]
    public var functionCalls: [(name: String, args: [String: any Sendable])]
    public var finishReason: String?
    public var blockReason: String?
    public var totalTokens: Int
    public var modelVersion: String?

    /// A usable answer: finished normally, not blocked, with text or a function call.
    public var isComplete: Bool {
        blockReason == nil && finishReason == "STOP" && (text?.isEmpty == false || !functionCalls.isEmpty)
    }

    static func parse(_ object: [String: Any]) -> GeminiResponse {
        let candidate = (object["candidates"] as? [[String: Any]])?.first
        let content = candidate?["content"] as? [String: Any]
        let parts = content?["parts"] as? [[String: Any]] ?? []
        // The answer's text: every text part that is not a thought.
        let text = parts.filter { ($0["thought"] as? Bool) != true }.compactMap { $0["text"] as? String }.joined()
        let calls = parts.compactMap { part -> (String, [String: any Sendable])? in
            guard let call = part["functionCall"] as? [String: Any], let name = call["name"] as? String else { return nil }
            return (name, Sendables.object(call["args"] as? [String: Any] ?? [:]))
        }
        let usage = object["usageMetadata"] as? [String: Any]
        return GeminiResponse(
            text: text.isEmpty ? nil : text, rawParts: parts.map(Sendables.object), functionCalls: calls,
            finishReason: candidate?["finishReason"] as? String,
            blockReason: (object["promptFeedback"] as? [String: Any])?["blockReason"] as? String,
            totalTokens: usage?["totalTokenCount"] as? Int ?? 0, modelVersion: object["modelVersion"] as? String)
    }
}

/// JSON values as Sendable values (JSONSerialization gives Any).
enum Sendables {
    static func object(_ dictionary: [String: Any]) -> [String: any Sendable] {
        dictionary.mapValues(value)
    }

    static func value(_ any: Any) -> any Sendable {
        switch any {
        case let d as [String: Any]: object(d)
        case let a as [Any]: a.map(value)
        case let s as String: s
        case let n as NSNumber: n.doubleValue
        default: "\(any)"
        }
    }
}

import Foundation

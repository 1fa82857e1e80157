/// Building multi-turn requests: a model turn goes back exactly as received (parts, order
/// and thought signatures untouched), followed by the function's result in a user turn.
public enum GeminiTurn {
    public static func model(_ response: GeminiResponse) -> [String: any Sendable] {
        ["role": "model", "parts": response.rawParts]
    }

    public static func functionResponse(name: String, response: [String: any Sendable]) -> [String: any Sendable] {
        ["role": "user", "parts": [["functionResponse": ["name": name, "response": response] as [String: any Sendable]]]]
    }
}

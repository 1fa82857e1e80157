import Foundation

extension GeminiEmulator {
    /// The dummy value the docs allow for histories not produced by Gemini.
    static let skipThoughtSignatureValidator = "skip_thought_signature_validator"

    /// Gemini-3 rule (protocols.md §5.4): in the current turn (every model step after the last user turn
    /// holding plain text), the first functionCall part of each step must carry the signature issued for
    /// that call, byte for byte. Older turns are not validated.
    func checkThoughtSignatures(_ contents: [GeminiContent]) throws(APIError) {
        let lastUserText = contents.lastIndex(where: { content in
            content.role == "user"
                && content.parts.contains { part in
                    GeminiField.get(part, "text")?.stringValue != nil && GeminiField.get(part, "thought")?.boolValue != true
                }
        })
        let start = (lastUserText ?? -1) + 1
        for index in start..<contents.count where contents[index].role == "model" {
            guard let first = contents[index].parts.first(where: { GeminiField.get($0, "functionCall") != nil }) else { continue }
            let call = GeminiField.get(first, "functionCall")?.objectPairs ?? []
            let name = GeminiField.get(call, "name")?.stringValue ?? ""
            let signature = GeminiField.get(first, "thoughtSignature")?.stringValue
            let valid = signature.map { signature in
                signature == Self.skipThoughtSignatureValidator
                    || state.withLock { $0.issued(signature)?.functionName == name }
            } ?? false
            if !valid { throw .geminiMissingThoughtSignature(function: name, position: index + 1) }
        }
    }
}

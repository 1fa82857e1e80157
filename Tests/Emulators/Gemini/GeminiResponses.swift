import Foundation

/// generateContent answers in the fixtures' shapes (gemini_generate_*.json).
extension GeminiEmulator {
    func render(_ answer: Answer, for request: GeminiGenerateRequest, model: String) async -> HTTPAnswer {
        var answer = answer
        while case .slow(let seconds, let then) = answer {
            guard await pause(seconds) else { return APIError.gemini(status: 503, model: model).answer }
            answer = then
        }
        if case .error(let status) = answer { return APIError.gemini(status: status, model: model).answer }

        let prompt = max(1, (request.bodyCharacters + 3) / 4)
        let thoughts = Self.thoughtTokens(request)
        return state.withLock { state -> HTTPAnswer in
            var fields: [(String, JSON)] = []
            let usage: Usage
            switch answer {
            case .text(let text), .json(let text):
                fields.append(("candidates", .array([Self.candidate(parts: [.object([("text", .string(text))])], finishReason: "STOP")])))
                usage = Usage(prompt: prompt, candidates: Self.tokens(text), thoughts: thoughts)
            case .blockedPrompt(let reason):
                var feedback: [(String, JSON)] = [("blockReason", .string(reason))]
                if reason == "SAFETY" { feedback.append(("safetyRatings", Self.safetyRatings)) }
                fields.append(("promptFeedback", .object(feedback)))
                usage = Usage(prompt: prompt, candidates: 0, thoughts: 0)
            case .maxTokens(let truncated):
                fields.append(("candidates", .array([Self.candidate(parts: [.object([("text", .string(truncated))])], finishReason: "MAX_TOKENS")])))
                usage = Usage(prompt: prompt, candidates: Self.tokens(truncated), thoughts: thoughts)
            case .maxTokensNoParts:
                fields.append(("candidates", .array([Self.candidate(parts: nil, finishReason: "MAX_TOKENS")])))
                let spent = request.maxOutputTokens.flatMap { $0 > 0 ? $0 : nil } ?? max(thoughts, 64)
                usage = Usage(prompt: prompt, candidates: 0, thoughts: spent)
            case .safety:
                fields.append(("candidates", .array([.object([
                    ("finishReason", .string("SAFETY")),
                    ("index", .number(0)),
                    ("safetyRatings", Self.safetyRatings),
                ])])))
                usage = Usage(prompt: prompt, candidates: 0, thoughts: thoughts)
            case .error, .slow:
                preconditionFailure("handled above")
            }
            fields.append(("usageMetadata", usage.json))
            fields.append(("modelVersion", .string(model)))
            fields.append(("responseId", .string(state.nextResponseID())))
            state.totalTokens += usage.total
            return .json(200, .object(fields))
        }
    }

    struct Usage {
        var prompt: Int
        var candidates: Int
        var thoughts: Int
        var total: Int { prompt + candidates + thoughts }

        /// Zero counts are left out, as proto3 JSON does.
        var json: JSON {
            var fields: [(String, JSON)] = [("promptTokenCount", .number(Double(prompt)))]
            if candidates > 0 { fields.append(("candidatesTokenCount", .number(Double(candidates)))) }
            fields.append(("totalTokenCount", .number(Double(total))))
            if thoughts > 0 { fields.append(("thoughtsTokenCount", .number(Double(thoughts)))) }
            fields.append(("promptTokensDetails", .array([.object([("modality", .string("TEXT")), ("tokenCount", .number(Double(prompt)))])])))
            return .object(fields)
        }
    }

    /// `parts: nil` gives content `{"role":"model"}` (no parts), as when thinking used the whole budget.
    static func candidate(parts: [JSON]?, finishReason: String) -> JSON {
        var content: [(String, JSON)] = []
        if let parts { content.append(("parts", .array(parts))) }
        content.append(("role", .string("model")))
        return .object([("content", .object(content)), ("finishReason", .string(finishReason)), ("index", .number(0))])
    }

    static let safetyRatings: JSON = .array([
        .object([("category", .string("HARM_CATEGORY_SEXUALLY_EXPLICIT")), ("probability", .string("NEGLIGIBLE"))]),
        .object([("category", .string("HARM_CATEGORY_HATE_SPEECH")), ("probability", .string("NEGLIGIBLE"))]),
        .object([("category", .string("HARM_CATEGORY_HARASSMENT")), ("probability", .string("HIGH")), ("blocked", .bool(true))]),
        .object([("category", .string("HARM_CATEGORY_DANGEROUS_CONTENT")), ("probability", .string("NEGLIGIBLE"))]),
    ])

    /// About four characters a token.
    static func tokens(_ text: String) -> Int { (text.count + 3) / 4 }

    /// Thinking tokens: none with `thinkingBudget: 0` or level minimal; otherwise by level or budget.
    static func thoughtTokens(_ request: GeminiGenerateRequest) -> Int {
        if let budget = request.thinkingBudget {
            if budget == 0 { return 0 }
            return budget < 0 ? 72 : min(budget, 72)
        }
        switch request.thinkingLevel {
        case "minimal": return 0
        case "low": return 24
        case "medium": return 64
        case "high": return 128
        default: return 72
        }
    }
}

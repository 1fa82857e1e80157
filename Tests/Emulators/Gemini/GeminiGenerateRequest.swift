import Foundation

/// One `Content` of the request: its role and its parts.
struct GeminiContent: Sendable {
    var role: String
    var parts: [[(String, JSON)]]
}

/// A generateContent body that passed the checks, with what the emulator needs from it.
struct GeminiGenerateRequest: Sendable {
    var contents: [GeminiContent]
    var responseMimeType: String?
    var thinkingLevel: String?
    var thinkingBudget: Int?
    var maxOutputTokens: Int?
    /// Characters in the body, for the prompt token estimate.
    var bodyCharacters: Int

    /// The text rules are matched against: the last user turn's text parts (thoughts excluded), one per line.
    var lastUserText: String {
        guard let turn = contents.last(where: { $0.role == "user" }) else { return "" }
        var lines: [String] = []
        for part in turn.parts {
            if GeminiField.get(part, "thought")?.boolValue == true { continue }
            if let text = GeminiField.get(part, "text")?.stringValue { lines.append(text) }
        }
        return lines.joined(separator: "\n")
    }

    /// Parses and checks a body: payload problems (unknown names, wrong types) first, then the
    /// request's own rules (contents, parts, roles, thinking, schemas).
    static func parse(_ body: [UInt8]) throws(APIError) -> GeminiGenerateRequest {
        let root: JSON
        if body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            root = .object([])
        } else {
            do { root = try JSON.parse(body) } catch {
                throw .geminiInvalid("Invalid JSON payload received. Unexpected token.")
            }
        }
        guard let pairs = root.objectPairs else {
            throw .geminiInvalid("Invalid JSON payload received. Unknown name \"\": Root element must be a message.")
        }

        var check = GeminiPayloadCheck()
        for (key, _) in pairs where !GeminiField.isKnown(key, in: GeminiPayloadCheck.requestFields) { check.unknownName(key, at: nil) }
        var contentValues: [JSON] = []
        if let contents = GeminiField.get(pairs, "contents"),
            let items = check.array(contents, at: "contents", type: GeminiPayloadCheck.typePrefix + "Content")
        {
            contentValues = items
            for (i, item) in items.enumerated() { check.content(item, at: "contents[\(i)]") }
        }
        if let system = GeminiField.get(pairs, "systemInstruction") { check.content(system, at: "system_instruction") }
        if let config = GeminiField.get(pairs, "generationConfig") { check.generationConfig(config, at: "generation_config") }
        // The bot never declares tools; a request that did would be testing nothing the bot does.
        if GeminiField.get(pairs, "tools") != nil || GeminiField.get(pairs, "toolConfig") != nil {
            throw .geminiNotEmulated("function calling")
        }
        if let safety = GeminiField.get(pairs, "safetySettings"),
            let items = check.array(safety, at: "safety_settings", type: GeminiPayloadCheck.typePrefix + "SafetySetting")
        {
            for (i, item) in items.enumerated() { check.safetySetting(item, at: "safety_settings[\(i)]") }
        }
        if !check.problems.isEmpty { throw .geminiPayload(check.problems) }

        // The request's own rules (messages as the backend words them).
        guard !contentValues.isEmpty else {
            throw .geminiInvalid("* GenerateContentRequest.contents: contents is not specified\n")
        }
        var contents: [GeminiContent] = []
        for (i, value) in contentValues.enumerated() {
            let content = value.objectPairs ?? []
            let role = GeminiField.get(content, "role")?.stringValue ?? ""
            guard ["", "user", "model"].contains(role) else { throw .geminiInvalid("Please use a valid role: user, model.") }
            let parts = (GeminiField.get(content, "parts")?.arrayValue ?? []).compactMap(\.objectPairs)
            guard !parts.isEmpty else {
                throw .geminiInvalid("* GenerateContentRequest.contents[\(i)].parts: contents.parts must not be empty.\n")
            }
            for (j, part) in parts.enumerated() {
                let data = GeminiPayloadCheck.partDataFields.filter { GeminiField.get(part, $0) != nil }
                if data.isEmpty {
                    throw .geminiInvalid(
                        "* GenerateContentRequest.contents[\(i)].parts[\(j)].data: required oneof field 'data' must have one initialized field\n")
                }
                if data.count > 1 {
                    throw .geminiInvalid("Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '\(data[1])'")
                }
                if GeminiField.get(part, "functionCall") != nil || GeminiField.get(part, "functionResponse") != nil {
                    throw .geminiNotEmulated("function calling")
                }
            }
            contents.append(GeminiContent(role: role.isEmpty ? "user" : role, parts: parts))
        }

        var request = GeminiGenerateRequest(contents: contents, bodyCharacters: String(decoding: body, as: UTF8.self).count)
        guard let config = GeminiField.get(pairs, "generationConfig")?.objectPairs else { return request }

        let thinking = GeminiField.get(config, "thinkingConfig")?.objectPairs ?? []
        let level = GeminiField.get(thinking, "thinkingLevel").flatMap { $0.stringValue }
        let budget = GeminiField.get(thinking, "thinkingBudget").flatMap(\.geminiInteger)
        if level != nil, budget != nil {
            throw .geminiInvalid("You can only set only one of thinking budget and thinking level.")
        }
        request.thinkingLevel = level?.lowercased()
        request.thinkingBudget = budget
        request.maxOutputTokens = GeminiField.get(config, "maxOutputTokens").flatMap(\.geminiInteger)
        if let max = request.maxOutputTokens, max < 0 {
            throw .geminiInvalid("* GenerateContentRequest.generation_config.max_output_tokens: max_output_tokens must be positive.\n")
        }
        if let temperature = GeminiField.get(config, "temperature")?.geminiNumber, !(0...2).contains(temperature) {
            throw .geminiInvalid("* GenerateContentRequest.generation_config.temperature: temperature must be between 0 and 2.\n")
        }

        let mime = GeminiField.get(config, "responseMimeType")?.stringValue
        let allowedMimes = ["text/plain", "application/json", "application/xml", "application/yaml", "text/x.enum"]
        if let mime, !mime.isEmpty, !allowedMimes.contains(mime) {
            throw .geminiInvalid(
                "* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml` and `text/x.enum`.\n"
            )
        }
        request.responseMimeType = mime
        let hasSchema = GeminiField.get(config, "responseSchema") != nil
        let hasJSONSchema = GeminiField.get(config, "responseJsonSchema") != nil
        if hasSchema, hasJSONSchema {
            throw .geminiInvalid(
                "* GenerateContentRequest.generation_config.response_json_schema: response_json_schema and response_schema cannot both be set.\n")
        }
        if hasSchema || hasJSONSchema, mime != "application/json", mime != "text/x.enum" {
            let field = hasSchema ? "response_schema" : "response_json_schema"
            throw .geminiInvalid(
                "* GenerateContentRequest.generation_config.\(field): only allowed for response_mime_type \"application/json\" or \"text/x.enum\".\n")
        }
        return request
    }
}

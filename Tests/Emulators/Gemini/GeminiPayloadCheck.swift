import Foundation

/// Proto-JSON payload checks, as Google's front end does them before the model sees the request:
/// unknown field names ("Invalid JSON payload received. Unknown name ...: Cannot find field."),
/// wrong value types and bad enum values ("Invalid value at '...' (...), ..."). Every problem is
/// collected; they are answered together in one 400, one line each, like Google.
struct GeminiPayloadCheck {
    struct Problem {
        var field: String?
        var description: String
    }

    var problems: [Problem] = []

    static let typePrefix = "type.googleapis.com/google.ai.generativelanguage.v1beta."

    // MARK: Field tables (camelCase; snake_case is accepted too)

    static let requestFields = [
        "model", "contents", "tools", "toolConfig", "safetySettings", "systemInstruction", "generationConfig", "cachedContent",
    ]
    static let contentFields = ["role", "parts"]
    static let partFields = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
        "thought", "thoughtSignature", "videoMetadata", "partMetadata", "mediaResolution",
    ]
    /// The `data` oneof of a Part.
    static let partDataFields = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
    ]
    static let blobFields = ["mimeType", "data"]
    static let fileDataFields = ["mimeType", "fileUri"]
    static let generationConfigFields = [
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount",
        "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
        "logprobs", "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "imageConfig", "mediaResolution",
    ]
    static let thinkingConfigFields = ["includeThoughts", "thinkingBudget", "thinkingLevel"]
    static let thinkingLevels = ["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"]
    static let safetySettingFields = ["category", "threshold", "method"]
    static let harmCategories = [
        "HARM_CATEGORY_UNSPECIFIED", "HARM_CATEGORY_DEROGATORY", "HARM_CATEGORY_TOXICITY", "HARM_CATEGORY_VIOLENCE",
        "HARM_CATEGORY_SEXUAL", "HARM_CATEGORY_MEDICAL", "HARM_CATEGORY_DANGEROUS", "HARM_CATEGORY_HARASSMENT",
        "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_DANGEROUS_CONTENT",
        "HARM_CATEGORY_CIVIC_INTEGRITY", "HARM_CATEGORY_IMAGE_HATE", "HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT",
        "HARM_CATEGORY_IMAGE_HARASSMENT", "HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT", "HARM_CATEGORY_JAILBREAK",
    ]
    static let harmThresholds = [
        "HARM_BLOCK_THRESHOLD_UNSPECIFIED", "BLOCK_LOW_AND_ABOVE", "BLOCK_MEDIUM_AND_ABOVE", "BLOCK_ONLY_HIGH", "BLOCK_NONE", "OFF",
    ]
    /// The OpenAPI-subset `Schema` (responseSchema, function `parameters`).
    static let schemaFields = [
        "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
        "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
        "default", "items", "minimum", "maximum",
    ]
    static let schemaTypes = ["TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"]

    // MARK: Recording problems

    static func join(_ path: String?, _ name: String) -> String {
        guard let path, !path.isEmpty else { return name }
        return path + "." + name
    }

    mutating func unknownName(_ key: String, at path: String?) {
        let place = path.map { " at '\($0)'" } ?? ""
        problems.append(Problem(field: path, description: "Invalid JSON payload received. Unknown name \"\(key)\"\(place): Cannot find field."))
    }

    mutating func notRepeating(_ key: String, at path: String?) {
        let place = path.map { " at '\($0)'" } ?? ""
        problems.append(Problem(
            field: path, description: "Invalid JSON payload received. Unknown name \"\(key)\"\(place): Proto field is not repeating, cannot start list."))
    }

    mutating func invalidValue(at path: String, type: String, _ value: JSON) {
        problems.append(Problem(field: path, description: "Invalid value at '\(path)' (\(type)), \(GeminiField.show(value))"))
    }

    // MARK: Walking

    /// The object's pairs after checking its field names; nil (with a problem) when it is not an object.
    mutating func object(_ value: JSON, at path: String, message: String, allowed: [String]?) -> [(String, JSON)]? {
        guard let pairs = value.objectPairs else {
            invalidValue(at: path, type: Self.typePrefix + message, value)
            return nil
        }
        if let allowed {
            for (key, _) in pairs where !GeminiField.isKnown(key, in: allowed) { unknownName(key, at: path) }
        }
        return pairs
    }

    /// The items of a repeated field; a non-array is a problem.
    mutating func array(_ value: JSON, at path: String, type: String) -> [JSON]? {
        guard let items = value.arrayValue else {
            invalidValue(at: path, type: type, value)
            return nil
        }
        return items
    }

    mutating func string(_ pairs: [(String, JSON)], _ camel: String, at path: String) {
        guard let value = GeminiField.get(pairs, camel) else { return }
        if case .string = value { return }
        if case .null = value { return }
        invalidValue(at: Self.join(path, GeminiField.snake(camel)), type: "TYPE_STRING", value)
    }

    mutating func bool(_ pairs: [(String, JSON)], _ camel: String, at path: String) {
        guard let value = GeminiField.get(pairs, camel) else { return }
        if case .bool = value { return }
        if case .null = value { return }
        invalidValue(at: Self.join(path, GeminiField.snake(camel)), type: "TYPE_BOOL", value)
    }

    mutating func integer(_ pairs: [(String, JSON)], _ camel: String, at path: String) {
        guard let value = GeminiField.get(pairs, camel) else { return }
        if value.geminiInteger != nil { return }
        if case .null = value { return }
        invalidValue(at: Self.join(path, GeminiField.snake(camel)), type: "TYPE_INT32", value)
    }

    mutating func number(_ pairs: [(String, JSON)], _ camel: String, at path: String) {
        guard let value = GeminiField.get(pairs, camel) else { return }
        if value.geminiNumber != nil { return }
        if case .null = value { return }
        invalidValue(at: Self.join(path, GeminiField.snake(camel)), type: "TYPE_FLOAT", value)
    }

    /// An enum given by name (case-insensitive, as the API accepts "low" and "LOW").
    mutating func enumeration(_ pairs: [(String, JSON)], _ camel: String, at path: String, type: String, values: [String]) {
        guard let value = GeminiField.get(pairs, camel) else { return }
        if case .null = value { return }
        if let text = value.stringValue, values.contains(text.uppercased()) { return }
        if let n = value.integerValue, n >= 0, n < values.count { return }
        invalidValue(at: Self.join(path, GeminiField.snake(camel)), type: Self.typePrefix + type, value)
    }

    mutating func content(_ value: JSON, at path: String) {
        guard let pairs = object(value, at: path, message: "Content", allowed: Self.contentFields) else { return }
        string(pairs, "role", at: path)
        guard let partsValue = GeminiField.get(pairs, "parts") else { return }
        guard let parts = array(partsValue, at: Self.join(path, "parts"), type: Self.typePrefix + "Part") else { return }
        for (j, part) in parts.enumerated() { self.part(part, at: "\(Self.join(path, "parts"))[\(j)]") }
    }

    mutating func part(_ value: JSON, at path: String) {
        guard let pairs = object(value, at: path, message: "Part", allowed: Self.partFields) else { return }
        string(pairs, "text", at: path)
        bool(pairs, "thought", at: path)
        if let blob = GeminiField.get(pairs, "inlineData") {
            _ = object(blob, at: Self.join(path, "inline_data"), message: "Blob", allowed: Self.blobFields)
        }
        if let file = GeminiField.get(pairs, "fileData") {
            _ = object(file, at: Self.join(path, "file_data"), message: "FileData", allowed: Self.fileDataFields)
        }
    }

    mutating func generationConfig(_ value: JSON, at path: String) {
        guard let pairs = object(value, at: path, message: "GenerationConfig", allowed: Self.generationConfigFields) else { return }
        for name in ["temperature", "topP", "presencePenalty", "frequencyPenalty"] { number(pairs, name, at: path) }
        for name in ["topK", "maxOutputTokens", "candidateCount", "seed", "logprobs"] { integer(pairs, name, at: path) }
        string(pairs, "responseMimeType", at: path)
        bool(pairs, "responseLogprobs", at: path)
        if let stops = GeminiField.get(pairs, "stopSequences"),
            let items = array(stops, at: Self.join(path, "stop_sequences"), type: "TYPE_STRING")
        {
            for (i, item) in items.enumerated() where item.stringValue == nil {
                invalidValue(at: "\(Self.join(path, "stop_sequences"))[\(i)]", type: "TYPE_STRING", item)
            }
        }
        if let schema = GeminiField.get(pairs, "responseSchema") { self.schema(schema, at: Self.join(path, "response_schema")) }
        if let thinking = GeminiField.get(pairs, "thinkingConfig") {
            let at = Self.join(path, "thinking_config")
            if let thinkingPairs = object(thinking, at: at, message: "ThinkingConfig", allowed: Self.thinkingConfigFields) {
                bool(thinkingPairs, "includeThoughts", at: at)
                integer(thinkingPairs, "thinkingBudget", at: at)
                enumeration(thinkingPairs, "thinkingLevel", at: at, type: "ThinkingConfig.ThinkingLevel", values: Self.thinkingLevels)
            }
        }
    }

    /// An OpenAPI-subset Schema: only its own fields, `type` a single enum value.
    mutating func schema(_ value: JSON, at path: String) {
        guard let pairs = object(value, at: path, message: "Schema", allowed: Self.schemaFields) else { return }
        if let type = GeminiField.get(pairs, "type") {
            if type.arrayValue != nil {
                notRepeating("type", at: path)
            } else {
                enumeration(pairs, "type", at: path, type: "Type", values: Self.schemaTypes)
            }
        }
        if let properties = GeminiField.get(pairs, "properties") {
            if let propertyPairs = properties.objectPairs {
                for (i, (_, property)) in propertyPairs.enumerated() {
                    schema(property, at: "\(Self.join(path, "properties"))[\(i)].value")
                }
            } else {
                invalidValue(at: Self.join(path, "properties"), type: Self.typePrefix + "Schema.PropertiesEntry", properties)
            }
        }
        if let items = GeminiField.get(pairs, "items") { schema(items, at: Self.join(path, "items")) }
        if let anyOf = GeminiField.get(pairs, "anyOf"), let options = array(anyOf, at: Self.join(path, "any_of"), type: Self.typePrefix + "Schema") {
            for (i, option) in options.enumerated() { schema(option, at: "\(Self.join(path, "any_of"))[\(i)]") }
        }
        for name in ["required", "enum", "propertyOrdering"] {
            if let list = GeminiField.get(pairs, name) {
                let at = Self.join(path, GeminiField.snake(name))
                if let items = array(list, at: at, type: "TYPE_STRING") {
                    for (i, item) in items.enumerated() where item.stringValue == nil {
                        invalidValue(at: "\(at)[\(i)]", type: "TYPE_STRING", item)
                    }
                }
            }
        }
    }

    mutating func safetySetting(_ value: JSON, at path: String) {
        guard let pairs = object(value, at: path, message: "SafetySetting", allowed: Self.safetySettingFields) else { return }
        enumeration(pairs, "category", at: path, type: "HarmCategory", values: Self.harmCategories)
        enumeration(pairs, "threshold", at: path, type: "SafetySetting.HarmBlockThreshold", values: Self.harmThresholds)
    }

    private func isNull(_ value: JSON) -> Bool {
        if case .null = value { return true }
        return false
    }
}

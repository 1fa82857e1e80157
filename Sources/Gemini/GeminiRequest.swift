import Foundation

/// A generateContent body (v1beta), as the bot sends it: the turns, an optional system
/// instruction, and the generation settings.
public struct GeminiRequest: Encodable, Sendable, Equatable {
    public struct Part: Encodable, Sendable, Equatable {
        public struct Blob: Encodable, Sendable, Equatable {
            public var mimeType: String
            /// Base64.
            public var data: String
        }
        public var text: String?
        public var inlineData: Blob?

        public static func text(_ text: String) -> Part { Part(text: text) }
        public static func audio(_ data: Data, mimeType: String) -> Part {
            Part(inlineData: Blob(mimeType: mimeType, data: data.base64EncodedString()))
        }
    }

    public struct Content: Encodable, Sendable, Equatable {
        public enum Role: String, Encodable, Sendable { case user, model }
        public var role: Role?
        public var parts: [Part]

        public init(role: Role?, parts: [Part]) {
            self.role = role
            self.parts = parts
        }
    }

    public struct GenerationConfig: Encodable, Sendable, Equatable {
        public var temperature: Double?
        public var maxOutputTokens: Int?
        public var responseMimeType: String?
        public var responseJsonSchema: JSONSchema?

        public init(temperature: Double? = nil, maxOutputTokens: Int? = nil, responseMimeType: String? = nil,
                    responseJsonSchema: JSONSchema? = nil) {
            self.temperature = temperature
            self.maxOutputTokens = maxOutputTokens
            self.responseMimeType = responseMimeType
            self.responseJsonSchema = responseJsonSchema
        }
    }

    public var systemInstruction: Content?
    public var contents: [Content]
    public var generationConfig: GenerationConfig?

    public init(system: String? = nil, contents: [Content], config: GenerationConfig? = nil) {
        self.systemInstruction = system.map { Content(role: nil, parts: [.text($0)]) }
        self.contents = contents
        self.generationConfig = config
    }
}

/// The subset of JSON Schema the bot asks Gemini's structured output for.
public indirect enum JSONSchema: Encodable, Sendable, Equatable {
    case string(oneOf: [String]? = nil)
    case integer
    case boolean
    case object([(String, JSONSchema)], required: [String] = [])

    public static func == (a: JSONSchema, b: JSONSchema) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.integer, .integer), (.boolean, .boolean): true
        case (.object(let x, let rx), .object(let y, let ry)):
            rx == ry && x.map(\.0) == y.map(\.0) && zip(x, y).allSatisfy { $0.1 == $1.1 }
        default: false
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .string(let values):
            try container.encode("string", forKey: Key("type"))
            if let values { try container.encode(values, forKey: Key("enum")) }
        case .integer:
            try container.encode("integer", forKey: Key("type"))
        case .boolean:
            try container.encode("boolean", forKey: Key("type"))
        case .object(let properties, let required):
            try container.encode("object", forKey: Key("type"))
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key("properties"))
            for (name, schema) in properties { try nested.encode(schema, forKey: Key(name)) }
            if !required.isEmpty { try container.encode(required, forKey: Key("required")) }
        }
    }
}

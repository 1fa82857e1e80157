import Foundation

/// The models the emulator knows (gemini_models_list.json shapes), and `GET /v1beta/models` paging.
struct GeminiModelCatalog: Sendable {
    /// Serve generateContent, in the order given.
    let models: [String]
    let retired: Set<String>
    let signatureModels: Set<String>
    /// Listed but without generateContent (so clients must filter on supportedGenerationMethods).
    static let embeddingModel = "gemini-embedding-001"
    static let defaultPageSize = 50
    static let maxPageSize = 1000

    init(models: [String], retired: [String], signatureModels: [String]) {
        func bare(_ id: String) -> String { id.hasPrefix("models/") ? String(id.dropFirst(7)) : id }
        var seen = Set<String>()
        self.models = models.map(bare).filter { seen.insert($0).inserted }
        self.retired = Set(retired.map(bare))
        self.signatureModels = Set(signatureModels.map(bare))
    }

    func servesGenerate(_ model: String) -> Bool { models.contains(model) && !retired.contains(model) }

    func enforcesSignatures(_ model: String) -> Bool { signatureModels.contains(model) }

    /// Every listed id: the generate models, then the embedding model.
    var listed: [String] {
        let serving = models.filter { !retired.contains($0) }
        return serving.contains(Self.embeddingModel) ? serving : serving + [Self.embeddingModel]
    }

    func entry(_ model: String) -> JSON? {
        guard listed.contains(model) else { return nil }
        if model == Self.embeddingModel && !models.contains(model) {
            return .object([
                ("name", .string("models/\(model)")),
                ("version", .string("001")),
                ("displayName", .string("Gemini Embedding 001")),
                ("description", .string("Obtain a distributed representation of a text.")),
                ("inputTokenLimit", .number(2048)),
                ("outputTokenLimit", .number(1)),
                ("supportedGenerationMethods", .array(["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"].map { .string($0) })),
            ])
        }
        let display = Self.displayName(model)
        let description = model.hasSuffix("-latest")
            ? "Alias that points to the latest \(display.replacingOccurrences(of: "Gemini ", with: "").replacingOccurrences(of: " Latest", with: "")) release (emulated)."
            : "\(display) (emulated)."
        return .object([
            ("name", .string("models/\(model)")),
            ("version", .string("001")),
            ("displayName", .string(display)),
            ("description", .string(description)),
            ("inputTokenLimit", .number(1_048_576)),
            ("outputTokenLimit", .number(65536)),
            ("supportedGenerationMethods", .array(["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"].map { .string($0) })),
            ("temperature", .number(1)),
            ("topP", .number(0.95)),
            ("topK", .number(64)),
            ("maxTemperature", .number(2)),
            ("thinking", .bool(true)),
        ])
    }

    /// "gemini-3.5-flash-lite" → "Gemini 3.5 Flash-Lite", "gemini-flash-latest" → "Gemini Flash Latest".
    static func displayName(_ model: String) -> String {
        var words: [String] = []
        for piece in model.split(separator: "-") {
            let word = piece.prefix(1).uppercased() + piece.dropFirst()
            if piece == "lite", let last = words.popLast() {
                words.append(last + "-" + word)
            } else {
                words.append(word)
            }
        }
        return words.joined(separator: " ")
    }

    /// One page of `GET /v1beta/models`.
    func list(pageSize: String?, pageToken: String?) throws(APIError) -> JSON {
        var size = Self.defaultPageSize
        if let pageSize, !pageSize.isEmpty {
            guard let n = Int(pageSize), n >= 0 else {
                throw .geminiInvalid("Invalid value at 'page_size' (TYPE_INT32), \"\(pageSize)\"")
            }
            size = n == 0 ? Self.defaultPageSize : min(n, Self.maxPageSize)
        }
        var offset = 0
        if let pageToken, !pageToken.isEmpty {
            guard let decoded = Data(base64Encoded: pageToken).flatMap({ String(data: $0, encoding: .utf8) }),
                decoded.hasPrefix("emulator-page:"), let n = Int(decoded.dropFirst("emulator-page:".count)), n >= 0
            else { throw .geminiInvalid("Invalid page token.") }
            offset = n
        }
        let all = listed
        let page = Array(all.dropFirst(offset).prefix(size))
        var fields: [(String, JSON)] = [("models", .array(page.compactMap(entry)))]
        if offset + size < all.count {
            fields.append(("nextPageToken", .string(Data("emulator-page:\(offset + size)".utf8).base64EncodedString())))
        }
        return .object(fields)
    }
}

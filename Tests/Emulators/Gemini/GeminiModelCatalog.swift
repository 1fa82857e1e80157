import Foundation

/// The models the emulator serves generateContent for (the bot calls nothing else).
struct GeminiModelCatalog: Sendable {
    /// Serve generateContent, in the order given.
    let models: [String]
    let retired: Set<String>

    init(models: [String], retired: [String]) {
        func bare(_ id: String) -> String { id.hasPrefix("models/") ? String(id.dropFirst(7)) : id }
        var seen = Set<String>()
        self.models = models.map(bare).filter { seen.insert($0).inserted }
        self.retired = Set(retired.map(bare))
    }

    func servesGenerate(_ model: String) -> Bool { models.contains(model) && !retired.contains(model) }
}

import AgentCore
import Foundation

/// `launcher classify`: one JSON object per input line, `{"intent": "...", "slots": {...}}`.
public enum ClassifyOutput {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private struct Line: Encodable {
        var intent: String
        var slots: Slots
    }

    public static func line(for understood: Understood) -> String {
        let data = (try? encoder.encode(Line(intent: understood.intent.rawValue, slots: understood.slots))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

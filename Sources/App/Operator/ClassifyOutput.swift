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
        /// 0…1; below the clarifying threshold the bot asks instead of guessing.
        var confidence: Double
        /// "yes", "no" or "stop" when the message answers a yes/no question.
        var answer: String?
        /// The words as read, after spelling fixes (offline understanding only).
        var read: String?
    }

    public static func line(for understood: Understood) -> String {
        let line = Line(intent: understood.intent.rawValue, slots: understood.slots,
                        confidence: (understood.confidence * 100).rounded() / 100,
                        answer: understood.answer?.rawValue, read: understood.normalized)
        let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

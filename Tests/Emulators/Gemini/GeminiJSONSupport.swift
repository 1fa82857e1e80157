import Foundation

/// Small JSON helpers for the Gemini emulator (names prefixed to stay clear of other emulators' helpers).
extension JSON {
    /// The value as an integer: a whole JSON number, or a string holding one (proto JSON accepts both).
    var geminiInteger: Int? {
        if let i = integerValue { return i }
        if case .string(let s) = self { return Int(s) }
        return nil
    }

    var geminiNumber: Double? {
        switch self {
        case .number(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }
}

enum GeminiField {
    /// `maxOutputTokens` → `max_output_tokens` (proto JSON accepts both spellings).
    static func snake(_ camel: String) -> String {
        var out = ""
        for ch in camel {
            if ch.isUppercase {
                out.append("_")
                out.append(contentsOf: ch.lowercased())
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// The value of a field given its camelCase name, also found under its snake_case name.
    static func get(_ pairs: [(String, JSON)], _ camel: String) -> JSON? {
        if let hit = pairs.first(where: { $0.0 == camel }) { return hit.1 }
        let snake = snake(camel)
        return pairs.first(where: { $0.0 == snake })?.1
    }

    /// Whether `key` is one of `allowed` (camelCase) in either spelling.
    static func isKnown(_ key: String, in allowed: [String]) -> Bool {
        allowed.contains(where: { $0 == key || snake($0) == key })
    }

    /// How a bad value is shown in "Invalid value at ..." messages.
    static func show(_ value: JSON) -> String {
        let text = value.compact
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

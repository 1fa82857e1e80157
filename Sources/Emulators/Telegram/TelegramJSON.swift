import Foundation

/// A JSON value with ordered object keys and exact 64-bit integers, serialised compactly as the
/// Bot API does (`{"ok":true,"result":...}`).
enum TelegramJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([TelegramJSON])
    case object([(String, TelegramJSON)])

    static func == (lhs: TelegramJSON, rhs: TelegramJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(key: String) -> TelegramJSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    var objectPairs: [(String, TelegramJSON)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    var arrayValue: [TelegramJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// An integer from a JSON integer, an integral double, or a numeric string (form and query
    /// parameters arrive as strings).
    var int64Value: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.isFinite && d == d.rounded() && abs(d) < 9.0e18: return Int64(d)
        case .string(let s): return Int64(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    /// "true"/"1" as the Bot API accepts them in query strings and forms.
    var truthy: Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .string(let s): return ["true", "1"].contains(s.lowercased())
        default: return false
        }
    }

    /// The value as text, as Telegram reads a string parameter sent as a number.
    var textValue: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONText.number(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The value itself when it is an object/array, or the JSON it holds when it is a string
    /// (`reply_markup` may be sent either way).
    var decodedStructure: TelegramJSON? {
        switch self {
        case .object, .array: return self
        case .string(let s): return try? TelegramJSON.parse(Array(s.utf8))
        default: return nil
        }
    }

    /// A copy with `key` set (replaced in place, or appended).
    func setting(_ key: String, _ value: TelegramJSON?) -> TelegramJSON {
        guard case .object(var pairs) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append((key, value))
        }
        return .object(pairs)
    }
}

// MARK: - Building

extension TelegramJSON {
    /// An object from pairs, leaving out the nil values.
    static func obj(_ pairs: [(String, TelegramJSON?)]) -> TelegramJSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func str(_ s: String?) -> TelegramJSON? { s.map { .string($0) } }

    /// From the loosely typed dictionaries tests build (`enqueueRaw`). Keys are sorted, so the
    /// output does not depend on dictionary order.
    static func from(any value: Any?) -> TelegramJSON {
        guard let value else { return .null }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { from(any: $0.value) } ?? .null
        }
        switch value {
        case let v as TelegramJSON: return v
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as Int32: return .int(Int64(v))
        case let v as UInt32: return .int(Int64(v))
        case let v as Double: return .double(v)
        case let v as Float: return .double(Double(v))
        case let v as String: return .string(v)
        case let v as Substring: return .string(String(v))
        case let v as [String: any Sendable]:
            return .object(v.keys.sorted().map { ($0, from(any: v[$0] as Any?)) })
        case let v as [String: Any]:
            return .object(v.keys.sorted().map { ($0, from(any: v[$0])) })
        case let v as [any Sendable]: return .array(v.map { from(any: $0) })
        case let v as [Any]: return .array(v.map { from(any: $0) })
        case is NSNull: return .null
        default: return .string(String(describing: value))
        }
    }
}

// MARK: - Serialising

extension TelegramJSON {
    /// Compact JSON, as api.telegram.org answers.
    var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(JSONText.number(d))
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                item.write(into: &out)
            }
            out.append("]")
        case .object(let pairs):
            out.append("{")
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(",") }
                JSONText.appendQuoted(key, to: &out)
                out.append(":")
                value.write(into: &out)
            }
            out.append("}")
        }
    }

}

// MARK: - Parsing

extension TelegramJSON {
    struct ParseError: Error {}

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> TelegramJSON {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw ParseError() }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
        }

        mutating func literal(_ text: String) throws(ParseError) {
            for b in text.utf8 {
                guard current == b else { throw ParseError() }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> TelegramJSON {
            guard depth < 128, let b = current else { throw ParseError() }
            switch b {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(String, TelegramJSON)] = []
                skipWhitespace()
                if current == UInt8(ascii: "}") { index += 1; return .object(pairs) }
                while true {
                    skipWhitespace()
                    let key = try string()
                    skipWhitespace()
                    try literal(":")
                    skipWhitespace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    if current == UInt8(ascii: ",") { index += 1; continue }
                    if current == UInt8(ascii: "}") { index += 1; return .object(pairs) }
                    throw ParseError()
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [TelegramJSON] = []
                skipWhitespace()
                if current == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    if current == UInt8(ascii: ",") { index += 1; continue }
                    if current == UInt8(ascii: "]") { index += 1; return .array(items) }
                    throw ParseError()
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func digits() -> Int {
            var count = 0
            while let b = current, (0x30...0x39).contains(b) { index += 1; count += 1 }
            return count
        }

        mutating func number() throws(ParseError) -> TelegramJSON {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw ParseError() }
            var integral = true
            if current == UInt8(ascii: ".") {
                index += 1
                integral = false
                guard digits() > 0 else { throw ParseError() }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                integral = false
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw ParseError() }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if integral, let i = Int64(text) { return .int(i) }
            guard let d = Double(text) else { throw ParseError() }
            return .double(d)
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw ParseError() }
            index += 4
            return value
        }

        mutating func string() throws(ParseError) -> String {
            guard current == UInt8(ascii: "\"") else { throw ParseError() }
            index += 1
            var buffer: [UInt8] = []
            while true {
                guard let b = current else { throw ParseError() }
                index += 1
                if b == UInt8(ascii: "\"") { break }
                if b < 0x20 { throw ParseError() }
                if b != UInt8(ascii: "\\") { buffer.append(b); continue }
                guard let e = current else { throw ParseError() }
                index += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                        else { throw ParseError() }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw ParseError() }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw ParseError() }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw ParseError()
                }
            }
            guard let s = String(validating: buffer, as: UTF8.self) else { throw ParseError() }
            return s
        }
    }
}

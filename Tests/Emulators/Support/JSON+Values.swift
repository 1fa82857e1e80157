import Foundation

/// Reading and building the JSON the Bot API and the Graph API exchange. Their ids fit in a
/// double ("at most 52 significant bits", the Bot API says), so one number case serves them.
extension JSON: Equatable {
    static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A whole number (ids, dates, sizes).
    static func int<Integer: BinaryInteger>(_ value: Integer) -> JSON { .number(Double(value)) }

    static func double(_ value: Double) -> JSON { .number(value) }

    var objectPairs: [(String, JSON)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    /// An integer from a JSON integer, an integral double, or a numeric string (form and query
    /// parameters arrive as strings).
    var int64Value: Int64? {
        switch self {
        case .number(let d) where d.isFinite && d == d.rounded() && abs(d) < 9.0e15: return Int64(d)
        case .string(let s): return Int64(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    var doubleValue: Double? {
        switch self {
        case .number(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    /// "true"/"1" as the Bot API accepts them in query strings and forms.
    var truthy: Bool {
        switch self {
        case .bool(let b): return b
        case .number(let d): return d != 0
        case .string(let s): return ["true", "1"].contains(s.lowercased())
        default: return false
        }
    }

    /// The value as text, as Telegram reads a string parameter sent as a number.
    var textValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let d): return JSONText.number(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The value itself when it is an object/array, or the JSON it holds when it is a string
    /// (`reply_markup` may be sent either way).
    var decodedStructure: JSON? {
        switch self {
        case .object, .array: return self
        case .string(let s): return try? JSON.parse(Array(s.utf8))
        default: return nil
        }
    }

    /// A copy with `key` set (replaced in place, or appended).
    func setting(_ key: String, _ value: JSON?) -> JSON {
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

extension JSON {
    /// An object from pairs, leaving out the nil values.
    static func obj(_ pairs: [(String, JSON?)]) -> JSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func str(_ s: String?) -> JSON? { s.map { .string($0) } }

    /// From the loosely typed dictionaries tests build (`enqueueRaw`). Keys are sorted, so the
    /// output does not depend on dictionary order.
    static func from(any value: Any?) -> JSON {
        guard let value else { return .null }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { from(any: $0.value) } ?? .null
        }
        switch value {
        case let v as JSON: return v
        case let v as Bool: return .bool(v)
        case let v as Int: return .number(Double(v))
        case let v as Int64: return .number(Double(v))
        case let v as Int32: return .number(Double(v))
        case let v as UInt32: return .number(Double(v))
        case let v as Double: return .number(v)
        case let v as Float: return .number(Double(v))
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

import Foundation

/// Webhook bodies a hostile or broken sender could post, made from the real ones.
public enum HostileBodies {
    /// Bodies made from the real ones: mutated bytes, mutated JSON values, random bytes, and a
    /// few shapes known to hurt parsers (deep nesting, huge strings, wrong types).
    public static func make(from seeds: [Data], count: Int, seed: UInt64) -> [Data] {
        var random = SeededRandom(seed)
        var bodies: [Data] = [
            Data(), Data("null".utf8), Data("[]".utf8), Data("{}".utf8), Data("\"x\"".utf8),
            Data(String(repeating: "[", count: 200_000).utf8),
            Data(("{\"a\":" + String(repeating: "{\"a\":", count: 50_000)).utf8),
            Data("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"1\",\"id\":\"x\",\"type\":\"text\",\"text\":{\"body\":\"\(String(repeating: "ñ", count: 300_000))\"}}]}}]}]}".utf8),
            Data([0xFF, 0xFE, 0x00, 0x7B]),
        ]
        while bodies.count < count {
            var body = fresh(seeds[Int(random.next(below: UInt64(seeds.count)))], number: bodies.count)
            switch random.next(below: 4) {
            case 0: body = mutateBytes(body, &random)
            case 1: body = mutateJSON(body, &random) ?? body
            case 2: body = Data((0..<random.next(below: 2_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            default: body = mutateBytes(mutateJSON(body, &random) ?? body, &random)
            }
            bodies.append(body)
        }
        return bodies
    }

    /// The seed with its message ids made unique, so mutated copies are new messages and not
    /// absorbed as redeliveries.
    public static func fresh(_ seed: Data, number: Int) -> Data {
        var text = String(decoding: seed, as: UTF8.self).replacingOccurrences(of: "\"wamid.", with: "\"wamid.fz\(number)-")
        let ids = try! NSRegularExpression(pattern: #"("(?:update_id|message_id)"\s*:\s*)\d+"#)
        text = ids.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1\(900_000 + number)")
        return Data(text.utf8)
    }

    public static func mutateBytes(_ data: Data, _ random: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        for _ in 0...random.next(below: 4) {
            let at = Int(random.next(below: UInt64(bytes.count)))
            switch random.next(below: 4) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next(below: 40))))
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int(random.next(below: 60)))], at: at)
            default: bytes = Array(bytes.prefix(at))
            }
            if bytes.isEmpty { break }
        }
        return Data(bytes)
    }

    /// One value somewhere in the document replaced by something of another type or size.
    public static func mutateJSON(_ data: Data, _ random: inout SeededRandom) -> Data? {
        guard let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        let replacements: [Any] = [NSNull(), 0, -1, 1e308, true, "", String(repeating: "=", count: 5_000), [Any](), [String: Any](),
                                   "\u{0}\u{1B}[2J\u{202E}", "=IMPORTXML(\"http://x\",\"//a\")", "<script>alert(1)</script>",
                                   ["nested": ["deeper": [1, 2, 3]]], "9999999999999999999999999"]
        let mutated = mutateValue(object, &random, replacements)
        // A scalar at the top is still a body a client could send.
        return try? JSONSerialization.data(withJSONObject: mutated, options: .fragmentsAllowed)
    }

    public static func mutateValue(_ value: Any, _ random: inout SeededRandom, _ replacements: [Any]) -> Any {
        if random.next(below: 6) == 0 { return replacements[Int(random.next(below: UInt64(replacements.count)))] }
        if var dictionary = value as? [String: Any], !dictionary.isEmpty {
            let keys = Array(dictionary.keys).sorted()
            let key = keys[Int(random.next(below: UInt64(keys.count)))]
            if random.next(below: 8) == 0 {
                dictionary[key] = nil
            } else {
                dictionary[key] = mutateValue(dictionary[key]!, &random, replacements)
            }
            return dictionary
        }
        if var array = value as? [Any], !array.isEmpty {
            let at = Int(random.next(below: UInt64(array.count)))
            array[at] = mutateValue(array[at], &random, replacements)
            if random.next(below: 5) == 0 { array.append(array[at]) }
            return array
        }
        return replacements[Int(random.next(below: UInt64(replacements.count)))]
    }
}

/// Reproducible randomness (SplitMix64), so a failing body can be found again.
public struct SeededRandom {
    private var state: UInt64

    public init(_ seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(below bound: UInt64) -> UInt64 {
        bound == 0 ? 0 : next() % bound
    }
}

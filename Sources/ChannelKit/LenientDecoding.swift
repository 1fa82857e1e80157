/// Platform payloads read leniently: a field of an unexpected shape (a new Meta or Telegram
/// variant, a mutated body) reads as absent instead of failing the whole delivery, so one odd
/// message never costs the others and the customer still gets a polite reply.
extension KeyedDecodingContainer {
    /// The value, or nil when it is missing or not of the expected shape.
    public func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// The elements that decode, the others skipped; nil when the key is missing or not an array.
    public func lossy<T: Decodable>(_ type: [T].Type, forKey key: Key) -> [T]? {
        lenient(LossyArray<T>.self, forKey: key)?.elements
    }
}

struct LossyArray<Element: Decodable>: Decodable {
    var elements: [Element] = []

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            if let element = try? container.decode(Element.self) {
                elements.append(element)
            } else if (try? container.decode(Skipped.self)) == nil {
                break  // cannot move past it: stop rather than loop
            }
        }
    }

    /// Decodes from anything, only to move past an element.
    private struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}

/// A padded, folded text ready for many phrase checks made one list at a time. Every phrase
/// that starts with a space can only occur where a word starts, so the first three bytes of
/// each word are noted once; a phrase whose first three bytes begin no word is ruled out
/// without searching the text. The answer is always `text.contains(phrase)`'s.
struct WordStarts {
    let text: String
    /// The key (`PhraseSet`'s: three bytes after a space) of every word start, in text order.
    private let keys: [UInt32]

    init(_ padded: String) {
        text = padded
        var text = padded
        keys = text.withUTF8 { bytes in
            var keys: [UInt32] = []
            keys.reserveCapacity(bytes.count / 4)
            for i in bytes.indices where bytes[i] == 32 {
                if let key = PhraseSet.key(bytes, at: i) { keys.append(key) }
            }
            return keys
        }
    }

    /// Whether `phrase` occurs in the text.
    func contains(_ phrase: String) -> Bool {
        if let key = Self.key(phrase), !keys.contains(key) { return false }
        return text.contains(phrase)
    }

    /// Whether any of `phrases` occurs in the text.
    func containsAny(_ phrases: [String]) -> Bool {
        phrases.contains(where: contains)
    }

    /// A phrase's key when it starts with a space and has three bytes after it; else nil
    /// (then only a search can tell).
    private static func key(_ phrase: String) -> UInt32? {
        var phrase = phrase
        return phrase.withUTF8 { $0.first == 32 ? PhraseSet.key($0, at: 0) : nil }
    }
}

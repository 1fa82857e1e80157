/// Many folded phrases looked for at once. Each phrase starts at a word (" no hay internet"),
/// so the text is walked once, word start by word start, and only the phrases sharing that
/// word's first letters are compared there — instead of searching the text once per phrase
/// (the failure words alone are a few hundred).
struct PhraseSet: Sendable {
    /// Phrases (leading space included) by their first bytes after that space.
    private let byStart: [UInt32: [[UInt8]]]
    /// Phrases too short to have a key: compared at every word start.
    private let short: [[UInt8]]

    /// `phrases`: folded, each starting with a space.
    init(_ phrases: [String]) {
        var byStart: [UInt32: [[UInt8]]] = [:]
        var short: [[UInt8]] = []
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            precondition(bytes.first == 32, "a phrase starts at a word: \(phrase)")
            if let key = bytes.withUnsafeBufferPointer({ Self.key($0, at: 0) }) {
                byStart[key, default: []].append(bytes)
            } else {
                short.append(bytes)
            }
        }
        self.byStart = byStart
        self.short = short
    }

    /// Whether any phrase occurs in `padded` (folded text with a space on each side).
    func occurs(in padded: String) -> Bool {
        var text = padded
        return text.withUTF8 { bytes in
            for i in bytes.indices where bytes[i] == 32 {
                if let key = Self.key(bytes, at: i), let candidates = byStart[key],
                   candidates.contains(where: { Self.matches($0, bytes, at: i) }) { return true }
                if short.contains(where: { Self.matches($0, bytes, at: i) }) { return true }
            }
            return false
        }
    }

    /// The three bytes after the space at `i`, or nil when fewer follow (`WordStarts` keys words by it too).
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 3 < bytes.count else { return nil }
        return UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }

    private static func matches(_ phrase: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + phrase.count <= bytes.count else { return false }
        for k in phrase.indices where bytes[i + k] != phrase[k] { return false }
        return true
    }
}

import Synchronization

/// One word of a message after normalisation, with the word as the person typed it
/// (names, places and times are copied from `original`, keeping their accents).
///
/// What a token knows lives in one shared object (`Facts`), made once per distinct word as
/// typed and reused by every message that has it: the finders copy tokens all the time, and
/// a copy is now one retain instead of three strings'.
struct Token: Sendable, Equatable {
    private let facts: Facts

    var word: String { facts.word }
    var original: String { facts.original }
    /// The folded word before spelling fixes: names are judged on what was typed.
    var typed: String { facts.typed }
    /// `word`'s id, for the phrase lists compared by id (`WordIds`).
    var id: Int32 { facts.id }
    /// A sentence or clause boundary (. , ; : ! ? or a line break).
    var isBoundary: Bool { facts.kind.isBoundary }
    /// Digits only.
    var isNumber: Bool { facts.kind.isNumber }
    /// Letters only.
    var isAlphabetic: Bool { facts.kind.isAlphabetic }
    /// Typed with a capital first ("Luis", "Ávila").
    var isCapitalised: Bool { facts.isCapitalised }

    init(word: String, original: String) {
        self.init(word: word, original: original, typed: Text.fold(original))
    }

    /// `typed` must be `Text.fold(original)`, when the caller has it already.
    init(word: String, original: String, typed: String) {
        self.init(word: word, original: original, typed: typed, id: WordIds.id(word), kind: Kind(word))
    }

    /// `id` must be `WordIds.id(word)` and `kind` `Kind(word)`, when the caller has them already.
    init(word: String, original: String, typed: String, id: Int32, kind: Kind) {
        facts = Facts(word: word, original: original, typed: typed, id: id, kind: kind)
    }

    /// What the zone finder asks of this word for the resolver numbered `serial` (its bits): kept
    /// on the token, which is made once per distinct word, so it is worked out once per word and
    /// resolver instead of looked up in tables at every message.
    func zoneFacts(serial: UInt32, make: () -> UInt8) -> UInt8 {
        let key = Self.keptMark | UInt64(serial) << 8
        let stored = facts.zoneFacts.load(ordering: .relaxed)
        if stored & ~0xFF == key { return UInt8(truncatingIfNeeded: stored) }
        let made = make()
        // (Two threads may both work it out: the same answer, stored twice.)
        facts.zoneFacts.store(key | UInt64(made), ordering: .relaxed)
        return made
    }

    /// Set in every stored `zoneFacts`, so that the empty slot matches no resolver.
    private static let keptMark: UInt64 = 1 << 63

    static func == (a: Token, b: Token) -> Bool {
        a.facts === b.facts || (a.word == b.word && a.original == b.original && a.typed == b.typed && a.id == b.id)
    }

    /// Everything a token says, worked out when it is made: the finders ask whether a token
    /// is a boundary, a number, a word of letters or capitalised of nearly every token, and
    /// stored answers cost neither a string compared nor a walk over its bytes.
    private final class Facts: Sendable {
        let word: String
        let original: String
        let typed: String
        let id: Int32
        let kind: Kind
        let isCapitalised: Bool
        /// `zoneFacts`' answer and the resolver it is for; 0 until first asked.
        let zoneFacts = Atomic<UInt64>(0)

        init(word: String, original: String, typed: String, id: Int32, kind: Kind) {
            self.word = word
            self.original = original
            self.typed = typed
            self.id = id
            self.kind = kind
            isCapitalised = Token.isCapitalised(original)
        }
    }

    /// What kind of word a normalised word is: the same for every token of it, so the
    /// normaliser works it out once per distinct word.
    struct Kind: Sendable {
        let isBoundary: Bool
        let isNumber: Bool
        let isAlphabetic: Bool

        init(_ word: String) {
            isBoundary = word == Token.boundaryMark
            isNumber = !word.isEmpty && word.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            isAlphabetic = Token.isAlphabetic(word)
        }
    }

    static let boundaryMark = "|"
    static let boundary = Token(word: boundaryMark, original: "")

    /// An ASCII first letter decides without Character's Unicode machinery.
    private static func isCapitalised(_ original: String) -> Bool {
        guard let first = original.utf8.first else { return false }
        if first < 128 { return first >= 65 && first <= 90 }
        return original.first?.isUppercase == true
    }

    /// Letters only; folded words are ASCII, so bytes decide without Unicode tables.
    static func isAlphabetic(_ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.utf8.allSatisfy { $0 | 0x20 >= 97 && $0 | 0x20 <= 122 } }
        return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }
}

extension Array where Element == String {
    /// `joined(separator: " ")` of the words other than `skipped`, copied word by word into one
    /// string made at its final size: the standard library's appends cost several times more.
    func joinedBySpaces(skipping skipped: String? = nil) -> String {
        var size = 0, words = 0
        for word in self where word != skipped {
            size += word.utf8.count
            words += 1
        }
        size += Swift.max(0, words - 1)
        return String(unsafeUninitializedCapacity: size) { buffer in
            var at = 0, first = true
            for var word in self where word != skipped {
                if !first {
                    buffer[at] = 32
                    at += 1
                }
                first = false
                // Each word's bytes copied at once (a word is stored contiguously, or made so).
                word.withUTF8 { bytes in
                    guard let source = bytes.baseAddress else { return }
                    buffer.baseAddress!.advanced(by: at).update(from: source, count: bytes.count)
                    at += bytes.count
                }
            }
            return at
        }
    }

    /// Where `phrase` starts as consecutive words, searching from `start`.
    func position(of phrase: [String], from start: Int = 0) -> Int? {
        guard !phrase.isEmpty, phrase.count <= count else { return nil }
        // Lengths first: most words differ in length from the phrase's first, read without a comparison.
        let first = phrase[0], firstLength = first.utf8.count
        var i = start
        while i + phrase.count <= count {
            if self[i].utf8.count == firstLength, self[i] == first {
                var j = 1
                while j < phrase.count, self[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return i }
            }
            i += 1
        }
        return nil
    }
}

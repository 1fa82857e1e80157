/// Fixes typos against a known vocabulary with the symmetric-delete method: every word of
/// the vocabulary is indexed under its one-letter deletions, so a lookup is a few hash probes
/// instead of an edit-distance scan (classify must handle tens of thousands of messages a second).
struct SpellFixer: Sendable {
    private let vocabulary: Set<String>
    private let deletions: [String: [String]]
    /// Words by how they sound: "kiero" finds "quiero", "serbisio" finds "servicio".
    private let sounds: [String: String]

    init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
        var deletions: [String: [String]] = [:]
        for word in vocabulary where word.count >= 4 {
            for variant in Self.deletes(of: word) {
                deletions[variant, default: []].append(word)
            }
        }
        self.deletions = deletions
        var sounds: [String: String] = [:]
        for word in vocabulary.sorted() where word.count >= 2 {
            let key = Self.soundKey(word)
            if let existing = sounds[key], existing.count >= word.count { continue }
            sounds[key] = word
        }
        self.sounds = sounds
    }

    func fix(_ word: String) -> String {
        guard word.utf8.count >= 2, !vocabulary.contains(word), Token.isAlphabetic(word) else { return word }
        if let stretched = undoubled(word) { return stretched }
        if let typo = closeWord(word) { return typo }
        return sounds[Self.soundKey(word)] ?? word
    }

    /// "lomaa" → "loma", "nortee" → "norte": a letter held down is the likeliest typo of all,
    /// likelier than the plural one letter away ("lomas").
    private func undoubled(_ word: String) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3 else { return nil }
        for i in 1..<bytes.count where bytes[i] == bytes[i - 1] {
            var shorter = bytes
            shorter.remove(at: i)
            let candidate = String(decoding: shorter, as: UTF8.self)
            if vocabulary.contains(candidate) { return candidate }
        }
        return nil
    }

    private func closeWord(_ word: String) -> String? {
        guard word.utf8.count >= 4 else { return nil }
        // Candidates at distance one: a deletion of ours is a vocabulary word, or a vocabulary
        // word's deletion equals ours (substitution, transposition) or our word (insertion).
        var best: (word: String, distance: Int, plural: Int, sound: Int)?
        let key = Self.soundKey(word)
        func consider(_ candidate: String) {
            let d = Self.boundedDistance(word, candidate, limit: 2)
            // Short targets ("pero", "loma") turn names and plurals into other words: leave those.
            guard candidate.utf8.count >= 5, d <= 1 || (d == 2 && word.utf8.count >= 8) else { return }
            // Closest wins, then a plural of the word ("el nortes" → "norte", not "cortes"), then a word that
            // sounds the same ("biene" → "viene", not "tiene"); ties go to the alphabetically first, so results
            // never depend on hashing.
            let plural = word == candidate + "s" ? 0 : 1
            let sound = Self.soundKey(candidate) == key ? 0 : 1
            if let current = best, (current.distance, current.plural, current.sound, current.word) <= (d, plural, sound, candidate) {
                return
            }
            best = (candidate, d, plural, sound)
        }
        for candidate in deletions[word] ?? [] { consider(candidate) }
        for variant in Self.deletes(of: word) {
            if vocabulary.contains(variant), variant.utf8.count >= 4 { consider(variant) }
            for candidate in deletions[variant] ?? [] { consider(candidate) }
        }
        return best?.word
    }

    /// Spanish spelling by sound: c/qu/k, s/z/c, b/v, y/ll, silent h all collapse.
    static func soundKey(_ word: String) -> String {
        // Folded words are plain ASCII: bytes, no Character machinery (this runs per word).
        if word.utf8.allSatisfy({ $0 < 128 }) { return asciiSoundKey(Array(word.utf8)) }
        return characterSoundKey(word)
    }

    private static func asciiSoundKey(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func push(_ b: UInt8) { if out.last != b { out.append(b) } }
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch c {
            case UInt8(ascii: "q") where next == UInt8(ascii: "u"): push(UInt8(ascii: "k")); i += 1
            case UInt8(ascii: "c") where next == UInt8(ascii: "h"): push(UInt8(ascii: "C")); i += 1
            case UInt8(ascii: "c"): push(next == UInt8(ascii: "e") || next == UInt8(ascii: "i") ? UInt8(ascii: "s") : UInt8(ascii: "k"))
            case UInt8(ascii: "z"), UInt8(ascii: "x"): push(UInt8(ascii: "s"))
            case UInt8(ascii: "v"), UInt8(ascii: "w"): push(UInt8(ascii: "b"))
            case UInt8(ascii: "h"): break
            case UInt8(ascii: "l") where next == UInt8(ascii: "l"): push(UInt8(ascii: "y")); i += 1
            default: push(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func characterSoundKey(_ word: String) -> String {
        let chars = Array(word)
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "q" where next == "u": out.append("k"); i += 1
            case "c" where next == "h": out.append("C"); i += 1
            case "c": out.append(next == "e" || next == "i" ? "s" : "k")
            case "z", "x": out.append("s")
            case "v", "w": out.append("b")
            case "h": break
            case "l" where next == "l": out.append("y"); i += 1
            default: out.append(c)
            }
            i += 1
        }
        // Doubled letters sound single ("perro" aside, it is close enough for a fallback).
        var squeezed: [Character] = []
        for c in out where squeezed.last != c { squeezed.append(c) }
        return String(squeezed)
    }

    static func deletes(of word: String) -> [String] {
        if word.utf8.allSatisfy({ $0 < 128 }) {
            let bytes = Array(word.utf8)
            return bytes.indices.map { i in String(decoding: bytes[..<i] + bytes[(i + 1)...], as: UTF8.self) }
        }
        let chars = Array(word)
        return chars.indices.map { i in String(chars[..<i] + chars[(i + 1)...]) }
    }

    /// Levenshtein distance on bytes, given up (limit + 1) as soon as every path exceeds
    /// `limit`: the fuzzy zone match compares many words, nearly all far apart.
    static func boundedDistance(_ a: String, _ b: String, limit: Int) -> Int {
        if a == b { return 0 }
        let (m, n) = (a.utf8.count, b.utf8.count)
        if abs(m - n) > limit || limit == 0 { return limit + 1 }
        guard m > 0, n > 0 else { return max(m, n) }
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                // Three rows on the stack: the one before last too, for a swap of two letters ("oreinte").
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (n + 1)) { rows in
                    var (beforePrevious, previous, current) = (0, n + 1, 2 * (n + 1))
                    for j in 0...n { rows[previous + j] = j }
                    for i in 1...m {
                        rows[current] = i
                        var best = i
                        for j in 1...n {
                            let cost = x[i - 1] == y[j - 1] ? 0 : 1
                            var d = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                                d = min(d, rows[beforePrevious + j - 2] + 1)
                            }
                            rows[current + j] = d
                            best = min(best, d)
                        }
                        if best > limit { return limit + 1 }
                        (beforePrevious, previous, current) = (previous, current, beforePrevious)
                    }
                    return rows[previous + n]
                }
            }
        }
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

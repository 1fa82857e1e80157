/// Small text helpers shared by the domain (folding for comparisons, masking).
public enum Text {
    /// Lowercased, accents removed, non-alphanumerics as single spaces, trimmed:
    /// the form used to compare headers, zone names and people's names.
    public static func fold(_ s: String) -> String {
        // Most strings folded are plain ASCII, many already folded (words, zone names): bytes
        // only, and no new string at all when nothing changes.
        if s.utf8.allSatisfy({ $0 < 128 }) { return foldASCII(s) }
        var folding = Folding(capacity: s.utf8.count)
        for scalar in s.unicodeScalars { folding.add(foldedLetterOrDigit(scalar)) }
        return folding.text
    }

    /// `fold` made a scalar at a time, for a caller that folds each scalar anyway (the
    /// tokenizer): the folded text comes with no second walk.
    struct Folding {
        private var bytes: [UInt8] = []
        private var pendingSpace = false

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        /// `folded`: `foldedLetterOrDigit` of the next scalar.
        mutating func add(_ folded: Unicode.Scalar?) {
            guard let folded else {
                pendingSpace = true
                return
            }
            if pendingSpace, !bytes.isEmpty { bytes.append(32) }
            pendingSpace = false
            if folded.isASCII { bytes.append(UInt8(truncatingIfNeeded: folded.value)) } else { bytes.append(contentsOf: folded.utf8) }
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private static func foldASCII(_ s: String) -> String {
        let utf8 = s.utf8
        var folded = true
        var previous: UInt8 = 32
        for b in utf8 {
            let keep = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b == 32 && previous != 32)
            if !keep { folded = false; break }
            previous = b
        }
        if folded, previous != 32 || utf8.isEmpty { return s }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for b in utf8 {
                let letter: UInt8
                if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { letter = b }
                else if b >= 65 && b <= 90 { letter = b + 32 }
                else { pendingSpace = true; continue }
                if pendingSpace, count > 0 { buffer[count] = 32; count += 1 }
                pendingSpace = false
                buffer[count] = letter
                count += 1
            }
            return count
        }
    }

    /// The lowercase, unaccented form of a letter or digit (á → a, Ñ → n), or nil for anything else.
    /// ASCII takes a fast path: this runs for every character of every message.
    @inline(__always)
    static func foldedLetterOrDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 128 {
            if v >= 97 && v <= 122 || v >= 48 && v <= 57 { return scalar }
            if v >= 65 && v <= 90 { return Unicode.Scalar(v + 32) }
            return nil
        }
        if let plain = accents[scalar] { return plain }
        guard scalar.properties.isAlphabetic else { return nil }
        return scalar.properties.lowercaseMapping.unicodeScalars.first
    }

    private static let accents: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, variants) in [("a", "áàäâãÁÀÄÂÃ"), ("e", "éèëêÉÈËÊ"), ("i", "íìïîÍÌÏÎ"), ("o", "óòöôõÓÒÖÔÕ"),
                                  ("u", "úùüûÚÙÜÛ"), ("n", "ñÑ"), ("c", "çÇ")] {
            for v in variants.unicodeScalars { map[v] = plain.unicodeScalars.first! }
        }
        return map
    }()

    /// "5512345678" → "******5678". Short values are hidden entirely.
    public static func maskTail(_ s: String, visible: Int = 4) -> String {
        guard s.count > visible + 2 else { return String(repeating: "*", count: max(s.count, 3)) }
        return String(repeating: "*", count: s.count - visible) + s.suffix(visible)
    }

    /// Title Case for names typed in lowercase: "luis ramírez" → "Luis Ramírez".
    /// "123456789:42" → "…6789:42": a message id that carries a chat id or number keeps only
    /// the last four digits of each long run, so logs name no customer.
    public static func maskDigits(_ s: String) -> String {
        var out = "", run = ""
        func flush() {
            out += run.count > 6 ? "…" + run.suffix(4) : run
            run = ""
        }
        for character in s {
            if character.isNumber { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    public static func titleCased(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).map { word -> String in
            let lower = word.lowercased()
            if ["de", "del", "la", "las", "los", "y"].contains(lower) { return lower }
            // "MacLeod", "McAllister": capitals inside a name kept as typed (not a shouted "JUAN").
            if word.first?.isUppercase == true, word.dropFirst().contains(where: \.isUppercase), word.contains(where: \.isLowercase) {
                return String(word)
            }
            // "o'brien" → "O'Brien".
            return lower.split(separator: "'", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "'")
        }.joined(separator: " ").capitalizedFirst
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

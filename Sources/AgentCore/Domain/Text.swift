/// Small text helpers shared by the domain (folding for comparisons, masking).
public enum Text {
    /// Lowercased, accents removed, non-alphanumerics as single spaces, trimmed:
    /// the form used to compare headers, zone names and people's names.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in s.unicodeScalars {
            let mapped = foldScalar(scalar)
            for m in mapped.unicodeScalars {
                if m.properties.isAlphabetic || ("0"..."9").contains(m) {
                    out.append(m)
                    lastWasSpace = false
                } else if !lastWasSpace {
                    out.append(" ")
                    lastWasSpace = true
                }
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Lowercase and strip the accent of one scalar (á → a, Ñ → n, ü → u).
    static func foldScalar(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "á", "à", "ä", "â", "Á", "À", "Ä", "Â": return "a"
        case "é", "è", "ë", "ê", "É", "È", "Ë", "Ê": return "e"
        case "í", "ì", "ï", "î", "Í", "Ì", "Ï", "Î": return "i"
        case "ó", "ò", "ö", "ô", "Ó", "Ò", "Ö", "Ô": return "o"
        case "ú", "ù", "ü", "û", "Ú", "Ù", "Ü", "Û": return "u"
        case "ñ", "Ñ": return "n"
        default:
            if scalar.isASCII { return String(Character(scalar)).lowercased() }
            return String(Character(scalar)).lowercased()
        }
    }

    /// "5512345678" → "******5678". Short values are hidden entirely.
    public static func maskTail(_ s: String, visible: Int = 4) -> String {
        guard s.count > visible + 2 else { return String(repeating: "*", count: max(s.count, 3)) }
        return String(repeating: "*", count: s.count - visible) + s.suffix(visible)
    }

    /// Title Case for names typed in lowercase: "luis ramírez" → "Luis Ramírez".
    public static func titleCased(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).map { word -> String in
            let lower = word.lowercased()
            if ["de", "del", "la", "las", "los", "y"].contains(lower) { return lower }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ").capitalizedFirst
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// A1 notation and URL encoding as Sheets expects them: titles always quoted with inner
/// apostrophes doubled, the range percent-encoded as one path segment (space → %20, never +).
public enum A1 {
    public static func quote(_ title: String) -> String {
        "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// "'Clientes'!A1:K", or the whole sheet when `cells` is nil.
    public static func range(_ title: String, _ cells: String? = nil) -> String {
        cells.map { quote(title) + "!" + $0 } ?? quote(title)
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    public static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(65 + r)!) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// RFC 3986: everything but unreserved characters is percent-encoded (UTF-8 bytes).
    public static func encode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The first row number of an A1 range such as "'Clientes'!A32:K32" (nil for whole columns).
    public static func firstRow(of range: String) -> Int? {
        guard let bang = range.lastIndex(of: "!") else { return nil }
        let digits = range[range.index(after: bang)...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int(digits)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

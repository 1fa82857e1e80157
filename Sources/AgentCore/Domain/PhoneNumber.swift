/// Mexican phone numbers as they arrive: "+52 1 55 1234 5678", "5215512345678", "55-1234-5678".
public enum PhoneNumber {
    /// Digits only, or nil when there are not enough digits to be a phone number.
    public static func digits(_ raw: String) -> String? {
        let d = raw.unicodeScalars.filter { ("0"..."9").contains($0) }
        guard d.count >= 10, d.count <= 15 else { return nil }
        return String(String.UnicodeScalarView(d))
    }

    /// The national 10 digits used to match a client, whatever prefix WhatsApp or a person used
    /// (521XXXXXXXXXX and 52XXXXXXXXXX are the same Mexican mobile).
    public static func matchKey(_ raw: String) -> String? {
        guard let d = digits(raw) else { return nil }
        return String(d.suffix(10))
    }

    /// "5512345678" → "55 1234 5678" for people to read.
    public static func display(_ raw: String) -> String {
        guard let key = matchKey(raw) else { return raw }
        let a = key.prefix(2), b = key.dropFirst(2).prefix(4), c = key.suffix(4)
        return "\(a) \(b) \(c)"
    }
}

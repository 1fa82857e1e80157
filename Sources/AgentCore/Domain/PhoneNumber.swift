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

    /// "5512345678" → "55 1234 5678", "4441234567" → "444 123 4567", as Mexicans write them
    /// (Mexico City, Guadalajara and Monterrey have two-digit area codes).
    public static func display(_ raw: String) -> String {
        guard let key = matchKey(raw) else { return raw }
        let twoDigitArea = ["55", "56", "33", "81"].contains(String(key.prefix(2)))
        let area = twoDigitArea ? 2 : 3, middle = twoDigitArea ? 4 : 3
        return "\(key.prefix(area)) \(key.dropFirst(area).prefix(middle)) \(key.suffix(4))"
    }
}

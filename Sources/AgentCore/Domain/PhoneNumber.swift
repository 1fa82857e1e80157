/// Mexican phone numbers as they arrive: "+52 1 55 1234 5678", "5215512345678", "55-1234-5678".
public enum PhoneNumber {
    /// Digits only, or nil when there are not enough digits to be a phone number.
    public static func digits(_ raw: String) -> String? {
        let d = raw.unicodeScalars.filter { ("0"..."9").contains($0) }
        guard d.count >= 10, d.count <= 15 else { return nil }
        return String(String.UnicodeScalarView(d))
    }

    /// The whole number, for telling people apart: a Mexican number in any of its forms (10
    /// digits, 52…, 521… as WhatsApp sends mobiles) is "52" and its 10 digits; any other
    /// country's number stays as it is. A foreign number that merely ends in the same ten
    /// digits is another person.
    public static func matchKey(_ raw: String) -> String? {
        guard let d = digits(raw) else { return nil }
        if d.count == 10 { return "52" + d }
        if d.count == 12, d.hasPrefix("52") { return d }
        if d.count == 13, d.hasPrefix("521") { return "52" + d.suffix(10) }
        return d
    }

    /// The 10 national digits of a Mexican number ("+52 1 444…" → "444…"); other numbers whole.
    public static func national(_ raw: String) -> String? {
        guard let key = matchKey(raw) else { return nil }
        return key.count == 12 && key.hasPrefix("52") ? String(key.suffix(10)) : key
    }

    /// "5512345678" → "55 1234 5678", "4441234567" → "444 123 4567", as Mexicans write them
    /// (Mexico City, Guadalajara and Monterrey have two-digit area codes).
    public static func display(_ raw: String) -> String {
        guard let key = national(raw), key.count == 10 else { return raw }
        let twoDigitArea = ["55", "56", "33", "81"].contains(String(key.prefix(2)))
        let area = twoDigitArea ? 2 : 3, middle = twoDigitArea ? 4 : 3
        return "\(key.prefix(area)) \(key.dropFirst(area).prefix(middle)) \(key.suffix(4))"
    }
}

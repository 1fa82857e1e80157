import Foundation

/// wamids and media ids, unique per emulator and (with a random seed) across emulators.
struct WhatsAppIDs: Sendable {
    private let seed = UInt32.random(in: 0...UInt32.max)
    private var counter: UInt64 = 0

    /// `wamid.HBgN…`: base64 of the real layout — 0x1C 0x18, the length of the phone, the phone,
    /// 0x15 0x02 0x00 0x12 0x18 0x14, a 20-character upper-case hex id, 0x00.
    mutating func wamid(phone: String) -> String {
        counter += 1
        let hex = String(format: "%08X%012llX", seed, counter)
        var bytes: [UInt8] = [0x1C, 0x18]
        let phoneBytes = Array(phone.utf8.prefix(127))
        bytes.append(UInt8(phoneBytes.count))
        bytes += phoneBytes
        bytes += [0x15, 0x02, 0x00, 0x12, 0x18, 0x14]
        bytes += Array(hex.utf8)
        bytes.append(0x00)
        return "wamid." + Data(bytes).base64EncodedString()
    }

    /// A 16-digit media id.
    mutating func mediaID() -> String {
        counter += 1
        return String(1_000_000_000_000_000 + UInt64(seed % 1_000_000) * 1_000_000_000 + counter % 1_000_000_000)
    }
}

/// Phone numbers as WhatsApp resolves them.
enum WhatsAppPhone {
    /// The `wa_id` a `to` resolves to: digits only; a Mexican `52` + 10 digits becomes `521` + 10 digits.
    static func resolve(_ input: String) -> String {
        let digits = String(input.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) && $0.isASCII })
        if digits.count == 12, digits.hasPrefix("52") {
            return "521" + digits.dropFirst(2)
        }
        return digits
    }

    /// Whether `input` looks like a phone number (digits, with `+`, spaces, dashes, parentheses).
    static func isPhone(_ input: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "0123456789+ -().")
        let digits = input.filter(\.isASCII).filter(\.isNumber).count
        return digits >= 5 && digits <= 20 && input.unicodeScalars.allSatisfy(allowed.contains)
    }
}

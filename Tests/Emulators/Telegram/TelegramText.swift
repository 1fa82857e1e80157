import Foundation

/// A message text as the chat shows it, and the entities Telegram reports back.
///
/// The bot sends plain text, so the formatting modes are not emulated: a `parse_mode` gets a
/// 400 naming it, and a bot that started sending one would fail its tests here first instead
/// of failing on Telegram with unescaped text.
struct TelegramParsedText: Sendable {
    var text: String
    var entities: [JSON]

    var utf16Length: Int { text.utf16.count }

    /// Telegram strips leading and trailing white space from message texts.
    init(plain text: String, entities: [JSON] = []) {
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.entities = entities
    }

    static func entity(_ type: String, offset: Int, length: Int) -> JSON {
        .object([("offset", .int(Int64(offset))), ("length", .int(Int64(length))), ("type", .string(type))])
    }

    /// A URL Telegram would accept for a button (loose: a scheme, or something with a dot).
    static func isAcceptableURL(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return false }
        if trimmed.contains("://") || trimmed.hasPrefix("tg:") || trimmed.hasPrefix("mailto:") { return true }
        return trimmed.contains(".")
    }
}

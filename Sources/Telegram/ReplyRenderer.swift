import Foundation
import AgentCore

/// A reply as Bot API messages: plain text (no parse mode, so nothing to escape), split at
/// sentence ends within Telegram's 4096 UTF-16 units, buttons as an inline keyboard on the
/// last part, or a "share my number" keyboard when the bot asks for the phone.
public enum ReplyRenderer {
    public static let maxUnits = 4096

    public struct Part: Sendable, Equatable {
        public var text: String
        public var keyboard: TelegramKeyboard?
    }

    public static func parts(for reply: Reply, sharePhoneTitle: String = "📱 Compartir mi número") -> [Part] {
        var parts = split(reply.text).map { Part(text: $0, keyboard: nil) }
        if parts.isEmpty { parts = [Part(text: "…", keyboard: nil)] }
        if reply.asksForPhone {
            parts[parts.count - 1].keyboard = .sharePhone(title: sharePhoneTitle)
        } else if !reply.quickReplies.isEmpty {
            let buttons = reply.quickReplies.map { TelegramKeyboard.Button(text: $0.title, callbackData: callbackData($0.id)) }
            // Two buttons a row: short titles read well on a phone.
            let rows = stride(from: 0, to: buttons.count, by: 2).map { Array(buttons[$0..<min($0 + 2, buttons.count)]) }
            parts[parts.count - 1].keyboard = .inline(rows)
        }
        return parts
    }

    /// At most 64 bytes of UTF-8, cut on a character boundary.
    static func callbackData(_ id: String) -> String {
        var data = id
        while data.utf8.count > 64 { data.removeLast() }
        return data.isEmpty ? "-" : data
    }

    /// Pieces of at most `limit` UTF-16 units, ending at a line or sentence where possible.
    static func split(_ text: String, limit: Int = maxUnits) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while rest.utf16.count > limit {
            var units = 0
            var end = rest.startIndex
            while end < rest.endIndex, units + rest[end].utf16.count <= limit {
                units += rest[end].utf16.count
                end = rest.index(after: end)
            }
            let window = rest[..<end]
            var cut = window.lastIndex(of: "\n")
                ?? window.lastIndex(where: { ".!?".contains($0) }).map { window.index(after: $0) }
                ?? window.lastIndex(of: " ") ?? end
            if cut == rest.startIndex { cut = end }
            pieces.append(String(rest[..<cut]).trimmingCharacters(in: .whitespacesAndNewlines))
            rest = rest[cut...].drop(while: \.isWhitespace)
        }
        let last = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }
}

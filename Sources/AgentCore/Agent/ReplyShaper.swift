import Foundation

/// Fits a reply to the channel and the operator's settings: at most `maxLength` characters,
/// cut at the end of a sentence (never mid-word), and without emojis when they are turned off.
public struct ReplyShaper {
    let maxLength: Int
    let emojis: Bool

    func shape(_ reply: Reply) -> Reply {
        var reply = reply
        if !emojis {
            reply.text = Self.withoutEmojis(reply.text)
            reply.quickReplies = reply.quickReplies.map { QuickReply(id: $0.id, title: Self.withoutEmojis($0.title)) }
        }
        reply.text = Self.fit(reply.text, maxLength: maxLength)
        return reply
    }

    public static func fit(_ text: String, maxLength: Int) -> String {
        guard text.count > maxLength, maxLength > 1 else { return text }
        let window = String(text.prefix(maxLength))
        // The last sentence end (". ", "! ", "? ", or a line break) in the window.
        var cut: String.Index?
        var i = window.startIndex
        while i < window.endIndex {
            let ch = window[i]
            let next = window.index(after: i)
            if ch == "\n" || (".!?".contains(ch) && (next == window.endIndex || window[next].isWhitespace)) {
                cut = ch == "\n" ? i : next
            }
            i = next
        }
        if let cut, window.distance(from: window.startIndex, to: cut) >= maxLength / 3 {
            return String(window[..<cut]).trimmingSpaces
        }
        // No sentence end worth keeping: cut at the last space and mark the cut.
        let room = String(text.prefix(maxLength - 1))
        if let space = room.lastIndex(where: { $0.isWhitespace }), space > room.startIndex {
            return String(room[..<space]).trimmingSpaces + "…"
        }
        return room + "…"
    }

    static func withoutEmojis(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            let isPictograph = p.isEmojiPresentation || (p.isEmoji && scalar.value > 0x2100 && !scalar.isASCII)
            if isPictograph || scalar == "\u{FE0F}" || scalar == "\u{200D}" || (0x1F3FB...0x1F3FF).contains(scalar.value) {
                continue
            }
            out.append(scalar)
        }
        // Emojis usually sit next to a space; do not leave two.
        return String(out).replacingOccurrences(of: "  ", with: " ")
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            .joined(separator: "\n")
    }
}

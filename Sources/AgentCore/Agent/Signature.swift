import Foundation

/// A name signed under every message, as some older customers do ("…Y A QUE HORAS VIENE EL MUCHACHO. NORMA AGUILAR"):
/// once the same name closes two messages in a row, it is a signature, not something the message says, and it is set
/// aside before the message is read. (A name given once, "…quiero el de 20. Refugio Sandoval", is kept: it may be the
/// answer.)
public enum Signature {
    /// How many closing words are compared.
    static let longest = 5

    /// The message without the signature its previous message also closed with, and its own closing words to remember.
    public static func strip(_ text: String, previous: String?) -> (text: String, lastWords: String) {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let plain = tokens.map { Text.fold($0.trimmingCharacters(in: .punctuationCharacters)) }
        let lastWords = plain.suffix(longest).joined(separator: " ")
        guard let previous, tokens.count >= 3 else { return (text, lastWords) }
        let before = previous.split(separator: " ").map(String.init)
        for count in stride(from: min(longest, tokens.count - 1, before.count), through: 2, by: -1) {
            let closing = Array(plain.suffix(count))
            guard closing == Array(before.suffix(count)), closing.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isLetter) }),
                  closing.contains(where: { CommonWords.names.contains($0) || !CommonWords.all.contains($0) }) else { continue }
            // Set apart as a signature is: after a stop, a comma, two spaces or a new line ("…DIOS LE PAGUE. NORMA AGUILAR"),
            // not "Tomás Martinez Ruiz", the name given whole after its surnames.
            let kept = tokens.dropLast(count).joined(separator: " ")
            let first = tokens[tokens.count - count]
            guard tokens.count - count >= 2,
                  kept.last.map({ ".,;:!?)".contains($0) }) == true || text.contains("  " + first) || text.contains("\n" + first)
            else { continue }
            return (kept.trimmingCharacters(in: CharacterSet(charactersIn: " ,-–—")), lastWords)
        }
        return (text, lastWords)
    }
}

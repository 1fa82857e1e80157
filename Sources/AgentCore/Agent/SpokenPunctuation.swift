import Foundation

/// Punctuation dictated to the phone and written out as words ("tienen internet en san isidoro signo de interrogación",
/// "quiero contratar coma el de cincuenta", "OK let's do the 100 period my name is Kevin"): put back as marks, so a
/// question reads as one and "punto" is no place.
public enum SpokenPunctuation {
    /// Whole phrases, longest first.
    static let phrases: [(spoken: String, mark: String)] = [
        ("abre signo de interrogacion", "¿"), ("cierra signo de interrogacion", "?"), ("signo de interrogacion", "?"),
        ("signo de pregunta", "?"), ("question mark", "?"), ("signo de exclamacion", "!"), ("exclamation mark", "!"),
        ("exclamation point", "!"), ("punto y coma", ";"), ("punto y aparte", "."), ("punto y seguido", "."), ("punto final", "."),
    ]
    /// Words before "punto", "coma" or "period" that make them words, not marks ("a las 7 en punto", "que se coma", "the
    /// grace period").
    static let wordsBefore: Set<String> = [
        "en", "el", "un", "ese", "este", "a", "al", "que", "q", "de", "del", "se", "me", "te", "le", "lo", "la", "nos", "no",
        "the", "a", "grace", "trial", "billing", "that", "this", "waiting",
    ]
    static let wordsAfter: Set<String> = ["de", "com", "net", "mx", "of"]

    public static func written(_ text: String) -> String {
        let folded = Text.fold(text)
        guard [" punto", " coma", " period", " comma", "signo de", "question mark", "exclamation"].contains(where: folded.contains)
        else { return text }
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var index = 0
        while index < words.count {
            let rest = words[index...].prefix(4).map { Text.fold($0.trimmingCharacters(in: .punctuationCharacters)) }
            if let (spoken, mark) = phrases.first(where: { phrase in
                let said = phrase.spoken.split(separator: " ").map(String.init)
                return rest.count >= said.count && Array(rest.prefix(said.count)) == said
            }) {
                let length = spoken.split(separator: " ").count
                words.replaceSubrange(index..<(index + length), with: [mark])
                index += 1
                continue
            }
            let word = rest.first ?? ""
            let previous = index > 0 ? Text.fold(words[index - 1].trimmingCharacters(in: .punctuationCharacters)) : ""
            let next = rest.count > 1 ? rest[1] : ""
            if ["punto", "coma", "period", "comma"].contains(word), index > 0, !wordsBefore.contains(previous), !wordsAfter.contains(next) {
                words[index] = ["coma", "comma"].contains(word) ? "," : "."
            }
            index += 1
        }
        // Marks join the word before them: "san isidro ?" → "san isidro?".
        var joined = ""
        for word in words {
            if [".", ",", "?", "!", ";"].contains(word), !joined.isEmpty { joined += word } else { joined += (joined.isEmpty ? "" : " ") + word }
        }
        return joined
    }
}

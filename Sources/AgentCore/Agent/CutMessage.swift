import Foundation

/// One thought sent as two messages, as people typing between chores do: "quiero contratar el internet pa mi fonda q
/// esta en la col. poniente por" / "la salida a la presa, el de 350 pesos". The first ends on a word no sentence ends on,
/// with no stop after it; the second, sent soon after, starts in lower case. Read together they say what neither says
/// alone.
public enum CutMessage {
    /// How soon the rest must come.
    static let window: TimeInterval = 120

    /// Words a sentence does not end on: articles, prepositions, conjunctions. (Not the question words a question without
    /// its mark ends on: "q paquetes tienen y a como".)
    static let hanging: Set<String> = [
        "y", "e", "o", "de", "del", "el", "la", "los", "las", "un", "una", "pa", "para", "por", "x", "en", "con", "a", "al", "mi",
        "mis", "su", "sus", "tu", "mientras", "pero", "sin", "entre", "hasta", "desde", "the", "and", "of", "to", "for", "with",
        "my", "in",
    ]

    /// The previous message and this one as one text, when this one finishes it; nil otherwise.
    public static func joined(_ text: String, after session: Session?, now: Date) -> String? {
        guard let session, now.timeIntervalSince(session.lastActivity) <= window,
              let first = text.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first),
              session.recent.last?.speaker == .bot,
              let before = session.recent.dropLast().last, before.speaker == .customer,
              let end = before.text.unicodeScalars.last, CharacterSet.letters.contains(end) else { return nil }
        // ("llegan a la lomaa? mi comadre quiere internet y me pregunto a mi" / "y a sn isidro? ahi vive mi suegra": a question
        // of its own that starts with "y", not the rest of the last message.)
        if text.hasPrefix("y "), text.contains("?") { return nil }
        // ("…es mi compadre. ¿qué plan tiene el" answered with a refusal: the refusal closed it.)
        if session.context.refusedData { return nil }
        let words = Text.fold(before.text).split(separator: " ")
        guard words.count >= 4, let last = words.last, hanging.contains(String(last)) else { return nil }
        // ("…le jala mejor que a mi": "a mí" ends the sentence; "para mi" may still go on with "mamá".)
        if ["mi", "tu"].contains(last), ["a", "que", "q"].contains(String(words[words.count - 2])) {
            return nil
        }
        return before.text + " " + text
    }
}

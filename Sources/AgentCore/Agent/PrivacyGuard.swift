/// The last check on a reply the model phrased: it may name nobody in the Clientes tab but
/// the person writing, nor carry anybody else's phone number or chat id. The model is never
/// given such data; this holds even if it invents or is tricked into it.
public enum PrivacyGuard {
    /// What of another client the text holds ("the name of C-0030"), or nil.
    public static func leak(in text: String, workbook: Workbook, caller: Client?) -> String? {
        let words = " " + Text.fold(text) + " "
        let numbers = digitRuns(text)
        for client in workbook.clients where client.id != caller?.id {
            for name in nameForms(client.name) where words.contains(" \(name) ") {
                return "the name of \(client.id)"
            }
            for number in [client.phone, client.chatID] {
                let digits = String(number.filter(\.isNumber).suffix(10))
                if digits.count >= 7, numbers.contains(where: { $0.contains(digits) }) { return "a number of \(client.id)" }
            }
        }
        return nil
    }

    /// "Francisco Javier Pérez" → the full name and "francisco perez"; single words are too
    /// common ("Rosa", "Norte") to be told apart from ordinary text.
    static func nameForms(_ name: String) -> [String] {
        let parts = Text.fold(name).split(separator: " ")
        guard parts.count >= 2 else { return [] }
        let full = parts.joined(separator: " ")
        let short = "\(parts[0]) \(parts[parts.count - 1])"
        return full == short ? [full] : [full, short]
    }

    /// Numbers as people write them: "444 555-0130" is one run, "4445550130".
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for ch in text {
            if ch.isASCII, ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty, !" -.()".contains(ch) {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

/// What never leaves the process: phone numbers (any run of seven or more digits, spaces and
/// dashes allowed between them) are replaced before text is sent to the model.
public enum Redaction {
    public static func withoutPhoneNumbers(_ text: String) -> String {
        var out = ""
        var run = ""
        var digits = 0
        func flush() {
            out += digits >= 7 ? "[número]" + (run.last.map { $0.isNumber ? "" : String($0) } ?? "") : run
            run = ""
            digits = 0
        }
        for ch in text {
            if ch.isNumber {
                run.append(ch)
                digits += 1
            } else if (ch == " " || ch == "-" || ch == "." || ch == "+" || ch == "(" || ch == ")") && (digits > 0 || ch == "+") {
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}

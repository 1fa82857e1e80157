/// Makes user text safe to store in a spreadsheet cell.
///
/// Sheets writes are RAW, so nothing is evaluated there; this also protects anyone who
/// exports the sheet to CSV and opens it elsewhere, where a leading `= + - @` starts a formula.
public enum CellText {
    public static let maxLength = 500

    public static func inert(_ raw: String, maxLength: Int = CellText.maxLength) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in raw.unicodeScalars {
            // Control characters (tabs, newlines, NUL, escapes) become one space.
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = scalar == " "
            scalars.append(scalar)
        }
        var text = String(scalars).trimmingSpaces
        if text.count > maxLength {
            text = String(text.prefix(maxLength - 1)).trimmingSpaces + "…"
        }
        if let first = text.first, "=+-@".contains(first) {
            text = "'" + text
        }
        return text
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

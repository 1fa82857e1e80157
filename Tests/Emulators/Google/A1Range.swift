import Foundation

/// A1 notation: parsing what clients send and formatting what Sheets answers.
///
/// Forms accepted: `Sheet`, `Sheet!A1:B2`, `Sheet!A:C`, `Sheet!2:5`, `Sheet!A5:A`, `A1:B2` (first sheet),
/// `'Quoted Title'!A1`, doubled apostrophes `'Jon''s'!A1` and (like Sheets) undoubled ones `'Jon's'!A1`.
struct A1Reference: Sendable, Equatable {
    /// nil means the first sheet.
    var sheetTitle: String?
    /// nil means the whole sheet.
    var cells: CellSpan?
}

/// The cell part of an A1 range; nil parts are open (to the grid's edge).
struct CellSpan: Sendable, Equatable {
    var startColumn: Int?
    var startRow: Int?
    var endColumn: Int?
    var endRow: Int?
    /// Written as one cell (`A1`): for writes the values may spread from there.
    var isSingleCell: Bool
}

/// A range resolved against a sheet: 0-based, inclusive bounds.
struct GridRange: Sendable, Equatable {
    var sheetIndex: Int
    var title: String
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int
    var isSingleCell: Bool

    var rowCount: Int { bottom - top + 1 }
    var columnCount: Int { right - left + 1 }

    /// `Title!A1:B2` as Sheets writes it (title quoted only when needed).
    var a1: String { A1.format(title: title, top: top, left: left, bottom: bottom, right: right) }
}

enum A1 {
    static let maxColumns = 18_278  // ZZZ

    // MARK: Parsing

    static func parse(_ text: String) -> A1Reference? {
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("'") {
            guard let (title, rest) = splitQuoted(text), !title.isEmpty else { return nil }
            if rest.isEmpty { return A1Reference(sheetTitle: title, cells: nil) }
            guard let span = parseSpan(rest) else { return nil }
            return A1Reference(sheetTitle: title, cells: span)
        }
        if let bang = text.firstIndex(of: "!") {
            let title = String(text[..<bang])
            let rest = String(text[text.index(after: bang)...])
            guard !title.isEmpty, !title.contains("'") else { return nil }
            if rest.isEmpty { return A1Reference(sheetTitle: title, cells: nil) }
            guard let span = parseSpan(rest) else { return nil }
            return A1Reference(sheetTitle: title, cells: span)
        }
        // No sheet part: a cell range on the first sheet, or else a sheet title.
        if let span = parseSpan(text) { return A1Reference(sheetTitle: nil, cells: span) }
        return A1Reference(sheetTitle: text, cells: nil)
    }

    /// Splits `'Title'!Rest` (or `'Title'`) into the unescaped title and `Rest`.
    private static func splitQuoted(_ text: String) -> (String, String)? {
        let chars = Array(text)
        var title = ""
        var i = 1
        while i < chars.count {
            if chars[i] == "'" {
                if i + 1 < chars.count, chars[i + 1] == "'" {
                    title.append("'")
                    i += 2
                    continue
                }
                // closing quote
                if i + 1 == chars.count { return (title, "") }
                if chars[i + 1] == "!" { return (title, String(chars[(i + 2)...])) }
                break
            }
            title.append(chars[i])
            i += 1
        }
        // Undoubled apostrophes inside the title (`'Jon's_Data'!A1:D5`): take the last `'!` or a final `'`.
        if let range = text.range(of: "'!", options: .backwards), range.lowerBound > text.startIndex {
            let inner = text[text.index(after: text.startIndex)..<range.lowerBound]
            return (String(inner), String(text[range.upperBound...]))
        }
        if text.count >= 2, text.hasSuffix("'") {
            return (String(text.dropFirst().dropLast()), "")
        }
        return nil
    }

    private struct Endpoint {
        var column: Int?
        var row: Int?
    }

    private static func parseEndpoint(_ text: Substring) -> Endpoint? {
        guard !text.isEmpty else { return nil }
        var letters = ""
        var digits = ""
        for ch in text {
            if ch.isASCII, ch.isLetter, digits.isEmpty {
                letters.append(ch)
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        var endpoint = Endpoint()
        if !letters.isEmpty {
            guard letters.count <= 3, let column = columnIndex(letters), column < maxColumns else { return nil }
            endpoint.column = column
        }
        if !digits.isEmpty {
            guard digits.count <= 9, let row = Int(digits), row >= 1 else { return nil }
            endpoint.row = row - 1
        }
        return endpoint
    }

    static func parseSpan(_ text: String) -> CellSpan? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = parseEndpoint(parts[0]), let c = cell.column, let r = cell.row else { return nil }
            return CellSpan(startColumn: c, startRow: r, endColumn: c, endRow: r, isSingleCell: true)
        case 2:
            guard let a = parseEndpoint(parts[0]), let b = parseEndpoint(parts[1]) else { return nil }
            switch (a.column, a.row, b.column, b.row) {
            case (.some, .some, .some, .some),  // A1:B2
                (.some, nil, .some, nil),  // A:C
                (nil, .some, nil, .some),  // 2:5
                (.some, .some, .some, nil),  // A5:A
                (.some, nil, .some, .some):  // A:B5
                return CellSpan(startColumn: a.column, startRow: a.row, endColumn: b.column, endRow: b.row, isSingleCell: false)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    static func columnIndex(_ letters: String) -> Int? {
        var value = 0
        for ch in letters.uppercased().unicodeScalars {
            guard ch.value >= 65, ch.value <= 90 else { return nil }
            value = value * 26 + Int(ch.value - 64)
        }
        return value - 1
    }

    // MARK: Formatting

    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cell(row: Int, column: Int) -> String {
        columnLetters(column) + String(row + 1)
    }

    static func cells(top: Int, left: Int, bottom: Int, right: Int) -> String {
        if top == bottom && left == right { return cell(row: top, column: left) }
        return cell(row: top, column: left) + ":" + cell(row: bottom, column: right)
    }

    static func format(title: String, top: Int, left: Int, bottom: Int, right: Int) -> String {
        quoteIfNeeded(title) + "!" + cells(top: top, left: left, bottom: bottom, right: right)
    }

    /// Always quoted, apostrophes doubled.
    static func quoted(_ title: String) -> String {
        "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Quoted when the title is not a plain identifier or looks like a cell reference.
    static func quoteIfNeeded(_ title: String) -> String {
        needsQuoting(title) ? quoted(title) : title
    }

    static func needsQuoting(_ title: String) -> Bool {
        guard let first = title.unicodeScalars.first else { return true }
        func isPlain(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) || s == "_"
        }
        guard isPlain(first) else { return true }
        for s in title.unicodeScalars where !(isPlain(s) || (s.value >= 48 && s.value <= 57)) { return true }
        // Looks like a cell (`A1`, `CRM26`) or an R1C1 reference (`R1C1`, `RC`)?
        if let span = parseSpan(title), span.isSingleCell { return true }
        let upper = title.uppercased()
        if upper.hasPrefix("R"), upper.contains("C") {
            let rest = upper.dropFirst()
            let parts = rest.split(separator: "C", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return true }
        }
        if upper == "TRUE" || upper == "FALSE" { return true }
        return false
    }
}

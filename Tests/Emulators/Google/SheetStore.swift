import Foundation

extension GoogleEmulator {
    /// What one cell holds. `formula` is how a USER_ENTERED `=...` string is stored (RAW keeps it `text`).
    public enum CellValue: Sendable, Equatable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case formula(String)

        /// How Sheets shows the cell (FORMATTED_VALUE). Formulas are not evaluated: their text is shown.
        public var formatted: String {
            switch self {
            case .text(let s): return s
            case .number(let d): return CellValue.format(d)
            case .bool(let b): return b ? "TRUE" : "FALSE"
            case .formula(let f): return f
            }
        }

        static func format(_ d: Double) -> String {
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return "\(d)"
        }
    }
}

typealias CellValue = GoogleEmulator.CellValue

/// One tab.
struct Sheet: Sendable {
    var sheetID: Int
    var title: String
    var rowCount: Int
    var columnCount: Int
    var frozenRowCount: Int?
    /// Row-major, ragged; nil is an empty cell.
    var grid: [[CellValue?]] = []

    func value(row: Int, column: Int) -> CellValue? {
        guard row < grid.count, column < grid[row].count else { return nil }
        return grid[row][column]
    }

    mutating func set(row: Int, column: Int, _ value: CellValue?) {
        if value == nil, row >= grid.count || column >= grid[row].count { return }
        if row >= grid.count { grid.append(contentsOf: Array(repeating: [], count: row - grid.count + 1)) }
        if column >= grid[row].count {
            grid[row].append(contentsOf: Array(repeating: nil, count: column - grid[row].count + 1))
        }
        grid[row][column] = value
    }

    /// Inserts `count` empty rows before `row` (INSERT_ROWS) and grows the grid.
    mutating func insertRows(at row: Int, count: Int) {
        if row < grid.count { grid.insert(contentsOf: Array(repeating: [], count: count), at: row) }
        rowCount += count
    }

    mutating func normalise() {
        for r in grid.indices {
            while let last = grid[r].last, last == nil { grid[r].removeLast() }
        }
        while let last = grid.last, last.isEmpty { grid.removeLast() }
    }

    /// The values of a range, trimmed the way Sheets trims them (trailing empty cells and rows dropped).
    /// Returned in `columnsMajor` order when asked (then "rows" are columns).
    func read(_ range: GridRange, columnsMajor: Bool = false) -> [[CellValue?]] {
        var out: [[CellValue?]] = []
        if columnsMajor {
            for c in range.left...range.right {
                var line: [CellValue?] = []
                for r in range.top...min(range.bottom, max(range.top, grid.count - 1)) { line.append(value(row: r, column: c)) }
                out.append(line)
            }
        } else {
            let lastRow = min(range.bottom, grid.count - 1)
            if lastRow >= range.top {
                for r in range.top...lastRow {
                    let row = grid[r]
                    let lastColumn = min(range.right, row.count - 1)
                    out.append(lastColumn >= range.left ? Array(row[range.left...lastColumn]) : [])
                }
            }
        }
        for i in out.indices {
            while let last = out[i].last, last == nil { out[i].removeLast() }
        }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out
    }

    /// Everything the sheet holds, as displayed, trimmed.
    func formattedValues() -> [[String]] {
        var all = GridRange(sheetIndex: 0, title: title, top: 0, left: 0, bottom: max(rowCount, grid.count) - 1,
                            right: max(columnCount, grid.map(\.count).max() ?? 0) - 1, isSingleCell: false)
        all.bottom = max(all.bottom, 0)
        all.right = max(all.right, 0)
        return read(all).map { $0.map { $0?.formatted ?? "" } }
    }

    /// The "table" append finds: rows from `top` down with any value in `left...right`.
    /// Returns the bounding box of the data, or nil when the region is empty.
    func table(from top: Int, left: Int, right: Int) -> (top: Int, left: Int, bottom: Int, right: Int)? {
        var found: (top: Int, left: Int, bottom: Int, right: Int)?
        guard top < grid.count else { return nil }
        for r in top..<grid.count {
            let row = grid[r]
            guard left < row.count else { continue }
            for c in left...min(right, row.count - 1) where row[c] != nil {
                if var f = found {
                    f.bottom = r
                    f.left = min(f.left, c)
                    f.right = max(f.right, c)
                    found = f
                } else {
                    found = (r, c, r, c)
                }
            }
        }
        return found
    }
}

/// One spreadsheet (a workbook of tabs).
struct Spreadsheet: Sendable {
    var id: String
    var title: String
    var sharedWith: Set<String>
    var sheets: [Sheet]
    var generator = SheetIDGenerator(seed: 0)

    func sheetIndex(title: String) -> Int? {
        sheets.firstIndex(where: { $0.title == title })
    }

    mutating func nextSheetID() -> Int {
        var id = generator.next()
        while sheets.contains(where: { $0.sheetID == id }) { id = generator.next() }
        return id
    }

    /// Resolves an A1 reference; the errors are the ones Sheets gives.
    func resolve(_ text: String) throws(APIError) -> GridRange {
        guard let ref = A1.parse(text) else { throw APIError.unableToParse(text) }
        let index: Int
        if let title = ref.sheetTitle {
            guard let i = sheetIndex(title: title) else { throw APIError.unableToParse(text) }
            index = i
        } else {
            guard !sheets.isEmpty else { throw APIError.unableToParse(text) }
            index = 0
        }
        let sheet = sheets[index]
        var top = 0
        var left = 0
        var bottom = sheet.rowCount - 1
        var right = sheet.columnCount - 1
        var single = false
        if let span = ref.cells {
            top = span.startRow ?? 0
            left = span.startColumn ?? 0
            bottom = span.endRow ?? (sheet.rowCount - 1)
            right = span.endColumn ?? (sheet.columnCount - 1)
            if span.endRow == nil { bottom = max(bottom, top) }
            if span.endColumn == nil { right = max(right, left) }
            if top > bottom { swap(&top, &bottom) }
            if left > right { swap(&left, &right) }
            single = span.isSingleCell
        }
        let range = GridRange(sheetIndex: index, title: sheet.title, top: top, left: left, bottom: bottom, right: right,
                              isSingleCell: single)
        if bottom >= sheet.rowCount || right >= sheet.columnCount {
            throw APIError.exceedsGrid(title: sheet.title, cells: A1.cells(top: top, left: left, bottom: bottom, right: right), sheet: sheet)
        }
        return range
    }
}

/// Deterministic sheet ids that look like Google's (positive, up to 2^31).
struct SheetIDGenerator: Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % 2_000_000_000) + 1
    }
}

// MARK: - Value input and rendering

enum ValueInputOption: String, Sendable {
    case raw = "RAW"
    case userEntered = "USER_ENTERED"
}

enum ValueRenderOption: String, Sendable {
    case formatted = "FORMATTED_VALUE"
    case unformatted = "UNFORMATTED_VALUE"
    case formula = "FORMULA"

    func render(_ cell: CellValue?) -> JSON {
        guard let cell else { return .string("") }
        switch (self, cell) {
        case (.formatted, _): return .string(cell.formatted)
        case (_, .number(let d)): return .number(d)
        case (_, .bool(let b)): return .bool(b)
        case (_, .text(let s)): return .string(s)
        case (_, .formula(let f)): return .string(f)
        }
    }
}

/// What writing one JSON value does to a cell.
enum CellWrite: Sendable {
    case skip  // null: leave the cell as it is
    case set(CellValue?)  // nil clears
}

enum CellInput {
    static func interpret(_ value: JSON, _ option: ValueInputOption, at position: String) throws(APIError) -> CellWrite {
        switch value {
        case .null: return .skip
        case .bool(let b): return .set(.bool(b))
        case .number(let d): return .set(.number(d))
        case .string(let s):
            if s.isEmpty { return .set(nil) }
            switch option {
            case .raw: return .set(.text(s))
            case .userEntered: return .set(userEntered(s))
            }
        case .array, .object:
            throw APIError.invalidArgument("Invalid values\(position): list_value or struct_value is not a cell value")
        }
    }

    /// "As if typed in the UI": `'` forces text, `=` makes a formula, numbers and booleans are parsed.
    static func userEntered(_ s: String) -> CellValue? {
        if s.hasPrefix("'") {
            let rest = String(s.dropFirst())
            return rest.isEmpty ? nil : .text(rest)
        }
        if s.hasPrefix("="), s.count > 1 { return .formula(s) }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        if let d = number(trimmed) { return .number(d) }
        switch trimmed.uppercased() {
        case "TRUE": return .bool(true)
        case "FALSE": return .bool(false)
        default: return .text(s)
        }
    }

    /// Plain decimal numbers only (`12`, `+0055`, `-1.5`, `.5`, `1e3`); currencies, dates and percents stay text.
    static func number(_ s: String) -> Double? {
        var chars = Substring(s)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        guard !chars.isEmpty else { return nil }
        var sawDigit = false
        var sawDot = false
        var sawExp = false
        var expDigits = false
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                if sawExp { expDigits = true } else { sawDigit = true }
            } else if c == ".", !sawDot, !sawExp {
                sawDot = true
            } else if c == "e" || c == "E", sawDigit, !sawExp {
                sawExp = true
                let next = chars.index(after: i)
                if next < chars.endIndex, chars[next] == "+" || chars[next] == "-" { i = next }
            } else {
                return nil
            }
            i = chars.index(after: i)
        }
        guard sawDigit, !sawExp || expDigits else { return nil }
        let text = s.hasPrefix("+") ? String(s.dropFirst()) : s
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }
}

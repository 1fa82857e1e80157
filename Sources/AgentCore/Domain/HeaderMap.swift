/// Finds a tab's columns by header name, tolerant of order, case, accents and extra columns.
public struct HeaderMap: Sendable {
    public let tab: Tab
    public let header: [String]
    private let index: [String: Int]

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missingColumn(tab: String, column: String)
        case emptyHeader(tab: String)

        public var description: String {
            switch self {
            case .missingColumn(let tab, let column):
                "tab \(tab): no column \"\(column)\" in the header row — add it (any position, any case) so the bot can read and write this tab"
            case .emptyHeader(let tab):
                "tab \(tab): the first row is empty — it must hold the column headers (run `launcher sheets init` on a new spreadsheet)"
            }
        }
    }

    public init(tab: Tab, header: [String]) throws(Problem) {
        guard header.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw .emptyHeader(tab: tab.title) }
        let folded = header.map(Text.fold)
        var index: [String: Int] = [:]
        for spec in tab.columns {
            // The canonical name wins over an alias when a sheet has both.
            let position = spec.foldedNames.lazy.compactMap { folded.firstIndex(of: $0) }.first
            if let position {
                index[spec.name] = position
            } else if spec.required {
                throw .missingColumn(tab: tab.title, column: spec.name)
            }
        }
        self.tab = tab
        self.header = header
        self.index = index
    }

    public func has(_ column: ColumnSpec) -> Bool { index[column.name] != nil }

    /// The cell of `column` in `row`, "" when the row is short (Sheets drops trailing empties).
    public func value(_ column: ColumnSpec, in row: [String]) -> String {
        guard let i = index[column.name], i < row.count else { return "" }
        return row[i].trimmingSpaces
    }

    /// A row in the sheet's own column order; columns the bot does not know stay empty.
    public func row(from values: RowValues) -> [String] {
        var row = Array(repeating: "", count: header.count)
        for (name, value) in values.cells {
            if let i = index[name] { row[i] = value }
        }
        return row
    }

    /// Position of a column (0-based), for updates of single cells.
    public func position(of column: String) -> Int? { index[column] }
}

/// A tab as the spreadsheet holds it: a header row and ragged rows of text cells.
public struct TabData: Sendable, Codable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }
}

/// A row the bot writes: its idempotency key and cells by column name (ColumnSpec.name).
public struct RowValues: Sendable, Codable, Equatable {
    public var key: String
    public var cells: [String: String]

    public init(key: String, cells: [String: String]) {
        self.key = key
        self.cells = cells
    }

    public subscript(_ column: ColumnSpec) -> String? {
        get { cells[column.name] }
        set { cells[column.name] = newValue }
    }
}

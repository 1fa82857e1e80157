extension Fixtures {
    /// A tab's rows as column → cell, as a test reads a sheet ("" where a row is short: Sheets
    /// drops trailing empty cells).
    public static func records(header: [String], rows: some Sequence<[String]>) -> [[String: String]] {
        rows.map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < row.count ? row[$0.offset] : "") })
        }
    }

    /// The same for values whose first row is the header (what the Sheets emulator holds).
    public static func records(_ values: [[String]]) -> [[String: String]] {
        guard let header = values.first else { return [] }
        return records(header: header, rows: values.dropFirst())
    }
}

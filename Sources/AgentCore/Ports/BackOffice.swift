/// The spreadsheet, or the local workbook that stands in for it. Appends write what they are
/// given; the outbox checks the tab first (it owns retries and key conflicts).
public protocol BackOffice: Sendable {
    /// Where the data lives, for status lines ("local workbook", "Google Sheets «Red Soluciones»").
    var name: String { get }
    func readAll() async throws -> [Tab: TabData]
    func read(_ tab: Tab) async throws -> TabData
    func append(_ rows: [RowValues], to tab: Tab) async throws
    func update(_ tab: Tab, key: String, cells: [String: String]) async throws
}

/// Hands out the keys of new rows (C-0031, F-0012), never the same one twice.
public protocol KeySource: Sendable {
    func next(_ tab: Tab) -> String
}

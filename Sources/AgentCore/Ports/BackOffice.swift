/// The spreadsheet, or the local workbook that stands in for it.
///
/// Appends are idempotent by key: when `mayAlreadyExist` is set (an earlier attempt died or
/// timed out), rows whose key is already in the tab are not written again, so the outbox can
/// retry a write whose outcome it never learned.
public protocol BackOffice: Sendable {
    /// Where the data lives, for status lines ("local workbook", "Google Sheets «Red Soluciones»").
    var name: String { get }
    func readAll() async throws -> [Tab: TabData]
    func read(_ tab: Tab) async throws -> TabData
    func append(_ rows: [RowValues], to tab: Tab, mayAlreadyExist: Bool) async throws
    func update(_ tab: Tab, key: String, cells: [String: String]) async throws
}

/// Hands out the keys of new rows (C-0031, F-0012), never the same one twice.
public protocol KeySource: Sendable {
    func next(_ tab: Tab) -> String
}

import AgentCore
import BackOffice
import Fixtures
import Foundation

/// The spreadsheet in memory, seeded with the sample, that can be made to fail: what the bot
/// wrote is read back as staff would see it, without HTTP or SQLite.
actor FakeBackOffice: BackOffice {
    struct Down: Error, CustomStringConvertible {
        var description: String { "the back office is down (fake)" }
    }

    nonisolated let name = "fake back office"
    private var tabs: [Tab: TabData] = SampleWorkbook.all

    /// The sample, with the Incidentes tab as given (an older sheet's columns, say).
    init(incidents: TabData? = nil) {
        if let incidents { tabs[.incidents] = incidents }
    }
    /// While true, every call fails as an unreachable spreadsheet would.
    var isDown = false
    /// Calls answered with a failure while down.
    private(set) var refused = 0

    func setDown(_ down: Bool) { isDown = down }

    private func down() -> Down {
        refused += 1
        return Down()
    }

    func readAll() async throws -> [Tab: TabData] {
        if isDown { throw down() }
        return tabs
    }

    func read(_ tab: Tab) async throws -> TabData {
        if isDown { throw down() }
        return tabs[tab] ?? TabData(header: tab.header)
    }

    func append(_ rows: [RowValues], to tab: Tab) async throws {
        if isDown { throw down() }
        var data = tabs[tab] ?? TabData(header: tab.header)
        let map = try HeaderMap(tab: tab, header: data.header)
        data.rows += rows.map(map.row(from:))
        tabs[tab] = data
    }

    func update(_ tab: Tab, key: String, cells: [String: String]) async throws {
        if isDown { throw down() }
        guard var data = tabs[tab], let keyColumn = tab.keyColumn, let keyIndex = data.header.firstIndex(of: keyColumn),
              let r = data.rows.firstIndex(where: { keyIndex < $0.count && $0[keyIndex] == key }) else { return }
        for (name, value) in cells {
            guard let c = data.header.firstIndex(of: name) else { continue }
            while data.rows[r].count <= c { data.rows[r].append("") }
            data.rows[r][c] = value
        }
        tabs[tab] = data
    }

    /// The rows of a tab as column → value, the sample's own rows left out.
    func newRows(_ tab: Tab) -> [[String: String]] {
        let data = tabs[tab] ?? TabData(header: tab.header)
        let seeded = SampleWorkbook.all[tab]?.rows.count ?? 0
        return Fixtures.records(header: data.header, rows: data.rows.dropFirst(seeded))
    }
}

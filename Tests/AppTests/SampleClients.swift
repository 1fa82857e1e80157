import AgentCore
import BackOffice

/// The chat of a client of the sample workbook, so tests talk as a known client.
enum SampleClients {
    static func chat(_ id: String) -> ChatRef {
        let data = SampleWorkbook.clients
        let row = data.rows.first { $0[0] == id }!
        return ChatRef(row[3] == "Telegram" ? .telegram : .whatsapp, row[4])
    }

    static func row(_ id: String) -> [String: String] {
        let data = SampleWorkbook.clients
        let row = data.rows.first { $0[0] == id }!
        return Dictionary(uniqueKeysWithValues: zip(data.header, row))
    }
}

import AgentCore
import BackOffice
import Emulators
import Foundation
import Store
import Testing
@testable import App

/// The bot with the spreadsheet as its back office: every sign-up and incident is exactly one
/// row, whatever Google does in between.
@Suite struct SheetsConversationTests {
    let signup = ["quiero contratar el de 50 en el norte", "Rosa Ortiz", "sí"]
    let chat = ChatRef(.whatsapp, "5214445550300")

    func signUp(_ bot: inout ConversationHarness, as chat: ChatRef? = nil) async throws {
        for text in signup { try await bot.send(text, as: chat ?? self.chat) }
    }

    @Test func aSignupAndAnIncidentLandAsOneRawRowEach() async throws {
        let sheets = try await SheetsBackedBot.start()
        var bot = try await ConversationHarness(environment: sheets.environment())
        try await bot.send("quiero contratar el de 50 en el norte", as: chat)
        try await bot.send("=IMPORTXML(\"http://x\",\"//a\")", as: chat)
        try await bot.send("sí", as: chat)
        try await bot.send("no tengo internet desde ayer, ya reinicie", as: SampleClients.chat("C-0004"))
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(20))

        let clients = sheets.newRows(.clients)
        #expect(clients.count == 1)
        #expect(clients.first?["ID"] == "C-0031")
        #expect(clients.first?["Nombre"] == "'=IMPORTXML(\"http://x\",\"//a\")", "stored as inert text")
        #expect(clients.first?["Teléfono"] == "5214445550300" && clients.first?["Plan (Mbps)"] == "50")
        let incidents = sheets.newRows(.incidents)
        #expect(incidents.count == 1)
        #expect(incidents.first?["Folio"] == "F-0005" && incidents.first?["Cliente ID"] == "C-0004")
        let appends = sheets.emulator.requests.filter { $0.kind == "values.append" }
        #expect(appends.allSatisfy { $0.path.contains("valueInputOption=RAW") })
    }

    @Test func rowsFollowTheSheetsOwnColumnOrder() async throws {
        let sheets = try await SheetsBackedBot.start()
        // Staff moved columns around and added one of their own.
        let original = sheets.emulator.values(spreadsheetID: sheets.spreadsheetID, tab: "Prospectos")
        sheets.emulator.setValues(spreadsheetID: sheets.spreadsheetID, tab: "Prospectos",
                                  rows: [["Zona", "Llamar a las", "Nombre", "ID", "Fecha", "Canal", "Chat ID"]] + original.dropFirst())
        var bot = try await ConversationHarness(environment: sheets.environment())
        try await bot.send("llegan a la loma?", as: chat, profileName: "Eva")
        try await bot.send("sí", as: chat, profileName: "Eva")
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(20))
        let row = sheets.emulator.values(spreadsheetID: sheets.spreadsheetID, tab: "Prospectos").last
        #expect(row?[0] == "La Loma" && row?[1] == "" && row?[2] == "Eva" && row?[3] == "P-0001" && row?[5] == "WhatsApp")
    }

    @Test(arguments: [GoogleEmulator.Fault.tooManyRequests, .unavailable, .internalError])
    func aFailedAppendIsRetriedAndLandsOnce(_ fault: GoogleEmulator.Fault) async throws {
        let sheets = try await SheetsBackedBot.start()
        var bot = try await ConversationHarness(environment: sheets.environment())
        sheets.emulator.inject(fault, times: 2)
        try await signUp(&bot)
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(30))
        #expect(sheets.newRows(.clients).map { $0["ID"] } == ["C-0031"])
    }

    @Test func aWriteThatTimesOutAfterGoogleAppliedItIsNotDuplicated() async throws {
        let sheets = try await SheetsBackedBot.start()
        var bot = try await ConversationHarness(environment: sheets.environment(timeoutSeconds: 1))
        sheets.emulator.inject(.applyThenStall(seconds: 2))
        try await signUp(&bot)
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(30))
        #expect(sheets.newRows(.clients).map { $0["ID"] } == ["C-0031"])
        #expect(try await bot.runtime.store.outboxBacklog().count == 0)
    }

    @Test func customersAreAnsweredWhileGoogleIsDownAndTheBacklogDrainsInOrder() async throws {
        let sheets = try await SheetsBackedBot.start()
        var bot = try await ConversationHarness(environment: sheets.environment(timeoutSeconds: 2))
        await sheets.emulator.stop()
        try await signUp(&bot)
        let reply = try await bot.send("no tengo internet desde ayer, ya reinicie", as: SampleClients.chat("C-0004")).joined()
        #expect(reply.contains("F-0005"), "answered with a folio while Google is unreachable")
        let status = try await bot.send("como va mi reporte?", as: SampleClients.chat("C-0004")).joined()
        #expect(status.contains("F-0005"), "the pending row is visible to its customer")
        _ = await bot.runtime.outbox.writeDue()
        let backlog = try await bot.runtime.store.outboxBacklog()
        #expect(backlog.count == 2 && backlog.lastError != nil)

        try await sheets.emulator.start()
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(30))
        #expect(sheets.newRows(.clients).map { $0["ID"] } == ["C-0031"])
        #expect(sheets.newRows(.incidents).map { $0["Folio"] } == ["F-0005"])
        let appends = sheets.emulator.requests.filter { $0.kind == "values.append" && $0.status == 200 }
        #expect(appends.first?.path.contains("Clientes") == true, "delivered in the order they were made")
    }

    @Test func aProcessKilledBetweenCommitAndDeliveryLosesNothing() async throws {
        let sheets = try await SheetsBackedBot.start()
        var first = try await ConversationHarness(environment: sheets.environment())
        try await signUp(&first)  // committed to the outbox; this process never delivers it
        // The next process delivers it.
        let second = try await ConversationHarness(directory: first.scratch, environment: sheets.environment())
        _ = await second.runtime.outbox.drain(deadline: Date().addingTimeInterval(20))
        #expect(sheets.newRows(.clients).map { $0["ID"] } == ["C-0031"])
    }

    @Test func aProcessKilledMidWriteDoesNotWriteTheRowTwice() async throws {
        let sheets = try await SheetsBackedBot.start()
        var first = try await ConversationHarness(environment: sheets.environment())
        try await signUp(&first)
        // The process sent the append, Google applied it, and the process died before hearing back.
        let pending = try await first.runtime.store.pendingOutbox()
        try await first.runtime.store.markAttemptStarted(pending.map(\.id))
        let sheet = sheets.emulator.values(spreadsheetID: sheets.spreadsheetID, tab: "Clientes")
        guard case .append(let written) = try #require(pending.first).write else { Issue.record("not an append"); return }
        sheets.emulator.setValues(spreadsheetID: sheets.spreadsheetID, tab: "Clientes",
                                  rows: sheet + [try HeaderMap(tab: .clients, header: sheet[0]).row(from: written)])
        let second = try await ConversationHarness(directory: first.scratch, environment: sheets.environment())
        _ = await second.runtime.outbox.drain(deadline: Date().addingTimeInterval(20))
        #expect(sheets.newRows(.clients).map { $0["ID"] } == ["C-0031"])
    }

    @Test func aRestartWhileGoogleIsDownAnswersFromTheMirror() async throws {
        let sheets = try await SheetsBackedBot.start()
        let first = try await ConversationHarness(environment: sheets.environment(timeoutSeconds: 1))
        await sheets.emulator.stop()
        var second = try await ConversationHarness(directory: first.scratch, environment: sheets.environment(timeoutSeconds: 1))
        let prices = try await second.send("cuanto cuesta el internet").joined()
        #expect(prices.contains("50 Mbps: $450"))
    }

    @Test func aRowStaffAddAppearsAfterARefresh() async throws {
        let sheets = try await SheetsBackedBot.start()
        let bot = try await ConversationHarness(environment: sheets.environment())
        var zones = sheets.emulator.values(spreadsheetID: sheets.spreadsheetID, tab: "Zonas")
        zones.append(["Las Flores", "sí", "nueva"])
        sheets.emulator.setValues(spreadsheetID: sheets.spreadsheetID, tab: "Zonas", rows: zones)
        try await bot.runtime.refreshCache()
        #expect(await bot.runtime.cache.snapshot().zone(named: "las flores")?.hasCoverage == true)
    }
}

/// Staff edit the sheet; customers hear about it once.
@Suite struct StaffEditTests {
    func notices(_ bot: ConversationHarness) async throws -> [(ChatRef?, String)] {
        try await bot.runtime.store.pendingOutbound(channel: nil, limit: 1000).compactMap { message in
            guard message.inReplyTo == nil, case .reply(let reply) = message.payload else { return nil }
            return (message.chat, reply.text)
        }
    }

    func setCell(_ sheets: SheetsBackedBot, tab: Tab, key: String, column: String, value: String) {
        var rows = sheets.emulator.values(spreadsheetID: sheets.spreadsheetID, tab: tab.title)
        let col = rows[0].firstIndex(of: column)!
        let index = rows.firstIndex { $0.first == key }!
        while rows[index].count <= col { rows[index].append("") }
        rows[index][col] = value
        sheets.emulator.setValues(spreadsheetID: sheets.spreadsheetID, tab: tab.title, rows: rows)
    }

    @Test func aResolvedIncidentAndAnActivatedClientAreToldOnce() async throws {
        let sheets = try await SheetsBackedBot.start()
        let bot = try await ConversationHarness(environment: sheets.environment())
        setCell(sheets, tab: .incidents, key: "F-0004", column: "Estado", value: "resuelto")
        setCell(sheets, tab: .clients, key: "C-0011", column: "Estado", value: "activo")
        try await bot.runtime.refreshCache()
        try await bot.runtime.refreshCache()
        let told = try await notices(bot)
        #expect(told.count == 2)
        #expect(told.contains { $0.0 == SampleClients.chat("C-0019") && $0.1.contains("F-0004") && $0.1.contains("resuelto") })
        #expect(told.contains { $0.0 == SampleClients.chat("C-0011") && $0.1.contains("activo") })

        // A restart does not tell them again.
        let again = try await ConversationHarness(directory: bot.scratch, environment: sheets.environment())
        try await again.runtime.refreshCache()
        #expect(try await notices(again).count == 2)
    }

    @Test func theEndOfAnOutageIsToldToEveryoneWhoReported() async throws {
        let sheets = try await SheetsBackedBot.start()
        var bot = try await ConversationHarness(environment: sheets.environment())
        bot.clock = Date()
        let reporters = ["C-0002", "C-0010", "C-0014"]
        for id in reporters {
            try await bot.send("sin internet desde hace una hora, ya reinicie", as: SampleClients.chat(id), after: 60)
        }
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(20))
        try await bot.runtime.refreshCache()
        for folio in ["F-0005", "F-0006", "F-0007"] {
            setCell(sheets, tab: .incidents, key: folio, column: "Estado", value: "resuelto")
        }
        try await bot.runtime.refreshCache()
        let told = try await notices(bot).filter { $0.1.contains("restablecido") }
        #expect(Set(told.compactMap(\.0)) == Set(reporters.map(SampleClients.chat)))
        #expect(try await notices(bot).filter { $0.1.contains("F-0005") }.isEmpty, "one message each, not two")
    }
}

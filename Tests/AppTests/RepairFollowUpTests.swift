import AgentCore
import BackOffice
import Foundation
import Store
import Testing
@testable import App

/// After staff close a repair in the sheet: "¿Ya quedó tu servicio?" — "no" reopens the report
/// and alerts staff, "sí" asks for a rating that lands in the report's row.
@Suite struct RepairFollowUpTests {
    let chat = SampleClients.chat("C-0001")

    /// A report by C-0001, then staff mark it resuelto; returns the notice the customer is sent.
    func reportAndResolve(_ bot: inout ConversationHarness) async throws -> Reply {
        let reply = try await bot.send("no tengo internet desde ayer, ya reinicié el módem", as: chat).joined()
        #expect(reply.contains("F-0005"))
        _ = try await bot.rows(.incidents)
        try await bot.runtime.refreshCache()  // the bot has seen F-0005 open
        try await bot.runtime.backOffice.update(.incidents, key: "F-0005", cells: ["Estado": "resuelto"])
        try await bot.runtime.refreshCache()
        let queued = try await bot.runtime.store.pendingOutbound(channel: chat.channel).compactMap { message -> Reply? in
            if case .reply(let reply) = message.payload, message.chat == chat, reply.notice != nil { return reply }
            return nil
        }
        return try #require(queued.last)
    }

    func incident(_ bot: ConversationHarness) async throws -> [String: String] {
        try #require(try await bot.rows(.incidents).first { $0["Folio"] == "F-0005" })
    }

    @Test func stillBrokenReopensTheReportAndTellsStaff() async throws {
        var bot = try await ConversationHarness()
        let notice = try await reportAndResolve(&bot)
        #expect(notice.text.contains("¿Ya quedó tu servicio?"))
        #expect(notice.quickReplies.map(\.title) == ["Sí, ya quedó", "No, sigue igual"])

        let result = try await bot.send(.quickReply(id: "no", title: "No, sigue igual"), as: chat)
        #expect(result.replies.map(\.text).joined().contains("Reabrí tu reporte F-0005"))
        #expect(result.effects.contains { if case .alertStaff(let alert) = $0 { alert.text.contains("F-0005") } else { false } })
        let row = try await incident(bot)
        #expect(row["Estado"] == "abierto" && row["Descripción"]?.contains("Reabierto por el cliente el") == true)
    }

    @Test func fixedAsksForARatingThatLandsInTheRow() async throws {
        var bot = try await ConversationHarness()
        _ = try await reportAndResolve(&bot)
        let ask = try await bot.send(.text("sí, ya quedó, gracias"), as: chat)
        #expect(ask.replies.last?.quickReplies.map(\.id) == ["rating:1", "rating:2", "rating:3", "rating:4", "rating:5"])
        let rated = try await bot.send(.quickReply(id: "rating:4", title: "4 ⭐"), as: chat).replies.map(\.text).joined()
        #expect(rated.contains("Gracias por tu calificación"))
        let row = try await incident(bot)
        #expect(row["Calificación"] == "4" && row["Estado"] == "resuelto")
        // Told once: a later "sí" is an ordinary message.
        #expect(!(try await bot.send("sí", as: chat).joined().contains("calificación")))
    }

    @Test func aSheetWithoutTheRatingColumnGetsTheRatingAsANote() async throws {
        var header = SampleWorkbook.incidents.header
        header.removeAll { $0 == "Calificación" }
        let sheet = FakeBackOffice(incidents: TabData(header: header, rows: SampleWorkbook.incidents.rows))
        var bot = try await ConversationHarness(backOffice: sheet)
        _ = try await reportAndResolve(&bot)
        try await bot.send("ya funciona", as: chat)
        try await bot.send("5", as: chat)
        let row = try await incident(bot)
        #expect(row["Calificación"] == nil && row["Descripción"]?.contains("Calificación: 5") == true)
    }

    @Test func anotherTopicEndsTheQuestion() async throws {
        var bot = try await ConversationHarness()
        _ = try await reportAndResolve(&bot)
        let prices = try await bot.send("cuánto cuesta el de 100?", as: chat).joined()
        #expect(prices.contains("$600"))
        #expect(try await incident(bot)["Estado"] == "resuelto", "nothing reopened")
    }
}

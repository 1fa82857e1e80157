import AgentCore
import Testing
@testable import App

/// What people say after the first answer: thanks for a repair, a second place right after the first, a doubt while a
/// cancellation waits, a place taken back at the summary, a folio that is not theirs, and staff working for a customer in
/// front of them.
@Suite struct FollowUpConversationTests {
    @Test func thanksForARepairOpensNoReport() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0013")
        let thanks = try await bot.send("buenas tardes. nomas pa darles las grasias, ya bino el muchacho y endereso la antena y ya jala rebien el internet",
                                        as: chat).joined()
        #expect(!thanks.contains("F-0"), "\(thanks)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aSecondPlaceRightAfterTheFirstIsASignUpOfItsOwn() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "7001201")
        try await bot.send("Primera: cto 2, zona Sur, el plan de 20 megas, a mi nombre Salvador Mendivil. Mi cel 444 812 3907", as: chat)
        #expect(try await bot.send("Si, correcto.", as: chat).joined().contains("C-0031"))
        try await bot.send("Segunda: la casita de la calle Morelos, zona orinte. Esa si la quiero de 100. Mismo nombre y mismo cel.", as: chat)
        #expect(try await bot.send("Confirmo", as: chat).joined().contains("C-0032"))
        let rows = try await bot.newRows(.clients)
        #expect(rows.count == 2)
        #expect(rows.last?["Zona"] == "Oriente" && rows.last?["Plan (Mbps)"] == "100" && rows.last?["Nombre"] == "Salvador Mendivil")
        #expect(rows.first?["Plan (Mbps)"] == "20", "the first place keeps its plan")
    }

    @Test func aFailureToldWhileUnsureAboutCancellingIsReportedNotCancelled() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0013")
        try await bot.send("Quiero cancelar. Ya me harte.", as: chat)
        let unsure = try await bot.send("bueno, no se. es que ya van tres veces este mes que me quedo sin internet y hoy otra vez, desde las 10 de la mañana nada de nada. ¿para que pago entonces?",
                                        as: chat).joined()
        #expect(!unsure.contains("solicitud de baja"), "\(unsure)")
        let filed = try await bot.send("si ya lo reinicie, mil veces, desconectado y todo", as: chat).joined()
        #expect(filed.contains("F-0005"), "\(filed)")
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Prioridad"] == "alta" && row["Módem reiniciado"] == "sí")
    }

    @Test func aPlaceTakenBackAtTheSummaryGoesOnTheListNotTheSheet() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445551201")
        try await bot.send("holaa quiero contratar el de 50 en la norte", as: chat)
        try await bot.send("a nombre de Fernanda Ybarra", as: chat)
        let moved = try await bot.send("ah no espera!! es pa la casa nueva y esa esta en San Isidro, no en la Norte. ahi si llegan?", as: chat)
            .joined()
        #expect(moved.contains("San Isidro") && !moved.contains("¿Confirmo"), "\(moved)")
        try await bot.send("bueno si, apuntame para q me avisen", as: chat)
        #expect(try await bot.newRows(.clients).isEmpty)
        let listed = try #require(try await bot.newRows(.prospects).first)
        #expect(listed["Zona"] == "San Isidro" && listed["Nombre"] == "Fernanda Ybarra")
    }

    @Test func aFolioThatIsNotTheirsIsRefused() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0018")
        let asked = try await bot.send("el folio es el F-0004 creo, lo tengo apuntado en un papelito", as: chat).joined()
        #expect(asked.contains("no puedo compartir datos de otras personas") && !asked.contains("Silvia") && !asked.contains("desconecta"),
                "\(asked)")
    }

    @Test func staffFileAReportForAClientNamedBySoundAndMayCorrectWhichOne() async throws {
        var bot = try await ConversationHarness()
        let staff = ChatRef(.telegram, "9001")
        try await bot.send("reporte pa claudia morales de centro, luz LOS roja", as: staff, role: .staff)
        try await bot.send("nel espera me equivoque, no es claudia, es norma aguilar, misma calle, centro tmb", as: staff, role: .staff)
        let filed = try await bot.send("LOS roja desde anoche, ya reinicie el equipo 2 veces y sigue igual", as: staff, role: .staff).joined()
        #expect(filed.contains("C-0025"), "\(filed)")
        try await bot.send("levanta reporte pa juan carlos garsia de oriente, esta sin internet y la lucecita roja prendida", as: staff, role: .staff)
        try await bot.send("desde ayer en la noche dice", as: staff, role: .staff)
        try await bot.send("no, no ha reiniciado nada", as: staff, role: .staff)
        let rows = try await bot.newRows(.incidents)
        #expect(rows.map { $0["Cliente ID"] } == ["C-0025", "C-0004"])
        #expect(rows.allSatisfy { $0["Prioridad"] == "alta" })
    }

    @Test func staffSignUpAWalkInWithTheCustomersNumber() async throws {
        var bot = try await ConversationHarness()
        let staff = ChatRef(.whatsapp, "5214449990001")
        try await bot.send("alta nueva en mostrador: ernesto salas ibarra, zona oriente, el de 50, tel 444 987 1230", as: staff, role: .staff)
        try await bot.send("ay no espera, dice q mejor el de 100", as: staff, role: .staff)
        #expect(try await bot.send("si, confirmado", as: staff, role: .staff).joined().contains("C-0031"))
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Nombre"] == "Ernesto Salas Ibarra" && row["Plan (Mbps)"] == "100" && row["Zona"] == "Oriente")
        #expect(row["Teléfono"]?.contains("4449871230") == true, "the customer's number, not the desk's: \(row)")
    }
}

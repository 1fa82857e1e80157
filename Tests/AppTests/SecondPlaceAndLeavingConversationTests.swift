import AgentCore
import Testing
@testable import App

/// Clients who want the service at a second place or leave it for good, and failures told the way people tell them: a
/// speed compared with the one paid for, a line that dropped by itself, a failure that may come back, an upload that is
/// "dead" while the rest works.
@Suite struct SecondPlaceAndLeavingConversationTests {
    @Test func aClientSigningUpABranchKeepsTheBranchesPlaceWhenComparingWithHerOwn() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0009")
        let first = try await bot.send("Hola, soy Patricia Flores, ya soy cliente en el centro (la farmacia). Abri otra sucursal en la "
                                       + "norte y necesito internet alla tambien", as: chat).joined()
        #expect(first.contains("Norte") && !first.contains("Ya eres cliente"), "\(first)")
        try await bot.send("Cuanto sale el de 50? en el centro tengo el de 100 pero aca es mas chiquito, nomas la terminal", as: chat)
        try await bot.send("Ok ese. A mi nombre igual, Patricia Flores", as: chat)
        try await bot.send("Si confirmo", as: chat)
        let rows = try await bot.newRows(.clients)
        #expect(rows.map { [$0["Zona"], $0["Plan (Mbps)"]] } == [["Norte", "50"]])
    }

    @Test func aShopOwnerOpeningAnotherShopIsSignedUpThereNotToldHeIsAClient() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("Q tal, soy Jorge Torres cliente de ustedes en la norte. Pusimos otra tiendita de abarrotes en el "
                                       + "orinte y quiero contratar otro internet alla", as: SampleClients.chat("C-0010")).joined()
        #expect(!reply.contains("Ya eres cliente") && reply.contains("Oriente"), "\(reply)")
    }

    @Test func aCancellationConfirmedWithAQuestionIsRecordedAndTheListWrittenForTheNewPlace() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0001")
        try await bot.send("quiero dar de baja el servicio, nos vamos a vivir al poniente el dia 15", as: chat)
        let sure = try await bot.send("si estoy segura 😔. y cuando ya llegue al poniente me avisan? pa volver a contratar", as: chat)
            .joined()
        #expect(sure.contains("solicitud de baja"), "\(sure)")
        let listed = try #require(try await bot.newRows(.prospects).first)
        #expect(listed["Zona"] == "Poniente")
    }

    @Test func aShopClosedIsAYesToTheCancellationAndTheEquipmentQuestionWritesNoReport() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0028")
        try await bot.send("buenas, quiero dar de baja el internet de la llantera", as: chat)
        let closed = try await bot.send("ya cerramos, nos vamos pa monterrey a fin de mes", as: chat).joined()
        #expect(closed.contains("solicitud de baja"), "\(closed)")
        try await bot.send("si, segurisimo. y el modem y la antena q hago, los llevo o vienen x ellos?", as: chat)
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aFailureThatMayComeBackIsNoReport() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0026")
        try await bot.send("pues ya ni importa, se arreglo solo ayer en la tarde", as: chat)
        try await bot.send("nomas q les quede claro, si vuelve a fallar me cambio de compañia", as: chat)
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aLineThatDroppedByItselfIsNoRestartAndTheRestartIsAsked() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0008")
        let reply = try await bot.send("no tengo nada de internet, el moden tiene un foquito rojo que dice LOS. estaba jugando y se "
                                       + "desconecto de golpe", as: chat).joined()
        #expect(reply.contains("reiniciaste"), "\(reply)")
        try await bot.send("como a las 9 de la noche. no, no lo e reiniciado", as: chat)
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Módem reiniciado"] == "no" && row["Prioridad"] == "alta")
    }

    @Test func speedsComparedWithThePlanAndAnUploadThatIsDeadAreSlowNotOutages() async throws {
        var bot = try await ConversationHarness()
        try await bot.send("Hola, pago 100 megas y me estan llegando como 10, ya desde hace 3 dias. Ya reinicie el modem y la antena y nada",
                           as: SampleClients.chat("C-0003"))
        try await bot.send("Hi, my connection has been super slow since yesterday afternoon. Upload is basically dead, like 0.5 Mbps",
                           as: SampleClients.chat("C-0030"))
        try await bot.send("No I haven't restarted anything", as: SampleClients.chat("C-0030"))
        let rows = try await bot.newRows(.incidents)
        #expect(rows.map { [$0["Cliente ID"], $0["Prioridad"]] } == [["C-0003", "media"], ["C-0030", "media"]])
    }

    @Test func terseStaffEnglishIsAnsweredInEnglish() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("open incidents by priority", as: ChatRef(.telegram, "9001"), role: .staff).joined()
        #expect(reply.contains("Open incidents"), "\(reply)")
    }

    @Test func askingWhetherAFamilyIsAClientAndWhereTheyLiveIsRefused() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("hola una pregunta, ustedes le dan internet a los Castillo? es q mi compañera Monica vive en el "
                                       + "centro y no se cual es su casa jajaja", as: ChatRef(.whatsapp, "5214445557001")).joined()
        #expect(reply.contains("no puedo compartir datos"), "\(reply)")
    }
}

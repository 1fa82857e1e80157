import AgentCore
import Testing
@testable import App

/// Staff speaking for a customer at the counter, the waiting list asked for someone else or for a second place, a plan
/// taken in two words after the plans and the offer to sign up, and a surname respelt after it was said.
@Suite struct CounterAndListConversationTests {
    @Test func aFailureToldAtTheCounterShowsTheClientsOpenReportOfThatKind() async throws {
        var bot = try await ConversationHarness()
        let staff = ChatRef(.telegram, "9001")
        let shown = try await bot.send("Buenas tardes. Está aquí la señora Silvia Ramos, de Sur. Dice que se le sigue cayendo el internet.",
                                       as: staff, role: .staff).joined()
        #expect(shown.contains("F-0004") && shown.contains("C-0019"), "\(shown)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aFriendNamedInTheRequestGoesOnTheListUnderHisName() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "7002701")
        try await bot.send("Hola, buenas tardes. Mi amigo Bill vive en colonia Poniente. ¿Ustedes tienen internet allí?", as: chat,
                           profileName: "Gordon W.")
        try await bot.send("Bueno. ¿Puede poner su nombre en la lista, por favor? Bill Hartley. Él quiere saber cuándo hay servicio.",
                           as: chat, profileName: "Gordon W.")
        let listed = try #require(try await bot.newRows(.prospects).first)
        #expect(listed["Nombre"] == "Bill Hartley" && listed["Zona"] == "Poniente")
    }

    @Test func aSecondPlaceAfterJoiningTheListIsListedToo() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552705")
        try await bot.send("q tal el poniente, ya hay?", as: chat)
        try await bot.send("apuntame, bernardo quintero, tengo 2 obras por alla", as: chat)
        try await bot.send("y tmb pa san isidro si se puede, ahi agarramos otra el mes q entra", as: chat)
        let rows = try await bot.newRows(.prospects)
        #expect(rows.map { $0["Zona"] } == ["Poniente", "San Isidro"])
        #expect(rows.allSatisfy { $0["Nombre"] == "Bernardo Quintero" })
    }

    @Test func theMiddlePlanTakenAfterThePlansAndTheOfferStartsTheSignUp() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552706")
        try await bot.send("wey ando viendo pa meter internet en mi casa q planes tienen y si llegan a oriente", as: chat)
        let taken = try await bot.send("el de en medio", as: chat).joined()
        #expect(taken.contains("50 Mbps") && taken.contains("¿A nombre de quién registro el servicio?"), "\(taken)")
        try await bot.send("kevin ramirez morales", as: chat)
        try await bot.send("simon", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Zona"] == "Oriente" && row["Plan (Mbps)"] == "50" && row["Nombre"] == "Kevin Ramirez Morales")
    }

    @Test func aSurnameRespeltAfterItWasSaidIsWrittenAsSpeltNow() async throws {
        var bot = try await ConversationHarness()
        let karla = ChatRef(.whatsapp, "5214445552707")
        try await bot.send("buenas quiero el internet de 20 en el sur a nombre de Karla Gonsalez", as: karla)
        let summary = try await bot.send("ah y mi nombre va con Z, Gonzalez no Gonsalez", as: karla).joined()
        #expect(summary.contains("Karla Gonzalez"), "\(summary)")
        try await bot.send("sip todo bien", as: karla)
        #expect(try await bot.newRows(.clients).first?["Nombre"] == "Karla Gonzalez")

        let ernesto = ChatRef(.whatsapp, "5214445552708")
        try await bot.send("q tal, me pueden poner internet? estoy en poniente, seria el de 50, me llamo Ernesto Valdez", as: ernesto)
        try await bot.send("ok si anotenme y me avisan cuando llegue. ah es Valdés con s y acento, no con z", as: ernesto)
        #expect(try await bot.newRows(.prospects).first?["Nombre"] == "Ernesto Valdés")
    }
}

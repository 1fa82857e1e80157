import AgentCore
import Testing
@testable import App

/// Staff speaking for a customer at the counter, the waiting list asked for someone else or for a second place, and a
/// plan taken in two words after the plans and the offer to sign up.
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
}

import AgentCore
import Testing
@testable import App

/// Sign-up: ask only for what is missing, accept corrections and side questions, confirm, one row.
@Suite struct SignupConversationTests {
    @Test func luisSignsUpOnWhatsApp() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550101")
        let zone = try await bot.send("quiero contratar, soy Luis Ramírez", as: chat).joined()
        #expect(zone.contains("¿en qué zona vives?"))
        let plan = try await bot.send("en el Oriente", as: chat).joined()
        #expect(plan.contains("¿Qué plan te interesa?"))
        let confirm = try await bot.send("el de 20", as: chat).joined()
        #expect(confirm.contains("Luis Ramírez") && confirm.contains("Oriente") && confirm.contains("20 Mbps, $350"))
        #expect(try await bot.newRows(.clients).isEmpty, "nothing is written before the customer confirms")
        let done = try await bot.send("sí", as: chat).joined()
        #expect(done.contains("C-0031") && done.contains("$350") && done.contains("24 horas"))

        let rows = try await bot.newRows(.clients)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["ID"] == "C-0031")
        #expect(row["Nombre"] == "Luis Ramírez")
        #expect(row["Zona"] == "Oriente")
        #expect(row["Plan (Mbps)"] == "20")
        #expect(row["Precio"] == "350")
        #expect(row["Estado"] == "pendiente de instalación")
        #expect(row["Teléfono"] == "5214445550101")
        #expect(row["Canal"] == "WhatsApp")
        #expect(row["Chat ID"] == "5214445550101")
    }

    @Test func telegramAsksForThePhoneAndTakesASharedContact() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "4242")
        try await bot.send("hola quiero internet en el centro, el de 50", as: chat, profileName: "Marta Ruiz")
        let phone = try await bot.send(.text("sí"), as: chat)  // accepts the profile name
        #expect(phone.replies.first?.asksForPhone == true)
        let confirm = try await bot.send(.contact(phone: "+52 444 123 4567", name: "Marta", isOwn: true), as: chat)
        #expect(confirm.replies.first?.text.contains("444 123 4567") == true)
        try await bot.send("sí", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Nombre"] == "Marta Ruiz")
        #expect(row["Teléfono"] == "524441234567")
        #expect(row["Zona"] == "Centro")
        #expect(row["Plan (Mbps)"] == "50")
    }

    @Test func correctionsAtTheConfirmationChangeTheRow() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550102")
        try await bot.send("quiero contratar el de 20 en el sur", as: chat)
        try await bot.send("Ana Torres", as: chat)
        let reconfirm = try await bot.send("no, mejor el de 50", as: chat).joined()
        #expect(reconfirm.contains("50 Mbps, $450"))
        try await bot.send("sí", as: chat)
        let rows = try await bot.newRows(.clients)
        #expect(rows.count == 1)
        #expect(rows.first?["Plan (Mbps)"] == "50")
        #expect(rows.first?["Precio"] == "450")
        #expect(rows.first?["Nombre"] == "Ana Torres")
    }

    @Test func theSignupJustMadeIsSaidBackWhenAsked() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550109")
        try await bot.send("Alta de nuevo cliente: 1) Samuel Ibáñez Robles 2) Centro 3) cien megas", as: chat)
        try await bot.send("sí, adelante", as: chat)
        let recap = try await bot.send("Me repite los datos registrados, por favor: nombre, zona, plan y teléfono.", as: chat).joined()
        #expect(recap.contains("Samuel Ibáñez Robles") && recap.contains("Centro") && recap.contains("100 Mbps")
            && recap.contains("$600") && recap.contains("C-0031"))
        #expect(!recap.contains("solo para el personal"))
        #expect(try await bot.newRows(.clients).count == 1, "saying it back writes nothing more")
    }

    @Test func aSideQuestionDoesNotLoseTheFlow() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550103")
        try await bot.send("quiero contratar", as: chat)
        let aside = try await bot.send("y cuanto cuesta?", as: chat).joined(separator: "\n")
        #expect(aside.contains("$350") && aside.contains("¿en qué zona vives?"))
        let plan = try await bot.send("norte", as: chat).joined()
        #expect(plan.contains("¿Qué plan te interesa?"))
    }

    @Test func aZoneWithoutCoverageIsAProspectOnceTheyAgreeNotAClient() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550104")
        try await bot.send("quiero contratar el de 50", as: chat, profileName: "Pepe")
        let answer = try await bot.send("vivo en san isidro", as: chat).joined()
        #expect(answer.contains("no tenemos cobertura en San Isidro") && answer.contains("lista de espera"))
        // The list is offered: nothing is written until they give a name or say yes.
        #expect(try await bot.newRows(.prospects).isEmpty)
        try await bot.send("sí, apúnteme. soy Pepe Luna", as: chat)
        #expect(try await bot.newRows(.clients).isEmpty)
        let prospects = try await bot.newRows(.prospects)
        #expect(prospects.count == 1)
        #expect(prospects.first?["Nombre"] == "Pepe Luna")
        #expect(prospects.first?["Zona"] == "San Isidro")
        #expect(prospects.first?["Plan (Mbps)"] == "50")
        #expect(prospects.first?["Motivo"] == "sin cobertura")
    }

    @Test func anExistingClientIsNotSignedUpTwice() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("quiero contratar internet", as: SampleClients.chat("C-0030")).joined()
        #expect(reply.contains("Ya eres cliente") && reply.contains("C-0030"))
        #expect(try await bot.newRows(.clients).isEmpty)
    }

    @Test func aSignupInterruptedAfterTheZoneContinuesAfterARestart() async throws {
        var first = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550105")
        try await first.send("quiero contratar", as: chat)
        try await first.send("en el norte", as: chat)
        // A new process on the same data folder.
        var second = try await ConversationHarness(directory: first.scratch)
        second.clock = first.clock
        let confirm = try await second.send("el de 100", as: chat, profileName: "Rita").joined()
        #expect(confirm.contains("Rita"))
        try await second.send("sí", as: chat)
        let confirmText = try await second.send("sí", as: chat).joined()
        #expect(confirmText.contains("C-0031"))
        let row = try #require(try await second.newRows(.clients).first)
        #expect(row["Zona"] == "Norte" && row["Plan (Mbps)"] == "100")
    }

    @Test func anIdleSignupStartsOverAndIsKeptAsAProspect() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550106")
        try await bot.send("quiero contratar", as: chat)
        try await bot.send("en el centro", as: chat)
        let later = try await bot.send("hola", as: chat, after: 31 * 60).joined()
        #expect(later.contains("¿En qué te ayudo?"))
        let prospects = try await bot.newRows(.prospects)
        #expect(prospects.count == 1)
        #expect(prospects.first?["Motivo"] == "registro incompleto")
        #expect(prospects.first?["Zona"] == "Centro")
    }

    @Test func aNameAndAPhoneGivenInPiecesAreJoined() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "4343")
        try await bot.send("hola quiero internet en el sur, el de 20", as: chat, profileName: "Kar")
        let phone = try await bot.send(.text("me llamo Elena. Mis apellidos son Zúñiga Ruiz"), as: chat)
        #expect(phone.replies.first?.asksForPhone == true)
        let rest = try await bot.send("su cel es 444 71", as: chat).joined()
        #expect(!rest.contains("no te entendí"), "the first digits are kept, not misunderstood")
        let summary = try await bot.send("60442 perdón se me fue", as: chat).joined()
        #expect(summary.contains("444 716 0442") && summary.contains("Elena Zúñiga Ruiz"))
        try await bot.send("sí", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Nombre"] == "Elena Zúñiga Ruiz")
        #expect(row["Teléfono"]?.hasSuffix("4447160442") == true)
        #expect(row["Zona"] == "Sur")
    }
}

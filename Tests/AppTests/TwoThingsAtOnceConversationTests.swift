import AgentCore
import Fixtures
import Foundation
import Testing
@testable import App

/// Two things in one message, or a second thought right after the answer: the bill asked beside a failure, a plan chosen
/// beside a request for someone's number, a failure told beside it, a cancellation turned into a report, a place taken
/// back after the waiting list. Each part is answered, and the rows follow what the person meant.
@Suite struct TwoThingsAtOnceConversationTests {
    @Test func theBillAskedBesideAFailureIsAnsweredAndTheReportGoesOn() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0014")
        let first = try await bot.send("hi, quick question how much do I pay a month? also the wifi keeps cutting off since yesterday",
                                       as: chat).joined()
        #expect(first.contains("$450") && first.contains("C-0014"), "\(first)")
        #expect(first.contains("restart") || first.contains("since"), "\(first)")
        let done = try await bot.send("I unplugged it already, didn't help", as: chat).joined()
        #expect(done.contains("F-0005"), "\(done)")
        #expect(try await bot.newRows(.incidents).first?["Módem reiniciado"] == "sí")
    }

    @Test func aPlanChosenBesideSomeonesNumberIsTakenAndTheNumberRefused() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552201")
        let plans = try await bot.send("hola quiero poner internet en mi papeleria, estoy en el norte. cuanto sale?", as: chat).joined()
        // One list of the plans, in the question that asks for one.
        #expect(plans.components(separatedBy: "$450").count == 2, "\(plans)")
        let refused = try await bot.send("El de 100 me late. Y oiga, mi compadre Jorge Torres tiene con ustedes, me pasa su cel? "
                                         + "le quiero preguntar como le va", as: chat).joined()
        #expect(refused.contains("no puedo compartir") && !refused.contains("444"), "\(refused)")
        let summary = try await bot.send("ta bien. a nombre de Beatriz Olmos", as: chat).joined()
        #expect(summary.contains("100 Mbps") && summary.contains("Beatriz Olmos") && summary.contains("Norte"), "\(summary)")
        try await bot.send("si", as: chat)
        let row = try await bot.newRows(.clients).first
        #expect(row?["Nombre"] == "Beatriz Olmos" && row?["Plan (Mbps)"] == "100", "\(row ?? [:])")
    }

    @Test func aFailureToldBesideSomeonesAddressIsReported() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0022")
        let first = try await bot.send("oiga dos cosas: no tengo nada de internet desde anoche, y otra, me da la direccion de la "
                                       + "señora Leticia Gomez? le traigo un paquete", as: chat).joined()
        #expect(first.contains("no puedo compartir"), "\(first)")
        #expect(first.contains("reiniciaste"), "\(first)")
        let done = try await bot.send("no lo he reiniciado", as: chat).joined()
        #expect(done.contains("F-0005"), "\(done)")
        #expect(try await bot.newRows(.incidents).first?["Prioridad"] == "alta")
    }

    @Test func theRepairChosenWhileACancellationIsAskedIsReportedWithWhatWasToldBefore() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0026")
        try await bot.send("quiero dar de baja mi internet", as: chat)
        try await bot.send("es que llevo 2 dias sin nada de señal", as: chat)
        let chosen = try await bot.send("ok pues, mejor reportenlo a ver si lo arreglan. ya lo desconecte", as: chat).joined()
        #expect(chosen.contains("F-0005") && !chosen.contains("baja"), "\(chosen)")
        let report = try await bot.newRows(.incidents).first
        #expect(report?["Desde"]?.contains("2 dias") == true && report?["Módem reiniciado"] == "sí", "\(report ?? [:])")
        #expect(try await bot.rows(.clients).first { $0["ID"] == "C-0026" }?["Estado"] == "activo")
    }

    @Test func aPlaceTakenBackAfterTheWaitingListGoesOnWithTheSignUpThere() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552202")
        let listed = try await bot.send("buenas, soy Mateo Ibarra y quiero el de 50 en la loma", as: chat).joined()
        #expect(listed.contains("La Loma"), "\(listed)")
        let there = try await bot.send("uy perdon me equivoque, es en el Sur, la loma es donde vive mi suegra", as: chat).joined()
        #expect(there.contains("Sur") && !there.contains("Solo puedo ayudarte"), "\(there)")
        let done = try await bot.send("si confirmo", as: chat).joined()
        #expect(done.contains("C-0031"), "\(done)")
        let again = try await bot.send("si confirmo", as: chat).joined()
        #expect(!again.contains("¿En qué zona"), "\(again)")
        let row = try await bot.newRows(.clients).first
        #expect(row?["Zona"] == "Sur" && row?["Plan (Mbps)"] == "50", "\(row ?? [:])")
        // The list's row stays, saying why: the sheet is staff's, and a row is never taken out from under them.
        #expect(try await bot.newRows(.prospects).first?["Motivo"]?.contains("zona corregida: Sur") == true)
    }

    @Test func theWaitingListAskedAfterARefusalIsTheWritersOwn() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552203")
        try await bot.send("llegan a san isidro? y cuanto cuesta", as: chat)
        let refused = try await bot.send("oiga y don Sergio Medina ya tiene internet con ustedes? el del norte", as: chat).joined()
        #expect(refused.contains("no puedo compartir"), "\(refused)")
        let listed = try await bot.send("ta bueno, entonces apunteme en la lista de espera pa San Isidro", as: chat).joined()
        #expect(listed.contains("San Isidro") && !listed.contains("no puedo compartir") && !listed.contains("Norte sí"), "\(listed)")
        try await bot.send("Lucio Paredes", as: chat)
        let row = try await bot.newRows(.prospects).first
        #expect(row?["Zona"] == "San Isidro" && row?["Nombre"] == "Lucio Paredes", "\(row ?? [:])")
        #expect(try await bot.newRows(.clients).isEmpty)
    }

    @Test func theNameSaidWithTheQuestionIsTheListsWhenAskedFor() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552204")
        let offer = try await bot.send("hay servicio en la loma? si hay lo quiero, soy Ramiro Leal", as: chat).joined()
        #expect(offer.contains("La Loma") && !offer.contains("¿A nombre de quién"), "\(offer)")
        let saved = try await bot.send("y pa cuando? bueno anotame pa que me avisen", as: chat).joined()
        #expect(saved.contains("anoté") && !saved.contains("¿A nombre de quién"), "\(saved)")
        #expect(try await bot.newRows(.prospects).first?["Nombre"] == "Ramiro Leal")
    }

    @Test func theNextPlanTakenWithEseIsTheOneJustQuoted() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552205")
        try await bot.send("quiero contratar el mas barato", as: chat)
        let next = try await bot.send("y el que sigue cuanto sale?", as: chat).joined()
        #expect(next.contains("50 Mbps"), "\(next)")
        let summary = try await bot.send("mejor ese, el que sigue. en el centro, a nombre de Irene Solis", as: chat).joined()
        #expect(summary.contains("50 Mbps") && !summary.contains("100 Mbps"), "\(summary)")
    }
}

import AgentCore
import Testing
@testable import App

/// Incidents: priority by rule, no repeated questions, one row, the folio in the reply,
/// duplicates recognised, outages detected once.
@Suite struct IncidentConversationTests {
    @Test func aKnownClientReportsAnOutageInOneMessage() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0030")
        let first = try await bot.send("no tengo internet desde la mañana, ya reinicié el módem dos veces", as: chat).joined()
        #expect(first.contains("F-0005"))
        #expect(!first.contains("reiniciar") && !first.contains("desconectar el módem"), "never tell someone who restarted to restart")

        let rows = try await bot.newRows(.incidents)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["Folio"] == "F-0005")
        #expect(row["Prioridad"] == "alta")
        #expect(row["Estado"] == "abierto")
        #expect(row["Cliente ID"] == "C-0030")
        #expect(row["Zona"] == "Norte")
        #expect(row["Módem reiniciado"] == "sí")
        #expect(row["Desde"] == "la mañana")
        #expect(row["Descripción"]?.contains("no tengo internet") == true)

        let again = try await bot.send("no tengo internet desde la mañana, ya reinicié el módem dos veces", as: chat, after: 60).joined()
        #expect(again.contains("F-0005") && again.contains("atendiendo"))
        #expect(try await bot.newRows(.incidents).count == 1, "the same report a minute later is not a second incident")
    }

    @Test func onlyMissingQuestionsAreAskedAndTheRestartTipOnlyWhenNotRestarted() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0001")
        let ask = try await bot.send("el internet esta muy lento", as: chat).joined()
        #expect(ask.contains("¿desde cuándo") && ask.contains("reiniciaste"))
        let modem = try await bot.send("desde ayer en la noche", as: chat).joined()
        #expect(modem.contains("reiniciaste") && !modem.contains("¿Desde cuándo"))
        let done = try await bot.send("no", as: chat).joined(separator: "\n")
        #expect(done.contains("F-0005") && done.contains("desconectar el módem 30 segundos"))
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Prioridad"] == "media")
        #expect(row["Desde"] == "ayer en la noche")
        #expect(row["Módem reiniciado"] == "no")
    }

    @Test func lowPriorityRequestsSkipTheDiagnosis() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("olvide la contraseña del wifi, me ayudan a cambiarla?", as: SampleClients.chat("C-0004")).joined()
        #expect(reply.contains("F-0005"))
        #expect(try await bot.newRows(.incidents).first?["Prioridad"] == "baja")
    }

    @Test func anUnknownCallerIsAskedZoneAndName() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "31337")
        #expect(try await bot.send("no hay internet, ya lo reinicie", as: chat).joined().contains("¿en qué zona estás?"))
        #expect(try await bot.send("sur", as: chat).joined().contains("¿A nombre de quién"))
        #expect(try await bot.send("Pedro Páramo", as: chat).joined().contains("¿Desde cuándo"))
        #expect(try await bot.send("desde hace 2 horas", as: chat).joined().contains("F-0005"))
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Nombre"] == "Pedro Páramo" && row["Zona"] == "Sur" && row["Cliente ID"] == "")
        #expect(row["Desde"] == "hace 2 horas" && row["Módem reiniciado"] == "sí")
    }

    @Test func threeReportsInOneZoneAreAnOutageAlertedOnce() async throws {
        var bot = try await ConversationHarness()
        let north = ["C-0002", "C-0010", "C-0014", "C-0018"]  // all in Norte
        var alerts: [StaffAlert] = []
        for (i, id) in north.enumerated() {
            let result = try await bot.send(.text("sin internet desde hace una hora, la luz LOS esta en rojo, ya reinicie"), as: SampleClients.chat(id), after: 120)
            for case .alertStaff(let alert) in result.effects { alerts.append(alert) }
            if i == 3 {
                #expect(result.replies.first?.text.contains("falla general en Norte") == true)
            }
        }
        let outages = alerts.filter { $0.kind == .outage }
        #expect(outages.count == 1)
        #expect(outages.first?.text.contains("Norte") == true)
        let rows = try await bot.newRows(.incidents)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0["Prioridad"] == "alta" })
    }

    @Test func statusShowsOnlyTheCallersOwnIncidents() async throws {
        var bot = try await ConversationHarness()
        // F-0002 belongs to C-0007; C-0008 asks about it.
        let other = try await bot.send("como va el folio F-0002?", as: SampleClients.chat("C-0008")).joined()
        #expect(other.contains("No encuentro el folio F-0002"))
        #expect(!other.contains("lento"))
        let own = try await bot.send("como va el folio F-0002?", as: SampleClients.chat("C-0007")).joined()
        #expect(own.contains("en proceso"))
        let none = try await bot.send("como va mi reporte", as: ChatRef(.telegram, "555")).joined()
        #expect(none.contains("No tienes reportes abiertos"))
    }

    @Test func aFailureAtAHouseWithAnotherCompanyIsNoReport() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0001")
        let asked = try await bot.send("fíjese que en casa de mi mamá no hay internet desde ayer", as: chat).joined()
        #expect(asked.contains("reiniciaste"))
        let told = try await bot.send("ay perdón, ya vi que el módem dice TELMEX, el de ella no es con ustedes", as: chat).joined()
        #expect(told.contains("otra compañía"))
        let prices = try await bot.send("¿y cuánto le saldría si se cambia con ustedes?", as: chat).joined()
        #expect(prices.contains("$350") && prices.contains("$450"))
        #expect(try await bot.newRows(.incidents).isEmpty, "no report is written for another company's line")
    }

    @Test func aClientReportingForARelativesOwnAccountFilesItUnderThatAccount() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0025")
        try await bot.send("buenas en casa de mi suegra anda bien lento el internet", as: chat)
        try await bot.send("ella es clienta tambien pero es otra cuenta, Teresa Castro, vive en la sur", as: chat)
        try await bot.send("desde el sabado mas o menos", as: chat)
        let done = try await bot.send("no, ella no le mueve a nada, no lo a desconectado", as: chat).joined()
        #expect(done.contains("F-0005"))
        #expect(!done.contains("C-0027"), "the relative's account number is not said back")
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Zona"] == "Sur")
        #expect(row["Cliente ID"] == "C-0027")
        #expect(row["Módem reiniciado"] == "no")
    }
}

import AgentCore
import Testing
@testable import App

/// What the twenty-seventh round's writers showed: people who go and check before anything is written, a question at the
/// summary that is no yes, staff naming a client before saying what fails, and the ways a neighbour's data is asked for
/// (or only seems to be).
@Suite struct WaitAndCheckConversationTests {
    @Test func aModemFoundUnpluggedAndWorkingAgainWritesNoReport() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0004")
        try await bot.send("no hay internet 😡😡 y los niños dicen q ellos no le movieron a nada", as: chat)
        try await bot.send("desde hace rato, como media hora", as: chat)
        let looking = try await bot.send("espere voy a ver el mode… AAAY estaba desconectado 😡 ya lo conecte, deje ver si prende", as: chat)
            .joined()
        #expect(!looking.contains("F-0"), "\(looking)")
        let back = try await bot.send("ya jala!! perdon por la molestia 🙏 no levante nada ya quedo", as: chat).joined()
        #expect(!back.contains("F-0") && !back.contains("le avisé a una persona"), "\(back)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aPriceCheckedAtTheSummaryIsNoYes() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552701")
        try await bot.send("Contratamos el más rápido. Datos: 1) Nombre: Alfredo Rivas Salinas; 2) Zona: Centro; 3) Plan: 100 Mbps.", as: chat)
        let lowered = try await bot.send("Una corrección antes de confirmar: pensándolo bien, el de 100 Mbps excede lo que necesita el consultorio. Que sea el de 50 Mbps, por favor.",
                                         as: chat).joined()
        #expect(lowered.contains("50 Mbps, $450"), "\(lowered)")
        let checked = try await bot.send("¿Es correcto que ese plan cuesta $450 al mes? ¿El precio ya incluye IVA?", as: chat).joined()
        #expect(!checked.contains("C-0031"), "\(checked)")
        #expect(try await bot.newRows(.clients).isEmpty)
        try await bot.send("Sí, confirmo.", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Plan (Mbps)"] == "50" && row["Nombre"] == "Alfredo Rivas Salinas")
    }

    @Test func aNameRespeltAtTheSummaryIsFixedNotConfirmed() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445552702")
        try await bot.send("quiero contratar pa mi abuela en el sur, el de 20", as: chat)
        try await bot.send("su nombre es Antonio Treviño Salazar", as: chat)
        let fixed = try await bot.send("ANTONIA con a perdon 🤦‍♀️ fue el corrector", as: chat).joined()
        #expect(fixed.contains("Antonia Treviño Salazar") && !fixed.contains("C-0031"), "\(fixed)")
        try await bot.send("si, asi esta bien", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Nombre"] == "Antonia Treviño Salazar")
    }

    @Test func staffNamingAClientFirstAreAskedWhatFailsBeforeAnyRow() async throws {
        var bot = try await ConversationHarness()
        let staff = ChatRef(.telegram, "9001")
        let asked = try await bot.send("levanta reporte pal sr hector jimenes de norte, esta aqui conmigo", as: staff, role: .staff).joined()
        #expect(!asked.contains("F-0"), "\(asked)")
        #expect(try await bot.newRows(.incidents).isEmpty)
        try await bot.send("no tiene nada de internet, sin LOS, el vecino puso una lona y le tapo la linea de vista", as: staff, role: .staff)
        let filed = try await bot.send("desde el sabado dice el. y si ya reiniciamos todo, antena y router", as: staff, role: .staff).joined()
        #expect(filed.contains("C-0022"), "\(filed)")
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Cliente ID"] == "C-0022" && row["Prioridad"] == "alta" && row["Módem reiniciado"] == "sí")
    }

    @Test func aNeighboursOutageOrAccountIsRefusedButHowTheyGotOurNumberIsNot() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0021")
        let neighbours = try await bot.send("¿Me podría decir qué otros vecinos de la calle Hidalgo también se quedaron sin servicio?", as: chat)
            .joined()
        #expect(neighbours.contains("no puedo compartir datos de otras personas"), "\(neighbours)")
        let stranger = ChatRef(.whatsapp, "5214445552703")
        let named = try await bot.send("buenas, una pregunta, jorge alberto torres es cliente de ustedes? me dejo una camioneta", as: stranger)
            .joined()
        #expect(named.contains("no puedo compartir datos de otras personas") && !named.contains("Norte"), "\(named)")
        let newcomer = ChatRef(.whatsapp, "5214445552704")
        let prices = try await bot.send("Buenas tardes joven, me paso su numero la señora de la tortilleria. Tengo mi tiendita en el Centro. Cuanto cuestan sus paquetes de internet?",
                                        as: newcomer).joined()
        #expect(prices.contains("$350") && !prices.contains("no puedo compartir"), "\(prices)")
    }
}

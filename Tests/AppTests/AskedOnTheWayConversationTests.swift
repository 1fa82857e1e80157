import AgentCore
import Fixtures
import Foundation
import Testing
@testable import App

/// Questions asked on the way to something else, and what a place or a name said in passing really is: which plan suits a
/// business, a static IP asked before signing up, the place taken back in the same sentence, a report asked about that
/// does not exist, a holder to change, a surname mended, a relative's name relayed. Each gets its answer, and only what
/// was meant is written.
@Suite struct AskedOnTheWayConversationTests {
    @Test func whichPlanSuitsABusinessIsAPlansQuestionAndCountsAreNoSpeeds() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553301")
        try await bot.send("buenas tardes, vamos a abrir una fonda y queremos saber precios", as: chat)
        let compared = try await bot.send("cual nos conviene, el de 50 o el de 100? se conectan como 20 personas a la vez", as: chat).joined()
        #expect(compared.contains("50 Mbps") && compared.contains("100 Mbps") && !compared.contains("20 Mbps"), "\(compared)")
        #expect(!compared.contains("falla"), "\(compared)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aStaticIPAskedBeforeSigningUpIsNoReportAndTheFirstPlaceIsNoPlan() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553302")
        let plans = try await bot.send("Hello, I'm moving to town and I stream a lot. I need good upload and low latency. Do you offer "
                                       + "a static IP?", as: chat).joined()
        #expect(plans.contains("$450") && !plans.contains("technician"), "\(plans)")
        let place = try await bot.send("The first apartment I'm looking at is in Sur", as: chat).joined()
        #expect(place.contains("Sur") && !place.contains("The 20 Mbps plan"), "\(place)")
        let other = try await bot.send("Wait, it's in La Loma, not Sur. Do you cover that?", as: chat).joined()
        #expect(other.contains("La Loma") && !other.contains("we cover Sur"), "\(other)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aReportAskedAboutThatIsNotThereIsToldWithTheBill() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0018")
        let answer = try await bot.send("oiga como va eso de mi internet que se pone lento en las tardes? y de paso cuanto estoy pagando",
                                        as: chat).joined()
        #expect(answer.contains("No tienes reportes abiertos") && answer.contains("$450"), "\(answer)")
    }

    @Test func numberedQuestionsBesideANeighboursAccountAreEachAnswered() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0013")
        let first = try await bot.send("Buen día.\n1) ¿Tengo algún reporte abierto?\n2) ¿Mi vecino Raúl Herrera también es cliente de "
                                       + "ustedes?", as: chat).joined()
        #expect(first.contains("no puedo compartir") && first.contains("No tienes reportes abiertos"), "\(first)")
        #expect(!first.contains("Oriente"), "\(first)")
        let second = try await bot.send("Entiendo.\n1) ¿Cuánto es lo que pago?\n2) Quisiera hablar con una persona para un descuento.",
                                        as: chat).joined()
        #expect(second.contains("$350") && second.contains("una persona del equipo"), "\(second)")
    }

    @Test func howANeighboursServiceGoesIsRefusedInEnglishToo() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.telegram, "7705553303")
        let refused = try await bot.send("My neighbour Patricia Flores is with you. Could you tell me what speed she actually gets and "
                                         + "whether she's had outages?", as: chat).joined()
        #expect(refused.contains("can't share") && !refused.contains("100"), "\(refused)")
    }

    @Test func theHoldersChangeAskedBesideAFailureCallsAPerson() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0025")
        let first = try await bot.send("buenas, le escribo del cel de mi papá que ya falleció. no hay internet, el foco rojo prendido. "
                                       + "y tambien como le hago para que el contrato quede a mi nombre", as: chat).joined()
        #expect(first.contains("una persona del equipo"), "\(first)")
        #expect(first.contains("reiniciaste") || first.contains("desde cuándo"), "\(first)")
    }

    @Test func aSurnameMendedAfterTheListTookItChangesTheRow() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553304")
        try await bot.send("mi prima quiere internet, vive en san isidro", as: chat)
        try await bot.send("ok apuntala, se llama Karla Rivas Soto", as: chat)
        try await bot.send("ay no, perdon, su apellido es Rivas Peña", as: chat)
        let row = try await bot.newRows(.prospects).first
        #expect(row?["Nombre"] == "Karla Rivas Peña" && row?["Zona"] == "San Isidro", "\(row ?? [:])")
        #expect(try await bot.newRows(.prospects).count == 1)
    }

    @Test func aRelativesYesRelayedAfterAskingAtHomeGoesOnTheList() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553305")
        let news = try await bot.send("hola mi abuela quiere internet, vive en la loma, si llegan?", as: chat).joined()
        #expect(news.contains("La Loma"), "\(news)")
        let wait = try await bot.send("ah ok espera le pregunto a mi ma si le dejamos el nombre", as: chat).joined()
        #expect(!wait.contains("Si necesitas algo más"), "\(wait)")
        let listed = try await bot.send("dice q si, se llama Petra Olvera. y q cuanto cuesta el mas barato", as: chat).joined()
        #expect(listed.contains("$350"), "\(listed)")
        let row = try await bot.newRows(.prospects).first
        #expect(row?["Nombre"] == "Petra Olvera" && row?["Zona"] == "La Loma", "\(row ?? [:])")
    }

    @Test func aSignUpPutOffKeepsTheListAskedInTheSameMessage() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553306")
        let both = try await bot.send("Buenas tardes. Queremos contratar internet para la tienda, que está en el Centro, y para la bodega, "
                                      + "que está en el Norte. ¿Tienen cobertura en los dos lugares?", as: chat).joined()
        #expect(both.contains("Centro") && both.contains("Norte"), "\(both)")
        let putOff = try await bot.send("Gracias. Por ahora no contrataré nada, lo platico con mi socio. Pero avísenme cuando lleguen a "
                                        + "San Isidro, a nombre de Esteban Ruelas.", as: chat).joined()
        #expect(putOff.contains("San Isidro") && !putOff.contains("¿Qué plan"), "\(putOff)")
        let bye = try await bot.send("Se lo agradezco mucho. Bendiciones.", as: chat).joined()
        #expect(!bye.contains("Solo puedo ayudarte") && !bye.contains("no te entendí"), "\(bye)")
        #expect(try await bot.newRows(.clients).isEmpty)
        #expect(try await bot.newRows(.prospects).first?["Nombre"] == "Esteban Ruelas")
    }

    @Test func aModemThatSmellsBurntIsUrgentAndNeverToldToRestart() async throws {
        var bot = try await ConversationHarness()
        let chat = SampleClients.chat("C-0016")
        let first = try await bot.send("auxilio el modem hace un zumbido y huele a quemado, lo desconecto??", as: chat).joined()
        #expect(first.contains("deja el módem desconectado"), "\(first)")
        let filed = try await bot.send("ya lo desconecte, empezo hace una hora", as: chat).joined()
        #expect(filed.contains("F-0005") && !filed.contains("prueba desconectar"), "\(filed)")
        let row = try await bot.newRows(.incidents).first
        #expect(row?["Prioridad"] == "alta", "\(row ?? [:])")
        let today = try await bot.send("entonces si viene alguien hoy? no lo quiero volver a conectar", as: chat).joined()
        #expect(today.contains("una persona del equipo"), "\(today)")
    }

    @Test func questionsBeforeSigningUpAreAnsweredAndNoReportIsWritten() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553307")
        try await bot.send("buenas, tienen cobertura en el Oriente?", as: chat)
        let install = try await bot.send("¿y cuanto tardan en venir a instalar?", as: chat).joined()
        #expect(install.contains("24 horas") && !install.contains("reportes"), "\(install)")
        let weather = try await bot.send("otra pregunta, si llueve fuerte se va el internet? como es por antena", as: chat).joined()
        #expect(weather.contains("lluvia") && !weather.contains("Lamento la falla"), "\(weather)")
        let place = try await bot.send("ok. mi casa esta en el Oriente, por la secundaria", as: chat).joined()
        #expect(place.contains("Oriente"), "\(place)")
        #expect(try await bot.newRows(.incidents).isEmpty)
    }

    @Test func aRelativeWhoIsAClientIsReportedForNotRefused() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553308")
        let first = try await bot.send("Buenas noches. Le escribo por mi suegra Verónica Sánchez, que es clienta de ustedes en el Sur. "
                                       + "No tiene nada de internet desde la mañana, su número de cliente es C-0007.", as: chat).joined()
        #expect(!first.contains("no puedo compartir"), "\(first)")
        let filed = try await bot.send("no, no lo ha reiniciado", as: chat).joined()
        #expect(filed.contains("F-0005"), "\(filed)")
        #expect(try await bot.newRows(.incidents).first?["Cliente ID"] == "C-0007")
    }

    @Test func theNextPlanTakenInEnglishSlangStartsTheSignUp() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445553309")
        try await bot.send("hey mate, I'm in Norte, how much is the 50?", as: chat)
        let taken = try await bot.send("nah I'll go the 100 mate", as: chat).joined()
        #expect(taken.contains("100 Mbps") && taken.contains("Norte") && !taken.contains("I can only help"), "\(taken)")
    }
}

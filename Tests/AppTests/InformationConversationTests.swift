import AgentCore
import Testing
@testable import App

/// Menu, prices and coverage: answers read from the Planes and Zonas tabs.
@Suite struct InformationConversationTests {
    @Test func greetingPricesAndCoverage() async throws {
        var bot = try await ConversationHarness()
        let hello = try await bot.send("hola")
        #expect(hello.count == 1)
        #expect(hello[0].contains("Contratar") && hello[0].contains("Reportar falla") && hello[0].contains("Hablar con alguien"))

        let prices = try await bot.send("cuánto cuesta el internet?")
        let text = prices.joined(separator: "\n")
        #expect(text.contains("20 Mbps: $350"))
        #expect(text.contains("50 Mbps: $450"))
        #expect(text.contains("100 Mbps: $600"))

        let result = try await bot.send(.text("y llegan a la colonia Sur?"))
        #expect(result.replies.count == 1)
        #expect(result.replies[0].text.contains("Sí") && result.replies[0].text.contains("Sur"))
        #expect(result.replies[0].quickReplies.contains { $0.id == "menu:register" }, "offers to sign up")
        #expect(try await bot.newRows(.prospects).isEmpty)
    }

    @Test func pricesComeFromTheSheetNotFromCode() async throws {
        var bot = try await ConversationHarness()
        // Staff add a plan to the Planes tab; the next answer lists it.
        _ = try await bot.runtime.store.workbookAppend(.plans, rows: [(key: nil, cells: ["Ultra 200", "200", "990", ""])])
        try await bot.runtime.refreshCache()
        let reply = try await bot.send("que planes tienen").joined()
        #expect(reply.contains("200 Mbps: $990"))
        #expect(reply.contains("20 Mbps: $350"))
    }

    @Test func coverageWithoutZoneAsksAndAnswers() async throws {
        var bot = try await ConversationHarness()
        let ask = try await bot.send("tienen cobertura?").joined()
        #expect(ask.contains("Centro") && ask.contains("Norte") && !ask.contains("La Loma"))
        let no = try await bot.send("La Loma").joined()
        #expect(no.contains("no tenemos cobertura en La Loma"))
        let saved = try await bot.send("sí").joined()
        #expect(saved.contains("anoté"))
        let prospects = try await bot.newRows(.prospects)
        #expect(prospects.count == 1)
        #expect(prospects.first?["Zona"] == "La Loma")
        #expect(prospects.first?["Motivo"] == "sin cobertura")
    }

    @Test func locationPinInsideAndOutsideCoverage() async throws {
        var bot = try await ConversationHarness()
        let inside = try await bot.send(.location(GeoPoint(latitude: 22.1352, longitude: -100.9801)))
        #expect(inside.replies.first?.text.contains("Sur") == true)
        let outside = try await bot.send(.location(GeoPoint(latitude: 23.0, longitude: -99.0)), as: ChatRef(.whatsapp, "5214449990000"))
        #expect(outside.replies.first?.text.contains("fuera de nuestra cobertura") == true)
        let prospects = try await bot.newRows(.prospects)
        #expect(prospects.count == 1)
        #expect(prospects.first?["Notas"]?.contains("23.00000, -99.00000") == true)
        #expect(prospects.first?["Teléfono"] == "5214449990000")
    }

    @Test func englishSpeakersGetEnglish() async throws {
        var bot = try await ConversationHarness()
        let reply = try await bot.send("Hi, how much is the internet per month?").joined()
        #expect(reply.contains("These are our internet plans"))
        #expect(reply.contains("$450 a month"))
    }

    @Test func voiceNotesAndPicturesGetAPoliteAnswer() async throws {
        var bot = try await ConversationHarness()
        let voice = try await bot.send(.media(.voice))
        #expect(voice.replies.first?.text.contains("notas de voz") == true)
        let photo = try await bot.send(.media(.image))
        #expect(photo.replies.first?.text.contains("imagen") == true)
    }
}

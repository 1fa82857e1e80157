import AgentCore
import Testing
@testable import App

/// Garbled or hostile text gets a polite reply, nothing crashes, and what is stored is inert.
@Suite struct BadInputTests {
    @Test(arguments: [
        "", "   ", String(repeating: "a", count: 10_000), "\u{0}\u{1B}[31m\u{7}hola\u{8}", "😀😀🔥🔥🙏",
        "'; DROP TABLE sessions; --", "<script>alert(1)</script>", "\u{202E}gnp.exe", "🏳️‍🌈👨‍👩‍👧‍👦",
    ])
    func anyTextGetsAPoliteReply(_ text: String) async throws {
        var bot = try await ConversationHarness()
        let replies = try await bot.send(text)
        #expect(replies.count >= 1)
        #expect(replies.allSatisfy { !$0.isEmpty && $0.count <= 800 })
        // The store still works after it.
        #expect(!(try await bot.send("hola")).isEmpty)
    }

    @Test func aFormulaAsANameIsStoredInert() async throws {
        var bot = try await ConversationHarness()
        let chat = ChatRef(.whatsapp, "5214445550200")
        try await bot.send("quiero contratar el de 50 en el centro", as: chat)
        try await bot.send("=HYPERLINK(\"http://x\",\"click\")", as: chat)
        try await bot.send("sí", as: chat)
        let row = try #require(try await bot.newRows(.clients).first)
        #expect(row["Nombre"]?.hasPrefix("'=") == true)
    }

    @Test func incidentTextIsStoredInertAndWithoutControlCharacters() async throws {
        var bot = try await ConversationHarness()
        try await bot.send("=IMPORTXML(\"http://x\",\"//a\") no tengo internet\u{0}\n\tdesde ayer, ya reinicie", as: SampleClients.chat("C-0001"))
        let row = try #require(try await bot.newRows(.incidents).first)
        let description = try #require(row["Descripción"])
        #expect(description.hasPrefix("'=IMPORTXML"))
        #expect(!description.contains { $0.isNewline || $0 == "\t" || $0 == "\u{0}" })
    }

    @Test func repliesRespectTheLengthLimitAndEndAtASentence() async throws {
        var bot = try await ConversationHarness(environment: ["MAX_RESPONSE_LENGTH": "120"])
        let replies = try await bot.send("hola")
        for reply in replies {
            #expect(reply.count <= 120)
            #expect(reply.hasSuffix(".") || reply.hasSuffix("?") || reply.hasSuffix("!") || reply.hasSuffix(":") || reply.hasSuffix("…"))
        }
    }

    @Test func emojisCanBeTurnedOff() async throws {
        var bot = try await ConversationHarness(environment: ["ENABLE_EMOJIS": "false"])
        let reply = try await bot.send("hola").joined()
        #expect(!reply.unicodeScalars.contains { $0.properties.isEmojiPresentation })
        #expect(reply.contains("¡Hola!"))
    }
}

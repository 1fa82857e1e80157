import Emulators
import Foundation
import Testing

extension EndToEnd {
/// Voice notes: transcribed by Gemini when it is configured and answered as the same words
/// typed; without Gemini, a polite request to write.
@Suite struct VoiceNoteTests {
    func gemini() async throws -> GeminiEmulator {
        let emulator = GeminiEmulator()
        try await emulator.start()
        emulator.when("Transcribe", answer: .text("no tengo internet desde ayer en el centro, ya reinicié el módem"))
        emulator.setDefaultAnswer(.maxTokensNoParts)  // understanding and phrasing fall back to the rules
        return emulator
    }

    @Test func aTelegramVoiceNoteIsHeardAndAnswered() async throws {
        let gemini = try await gemini()
        let telegram = TelegramEmulator()
        try await telegram.start()
        let user = TelegramEmulator.User(id: 6_001, firstName: "Rosa")
        let launcher = LauncherProcess(environment: [
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.baseURL, "MESSAGING_HOST": "127.0.0.1",
            "MESSAGING_PORT": String(freePort()), "GEMINI_API_KEY": gemini.apiKey, "GEMINI_API_BASE": gemini.baseURL,
        ])
        let bot = try launcher.start(["--mode", "telegram"])
        defer { Task { _ = await bot.stop() } }
        telegram.sendVoice(from: user)
        #expect(await eventually { telegram.messages(to: user.id).count == 1 })
        let reply = try #require(telegram.messages(to: user.id).first?.text)
        #expect(reply.hasPrefix("Escuché: «no tengo internet desde ayer en el centro"))
        #expect(reply.contains("F-0005"), "the heard words opened the incident")
        let audio = try #require(gemini.requests.first { $0.body.contains("inlineData") })
        #expect(audio.body.contains("audio/ogg"))
    }

    @Test func aWhatsAppVoiceNoteIsHeardAndWithoutGeminiPolitelyRefused() async throws {
        let gemini = try await gemini()
        let whatsapp = WhatsAppEmulator()
        try await whatsapp.start()
        let maria = WhatsAppEmulator.Contact(waID: "5214441239999", name: "María")
        let port = freePort()
        var environment = [
            "WHATSAPP_PHONE_NUMBER_ID": whatsapp.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": whatsapp.accessToken,
            "WHATSAPP_APP_SECRET": whatsapp.appSecret, "WHATSAPP_API_BASE": whatsapp.baseURL,
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(port),
            "GEMINI_API_KEY": gemini.apiKey, "GEMINI_API_BASE": gemini.baseURL,
        ]
        var launcher = LauncherProcess(environment: environment)
        let bot = try launcher.start(["--mode", "whatsapp"])
        whatsapp.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        #expect(await eventually { (try? await whatsapp.sendMedia("voice", from: maria).status) == 200 })
        #expect(await eventually { whatsapp.messages(to: maria.waID).count == 1 })
        #expect(whatsapp.messages(to: maria.waID).first?.text?.hasPrefix("Escuché: «no tengo internet") == true)
        _ = await bot.stop()

        environment["GEMINI_API_KEY"] = nil
        launcher = LauncherProcess(environment: environment)
        let plain = try launcher.start(["--mode", "whatsapp"])
        defer { Task { _ = await plain.stop() } }
        let other = WhatsAppEmulator.Contact(waID: "5214441238888", name: "Luis")
        #expect(await eventually { (try? await whatsapp.sendMedia("voice", from: other).status) == 200 })
        #expect(await eventually { whatsapp.messages(to: other.waID).count == 1 })
        #expect(whatsapp.messages(to: other.waID).first?.text?.contains("notas de voz") == true)
    }
}
}

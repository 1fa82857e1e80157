import AsyncHTTPClient
import Emulators
import Foundation
import Testing

extension EndToEnd {
/// A customer who asks for a person talks to one (issue 12): the real `launcher --mode auto`
/// against the Telegram and WhatsApp emulators, staff and customers on both channels.
@Suite struct RelayLauncherTests {
    let ana = TelegramEmulator.User(id: 8_101, firstName: "Ana")
    let beto = TelegramEmulator.User(id: 8_102, firstName: "Beto")
    let pedro = TelegramEmulator.User(id: 8_201, firstName: "Pedro")
    let maria = WhatsAppEmulator.Contact(waID: "5214441112299", name: "María")
    let carla = WhatsAppEmulator.Contact(waID: "5214449990001", name: "Carla")
    let juan = TelegramEmulator.User(id: 8_202, firstName: "Juan")

    @Test func customersOnBothChannelsTalkToThePersonWhoTookThem() async throws {
        let telegram = TelegramEmulator(), whatsApp = WhatsAppEmulator()
        try await telegram.start()
        try await whatsApp.start()
        let port = freePort()
        let launcher = LauncherProcess(environment: [
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.baseURL,
            "WHATSAPP_PHONE_NUMBER_ID": whatsApp.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": whatsApp.accessToken,
            "WHATSAPP_APP_SECRET": whatsApp.appSecret, "WHATSAPP_VERIFY_TOKEN": "v", "WHATSAPP_API_BASE": whatsApp.baseURL,
            "STAFF_TELEGRAM_IDS": "\(ana.id),\(beto.id)", "STAFF_WHATSAPP_NUMBERS": carla.waID,
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(port),
        ])
        let bot = try launcher.start(["--mode", "auto"])
        defer { Task { _ = await bot.stop() } }
        whatsApp.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        #expect(await eventually { await WhatsAppLauncherTests.healthy(port) })
        // Staff wrote to the bot once (Telegram and WhatsApp only let it answer people who did).
        telegram.sendCommand("/start", from: ana)
        telegram.sendCommand("/start", from: beto)
        try await whatsApp.sendText("hola", from: carla)
        #expect(await eventually { telegram.messages(to: ana.id).count == 1 && telegram.messages(to: beto.id).count == 1 })

        // María (WhatsApp) asks for a person; both Telegram staff get the alert with «Atender».
        try await whatsApp.sendText("necesito hablar con una persona, urge", from: maria)
        #expect(await eventually { telegram.messages(to: beto.id).contains { $0.text.contains("María") } })
        let alert = try #require(telegram.messages(to: ana.id).last { $0.text.contains("María") })
        #expect(alert.replyMarkupJSON?.contains("take:whatsapp:\(maria.waID)") == true)

        // Ana takes it; Beto is told; María is told; then both ways.
        telegram.pressButton(data: "take:whatsapp:\(maria.waID)", onMessage: alert.messageID, from: ana)
        #expect(await eventually { telegram.messages(to: ana.id).last?.text.contains("Atiendes a María") == true })
        #expect(await eventually { telegram.messages(to: beto.id).last?.text.contains("Ana ya atiende a María") == true })
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.text?.contains("soy Ana") == true })
        telegram.sendText("tomar whatsapp:\(maria.waID)", from: beto)
        #expect(await eventually { telegram.messages(to: beto.id).last?.text.contains("ya lo atiende Ana") == true }, "two staff, one chat")
        try await whatsApp.sendText("no tengo señal desde ayer", from: maria)
        #expect(await eventually { telegram.messages(to: ana.id).last?.text.contains("no tengo señal desde ayer") == true })
        telegram.sendText("Hola María, ahorita reviso tu antena.", from: ana)
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.text == "Hola María, ahorita reviso tu antena." })

        // Ana takes Juan too; with two chats, a reply to María's relayed message goes to María.
        telegram.sendText("pásame con alguien por favor", from: juan)
        #expect(await eventually { telegram.messages(to: ana.id).contains { $0.text.contains("Juan") } })
        telegram.sendText("tomar telegram:\(juan.id)", from: ana)
        #expect(await eventually { telegram.messages(to: juan.id).last?.text.contains("soy Ana") == true })
        let relayed = try #require(telegram.messages(to: ana.id).last { $0.text.contains("no tengo señal desde ayer") })
        telegram.replyText("Ya vi tu antena, María: mañana pasa el técnico.", to: relayed.messageID, from: ana)
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.text == "Ya vi tu antena, María: mañana pasa el técnico." })
        #expect(!telegram.messages(to: juan.id).contains { $0.text.contains("antena") }, "not to the other chat")

        // Pedro (Telegram) asks for a person; Carla (WhatsApp staff) takes him by command.
        telegram.sendText("quiero hablar con un asesor", from: pedro)
        #expect(await eventually { whatsApp.messages(to: carla.waID).contains { $0.text?.contains("Pedro") == true } })
        try await whatsApp.sendText("tomar telegram:\(pedro.id)", from: carla)
        #expect(await eventually { telegram.messages(to: pedro.id).last?.text.contains("soy Carla") == true })
        telegram.sendText("¿cuánto tarda la instalación?", from: pedro)
        #expect(await eventually { whatsApp.messages(to: carla.waID).last?.text?.contains("¿cuánto tarda la instalación?") == true })
        try await whatsApp.sendText("Dos días hábiles, Pedro.", from: carla)
        #expect(await eventually { telegram.messages(to: pedro.id).last?.text == "Dos días hábiles, Pedro." })

        // Released: back to the bot.
        telegram.sendText("liberar #8202", from: ana)
        #expect(await eventually { telegram.messages(to: juan.id).last?.text.contains("asistente automático") == true })
        telegram.sendText("liberar", from: ana)
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.text?.contains("asistente automático") == true })
        try await whatsApp.sendText("cuánto cuesta el de 50?", from: maria)
        #expect(await eventually { whatsApp.messages(to: maria.waID).last?.text?.contains("$450") == true }, "the bot answers again")
    }
}
}

import AgentCore
import AsyncHTTPClient
import Emulators
import Foundation
import Testing

extension EndToEnd {
/// Who is who, and what the server exposes (issue 15), through the real launcher.
@Suite struct IdentityTests {
    @Test func aTypedNumberNeverLinksAnotherPersonsRows() async throws {
        let launcher = LauncherProcess()
        let attacker = ["--mode", "console", "--channel", "telegram", "--user", "700100", "--name", "Pedro"]
        let victim = ["--mode", "console", "--channel", "whatsapp", "--user", "5214447778899", "--name", "Vicky"]
        // On Telegram, someone signs up typing the victim's WhatsApp number as theirs.
        let signup = try await launcher.run(attacker, input: "quiero contratar el de 50 en el centro, soy Pedro Malo\n444 777 8899\nsí\n")
        #expect(signup.replies.last?.contains("C-0031") == true, "\(signup.replies)")
        let clients = try await launcher.export("clients")
        #expect(clients.last?["Teléfono"] == "4447778899" && clients.last?["Notas"]?.contains("sin verificar") == true)

        // The real owner of the number writes on WhatsApp: a stranger to the bot, not Pedro.
        let hello = try await launcher.run(victim, input: "quiero contratar internet\n")
        #expect(!hello.stdout.contains("Ya eres cliente") && !hello.stdout.contains("C-0031"), "\(hello.stdout)")
        let report = try await launcher.run(victim, input: "no tengo internet desde ayer, ya reinicie el modem\nen el norte, soy Vicky Real\n")
        #expect(report.stdout.contains("F-0005"), "\(report.stdout)")
        let incident = try #require(try await launcher.export("incidents").last)
        #expect(incident["Cliente ID"] == "" && incident["Nombre"] == "Vicky Real" && incident["Zona"] == "Norte")

        // And Pedro asking for "his" reports sees none of hers.
        let status = try await launcher.run(attacker, input: "como va mi reporte?\n")
        #expect(!status.stdout.contains("F-0005"), "\(status.stdout)")

        // What the bot stores about customers is readable by its own user only.
        let mode = try FileManager.default.attributesOfItem(atPath: launcher.directory + "/data/bot.sqlite")[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o077 == 0 } == true, "bot.sqlite mode \(String(mode ?? 0, radix: 8))")
    }

    @Test func aForeignNumberEndingInAStaffNumberGetsNoStaffAnswers() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let staff = WhatsAppEmulator.Contact(waID: "5214441234567", name: "Oficina")
        let lookalike = WhatsAppEmulator.Contact(waID: "14441234567", name: "Visitor")
        let (_, bot, _) = try await WhatsAppLauncherTests().start(emulator, LauncherProcess(environment: ["STAFF_WHATSAPP_NUMBERS": "444 123 4567"]))
        defer { Task { _ = await bot.stop() } }
        try await emulator.sendText("estadísticas", from: lookalike)
        #expect(await eventually { emulator.messages(to: lookalike.waID).count == 1 })
        let refused = emulator.messages(to: lookalike.waID).last?.text ?? ""
        #expect(refused.contains("solo para el personal") && !refused.contains("Clientes:"), "\(refused)")
        try await emulator.sendText("estadísticas", from: staff)
        #expect(await eventually { emulator.messages(to: staff.waID).contains { $0.text?.contains("Clientes:") == true } })
    }

    @Test func telegramDownAtStartStopsNothingElse() async throws {
        let telegram = TelegramEmulator()
        try await telegram.start()
        await telegram.stop()  // unreachable: connection refused
        let whatsApp = WhatsAppEmulator()
        try await whatsApp.start()
        let port = freePort()
        let launcher = LauncherProcess(environment: [
            "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.baseURL,
            "WHATSAPP_PHONE_NUMBER_ID": whatsApp.phoneNumberID, "WHATSAPP_ACCESS_TOKEN": whatsApp.accessToken,
            "WHATSAPP_APP_SECRET": whatsApp.appSecret, "WHATSAPP_API_BASE": whatsApp.baseURL,
            "MESSAGING_HOST": "127.0.0.1", "MESSAGING_PORT": String(port),
        ])
        let bot = try launcher.start(["--mode", "auto"])
        whatsApp.setWebhook(url: "http://127.0.0.1:\(port)/webhook/whatsapp")
        defer { Task { _ = await bot.stop() } }
        #expect(await eventually { await WhatsAppLauncherTests.healthy(port) }, "the server is up although Telegram is not")
        #expect(bot.isRunning, "the launcher keeps running with Telegram down")
        let ana = WhatsAppEmulator.Contact(waID: "5214440002222", name: "Ana")
        try await whatsApp.sendText("cuanto cuesta el de 50?", from: ana)
        #expect(await eventually { whatsApp.messages(to: ana.waID).first?.text?.contains("$450") == true }, "WhatsApp answers")
        // Telegram comes back: polling picks up without a restart.
        try await telegram.start()
        let beto = TelegramEmulator.User(id: 7_701, firstName: "Beto")
        telegram.sendText("hola", from: beto)
        #expect(await eventually(timeout: 40) { telegram.messages(to: beto.id).count == 1 }, "Telegram answers once it is back")
    }

    @Test func aSlowClientIsCutOffAndDoesNotStarveTheServer() async throws {
        let emulator = WhatsAppEmulator()
        try await emulator.start()
        let (_, bot, port) = try await WhatsAppLauncherTests().start(emulator, LauncherProcess(environment: ["MESSAGING_IDLE_TIMEOUT_SECONDS": "2"]))
        defer { Task { _ = await bot.stop() } }
        // Forty connections that start a request and then say nothing more.
        var slow: [Int32] = []
        for _ in 0..<40 {
            let fd = try RawConnection.open(port: port)
            RawConnection.send(fd, "POST /webhook/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n{\"obj")
            slow.append(fd)
        }
        defer { slow.forEach { close($0) } }
        #expect(await WhatsAppLauncherTests.healthy(port), "the server still answers others")
        try await emulator.sendText("hola", from: WhatsAppEmulator.Contact(waID: "5214440001234", name: "Ana"))
        #expect(await eventually { emulator.messages(to: "5214440001234").count == 1 }, "and still takes messages")
        try await Task.sleep(for: .seconds(4))
        #expect(slow.allSatisfy(RawConnection.isClosedByPeer), "silent connections were closed after the idle timeout")
        // /metrics is for this machine: 127.0.0.1 gets it.
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics")
        request.method = .GET
        #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(2)).status.code == 200)
    }
}
}

/// A bare TCP connection, to behave like a slow or stuck client.
enum RawConnection {
    static func open(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw CocoaError(.fileReadUnknown)
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// True when the server closed (or reset) the connection: a read ends at once.
    static func isClosedByPeer(_ fd: Int32) -> Bool {
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}

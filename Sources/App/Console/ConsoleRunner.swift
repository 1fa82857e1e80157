import AgentCore
import Foundation
import Logging
import Store

/// `launcher --mode console`: a conversation in the terminal, as a customer or staff member
/// of either channel. stdout carries only the bot's replies (a blank line between them);
/// banners, prompts, staff alerts and diagnostics go to stderr, so a piped conversation can
/// be replayed and read by a program.
public struct ConsoleRunner {
    let runtime: BotRuntime
    let role: Role
    let chat: ChatRef
    let profileName: String?
    let logger = Logger(label: "console")

    public init(runtime: BotRuntime, role: Role, channel: Channel, user: String?, profileName: String?) {
        self.runtime = runtime
        self.role = role
        self.chat = ChatRef(channel, user ?? (channel == .whatsapp ? "5214440000000" : "consola"))
        self.profileName = profileName
    }

    /// Runs until end of input; returns the process exit code.
    public func run() async -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1
        let who = role == .staff ? "personal" : "cliente"
        Console.err("Red Soluciones — consola (\(who), \(chat.channel.rawValue):\(chat.chatID)). "
            + (interactive ? "Escribe tu mensaje y Enter; Ctrl-D para salir. /ayuda muestra el menú; /ubicacion LAT LON, /contacto TEL, /foto, /voz simulan lo demás." : ""))
        let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        var buttons: [QuickReply] = []
        var count = 0
        let background = runtime.startBackgroundWork()
        if interactive { Console.prompt() }
        for await line in StandardInput.lines() {
            count += 1
            let message = InboundMessage(
                id: "console-\(runID)-\(count)", chat: chat, content: Self.content(of: line, buttons: buttons),
                profileName: profileName, verifiedPhone: chat.channel == .whatsapp ? chat.chatID : nil)
            do {
                let result = try await runtime.processor.process(message, role: role)
                if result.silent, !result.duplicate {
                    Console.err("(una persona del equipo atiende este chat; el bot no responde hasta que la liberen)")
                }
                for reply in result.replies { Console.out(Self.render(reply)) }
                buttons = result.replies.last?.quickReplies ?? []
                for case .alertStaff(let alert) in result.effects {
                    Console.err("⚑ alerta para el personal: \(alert.text)")
                }
                for id in result.outboundIDs { _ = try? await runtime.store.markSent(id) }
            } catch {
                logger.error("turn failed", metadata: ["error": "\(error)"])
                Console.err("error: \(error)")
            }
            if interactive { Console.prompt() }
        }
        background.cancel()
        return await finish()
    }

    /// At end of input: every back-office write delivered, or safe in the outbox.
    private func finish() async -> Int32 {
        let delivered = await runtime.outbox.drain(deadline: Date().addingTimeInterval(5))
        if !delivered, let backlog = try? await runtime.store.outboxBacklog(), backlog.count > 0 {
            Console.err("\(backlog.count) escritura(s) guardadas en el outbox (\(backlog.lastError ?? "back office no disponible")); se entregarán en la próxima ejecución que alcance el back office.")
        }
        return 0
    }

    /// A typed line: a button title shown last, a channel command or simulation, or text.
    static func content(of line: String, buttons: [QuickReply]) -> Content {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let button = buttons.first(where: { Text.fold($0.title) == Text.fold(trimmed) && !trimmed.isEmpty }) {
            return .quickReply(id: button.id, title: button.title)
        }
        guard trimmed.hasPrefix("/") else { return .text(line) }
        let parts = trimmed.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1] : ""
        switch Text.fold(parts.first ?? "") {
        case "ubicacion", "location":
            let numbers = argument.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard numbers.count == 2 else { return .text(line) }
            return .location(GeoPoint(latitude: numbers[0], longitude: numbers[1]))
        case "contacto", "contact": return .contact(phone: argument, name: nil, isOwn: true)
        case "foto", "photo", "imagen": return .media(.image)
        case "voz", "voice", "audio": return .media(.voice)
        case "sticker": return .media(.sticker)
        case "documento", "document": return .media(.document)
        case "video": return .media(.video)
        default: return .command(parts.first ?? "")
        }
    }

    static func render(_ reply: Reply) -> String {
        var text = reply.text
        if !reply.quickReplies.isEmpty {
            text += "\n" + reply.quickReplies.map { "[\($0.title)]" }.joined(separator: " ")
        }
        if reply.asksForPhone { text += "\n[Compartir mi número]" }
        return text
    }
}

/// The terminal: replies to stdout, everything else to stderr, input as an async stream of lines.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func prompt() {
        FileHandle.standardError.write(Data("tú> ".utf8))
    }

}

/// stdin as an async stream of lines, read on its own thread so a blocking read never holds
/// one of the few concurrency threads.
public enum StandardInput {
    public static func lines() -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            thread.start()
        }
    }
}

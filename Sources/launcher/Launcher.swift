import AgentCore
import App
import ArgumentParser
import Foundation

/// The one entry point: `launcher --mode status|auto|telegram|whatsapp|console` and the
/// operator's subcommands. It only parses arguments; App builds and runs the bot.
@main
struct Launcher: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launcher",
        abstract: "Red Soluciones — the customer support bot.",
        subcommands: [Classify.self, Export.self, Sheets.self, Bench.self])

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case status, auto, telegram, whatsapp, console
    }

    @Option(help: "status | auto | telegram | whatsapp | console")
    var mode: Mode?

    @Option(name: .customLong("as"), help: "console: talk as a customer or as staff")
    var role: RoleArgument = .customer

    @Option(help: "console: the channel to impersonate (telegram | whatsapp)")
    var channel: ChannelArgument = .telegram

    @Option(help: "console: a Telegram chat id or a WhatsApp number")
    var user: String?

    @Option(help: "console: the sender's profile name, as the channel would show it")
    var name: String?

    func run() async throws {
        // The database, logs and anything else the bot writes hold customers' data: owner only.
        umask(0o077)
        guard let mode else {
            throw ValidationError("choose --mode status|auto|telegram|whatsapp|console, or a subcommand (classify, export, bench)")
        }
        let config = try await Startup.config(logToStderr: [.auto, .telegram, .whatsapp].contains(mode))
        switch mode {
        case .status:
            let report = await StatusReport.check(config: config)
            for line in report.lines { print(line.text) }
            throw ExitCode(report.failed ? 1 : 0)
        case .console:
            let runtime = try await Startup.runtime(config)
            let code = await ConsoleRunner(runtime: runtime, role: role.role, channel: channel.channel, user: user,
                                           profileName: name).run()
            throw ExitCode(code)
        case .auto, .telegram, .whatsapp:
            do {
                try await BotService.run(config: config, mode: BotService.Mode(rawValue: mode.rawValue)!)
            } catch let error as ConfigError {
                Startup.fail("\(error)", code: 2)
            } catch {
                Startup.fail("\(error)", code: 1)
            }
        }
    }
}

enum RoleArgument: String, ExpressibleByArgument {
    case customer, staff
    var role: Role { self == .staff ? .staff : .customer }
}

enum ChannelArgument: String, ExpressibleByArgument {
    case telegram, whatsapp
    var channel: Channel { self == .whatsapp ? .whatsapp : .telegram }
}

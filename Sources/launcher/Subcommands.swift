import AgentCore
import App
import ArgumentParser
import Foundation

/// `launcher classify`: why the bot understood what it did, one JSON line per input line.
struct Classify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the intent and slots of each stdin line as JSON.")

    func run() async throws {
        let runtime = try await Startup.runtime(try await Startup.config())
        await runtime.classify(lines: StandardInput.lines()) { print($0) }
    }
}

/// `launcher export --tab clients --format csv|json`
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a back-office tab as the bot sees it.")

    enum TabArgument: String, ExpressibleByArgument, CaseIterable {
        case clients, plans, zones, incidents, prospects
    }

    enum FormatArgument: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "clients | plans | zones | incidents | prospects")
    var tab: TabArgument

    @Option(help: "csv | json")
    var format: FormatArgument = .csv

    func run() async throws {
        let runtime = try await Startup.runtime(try await Startup.config())
        let text = try await runtime.export(Tab(rawValue: tab.rawValue)!, as: TabExport.Format(rawValue: format.rawValue)!)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `swift run -c release launcher bench`
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure classify throughput and per-turn latency (build with -c release).")

    @Option(help: "how many conversation turns to time")
    var turns = 3000

    func run() async throws {
        let config = try await Startup.config()
        try await Benchmark.run(config: config, corpus: Benchmark.corpus(), turns: turns) { print($0) }
    }
}

/// `launcher sheets init`
struct Sheets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prepare the Google spreadsheet.", subcommands: [Initialize.self])

    struct Initialize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Give a new spreadsheet the five tabs, headers and sample plans and zones; never overwrites a tab with data.")

        func run() async throws {
            let config = try await Startup.config()
            do {
                for line in try await SheetsSetup.initialize(config: config) { print(line) }
            } catch let error as ConfigError {
                Startup.fail("\(error)", code: 2)
            } catch {
                Startup.fail("\(error)", code: 1)
            }
        }
    }
}

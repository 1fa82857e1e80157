import App
import ArgumentParser
import Foundation

/// Configuration and wiring shared by the commands, with the launcher's exit-code rules:
/// a configuration problem is one line on stderr and exit code 2.
enum Startup {
    static func config(logToStderr: Bool = false) async throws -> BotConfig {
        do {
            let config = try await BotConfig.load()
            LoggingSetup.bootstrap(directory: config.logDirectory, level: config.logLevel, json: config.logFormat == .json,
                                   toStderr: logToStderr)
            return config
        } catch {
            fail("\(error)", code: 2)
        }
    }

    static func runtime(_ config: BotConfig) async throws -> BotRuntime {
        do {
            return try await BotRuntime.build(config: config)
        } catch let error as ConfigError {
            fail("\(error)", code: 2)
        } catch {
            fail("cannot start: \(error)", code: 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("launcher: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

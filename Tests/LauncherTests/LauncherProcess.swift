import Fixtures
import Foundation

/// Runs the built `launcher` binary the way an operator would: a scratch working folder,
/// environment variables, stdin from a string; stdout, stderr and the exit code back.
struct LauncherProcess {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
        /// stdout split into the bot's replies (separated by blank lines).
        var replies: [String] { stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty } }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The launcher built next to this test bundle (same configuration and scratch path).
    static let binary: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("launcher").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/launcher"
    }()

    private let scratch = ScratchDirectory("redsol-e2e")
    var directory: String { scratch.path }
    var environment: [String: String]

    init(environment: [String: String] = [:]) {
        let directory = scratch.path
        self.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                            "DATA_DIR": directory + "/data", "LOG_DIR": directory + "/logs",
                            "MESSAGING_DIR": Self.repositoryRoot + "/messaging", "DURABLE_WRITES": "false"]
        self.environment.merge(environment) { $1 }
    }

    func run(_ arguments: [String], input: String = "", extraEnvironment: [String: String] = [:]) async throws -> Output {
        let inPath = directory + "/in-\(UUID().uuidString)"
        try input.write(toFile: inPath, atomically: false, encoding: .utf8)
        let (process, outPath, errPath) = prepare(arguments, extraEnvironment: extraEnvironment,
                                                  input: FileHandle(forReadingAtPath: inPath))
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Output(stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: errPath, encoding: .utf8), status: status)
    }

    /// A tab exported as JSON, decoded.
    func export(_ tab: String) async throws -> [[String: String]] {
        let output = try await run(["export", "--tab", tab, "--format", "json"])
        return try JSONDecoder().decode([[String: String]].self, from: Data(output.stdout.utf8))
    }
}

/// A launcher left running (`--mode telegram`, …), to be stopped with a signal.
final class RunningLauncher: @unchecked Sendable {
    let process: Process
    let stdoutPath: String
    let stderrPath: String
    /// The scratch folder the process works in, kept while it runs (the test may drop its `LauncherProcess`).
    private let folder: ScratchDirectory

    init(process: Process, stdoutPath: String, stderrPath: String, folder: ScratchDirectory) {
        self.process = process
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.folder = folder
    }

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
    var isRunning: Bool { process.isRunning }

    /// The bot process's resident set in MB, from /proc (nil where there is none).
    var residentMegabytes: Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    /// Sends SIGTERM (or another signal) and waits up to `timeout` seconds for the exit status.
    func stop(signal: Int32 = SIGTERM, timeout: Double = 20) async -> (status: Int32?, seconds: Double) {
        let started = Date()
        if process.isRunning { kill(process.processIdentifier, signal) }
        while process.isRunning, Date().timeIntervalSince(started) < timeout {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return (nil, Date().timeIntervalSince(started))
        }
        return (process.terminationStatus, Date().timeIntervalSince(started))
    }
}

extension LauncherProcess {
    /// The launcher as a process in the scratch folder, its output going to two fresh files.
    func prepare(_ arguments: [String], extraEnvironment: [String: String], input: FileHandle?)
        -> (process: Process, outPath: String, errPath: String)
    {
        let id = UUID().uuidString
        let outPath = directory + "/out-\(id)", errPath = directory + "/err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        return (process, outPath, errPath)
    }

    func start(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> RunningLauncher {
        let (process, outPath, errPath) = prepare(arguments, extraEnvironment: extraEnvironment, input: FileHandle.nullDevice)
        try process.run()
        return RunningLauncher(process: process, stdoutPath: outPath, stderrPath: errPath, folder: scratch)
    }
}

/// Waits until `condition` holds (checked every 50 ms), or `timeout` seconds pass.
@discardableResult
func eventually(timeout: Double = 15, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// A free TCP port on 127.0.0.1 for a launcher's messaging server.
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

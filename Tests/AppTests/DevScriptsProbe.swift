import Foundation
import Testing

@Suite(.serialized) struct DevScriptsProbe {
    @Test func probe() async throws {
        guard let names = ProcessInfo.processInfo.environment["SCRIPTS_FILES"] else { return }
        for name in names.split(separator: ",").map(String.init) {
            let report = try await ScriptedConversationTests.run([name], details: true)
            print("Scripts (\(name)): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
            for line in report.lines { print(line) }
        }
    }
}

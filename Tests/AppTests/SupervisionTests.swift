import Foundation
import Testing
@testable import App

/// A component that fails is restarted with backoff and shows in /health; never silently dead.
@Suite struct SupervisionTests {
    actor Starts {
        var count = 0
        func next() -> Int { count += 1; return count }
    }

    struct SheetsDown: Error, CustomStringConvertible {
        var description: String { "Sheets answered 503" }
    }

    @Test func aFailingComponentIsRestartedAndReported() async throws {
        let health = ComponentHealth()
        let starts = Starts()
        let service = LoopService("refresh", health: health, backoff: 0.02, loop: {
            switch await starts.next() {
            case 1, 2: throw SheetsDown()
            case 3: return  // a loop that returns while the bot runs is a failure too
            default: while !Task.isCancelled { try await Task.sleep(for: .milliseconds(10)) }
            }
        })
        let running = Task { await service.supervise() }
        for _ in 0..<500 where await starts.count < 4 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await starts.count == 4, "restarted after each failure")
        #expect(health.entry("refresh")?.restarts == 3)
        let line = try #require(health.report().first { $0.0 == "refresh" })
        #expect(line.1.hasPrefix("restarted 3 time(s)") && line.1.contains("the loop ended on its own"))
        running.cancel()
        await running.value
        #expect(await starts.count == 4, "a stopped component is not restarted")
        #expect(health.entry("outbox") == nil, "healthy components are not listed")
    }
}

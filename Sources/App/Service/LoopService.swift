import Foundation
import Logging
import ServiceLifecycle

/// A background loop as a lifecycle service. A loop that throws or returns while the bot is
/// running is logged, reported in `/health` and restarted with backoff (1 s doubling to 60 s;
/// the count starts over after a minute of good running). On SIGTERM/SIGINT the loop is
/// stopped, then `onShutdown` gets a bounded chance to finish (confirm offsets, flush queues).
struct LoopService: Service {
    let name: String
    let loop: @Sendable () async throws -> Void
    let onShutdown: @Sendable () async -> Void
    let health: ComponentHealth
    let backoff: Double
    let logger: Logger

    struct Ended: Error, CustomStringConvertible {
        var description: String { "the loop ended on its own" }
    }

    init(_ name: String, health: ComponentHealth, backoff: Double = 1, loop: @escaping @Sendable () async throws -> Void,
         onShutdown: @escaping @Sendable () async -> Void = {}) {
        self.name = name
        self.loop = loop
        self.onShutdown = onShutdown
        self.health = health
        self.backoff = backoff
        self.logger = Logger(label: "supervisor")
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { await supervise() }
        await onShutdown()
    }

    func supervise() async {
        var failures = 0
        while !Task.isCancelled {
            let started = Date()
            do {
                try await loop()
                if Task.isCancelled { return }
                throw Ended()
            } catch {
                if Task.isCancelled { return }
                failures = Date().timeIntervalSince(started) > 60 ? 1 : failures + 1
                let delay = min(60, backoff * pow(2, Double(failures - 1)))
                health.recordFailure(name, error: "\(error)")
                logger.error("component failed; restarting", metadata: [
                    "component": "\(name)", "error": "\(error)", "restart_in_s": "\(delay)", "failures": "\(failures)",
                ])
                try? await Task.sleep(for: .seconds(delay))
            }
        }
    }
}

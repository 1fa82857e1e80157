import ServiceLifecycle

/// A background loop as a lifecycle service: on SIGTERM/SIGINT the loop is stopped, then
/// `onShutdown` gets a bounded chance to finish (confirm offsets, flush queues).
struct LoopService: Service {
    let name: String
    let loop: @Sendable () async -> Void
    let onShutdown: @Sendable () async -> Void

    init(_ name: String, loop: @escaping @Sendable () async -> Void, onShutdown: @escaping @Sendable () async -> Void = {}) {
        self.name = name
        self.loop = loop
        self.onShutdown = onShutdown
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop() }
        await onShutdown()
    }
}

import Hummingbird
import Logging
import ServiceLifecycle

/// The one way every emulator (and every test receiver) listens: a Hummingbird application on 127.0.0.1 in its own
/// service group, and the port it bound once it is really listening.
///
/// It is stopped by a graceful shutdown, never by cancelling its task: cancelling can drop a
/// connection NIO has just accepted but not yet handed over, which traps the whole process
/// ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#2637).
public struct LoopbackServer: Sendable {
    public struct DidNotStart: Error, CustomStringConvertible {
        public var emulator: String
        public var description: String { "the \(emulator) emulator's HTTP server stopped before it was listening" }
    }

    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// `port` 0 picks a free port; the emulators pass their previous port so a restart keeps it.
    public static func start<Responder: HTTPResponder>(
        emulator: String, port: Int, serverName: String? = nil, responder: Responder
    ) async throws -> LoopbackServer
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, continuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        var logger = Logger(label: "\(emulator)Emulator")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: serverName),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do {
                try await group.run()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        let server = { (port: Int) in LoopbackServer(port: port, group: group, task: task) }
        do {
            var iterator = ports.makeAsyncIterator()
            guard let bound = try await iterator.next(), bound > 0 else { throw DidNotStart(emulator: emulator) }
            return server(bound)
        } catch {
            await server(0).stop()
            throw error
        }
    }

    /// Stops accepting, lets the requests in flight end, and returns once the port is free.
    /// A request that would hold the stop longer than `patience` (an injected delay) is cut.
    public func stop(patience: Duration = .seconds(3)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let cutter = Task {
            try? await Task.sleep(for: patience)
            task.cancel()
        }
        await task.value
        cutter.cancel()
    }

    /// For a `deinit`, which cannot wait: the shutdown goes on by itself.
    public func stopInBackground() {
        let group = self.group
        Task { await group.triggerGracefulShutdown() }
    }
}

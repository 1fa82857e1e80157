import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

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
    private let connections: OpenConnections?

    /// A server whose `stop()` also cuts the open (keep-alive) connections at once, as when the
    /// real service becomes unreachable, rather than letting them finish.
    static func startCuttingConnections(
        emulator: String, port: Int, serverName: String?, handler: @escaping @Sendable (Request) async -> Response
    ) async throws -> LoopbackServer {
        let connections = OpenConnections()
        let responder = CallbackResponder<ConnectionContext> { request, context in
            connections.track(context.channel)
            return await handler(request)
        }
        return try await start(emulator: emulator, port: port, serverName: serverName, responder: responder,
                               connections: connections)
    }

    /// `port` 0 picks a free port; the emulators pass their previous port so a restart keeps it.
    public static func start<Responder: HTTPResponder>(
        emulator: String, port: Int, serverName: String? = nil, responder: Responder
    ) async throws -> LoopbackServer
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        try await start(emulator: emulator, port: port, serverName: serverName, responder: responder, connections: nil)
    }

    private static func start<Responder: HTTPResponder>(
        emulator: String, port: Int, serverName: String?, responder: Responder, connections: OpenConnections?
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
        var configuration = ServiceGroupConfiguration(services: [app], logger: logger)
        // A request that would hold the stop longer (an injected delay) is cancelled.
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: configuration)
        let task = Task {
            do {
                try await group.run()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        let server = { (port: Int) in LoopbackServer(port: port, group: group, task: task, connections: connections) }
        do {
            var iterator = ports.makeAsyncIterator()
            guard let bound = try await iterator.next(), bound > 0 else { throw DidNotStart(emulator: emulator) }
            return server(bound)
        } catch {
            await server(0).stop()
            throw error
        }
    }

    /// Stops accepting, lets the requests in flight end (for 3 s at most), and returns once the
    /// port is free.
    public func stop() async {
        await group.triggerGracefulShutdown()
        connections?.closeAll()
        await task.value
    }

    /// For a `deinit`, which cannot wait: the shutdown goes on by itself.
    public func stopInBackground() {
        let group = self.group
        Task { await group.triggerGracefulShutdown() }
        connections?.closeAll()
    }
}

/// The request context: Hummingbird's basic one plus the connection, so it can be tracked.
struct ConnectionContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// The client connections a server has open; once closed, a late one is closed on arrival.
final class OpenConnections: Sendable {
    private let state = Mutex<(open: [ObjectIdentifier: any Channel], closed: Bool)>(([:], false))

    func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let (isNew, closed) = state.withLock { state -> (Bool, Bool) in
            if state.closed { return (false, true) }
            guard state.open[key] == nil else { return (false, false) }
            state.open[key] = channel
            return (true, false)
        }
        if closed { channel.close(promise: nil) }
        guard isNew else { return }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLock { _ = $0.open.removeValue(forKey: key) }
        }
    }

    func closeAll() {
        let channels = state.withLock { state -> [any Channel] in
            state.closed = true
            defer { state.open.removeAll() }
            return Array(state.open.values)
        }
        for channel in channels { channel.close(promise: nil) }
    }
}

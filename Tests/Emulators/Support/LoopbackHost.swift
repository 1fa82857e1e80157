import Hummingbird
import Synchronization

/// An emulator's listening side: the server, the port kept across stop() so a restarted
/// service comes back where the bot expects it, and for those that also push to the bot on
/// their own (Telegram's webhook deliveries, WhatsApp's status notifications) the sender task.
final class LoopbackHost: Sendable {
    private struct Control {
        var port = 0
        var server: LoopbackServer?
        var sender: Task<Void, Never>?
        var running = false
    }

    private let emulator: String
    private let control = Mutex(Control())

    init(emulator: String) {
        self.emulator = emulator
    }

    var port: Int { control.withLock { $0.port } }

    /// Listens (a free port the first time, the same one after stop()), then starts the sender
    /// `startSender` returns, if any. Does nothing when already running. With `cuttingConnections`
    /// a stop also closes the open keep-alive connections at once, as when the service becomes
    /// unreachable.
    func start(
        cuttingConnections: Bool = false, serverName: String? = nil,
        handler: @escaping @Sendable (Request) async -> Response, startSender: () -> Task<Void, Never>? = { nil }
    ) async throws {
        let wanted: Int? = control.withLock { control in
            if control.running { return nil }
            control.running = true
            return control.port
        }
        guard let wanted else { return }
        let listening: LoopbackServer
        do {
            if cuttingConnections {
                listening = try await LoopbackServer.startCuttingConnections(emulator: emulator, port: wanted, serverName: serverName,
                                                                             handler: handler)
            } else {
                let responder = CallbackResponder<BasicRequestContext> { request, _ in await handler(request) }
                listening = try await LoopbackServer.start(emulator: emulator, port: wanted, serverName: serverName, responder: responder)
            }
        } catch {
            control.withLock { $0.running = false }
            throw error
        }
        let sender = startSender()
        control.withLock { control in
            control.port = listening.port
            control.server = listening
            control.sender = sender
        }
    }

    /// Stops listening. `release` runs first and must end the sender's input (finish its stream),
    /// so that the sender can be awaited before the server goes.
    func stop(release: () -> Void = {}) async {
        let (listening, sender) = control.withLock { control -> (LoopbackServer?, Task<Void, Never>?) in
            defer {
                control.server = nil
                control.sender = nil
                control.running = false
            }
            return (control.server, control.sender)
        }
        release()
        sender?.cancel()
        await sender?.value
        await listening?.stop()
    }

    /// For a `deinit`, which cannot wait.
    func stopInBackground() {
        control.withLock { $0.server }?.stopInBackground()
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side: a Hummingbird server on 127.0.0.1 and the webhook sender task.
struct TelegramServerControl: Sendable {
    var port = 0
    var serverTask: Task<Void, Never>?
    var webhookTask: Task<Void, Never>?
    var running = false
}

struct TelegramServerStopped: Error, CustomStringConvertible {
    var description: String { "the Telegram emulator's HTTP server stopped before it was listening" }
}

extension TelegramEmulator {
    /// Listens on 127.0.0.1: a free port the first time, the same port after stop().
    public func start() async throws {
        let wanted: Int? = server.withLock { control in
            if control.running { return nil }
            control.running = true
            return control.port
        }
        guard let wanted else { return }

        let (events, events_) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        var logger = Logger(label: "TelegramEmulator")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await self.respond(to: request)
        }
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: wanted)),
            onServerRunning: { channel in events_.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: logger
        )
        let serverTask = Task {
            do {
                try await app.run()
                events_.yield(.failure(TelegramServerStopped()))
            } catch {
                events_.yield(.failure(error))
            }
            events_.finish()
        }

        var outcome: Result<Int, any Error> = .failure(TelegramServerStopped())
        for await event in events {
            outcome = event
            break
        }
        switch outcome {
        case .failure(let error):
            serverTask.cancel()
            server.withLock { $0.running = false }
            throw error
        case .success(let port):
            let (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            state.withLock { $0.webhookKick = kick }
            let webhookTask = Task { await self.runWebhookSender(kicks: kicks) }
            server.withLock { control in
                control.port = port
                control.serverTask = serverTask
                control.webhookTask = webhookTask
            }
        }
    }

    /// Stops listening (open connections are closed, a held getUpdates is let go). State is kept:
    /// queued updates, chats, recorded requests; start() brings the same port back.
    public func stop() async {
        let (serverTask, webhookTask) = server.withLock { control -> (Task<Void, Never>?, Task<Void, Never>?) in
            defer {
                control.serverTask = nil
                control.webhookTask = nil
                control.running = false
            }
            return (control.serverTask, control.webhookTask)
        }
        let poller = state.withLock { s -> TelegramPollWaiter? in
            s.webhookKick?.finish()
            s.webhookKick = nil
            return s.takeWaiter()
        }
        wakePoller(poller, .timeout)
        webhookTask?.cancel()
        serverTask?.cancel()
        await webhookTask?.value
        await serverTask?.value
    }

    func respond(to request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 64 << 20)).map { Array($0.readableBytesView) } ?? []
        let answer = await handle(
            path: request.uri.path, query: request.uri.query, contentType: request.headers[.contentType], body: body)
        var headers = HTTPFields()
        headers[.contentType] = answer.raw?.mimeType ?? "application/json"
        let bytes = answer.raw.map { ByteBuffer(bytes: $0.bytes) } ?? ByteBuffer(string: answer.body.serialized)
        return Response(
            status: HTTPResponse.Status(code: answer.status, reasonPhrase: TelegramHTTPStatus.reason(answer.status)),
            headers: headers,
            body: ResponseBody(byteBuffer: bytes)
        )
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side: a Hummingbird server on 127.0.0.1 and the webhook sender task.
struct TelegramServerControl: Sendable {
    var port = 0
    var server: LoopbackServer?
    var webhookTask: Task<Void, Never>?
    var running = false
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

        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await self.respond(to: request)
        }
        let listening: LoopbackServer
        do {
            listening = try await LoopbackServer.start(emulator: "Telegram", port: wanted, responder: responder)
        } catch {
            server.withLock { $0.running = false }
            throw error
        }
        let (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock {
            $0.webhookKick = kick
            $0.stopped = false
        }
        let webhookTask = Task { await self.runWebhookSender(kicks: kicks) }
        server.withLock { control in
            control.port = listening.port
            control.server = listening
            control.webhookTask = webhookTask
        }
    }

    /// Stops listening (open connections are closed, a held getUpdates is let go). State is kept:
    /// queued updates, chats, recorded requests; start() brings the same port back.
    public func stop() async {
        let (listening, webhookTask) = server.withLock { control -> (LoopbackServer?, Task<Void, Never>?) in
            defer {
                control.server = nil
                control.webhookTask = nil
                control.running = false
            }
            return (control.server, control.webhookTask)
        }
        let poller = state.withLock { s -> TelegramPollWaiter? in
            s.stopped = true
            s.webhookKick?.finish()
            s.webhookKick = nil
            return s.takeWaiter()
        }
        wakePoller(poller, .timeout)
        webhookTask?.cancel()
        await webhookTask?.value
        await listening?.stop()
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

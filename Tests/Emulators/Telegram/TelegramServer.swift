import Foundation
import Hummingbird
import Logging
import NIOCore

extension TelegramEmulator {
    /// Listens on 127.0.0.1: a free port the first time, the same port after stop().
    public func start() async throws {
        try await host.start(handler: { await self.respond(to: $0) }) {
            let (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            state.withLock {
                $0.webhookKick = kick
                $0.stopped = false
            }
            return Task { await self.runWebhookSender(kicks: kicks) }
        }
    }

    /// Stops listening (open connections are closed, a held getUpdates is let go). State is kept:
    /// queued updates, chats, recorded requests; start() brings the same port back.
    public func stop() async {
        await host.stop {
            let poller = state.withLock { s -> TelegramPollWaiter? in
                s.stopped = true
                s.webhookKick?.finish()
                s.webhookKick = nil
                return s.takeWaiter()
            }
            wakePoller(poller, .timeout)
        }
    }

    func respond(to request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 64 << 20)).map { Array($0.readableBytesView) } ?? []
        let answer = await handle(
            path: request.uri.path, query: request.uri.query, contentType: request.headers[.contentType], body: body)
        var headers = HTTPFields()
        headers[.contentType] = answer.raw?.mimeType ?? "application/json"
        let bytes = answer.raw.map { ByteBuffer(bytes: $0.bytes) } ?? ByteBuffer(string: answer.body.compact)
        return Response(
            status: HTTPResponse.Status(code: answer.status, reasonPhrase: TelegramHTTPStatus.reason(answer.status)),
            headers: headers,
            body: ResponseBody(byteBuffer: bytes)
        )
    }
}

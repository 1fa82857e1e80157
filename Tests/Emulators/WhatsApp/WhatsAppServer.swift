import Foundation
import Hummingbird
import Logging
import NIOCore

extension WhatsAppEmulator {
    /// Listens on 127.0.0.1: a free port the first time, the same port after stop().
    public func start() async throws {
        try await host.start(handler: { await self.respond(to: $0) }) {
            let (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            state.withLock { $0.statusKick = kick }
            return Task { await self.runStatusSender(kicks: kicks) }
        }
    }

    /// Stops listening. State is kept (recorded messages, windows, queued statuses, which are
    /// posted after the next start()); start() brings the same port back.
    public func stop() async {
        await host.stop {
            state.withLock { s in
                s.statusKick?.finish()
                s.statusKick = nil
            }
        }
    }

    func respond(to request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 64 << 20)).map { Array($0.readableBytesView) } ?? []
        let method = request.method.rawValue
        let path = request.uri.path
        let answer = handle(
            method: method, path: path, query: request.uri.query, authorization: request.headers[.authorization], body: body)
        state.withLock { s in
            s.requests.append(
                RecordedRequest(
                    method: method, path: path, status: answer.status, body: String(decoding: body, as: UTF8.self),
                    at: Date().timeIntervalSince1970))
        }
        var headers = HTTPFields()
        let bytes: [UInt8]
        if let raw = answer.raw {
            headers[.contentType] = raw.contentType
            bytes = raw.bytes
        } else {
            headers[.contentType] = "application/json; charset=UTF-8"
            bytes = Array(answer.body.compact.utf8)
        }
        if let challenge = answer.wwwAuthenticate { headers[.wwwAuthenticate] = challenge }
        return Response(
            status: HTTPResponse.Status(code: answer.status, reasonPhrase: TelegramHTTPStatus.reason(answer.status)),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side: a Hummingbird server on 127.0.0.1 and the status-notification sender task.
struct WhatsAppServerControl: Sendable {
    var port = 0
    var server: LoopbackServer?
    var statusTask: Task<Void, Never>?
    var running = false
}

extension WhatsAppEmulator {
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
            listening = try await LoopbackServer.start(emulator: "WhatsApp", port: wanted, responder: responder)
        } catch {
            server.withLock { $0.running = false }
            throw error
        }
        let (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0.statusKick = kick }
        let statusTask = Task { await self.runStatusSender(kicks: kicks) }
        server.withLock { control in
            control.port = listening.port
            control.server = listening
            control.statusTask = statusTask
        }
    }

    /// Stops listening. State is kept (recorded messages, windows, queued statuses, which are
    /// posted after the next start()); start() brings the same port back.
    public func stop() async {
        let (listening, statusTask) = server.withLock { control -> (LoopbackServer?, Task<Void, Never>?) in
            defer {
                control.server = nil
                control.statusTask = nil
                control.running = false
            }
            return (control.server, control.statusTask)
        }
        state.withLock { s in
            s.statusKick?.finish()
            s.statusKick = nil
        }
        statusTask?.cancel()
        await statusTask?.value
        await listening?.stop()
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
            bytes = Array(answer.body.serialized.utf8)
        }
        if let challenge = answer.wwwAuthenticate { headers[.wwwAuthenticate] = challenge }
        return Response(
            status: HTTPResponse.Status(code: answer.status, reasonPhrase: TelegramHTTPStatus.reason(answer.status)),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side: a Hummingbird server on 127.0.0.1 and the status-notification sender task.
struct WhatsAppServerControl: Sendable {
    var port = 0
    var serverTask: Task<Void, Never>?
    var statusTask: Task<Void, Never>?
    var running = false
}

struct WhatsAppServerStopped: Error, CustomStringConvertible {
    var description: String { "the WhatsApp emulator's HTTP server stopped before it was listening" }
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

        let (events, events_) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        var logger = Logger(label: "WhatsAppEmulator")
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
                events_.yield(.failure(WhatsAppServerStopped()))
            } catch {
                events_.yield(.failure(error))
            }
            events_.finish()
        }

        var outcome: Result<Int, any Error> = .failure(WhatsAppServerStopped())
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
            state.withLock { $0.statusKick = kick }
            let statusTask = Task { await self.runStatusSender(kicks: kicks) }
            server.withLock { control in
                control.port = port
                control.serverTask = serverTask
                control.statusTask = statusTask
            }
        }
    }

    /// Stops listening. State is kept (recorded messages, windows, queued statuses, which are
    /// posted after the next start()); start() brings the same port back.
    public func stop() async {
        let (serverTask, statusTask) = server.withLock { control -> (Task<Void, Never>?, Task<Void, Never>?) in
            defer {
                control.serverTask = nil
                control.statusTask = nil
                control.running = false
            }
            return (control.serverTask, control.statusTask)
        }
        state.withLock { s in
            s.statusKick?.finish()
            s.statusKick = nil
        }
        statusTask?.cancel()
        serverTask?.cancel()
        await statusTask?.value
        await serverTask?.value
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

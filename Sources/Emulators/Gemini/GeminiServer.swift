import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A request as the emulator sees it.
struct GeminiIncoming: Sendable {
    var method: String
    /// Path and query as received, percent-encoded.
    var target: String
    var apiKeyHeader: String?
    var body: [UInt8]
}

extension GeminiEmulator {
    /// Listens on 127.0.0.1: any free port the first time, the same port after `stop()`.
    public func start() async throws {
        let (running, port) = state.withLock { ($0.server != nil, $0.port) }
        if running { return }
        let responder = CallbackResponder<EmulatorRequestContext> { [weak self] request, context in
            guard let self else { return Response(status: .serviceUnavailable) }
            self.track(context.channel)
            return await self.respond(to: request)
        }
        let server = try await LoopbackServer.start(
            emulator: "Gemini", port: port, serverName: "scaffolding on HTTPServer2", responder: responder)
        state.withLock {
            $0.port = server.port
            $0.server = server
        }
    }

    /// Stops listening: new connections are refused, open (keep-alive) connections are closed and
    /// answers being slowed down are dropped. Rules, recordings and signatures are kept.
    public func stop() async {
        let (server, connections) = state.withLock { state -> (LoopbackServer?, [any Channel]) in
            defer {
                state.server = nil
                state.connections.removeAll()
                state.generation += 1
            }
            return (state.server, Array(state.connections.values))
        }
        guard let server else { return }
        for channel in connections { channel.close(promise: nil) }
        await server.stop()
    }

    /// Remembers a client connection so that `stop()` can close it.
    private func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let isNew = state.withLock { state in
            guard state.server != nil, state.connections[key] == nil else { return false }
            state.connections[key] = channel
            return true
        }
        guard isNew else { return }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLock { _ = $0.connections.removeValue(forKey: key) }
        }
    }

    private func respond(to request: Request) async -> Response {
        var request = request
        let body = (try? await request.collectBody(upTo: 20_000_000)).map { Array($0.readableBytesView) } ?? []
        let incoming = GeminiIncoming(
            method: request.method.rawValue,
            target: request.head.path ?? "/",
            apiKeyHeader: HTTPField.Name("x-goog-api-key").flatMap { request.headers[$0] },
            body: body
        )
        let answer = await process(incoming)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=UTF-8"
        headers[.vary] = "Origin, X-Origin, Referer"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }
}

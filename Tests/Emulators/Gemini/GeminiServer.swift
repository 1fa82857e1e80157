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
        try await host.start(cuttingConnections: true, serverName: "scaffolding on HTTPServer2") { [weak self] request in
            guard let self else { return Response(status: .serviceUnavailable) }
            return await self.respond(to: request)
        }
    }

    /// Stops listening: new connections are refused, open (keep-alive) connections are closed and
    /// answers being slowed down are dropped. Rules and recordings are kept.
    public func stop() async {
        await host.stop { state.withLock { $0.generation += 1 } }
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

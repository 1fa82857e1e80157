import AgentCore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The HTTP server on MESSAGING_HOST:MESSAGING_PORT: health, and the channels' webhooks.
/// Bodies are limited; a webhook answers only after the message is safe in the inbox. Idle
/// connections are closed and their number is capped, so slow clients cannot starve it;
/// /metrics answers this machine only.
enum MessagingServer {
    static let maxBody = 1 << 20
    static let maxConnections = 512

    struct Routes: Sendable {
        var telegram: TelegramRoute?
        var whatsapp: WhatsAppRoute?
        var health: @Sendable () async -> HealthReport
        var metrics: @Sendable () async -> String = { "" }
    }

    struct WhatsAppRoute: Sendable {
        var verify: @Sendable (_ mode: String?, _ token: String?, _ challenge: String?) -> (status: Int, body: String)
        var receive: @Sendable (Data, String?) async -> Int
    }

    struct TelegramRoute: Sendable {
        /// The secret header, checked before the body is read.
        var accepts: @Sendable (String?) -> Bool
        var receive: @Sendable (Data, String?) async -> Int
    }

    static func application(host: String, port: Int, idleTimeout: TimeAmount = .seconds(30), routes: Routes,
                            logger: Logger) -> some ApplicationProtocol {
        let router = Router(context: ServerContext.self)
        router.get("/health") { _, _ -> Response in
            let report = await routes.health()
            return json(report.ok ? .ok : .serviceUnavailable, report.json)
        }
        router.get("/metrics") { _, context -> Response in
            // Figures about customers' traffic: for a Prometheus on this machine (or a tunnel).
            guard context.remoteAddress.map(isLoopback) ?? false else {
                return Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: "metrics are served to this machine only\n")))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: await routes.metrics())))
        }
        if let telegram = routes.telegram {
            router.post("/webhook/telegram") { request, _ -> Response in
                var request = request
                let secret = header("x-telegram-bot-api-secret-token", in: request)
                guard telegram.accepts(secret) else { return Response(status: .unauthorized) }
                guard let body = try? await request.collectBody(upTo: maxBody) else {
                    return Response(status: .contentTooLarge)
                }
                let status = await telegram.receive(Data(buffer: body), secret)
                return Response(status: .init(code: status))
            }
        }
        if let whatsapp = routes.whatsapp {
            router.get("/webhook/whatsapp") { request, _ -> Response in
                let query = request.uri.queryParameters
                let answer = whatsapp.verify(query["hub.mode"].map(String.init), query["hub.verify_token"].map(String.init),
                                             query["hub.challenge"].map(String.init))
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; charset=utf-8"
                return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
            }
            router.post("/webhook/whatsapp") { request, _ -> Response in
                var request = request
                guard let body = try? await request.collectBody(upTo: maxBody) else {
                    return Response(status: .contentTooLarge)
                }
                let status = await whatsapp.receive(Data(buffer: body), header("x-hub-signature-256", in: request))
                return Response(status: .init(code: status))
            }
        }
        return Application(router: router, server: .http1(configuration: .init(idleTimeout: idleTimeout)),
                           configuration: .init(address: .hostname(host, port: port), serverName: "red-soluciones-bot",
                                                availableConnectionsDelegate: MaximumAvailableConnections(maxConnections)),
                           logger: logger)
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        return ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }

    static func header(_ canonicalName: String, in request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == canonicalName }?.value
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The request context: Hummingbird's basic one, plus who is asking.
struct ServerContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// `GET /health`: whether the bot works, and what each part says.
struct HealthReport: Sendable {
    var ok: Bool
    var uptime: TimeInterval
    var components: [(name: String, state: String)]

    var json: String {
        let parts = components.map { "\"\($0.name)\": \(TabExport.jsonString($0.state))" }.joined(separator: ", ")
        return #"{"ok": \#(ok), "version": "\#(BotVersion.current)", "uptime_s": \#(Int(uptime)), "components": {\#(parts)}}"#
    }
}

public enum BotVersion {
    public static let current = "0.5.0"
}

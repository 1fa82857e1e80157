import AgentCore
import Foundation
import Hummingbird
import Logging

/// The HTTP server on MESSAGING_HOST:MESSAGING_PORT: health, and the channels' webhooks.
/// Bodies are limited; a webhook answers only after the message is safe in the inbox.
enum MessagingServer {
    static let maxBody = 1 << 20

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
        var receive: @Sendable (Data, String?) async -> Int
    }

    static func application(host: String, port: Int, routes: Routes, logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.get("/health") { _, _ -> Response in
            let report = await routes.health()
            return json(report.ok ? .ok : .serviceUnavailable, report.json)
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: await routes.metrics())))
        }
        if let telegram = routes.telegram {
            router.post("/webhook/telegram") { request, _ -> Response in
                var request = request
                guard let body = try? await request.collectBody(upTo: maxBody) else {
                    return Response(status: .contentTooLarge)
                }
                let secret = header("x-telegram-bot-api-secret-token", in: request)
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
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "red-soluciones-bot"),
                           logger: logger)
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

import AgentCore
import Foundation
import Telegram
import WhatsApp

extension BotService {
    /// The messaging server's routes, from the receivers it serves.
    static func routes(runtime: BotRuntime, telegram: TelegramChannel.Receivers?, whatsApp: WhatsAppWebhook?,
                       senders: Senders, health: ComponentHealth, started: Date) -> MessagingServer.Routes {
        var routes = MessagingServer.Routes(health: {
            await healthReport(runtime: runtime, poller: telegram?.poller, telegram: telegram != nil, whatsApp: whatsApp != nil,
                               senders: senders, health: health, started: started)
        })
        routes.metrics = {
            let refreshed = await runtime.cache.lastRefresh
            return await BotMetrics.render(store: runtime.store, cacheAge: refreshed.map { Date().timeIntervalSince($0) })
        }
        routes.telegram = telegram?.webhook.map { webhook in
            MessagingServer.TelegramRoute(accepts: { webhook.accepts(secretHeader: $0) },
                                          receive: { body, secret in await webhook.receive(body: body, secretHeader: secret) })
        }
        routes.whatsapp = whatsApp.map { webhook in
            MessagingServer.WhatsAppRoute(verify: { webhook.verify(mode: $0, token: $1, challenge: $2) },
                                          receive: { body, signature in await webhook.receive(body: body, signatureHeader: signature) })
        }
        return routes
    }

    /// `/health`: what each component says now — receiving, sending, the model, the back
    /// office and its backlog, and any loop the supervisor had to restart.
    static func healthReport(runtime: BotRuntime, poller: TelegramPoller?, telegram: Bool, whatsApp: Bool, senders: Senders,
                             health: ComponentHealth, started: Date) async -> HealthReport {
        var components: [(String, String)] = []
        if telegram {
            let receiving = await poller?.health.lastError.map { "failing: \($0)" } ?? (poller == nil ? "ok, webhook" : "ok, long polling")
            let sending = await senders.telegram?.lastError
            components.append(("telegram", sending.map { "sending failing: \($0)" } ?? receiving))
        }
        if whatsApp {
            let sending = await senders.whatsApp?.lastError
            components.append(("whatsapp", sending.map { "sending failing: \($0)" } ?? "ok, webhook"))
        }
        if let gemini = runtime.gemini {
            let pausedUntil = await gemini.breakerOpenUntil
            components.append(("gemini", pausedUntil == nil ? "ok" : "paused after repeated failures; offline rules answer"))
        }
        if runtime.config.inboxPaused { components.append(("inbox", "paused (INBOX_PAUSED): storing, not answering")) }
        let backlog = try? await runtime.store.outboxBacklog()
        let waiting = backlog?.count ?? -1
        components.append(("outbox", waiting == 0 ? "ok, empty" : "\(waiting) waiting"))
        // Failing when the last read or the last write attempt failed.
        let backOfficeError = await runtime.cache.lastError ?? backlog?.lastError
        components.append(("back_office", backOfficeError.map { "failing: \($0)" } ?? "ok"))
        components += health.report()
        return HealthReport(ok: true, uptime: Date().timeIntervalSince(started), components: components)
    }
}

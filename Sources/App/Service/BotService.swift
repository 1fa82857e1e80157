import AgentCore
import BackOffice
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Store
import Telegram
import WhatsApp

/// `--mode auto|telegram|whatsapp`: the channels, the messaging server, the inbox worker, the
/// senders, the outbox deliverer and the spreadsheet refresh, together under one service group.
/// SIGTERM/SIGINT stops receiving first, finishes what is in flight, confirms Telegram's
/// offset, flushes what can be flushed within a bounded time, and exits 0.
public enum BotService {
    public enum Mode: String, Sendable { case auto, telegram, whatsapp }

    public static func run(config: BotConfig, mode: Mode) async throws {
        let logger = Logger(label: "bot")
        let wantsTelegram = mode == .telegram || (mode == .auto && config.telegram != nil)
        let wantsWhatsApp = mode == .whatsapp || (mode == .auto && config.whatsApp != nil)
        if mode == .telegram, config.telegram == nil {
            throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil, expected: "not set — --mode telegram needs the token BotFather gave")
        }
        if mode == .whatsapp, config.whatsApp == nil {
            throw ConfigError("WHATSAPP_PHONE_NUMBER_ID", value: nil,
                              expected: "not set — --mode whatsapp needs WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_ACCESS_TOKEN and WHATSAPP_APP_SECRET")
        }
        guard wantsTelegram || wantsWhatsApp else {
            throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil,
                              expected: "no channel is configured — set TELEGRAM_BOT_TOKEN and/or the WHATSAPP_* variables, or use --mode console")
        }
        BotMetrics.install()
        let runtime = try await BotRuntime.build(config: config)
        let store = runtime.store
        let started = Date()
        let health = ComponentHealth()
        let workerBox = WorkerBox()
        let sink = LateInboxSink(store: store, box: workerBox, batcher: .inbox(store, limit: config.maxInbox))

        var dispatchers: [OutboundDispatcher] = []
        var routes = MessagingServer.Routes(health: { HealthReport(ok: true, uptime: 0, components: []) })
        var telegram: TelegramChannel?
        if wantsTelegram, let telegramConfig = config.telegram {
            let channel = try await TelegramChannel.connect(telegramConfig, sink: sink, logger: Logger(label: "telegram"))
            dispatchers.append(OutboundDispatcher(store: store, sender: channel.sender, limits: .telegram,
                                                  logger: Logger(label: "telegram.sender")))
            runtime.processor.voice.register(TelegramMediaFetcher(client: channel.client), for: .telegram)
            routes.telegram = channel.webhook.map { webhook in
                MessagingServer.TelegramRoute(accepts: { webhook.accepts(secretHeader: $0) },
                                              receive: { body, secret in await webhook.receive(body: body, secretHeader: secret) })
            }
            telegram = channel
        }
        if wantsWhatsApp, let whatsAppConfig = config.whatsApp {
            let dispatcherBox = DispatcherBox()
            let channel = WhatsAppChannel.make(whatsAppConfig, sink: sink, store: store, onRetry: { dispatcherBox.dispatcher?.kick() })
            let dispatcher = OutboundDispatcher(store: store, sender: channel.sender, limits: .whatsapp,
                                                replyWindow: 24 * 60 * 60, logger: Logger(label: "whatsapp.sender"))
            dispatcherBox.dispatcher = dispatcher
            runtime.processor.voice.register(WhatsAppMediaFetcher(client: channel.client), for: .whatsapp)
            dispatchers.append(dispatcher)
            routes.whatsapp = MessagingServer.WhatsAppRoute(
                verify: { channel.webhook.verify(mode: $0, token: $1, challenge: $2) },
                receive: { body, signature in await channel.webhook.receive(body: body, signatureHeader: signature) })
        }
        let worker = InboxWorker(store: store, processor: runtime.processor, dispatchers: dispatchers,
                                 perMinute: config.rateLimitPerMinute)
        workerBox.worker = worker

        routes.health = { [telegram] in
            var components: [(String, String)] = []
            if let poller = telegram?.poller {
                let health = await poller.health
                components.append(("telegram", health.lastError.map { "failing: \($0)" } ?? "ok, long polling"))
            } else if telegram != nil {
                components.append(("telegram", "ok, webhook"))
            }
            if wantsWhatsApp { components.append(("whatsapp", "ok, webhook")) }
            if let gemini = runtime.gemini {
                let pausedUntil = await gemini.breakerOpenUntil
                components.append(("gemini", pausedUntil == nil ? "ok" : "paused after repeated failures; offline rules answer"))
            }
            if config.inboxPaused { components.append(("inbox", "paused (INBOX_PAUSED): storing, not answering")) }
            let backlog = try? await store.outboxBacklog()
            let waiting = backlog?.count ?? -1
            components.append(("outbox", waiting == 0 ? "ok, empty" : "\(waiting) waiting"))
            // Failing when the last read or the last write attempt failed.
            let backOfficeError = await runtime.cache.lastError ?? backlog?.lastError
            components.append(("back_office", backOfficeError.map { "failing: \($0)" } ?? "ok"))
            components += health.report()
            return HealthReport(ok: true, uptime: Date().timeIntervalSince(started), components: components)
        }
        routes.metrics = {
            let refreshed = await runtime.cache.lastRefresh
            return await BotMetrics.render(store: store, cacheAge: refreshed.map { Date().timeIntervalSince($0) })
        }
        let server = MessagingServer.application(host: config.messagingHost, port: config.messagingPort,
                                                 idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)), routes: routes,
                                                 logger: Logger(label: "server"))

        // Stopped in reverse order: the server and receivers first, the queues last.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        services.append(.init(service: LoopService("outbox", health: health, loop: { await runtime.deliverer.run() },
                                                   onShutdown: { _ = await runtime.deliverer.drain(deadline: Date().addingTimeInterval(4)) })))
        if let sheets = config.sheets {
            services.append(.init(service: LoopService("refresh", health: health, loop: { await runtime.refreshForever(every: .seconds(sheets.refreshSeconds)) })))
        }
        for dispatcher in dispatchers {
            services.append(.init(service: LoopService("sender.\(dispatcher.channel.rawValue)", health: health, loop: { await dispatcher.run() },
                                                       onShutdown: { _ = await dispatcher.deliverDue() })))
        }
        services.append(.init(service: LoopService("retention", health: health, loop: {
            while !Task.isCancelled {
                let cutoff = Date().addingTimeInterval(-Double(config.retentionDays) * 86_400)
                if let removed = try? await store.purge(olderThan: cutoff), removed > 0 {
                    logger.info("old conversations forgotten", metadata: ["rows": "\(removed)", "retention_days": "\(config.retentionDays)"])
                }
                try? await Task.sleep(for: .seconds(6 * 3600))
            }
        })))
        if config.inboxPaused {
            logger.warning("INBOX_PAUSED: messages are received and stored, not answered, until a restart without it")
        } else {
            services.append(.init(service: LoopService("inbox", health: health, loop: { await worker.run() },
                                                       onShutdown: { _ = await worker.processPending() })))
        }
        if let telegram {
            if let poller = telegram.poller {
                services.append(.init(service: LoopService("telegram.poller", health: health, loop: { await poller.run() },
                                                           onShutdown: { await poller.confirm() })))
            } else {
                services.append(.init(service: LoopService("telegram.webhook", health: health, loop: {
                    await telegram.registerWebhook(logger: Logger(label: "telegram"))
                    while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                })))
                // The webhook stays registered at shutdown: during a deploy the new process is
                // already receiving, and Telegram keeps updates for a stopped one until it is back.
            }
        }
        services.append(.init(service: server))

        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        var parts: [String] = []
        if let telegram { parts.append("Telegram @\(telegram.bot?.username ?? "?") (\(telegram.usesWebhook ? "webhook" : "long polling"))") }
        if wantsWhatsApp { parts.append("WhatsApp (webhook /webhook/whatsapp)") }
        let summary = parts.joined(separator: ", ")
        logger.info("bot starting", metadata: ["channels": "\(summary)", "server": "\(config.messagingHost):\(config.messagingPort)"])
        FileHandle.standardError.write(Data("Red Soluciones bot: \(summary); server on \(config.messagingHost):\(config.messagingPort). Ctrl-C to stop.\n".utf8))
        // Messages left in the inbox by a previous run are answered now, and queued sends go out.
        worker.kick()
        for dispatcher in dispatchers {
            dispatcher.kick()
            store.outboundBell.listen { dispatcher.kick() }
        }
        try await ServiceGroup(configuration: configuration).run()
        logger.info("bot stopped")
    }
}

/// Some parts exist only after the channels connect; receivers get these boxes before that.
final class WorkerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _worker: InboxWorker?
    var worker: InboxWorker? {
        get { lock.withLock { _worker } }
        set { lock.withLock { _worker = newValue } }
    }
}

final class DispatcherBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _dispatcher: OutboundDispatcher?
    var dispatcher: OutboundDispatcher? {
        get { lock.withLock { _dispatcher } }
        set { lock.withLock { _dispatcher = newValue } }
    }
}

struct LateInboxSink: InboxSink {
    let store: Store
    let box: WorkerBox
    let batcher: GroupCommit<InboundMessage, Store.Enqueued>

    struct InboxFull: Error, CustomStringConvertible {
        var description: String { "the inbox is full; the platform will deliver this message again later" }
    }

    func accept(_ message: InboundMessage) async throws -> Bool {
        switch try await batcher.commit(message) {
        case .queued:
            BotMetrics.messageIn(message.chat.channel)
            box.worker?.kick()
            return true
        case .duplicate:
            BotMetrics.duplicate()
            return false
        case .full:
            // A bounded queue: when the bot cannot keep up, the channels are told to retry later.
            box.worker?.kick()
            throw InboxFull()
        }
    }

    func chatUnreachable(_ chat: ChatRef, reason: String) async {
        try? await store.markUnreachable(chat, reason: reason)
    }
}

import AgentCore
import BackOffice
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Store

/// `--mode auto|telegram|whatsapp`: the channels, the messaging server, the inbox worker, the
/// senders, the outbox deliverer and the spreadsheet refresh, together under one service group.
/// SIGTERM/SIGINT stops receiving first, finishes what is in flight, confirms Telegram's
/// offset, flushes what can be flushed within a bounded time, and exits 0.
public enum BotService {
    public enum Mode: String, Sendable { case auto, telegram, whatsapp }

    public static func run(config: BotConfig, mode: Mode) async throws {
        let logger = Logger(label: "bot")
        let wantsTelegram = mode == .telegram || (mode == .auto && config.telegram != nil)
        if mode == .whatsapp {
            throw ConfigError("--mode whatsapp", value: nil, expected: "the WhatsApp front-end is not built in this version; use --mode telegram or console")
        }
        guard wantsTelegram else {
            throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil, expected: "not set — no channel to run (WhatsApp comes in a later version); set it, or use --mode console")
        }
        guard let telegramConfig = config.telegram else {
            throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil, expected: "not set — --mode telegram needs the token BotFather gave")
        }
        let runtime = try await BotRuntime.build(config: config)
        let store = runtime.store
        let started = Date()

        // Receivers write to the inbox; the worker turns it into replies; dispatchers send them.
        let workerBox = WorkerBox()
        let sink = LateInboxSink(store: store, box: workerBox)
        let telegram = try await TelegramChannel.connect(telegramConfig, sink: sink)
        let telegramDispatcher = OutboundDispatcher(store: store, sender: telegram.sender, limits: .telegram,
                                                    logger: Logger(label: "telegram.sender"))
        let worker = InboxWorker(store: store, processor: runtime.processor, dispatchers: [telegramDispatcher])
        workerBox.worker = worker

        let routes = MessagingServer.Routes(
            telegram: telegram.webhook.map { webhook in
                MessagingServer.TelegramRoute { body, secret in await webhook.receive(body: body, secretHeader: secret) }
            },
            health: {
                var components: [(String, String)] = []
                if let poller = telegram.poller {
                    let health = await poller.health
                    components.append(("telegram", health.lastError.map { "failing: \($0)" } ?? "ok, long polling"))
                } else {
                    components.append(("telegram", "ok, webhook"))
                }
                let backlog = (try? await store.outboxBacklog().count) ?? -1
                components.append(("outbox", backlog == 0 ? "ok, empty" : "\(backlog) waiting"))
                let cacheError = await runtime.cache.lastError
                components.append(("back_office", cacheError.map { "failing: \($0)" } ?? "ok"))
                return HealthReport(ok: true, uptime: Date().timeIntervalSince(started), components: components)
            })
        let server = MessagingServer.application(host: config.messagingHost, port: config.messagingPort, routes: routes,
                                                 logger: Logger(label: "server"))

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        // Stopped in reverse order: the server and receivers first, the queues last.
        services.append(.init(service: LoopService("outbox", loop: { await runtime.deliverer.run() },
                                                   onShutdown: { _ = await runtime.deliverer.drain(deadline: Date().addingTimeInterval(4)) })))
        if let sheets = config.sheets {
            services.append(.init(service: LoopService("refresh", loop: { await runtime.cache.refreshForever(every: .seconds(sheets.refreshSeconds)) })))
        }
        services.append(.init(service: LoopService("telegram.sender", loop: { await telegramDispatcher.run() },
                                                   onShutdown: { _ = await telegramDispatcher.deliverDue() })))
        services.append(.init(service: LoopService("inbox", loop: { await worker.run() },
                                                   onShutdown: { _ = await worker.processPending() })))
        if let poller = telegram.poller {
            services.append(.init(service: LoopService("telegram.poller", loop: { await poller.run() },
                                                       onShutdown: { await poller.confirm() })))
        } else {
            try await telegram.registerWebhook()
            services.append(.init(service: LoopService("telegram.webhook", loop: {
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            }, onShutdown: { await telegram.removeWebhook() })))
        }
        services.append(.init(service: server))

        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        let receiving = telegram.usesWebhook ? "webhook \(telegramConfig.webhookURL ?? "")" : "long polling"
        logger.info("bot starting", metadata: ["telegram": "@\(telegram.bot.username ?? "?")", "receiving": "\(receiving)",
                                               "server": "\(config.messagingHost):\(config.messagingPort)"])
        FileHandle.standardError.write(Data("Red Soluciones bot: Telegram @\(telegram.bot.username ?? "?") (\(receiving)); server on \(config.messagingHost):\(config.messagingPort). Ctrl-C to stop.\n".utf8))
        // Messages left in the inbox by a previous run are answered now.
        worker.kick()
        try await ServiceGroup(configuration: configuration).run()
        logger.info("bot stopped")
    }
}

/// The worker exists only after the channels connect; receivers get the sink before that.
final class WorkerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _worker: InboxWorker?
    var worker: InboxWorker? {
        get { lock.withLock { _worker } }
        set { lock.withLock { _worker = newValue } }
    }
}

struct LateInboxSink: InboxSink {
    let store: Store
    let box: WorkerBox

    func accept(_ message: InboundMessage) async throws -> Bool {
        guard try await store.enqueue(message) != nil else { return false }
        try? await store.markReachable(message.chat)
        box.worker?.kick()
        return true
    }

    func chatUnreachable(_ chat: ChatRef, reason: String) async {
        try? await store.markUnreachable(chat, reason: reason)
    }
}

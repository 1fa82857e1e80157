import AgentCore
import BackOffice
import ChannelKit
import Foundation
import Logging
import ServiceLifecycle
import Store
import Telegram
import WhatsApp

/// `--mode auto|telegram|whatsapp`: the channels, the messaging server, the inbox worker, the
/// senders, the outbox writer and the spreadsheet refresh, together under one service group.
/// SIGTERM/SIGINT stops receiving first, finishes what is in flight, confirms Telegram's
/// offset, flushes what can be flushed within a bounded time, and exits 0.
///
/// Built in the order things need each other, as hummingbird-examples' `buildApplication`
/// does: the senders, then the queues that use them, then the inbox worker, then the sink
/// that wakes it, then the receivers that feed the sink.
public enum BotService {
    public enum Mode: String, Sendable { case auto, telegram, whatsapp }

    public static func run(config: BotConfig, mode: Mode) async throws {
        let logger = Logger(label: "bot")
        let channels = try Channels.chosen(config, mode)
        BotMetrics.install()
        let runtime = try await BotRuntime.build(config: config)
        let telegram = try await channels.telegram.asyncMap { try await TelegramChannel.connect($0, logger: Logger(label: "telegram")) }
        let whatsApp = channels.whatsApp.map(WhatsAppChannel.make)
        let senders = Senders(store: runtime.store, telegram: telegram, whatsApp: whatsApp, templates: runtime.templates)
        let worker = InboxWorker(store: runtime.store, processor: runtime.processor, dispatchers: senders.all,
                                 perMinute: config.rateLimitPerMinute)
        let sink = QueuedInboxSink(store: runtime.store, worker: worker, batcher: .inbox(runtime.store, limit: config.maxInbox))
        let telegramReceivers = telegram?.receivers(sink: sink)
        let whatsAppWebhook = whatsApp?.webhook(sink: sink, store: runtime.store, onRetry: { senders.whatsApp?.kick() })
        if let telegram { runtime.processor.voice.register(TelegramMediaFetcher(client: telegram.client), for: .telegram) }
        if let whatsApp { runtime.processor.voice.register(WhatsAppMediaFetcher(client: whatsApp.client), for: .whatsapp) }

        let health = ComponentHealth()
        let started = Date()
        let server = MessagingServer.application(
            host: config.messagingHost, port: config.messagingPort, idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)),
            routes: routes(runtime: runtime, telegram: telegramReceivers, whatsApp: whatsAppWebhook, senders: senders,
                           health: health, started: started),
            logger: Logger(label: "server"))
        var services = loops(runtime: runtime, senders: senders, worker: worker, health: health, logger: logger)
        services += telegramServices(telegram, telegramReceivers, health: health)
        services.append(.init(service: server))

        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        announce(config, telegram: telegram, whatsApp: whatsApp != nil, logger: logger)
        // Messages left in the inbox by a previous run are answered now, and queued sends go out.
        worker.kick()
        for dispatcher in senders.all {
            dispatcher.kick()
            runtime.store.outboundBell.listen { dispatcher.kick() }
        }
        try await ServiceGroup(configuration: configuration).run()
        logger.info("bot stopped")
    }

    /// Which channels this mode runs; a mode naming an unconfigured channel is one clear line.
    struct Channels {
        var telegram: BotConfig.Telegram?
        var whatsApp: BotConfig.WhatsApp?

        static func chosen(_ config: BotConfig, _ mode: Mode) throws -> Channels {
            if mode == .telegram, config.telegram == nil {
                throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil, expected: "not set — --mode telegram needs the token BotFather gave")
            }
            if mode == .whatsapp, config.whatsApp == nil {
                throw ConfigError("WHATSAPP_PHONE_NUMBER_ID", value: nil,
                                  expected: "not set — --mode whatsapp needs WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_ACCESS_TOKEN and WHATSAPP_APP_SECRET")
            }
            let chosen = Channels(telegram: mode == .whatsapp ? nil : config.telegram,
                                  whatsApp: mode == .telegram ? nil : config.whatsApp)
            guard chosen.telegram != nil || chosen.whatsApp != nil else {
                throw ConfigError("TELEGRAM_BOT_TOKEN", value: nil,
                                  expected: "no channel is configured — set TELEGRAM_BOT_TOKEN and/or the WHATSAPP_* variables, or use --mode console")
            }
            return chosen
        }
    }

    /// One paced, persistent sender per channel.
    struct Senders: Sendable {
        let telegram: OutboundDispatcher?
        let whatsApp: OutboundDispatcher?

        init(store: Store, telegram: TelegramChannel?, whatsApp: WhatsAppChannel?, templates: [Notice.Kind: NoticeTemplate]) {
            self.telegram = telegram.map {
                OutboundDispatcher(store: store, sender: $0.sender, limits: .telegram, logger: Logger(label: "telegram.sender"))
            }
            self.whatsApp = whatsApp.map {
                OutboundDispatcher(store: store, sender: $0.sender, limits: .whatsapp, replyWindow: 24 * 60 * 60,
                                   templates: templates, logger: Logger(label: "whatsapp.sender"))
            }
        }

        var all: [OutboundDispatcher] { [telegram, whatsApp].compactMap { $0 } }
    }

    static func announce(_ config: BotConfig, telegram: TelegramChannel?, whatsApp: Bool, logger: Logger) {
        var parts: [String] = []
        if let telegram { parts.append("Telegram @\(telegram.bot?.username ?? "?") (\(telegram.usesWebhook ? "webhook" : "long polling"))") }
        if whatsApp { parts.append("WhatsApp (webhook /webhook/whatsapp)") }
        let summary = parts.joined(separator: ", ")
        logger.info("bot starting", metadata: ["channels": "\(summary)", "server": "\(config.messagingHost):\(config.messagingPort)"])
        FileHandle.standardError.write(Data("Red Soluciones bot: \(summary); server on \(config.messagingHost):\(config.messagingPort). Ctrl-C to stop.\n".utf8))
    }
}

/// The inbox the receivers put messages in: a bounded queue, group-committed, that wakes the
/// worker for each new message.
struct QueuedInboxSink: InboxSink {
    let store: Store
    let worker: InboxWorker
    let batcher: GroupCommit<InboundMessage, Store.Enqueued>

    struct InboxFull: Error, CustomStringConvertible {
        var description: String { "the inbox is full; the platform will deliver this message again later" }
    }

    func accept(_ message: InboundMessage) async throws -> Bool {
        switch try await batcher.commit(message) {
        case .queued:
            BotMetrics.messageIn(message.chat.channel)
            worker.kick()
            return true
        case .duplicate:
            BotMetrics.duplicate()
            return false
        case .full:
            // A bounded queue: when the bot cannot keep up, the channels are told to retry later.
            worker.kick()
            throw InboxFull()
        }
    }

    func chatUnreachable(_ chat: ChatRef, reason: String) async {
        try? await store.markUnreachable(chat, reason: reason)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

import Foundation
import Logging
import ServiceLifecycle

extension BotService {
    typealias Loop = ServiceGroupConfiguration.ServiceConfiguration

    /// The background loops, each supervised. Stopped in reverse order: receivers and the
    /// server first (added last), the queues last.
    static func loops(runtime: BotRuntime, senders: Senders, worker: InboxWorker, health: ComponentHealth,
                      logger: Logger) -> [Loop] {
        let config = runtime.config
        var loops: [Loop] = runtime.backOfficeLoops.map { loop in
            .init(service: LoopService(loop.name, health: health, loop: loop.run, onShutdown: loop.onShutdown ?? {}))
        }
        for dispatcher in senders.all {
            loops.append(.init(service: LoopService("sender.\(dispatcher.channel.rawValue)", health: health,
                                                    loop: { await dispatcher.run() }, onShutdown: { _ = await dispatcher.sendDue() })))
        }
        loops.append(.init(service: LoopService("reminders", health: health, loop: {
            while !Task.isCancelled {
                do {
                    try await runtime.reminders.sendDue()
                } catch {
                    logger.warning("sign-up reminders failed; trying again in a minute", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(60))
            }
        })))
        loops.append(.init(service: LoopService("retention", health: health, loop: {
            while !Task.isCancelled {
                let cutoff = Date().addingTimeInterval(-Double(config.retentionDays) * 86_400)
                if let removed = try? await runtime.store.purge(olderThan: cutoff), removed > 0 {
                    logger.info("old conversations forgotten", metadata: ["rows": "\(removed)", "retention_days": "\(config.retentionDays)"])
                }
                try? await Task.sleep(for: .seconds(6 * 3600))
            }
        })))
        if config.inboxPaused {
            logger.warning("INBOX_PAUSED: messages are received and stored, not answered, until a restart without it")
        } else {
            loops.append(.init(service: LoopService("inbox", health: health, loop: { await worker.run() },
                                                    onShutdown: { _ = await worker.processPending() })))
        }
        return loops
    }

    /// Telegram's receiving side: the poller (confirming the offset at shutdown), or the webhook
    /// registration, retried until Telegram answers. The webhook stays registered at shutdown:
    /// during a deploy the next process is already receiving, and Telegram keeps updates for
    /// a stopped one until it is back.
    static func telegramServices(_ telegram: TelegramChannel?, _ receivers: TelegramChannel.Receivers?,
                                 health: ComponentHealth) -> [Loop] {
        guard let telegram, let receivers else { return [] }
        if let poller = receivers.poller {
            return [.init(service: LoopService("telegram.poller", health: health, loop: { await poller.run() },
                                               onShutdown: { await poller.confirm() }))]
        }
        return [.init(service: LoopService("telegram.webhook", health: health, loop: {
            await telegram.registerWebhook(logger: Logger(label: "telegram"))
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }))]
    }
}

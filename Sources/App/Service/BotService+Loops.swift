import AgentCore
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
        loops.append(.init(service: LoopService("reminders", health: health, loop: every(.seconds(60)) {
            do {
                try await runtime.reminders.sendDue()
            } catch {
                logger.warning("sign-up reminders failed; trying again in a minute", metadata: ["error": "\(error)"])
            }
        })))
        loops.append(.init(service: LoopService("handoffs", health: health, loop: every(.seconds(30)) {
            await realertUnclaimedHandoffs(runtime: runtime, logger: logger)
        })))
        loops.append(.init(service: LoopService("retention", health: health, loop: every(.seconds(6 * 3600)) {
            let cutoff = Date().addingTimeInterval(-Double(config.retentionDays) * 86_400)
            if let removed = try? await runtime.store.purge(olderThan: cutoff), removed > 0 {
                logger.info("old conversations forgotten", metadata: ["rows": "\(removed)", "retention_days": "\(config.retentionDays)"])
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

    /// A customer nobody took within `handoffRealert` is announced to staff once more; one
    /// nobody took within the handoff timeout is dropped (the bot answers them again).
    static func realertUnclaimedHandoffs(runtime: BotRuntime, logger: Logger, now: Date = Date()) async {
        let store = runtime.store, settings = runtime.settings, book = runtime.processor.agent.book
        do {
            try await store.dropStaleHandoffs(requestedBefore: now.addingTimeInterval(-settings.handoffTimeout))
            for handoff in try await store.unclaimedHandoffs(waitingSince: now.addingTimeInterval(-handoffRealert), at: now) {
                let text = book.text(.staffAlertStillWaiting, .es, [
                    "who": handoff.label, "chat": handoff.customer.description,
                    "minutes": String(Int(now.timeIntervalSince(handoff.requestedAt) / 60)), "business": settings.businessName,
                ])
                let take = QuickReply(id: Handoff.takeID(handoff.customer), title: book.text(.buttonTake, .es))
                try await store.alert(StaffAlert(kind: .handoff, text: text, about: handoff.customer, buttons: [take]),
                                      to: runtime.config.staffChats)
            }
        } catch {
            logger.warning("handoff re-alerts failed; trying again shortly", metadata: ["error": "\(error)"])
        }
    }

    /// A loop that does `work`, then waits `interval`, until cancelled.
    static func every(_ interval: Duration, _ work: @escaping @Sendable () async -> Void) -> @Sendable () async -> Void {
        {
            while !Task.isCancelled {
                await work()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// How long a request for a person waits before staff are told again.
    static let handoffRealert: TimeInterval = 5 * 60
}

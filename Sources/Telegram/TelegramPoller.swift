import AgentCore
import ChannelKit
import Foundation
import Logging

/// Long polling: one poller; each update is put in the inbox before the offset moves past
/// it, so a crash re-delivers rather than loses. Failures are retried with backoff and kept
/// in `health` for status and logs; the poller never stops on its own.
public actor TelegramPoller {
    public struct Health: Sendable, Equatable {
        public var lastSuccess: Date?
        public var lastError: String?
        public var consecutiveFailures = 0
    }

    private let client: TelegramClient
    private let events: TelegramEventHandler
    private let logger: Logger
    private let pollSeconds: Int
    private var nextOffset: Int64?
    public private(set) var health = Health()

    public init(client: TelegramClient, events: TelegramEventHandler, pollSeconds: Int = 25,
                logger: Logger = Logger(label: "telegram.poller")) {
        self.client = client
        self.events = events
        self.pollSeconds = pollSeconds
        self.logger = logger
    }

    public func run() async {
        while !Task.isCancelled {
            do {
                try await pollOnce()
            } catch let error as TelegramError {
                await failed(error.isConflict ? Self.conflictAdvice(error) : error.description, unauthorized: error.isUnauthorized)
            } catch is CancellationError {
                break
            } catch {
                await failed("\(error)", unauthorized: false)
            }
        }
    }

    /// One getUpdates round: every update handled in order, the offset moved past each one
    /// only when it is safe in the inbox.
    func pollOnce() async throws {
        let updates = try await client.getUpdates(offset: nextOffset, timeout: pollSeconds, allowedUpdates: UpdateMapper.allowedUpdates)
        health.lastSuccess = Date()
        health.lastError = nil
        health.consecutiveFailures = 0
        for item in updates {
            try Task.checkCancellation()
            if let update = item.update {
                try await events.handle(update)
            } else {
                logger.warning("unreadable update skipped", metadata: ["update": "\(item.updateID)"])
            }
            nextOffset = item.updateID + 1
        }
    }

    /// Tells Telegram the handled updates are done with (getUpdates with the next offset, no wait),
    /// so a restart does not receive them again.
    public func confirm() async {
        guard let nextOffset else { return }
        _ = try? await client.getUpdates(offset: nextOffset, timeout: 0, allowedUpdates: UpdateMapper.allowedUpdates)
        logger.info("updates confirmed", metadata: ["offset": "\(nextOffset)"])
    }

    private func failed(_ reason: String, unauthorized: Bool) async {
        health.consecutiveFailures += 1
        health.lastError = reason
        let delay = unauthorized ? 60 : min(30, pow(2, Double(min(health.consecutiveFailures, 5))) / 2)
        logger.error("telegram polling failed; retrying", metadata: ["error": "\(reason)", "retry_in_s": "\(Int(delay))"])
        try? await Task.sleep(for: .seconds(delay))
    }

    static func conflictAdvice(_ error: TelegramError) -> String {
        if error.text.contains("webhook") {
            return "a webhook is set for this bot, so long polling is refused (409) — run with TELEGRAM_WEBHOOK_SECRET and TELEGRAM_WEBHOOK_URL, or remove the webhook (Bot API deleteWebhook)"
        }
        return "another program is polling this bot with the same token (409) — stop the other instance; only one may run"
    }
}

/// What to do with each update, whichever way it arrived (long polling or webhook).
public struct TelegramEventHandler: Sendable {
    let client: TelegramClient
    let mapper: UpdateMapper
    let sink: any InboxSink
    let logger: Logger

    public init(client: TelegramClient, mapper: UpdateMapper, sink: any InboxSink, logger: Logger = Logger(label: "telegram")) {
        self.client = client
        self.mapper = mapper
        self.sink = sink
        self.logger = logger
    }

    /// Throws only when the message could not be stored: the update must then be received again.
    public func handle(_ update: TelegramUpdate) async throws {
        switch mapper.map(update) {
        case .message(let message, let callbackQueryID):
            if let callbackQueryID {
                // Answered at once: the person's button stops spinning whatever happens next.
                do {
                    try await client.answerCallbackQuery(id: callbackQueryID)
                } catch {
                    logger.warning("callback query not answered", metadata: ["error": "\(error)"])
                }
            }
            let fresh = try await sink.accept(message)
            if !fresh { logger.debug("duplicate update", metadata: ["update": "\(update.updateID)"]) }
        case .blocked(let chat):
            await sink.chatUnreachable(chat, reason: "blocked the bot")
            logger.info("a customer blocked the bot", metadata: ["chat": "\(chat.masked)"])
        case .ignored(let why):
            logger.debug("update ignored", metadata: ["update": "\(update.updateID)", "why": "\(why)"])
        }
    }
}

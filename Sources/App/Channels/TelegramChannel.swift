import AgentCore
import ChannelKit
import Foundation
import Logging
import Telegram

/// The Telegram front-end wired for a run: the client and how replies leave; the receivers
/// (long polling, or the webhook when a secret and public URL are configured) are made once
/// the inbox exists, by `receivers(sink:)`.
struct TelegramChannel: Sendable {
    let config: BotConfig.Telegram
    let client: TelegramClient
    /// nil when Telegram could not be reached at start (polling retries on its own).
    let bot: TelegramBotInfo?
    let sender: TelegramSender

    var usesWebhook: Bool { config.webhookSecret != nil && config.webhookURL != nil }

    /// How updates arrive, built around the inbox they go to.
    struct Receivers: Sendable {
        let poller: TelegramPoller?
        let webhook: TelegramWebhook?
    }

    /// Checks the token with getMe first: a token Telegram refuses stops the launch with one
    /// clear line. Telegram down or slow does not: the other channel starts anyway and
    /// polling (or the webhook registration) retries with backoff.
    static func connect(_ config: BotConfig.Telegram, logger: Logger) async throws -> TelegramChannel {
        let client = TelegramClient(token: config.token.value, apiBase: config.apiBase)
        var bot: TelegramBotInfo?
        do {
            bot = try await TelegramClient(token: config.token.value, apiBase: config.apiBase, timeout: .seconds(5)).getMe()
        } catch where error.isUnauthorized {
            throw ConfigError("TELEGRAM_BOT_TOKEN", value: config.token.description,
                              expected: "Telegram refused it (\(error.text)) — copy the token again from @BotFather")
        } catch {
            logger.warning("Telegram unreachable at start; carrying on and retrying", metadata: ["error": "\(error.text)"])
        }
        return TelegramChannel(config: config, client: client, bot: bot, sender: TelegramSender(client: client))
    }

    func receivers(sink: any InboxSink) -> Receivers {
        let events = TelegramEventHandler(client: client, mapper: UpdateMapper(botUsername: bot?.username), sink: sink)
        if let secret = config.webhookSecret, usesWebhook {
            return Receivers(poller: nil, webhook: TelegramWebhook(secret: secret.value, events: events))
        }
        return Receivers(poller: TelegramPoller(client: client, events: events), webhook: nil)
    }

    /// Webhook mode: tell Telegram where to send updates, retrying with backoff until it
    /// answers (removed again at shutdown).
    func registerWebhook(logger: Logger) async {
        guard let url = config.webhookURL, let secret = config.webhookSecret else { return }
        var delay = 1.0
        while !Task.isCancelled {
            do {
                try await client.setWebhook(url: url, secret: secret.value, allowedUpdates: UpdateMapper.allowedUpdates)
                logger.info("Telegram webhook registered")
                return
            } catch {
                logger.warning("Telegram webhook not registered yet; retrying",
                               metadata: ["error": "\(error.text)", "retry_in_s": "\(Int(delay))"])
                try? await Task.sleep(for: .seconds(delay))
                delay = min(60, delay * 2)
            }
        }
    }


    /// The status line: who the bot is, how it receives, what Telegram reports pending.
    static func status(_ config: BotConfig.Telegram) async -> StatusReport.State {
        let client = TelegramClient(token: config.token.value, apiBase: config.apiBase, timeout: .seconds(10))
        do {
            let bot = try await client.getMe()
            let info = try await client.getWebhookInfo()
            let name = "@\(bot.username ?? String(bot.id))"
            let pending = info.pendingUpdateCount ?? 0
            let lastError = info.lastErrorMessage.map { ", last error: \($0)" } ?? ""
            if config.webhookSecret != nil, let url = config.webhookURL {
                let registered = info.url == url ? "" : " (not registered yet: the bot registers it when it starts)"
                return .ok("\(name), webhook \(url)\(registered), \(pending) pending updates\(lastError)")
            }
            if !info.url.isEmpty {
                return .fail("\(name): a webhook is set (\(info.url)), so long polling would be refused — set TELEGRAM_WEBHOOK_SECRET and TELEGRAM_WEBHOOK_URL, or delete the webhook")
            }
            return .ok("\(name), long polling, \(pending) pending updates")
        } catch {
            return .fail(error.isUnauthorized ? "TELEGRAM_BOT_TOKEN refused by Telegram (\(error.text)) — copy it again from @BotFather"
                         : "cannot reach Telegram (\(error.text))")
        }
    }
}

import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// setWebhook / deleteWebhook / getWebhookInfo, and the sender that POSTs updates to the webhook.
extension TelegramEmulator {
    func setWebhook(_ p: TelegramParameters) -> TelegramAnswer {
        let url = p.string("url") ?? ""
        if url.isEmpty { return deleteWebhook(p) }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = parsed.host, !host.isEmpty
        else {
            // The emulator also takes plain http (loopback test servers); Telegram wants https.
            return .badRequest("bad webhook: An HTTPS URL must be provided for webhook")
        }
        var secret: String?
        if let given = p.string("secret_token"), !given.isEmpty {
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
            guard given.count <= 256, given.unicodeScalars.allSatisfy(allowed.contains) else {
                return .badRequest("secret token contains unallowed characters")
            }
            secret = given
        }
        let maxConnections = Int(min(100, max(1, p.int64("max_connections") ?? 40)))
        let config = TelegramWebhookConfig(url: url, secretToken: secret, maxConnections: maxConnections)
        let allowed = Self.allowedUpdates(p["allowed_updates"])

        let (same, poller) = state.withLock { s -> (Bool, TelegramPollWaiter?) in
            if let allowed { s.allowedUpdates = allowed }
            if p.bool("drop_pending_updates") { s.dropPending() }
            let same = s.webhook == config
            if s.webhook?.url != url {
                s.webhookLastErrorDate = nil
                s.webhookLastErrorMessage = nil
            }
            s.webhook = config
            s.webhookKick?.yield()
            return (same, s.takeWaiter())
        }
        wakePoller(poller, .webhookSet)
        return .ok(.bool(true), description: same ? "Webhook is already set" : "Webhook was set")
    }

    func deleteWebhook(_ p: TelegramParameters) -> TelegramAnswer {
        let had = state.withLock { s -> Bool in
            if p.bool("drop_pending_updates") { s.dropPending() }
            defer { s.webhook = nil }
            return s.webhook != nil
        }
        return .ok(.bool(true), description: had ? "Webhook was deleted" : "Webhook is already deleted")
    }

    func getWebhookInfo() -> TelegramAnswer {
        state.withLock { s in
            guard let hook = s.webhook else {
                return .ok(
                    .object([
                        ("url", .string("")), ("has_custom_certificate", .bool(false)),
                        ("pending_update_count", .int(Int64(s.queue.count))),
                    ]))
            }
            return .ok(
                .obj([
                    ("url", .string(hook.url)), ("has_custom_certificate", .bool(false)),
                    ("pending_update_count", .int(Int64(s.queue.count))), ("ip_address", .string("127.0.0.1")),
                    ("last_error_date", s.webhookLastErrorDate.map { .int(Int64($0)) }),
                    ("last_error_message", .str(s.webhookLastErrorMessage)),
                    ("max_connections", .int(Int64(hook.maxConnections))),
                    ("allowed_updates", s.allowedUpdates.map { .array($0.map { .string($0) }) }),
                ]))
        }
    }

    /// While running: POSTs the oldest pending update to the webhook, one at a time. A 2xx answer
    /// confirms it; otherwise it is retried twice 0.5 s apart, then the error is recorded
    /// (getWebhookInfo) and the update stays pending, retried every 2 s.
    func runWebhookSender(kicks: AsyncStream<Void>) async {
        var kicked = kicks.makeAsyncIterator()
        while !Task.isCancelled {
            let job = state.withLock { s -> (url: String, secret: String?, id: Int64, body: String)? in
                guard let hook = s.webhook, let first = s.queue.first else { return nil }
                return (hook.url, hook.secretToken, first.id, first.json.compact)
            }
            guard let job else {
                guard await kicked.next() != nil else { return }
                continue
            }
            var failure: String?
            for attempt in 0..<3 {
                if attempt > 0 {
                    try? await Task.sleep(for: .milliseconds(500))
                    if Task.isCancelled { return }
                }
                failure = await Self.deliver(url: job.url, secret: job.secret, body: job.body)
                if failure == nil { break }
            }
            state.withLock { s in
                if let failure {
                    s.webhookLastErrorDate = TelegramState.now
                    s.webhookLastErrorMessage = failure
                } else {
                    s.queue.removeAll(where: { $0.id == job.id })
                    s.confirmedUpdateID = max(s.confirmedUpdateID, job.id)
                }
            }
            if failure != nil {
                try? await Task.sleep(for: .seconds(2))
            }
        }
    }
}

extension TelegramEmulator {
    /// nil when the webhook answered 2xx; otherwise the `last_error_message` Telegram would show.
    static func deliver(url: String, secret: String?, body: String) async -> String? {
        guard let target = URL(string: url) else { return "Bad webhook URL" }
        do {
            let status = try await WebhookPoster.post(target, body: Array(body.utf8),
                                                      headers: secret.map { [("X-Telegram-Bot-Api-Secret-Token", $0)] } ?? [], timeout: 10)
            if (200..<300).contains(status) { return nil }
            return "Wrong response from the webhook: \(status) \(TelegramHTTPStatus.reason(status))"
        } catch let error as URLError {
            switch error.code {
            case .cannotConnectToHost: return "Connection refused"
            case .timedOut: return "Read timeout expired"
            case .cannotFindHost, .dnsLookupFailed: return "Failed to resolve host: Name or service not known"
            default: return error.localizedDescription
            }
        } catch {
            return error.localizedDescription
        }
    }
}

enum TelegramHTTPStatus {
    static func reason(_ code: Int) -> String {
        switch code {
        case 200: return "OK"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return HTTPURLResponse.localizedString(forStatusCode: code).capitalized
        }
    }
}

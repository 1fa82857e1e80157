import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posting to the bot's webhook: signed notifications, raw posts, re-deliveries, the status
/// sender, and the GET verification handshake.
extension WhatsAppEmulator {
    func webhookTarget() throws -> URL {
        guard let text = state.withLock({ $0.webhookURL }) else { throw EmulatorError.noWebhook }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else { throw EmulatorError.badWebhookURL(text) }
        return url
    }

    func signed(_ notification: JSON) -> WhatsAppSignedBody {
        let bytes = Array(notification.compact.utf8)
        return WhatsAppSignedBody(bytes: bytes, signature: sign(bytes), legacySignature: legacySign(bytes))
    }

    /// POSTs a signed body (both signature headers); the HTTP status the webhook answered.
    func post(_ body: WhatsAppSignedBody, to url: URL) async throws -> Int {
        try await Self.post(url, body: body.bytes,
                            headers: [("X-Hub-Signature-256", body.signature), ("X-Hub-Signature", body.legacySignature)])
    }

    func record(_ delivery: WebhookDelivery) {
        state.withLock { $0.deliveries.append(delivery) }
    }

    /// POSTs any body with the given `X-Hub-Signature-256` value (nil = no signature header at all).
    public func post(rawBody: [UInt8], signature: String?) async throws -> Int {
        let url = try webhookTarget()
        let status = try await Self.post(url, body: rawBody, headers: signature.map { [("X-Hub-Signature-256", $0)] } ?? [])
        record(WebhookDelivery(messageID: nil, statusName: nil, httpStatus: status, body: String(decoding: rawBody, as: UTF8.self)))
        return status
    }

    /// POSTs the notification that carried inbound message `messageID` again: the very same bytes and signatures.
    public func redeliver(messageID: String) async throws -> Delivery {
        guard let body = state.withLock({ $0.inbound[messageID] }) else { throw EmulatorError.unknownMessage(messageID) }
        let url = try webhookTarget()
        let status = try await post(body, to: url)
        record(
            WebhookDelivery(messageID: messageID, statusName: nil, httpStatus: status, body: String(decoding: body.bytes, as: UTF8.self)))
        return Delivery(status: status, messageID: messageID)
    }

    /// The handshake Meta does when the callback URL is saved:
    /// `GET <webhook>?hub.mode=subscribe&hub.challenge=<challenge>&hub.verify_token=<token>`.
    public func verifyWebhook(token: String, challenge: String = "1158201444") async throws -> Verification {
        let url = try webhookTarget()
        let query = [("hub.mode", "subscribe"), ("hub.challenge", challenge), ("hub.verify_token", token)]
            .map { "\($0)=\(Self.formEncode($1))" }.joined(separator: "&")
        var text = url.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        text += (url.query == nil ? "?" : "&") + query
        guard let target = URL(string: text) else { throw EmulatorError.badWebhookURL(text) }
        let (status, body) = try await WebhookPoster.get(target, headers: [("User-Agent", "facebookplatform/1.0 (+http://developers.facebook.com)")], timeout: 15)
        return Verification(status: status, body: String(decoding: body, as: UTF8.self))
    }

    /// Percent-encodes everything but the unreserved characters.
    static func formEncode(_ s: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }

    /// While running: posts the queued status notifications in order, each up to 3 times (0.25 s
    /// apart) until the webhook answers 2xx. Without a webhook URL they are dropped, as Meta does.
    func runStatusSender(kicks: AsyncStream<Void>) async {
        var kicked = kicks.makeAsyncIterator()
        while !Task.isCancelled {
            let next = state.withLock { s -> (job: WhatsAppStatusJob, url: String?)? in
                guard let job = s.statusQueue.first else { return nil }
                s.statusInFlight = true
                return (job, s.webhookURL)
            }
            guard let next else {
                guard await kicked.next() != nil else { return }
                continue
            }
            if next.url != nil, let url = try? webhookTarget() {
                let body = signed(statusNotification(next.job, timestamp: Self.unixNow))
                for attempt in 0..<3 {
                    if attempt > 0 { try? await Task.sleep(for: .milliseconds(250)) }
                    if Task.isCancelled { break }
                    let status = try? await post(body, to: url)
                    if Task.isCancelled { break }
                    record(
                        WebhookDelivery(
                            messageID: next.job.messageID, statusName: next.job.status, httpStatus: status,
                            body: String(decoding: body.bytes, as: UTF8.self)))
                    if let status, (200..<300).contains(status) { break }
                }
            }
            state.withLock { s in
                s.statusInFlight = false
                if !Task.isCancelled, !s.statusQueue.isEmpty { s.statusQueue.removeFirst() }
            }
        }
    }
}

extension WhatsAppEmulator {
    /// A notification POST as Meta's servers send it.
    static func post(_ url: URL, body: [UInt8], headers: [(String, String)]) async throws -> Int {
        try await WebhookPoster.post(url, body: body, headers: [("User-Agent", "facebookexternalua")] + headers, timeout: 15)
    }
}

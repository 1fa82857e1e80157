import Crypto
import Foundation
import Synchronization

/// A loopback emulator of the WhatsApp Business Cloud API (Meta Graph API) and of Meta's webhook
/// notifications, for tests (the Cloud API webhook and messages references).
///
/// The bot sends to `POST <baseURL>/<version>/<phone-number-id>/messages`; tests play the customers
/// (`sendText`, `pressButton`, ...), which POSTs signed notifications to the bot's webhook, and then
/// look at what the bot did (`sentMessages`, `readReceipts`, `requests`). After each accepted send
/// the emulator posts `sent` and `delivered` statuses (or `failed` 131047 outside the 24-hour window).
public final class WhatsAppEmulator: Sendable {
    public let phoneNumberID: String
    public let accessToken: String
    public let appSecret: String
    public let displayPhoneNumber: String
    public let apiVersion: String
    /// The WhatsApp Business Account id: `entry[].id` of every notification.
    public let businessAccountID: String

    let state: Mutex<WhatsAppState>
    let host = LoopbackHost(emulator: "WhatsApp")

    public init(
        phoneNumberID: String = "106540352242922", accessToken: String = "EAAGemulatorAccessToken0123456789",
        appSecret: String = "emulator-app-secret-0123", displayPhoneNumber: String = "15551234567", apiVersion: String = "v23.0",
        businessAccountID: String = "100000000000001"
    ) {
        self.phoneNumberID = phoneNumberID
        self.accessToken = accessToken
        self.appSecret = appSecret
        self.displayPhoneNumber = displayPhoneNumber
        self.apiVersion = apiVersion
        self.businessAccountID = businessAccountID
        self.state = Mutex(WhatsAppState())
    }

    /// The port listened on (0 before the first start()).
    public var port: Int { host.port }

    /// `http://127.0.0.1:<port>` — WHATSAPP_API_BASE; the bot posts to `baseURL/<version>/<phone-number-id>/messages`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL/<apiVersion>/<phoneNumberID>/messages`.
    public var messagesURL: String { "\(baseURL)/\(apiVersion)/\(phoneNumberID)/messages" }

    // MARK: The bot's webhook

    /// Where notifications go (the bot's messaging server), e.g. `http://127.0.0.1:5001/webhook/whatsapp`.
    public func setWebhook(url: String) {
        state.withLock { s in
            s.webhookURL = url
            s.statusKick?.yield()
        }
    }

    public var webhookURL: String? { state.withLock { $0.webhookURL } }

    /// Default true: after each accepted send, POST signed `sent` then `delivered` statuses.
    /// (A `failed` 131047 status for a send outside the window is posted either way.)
    public var statusWebhooks: Bool {
        get { state.withLock { $0.statusWebhooks } }
        set { state.withLock { $0.statusWebhooks = newValue } }
    }

    /// `sha256=<lowercase hex HMAC-SHA256(appSecret, body)>`, the X-Hub-Signature-256 value.
    public func sign(_ body: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(appSecret.utf8)))
        return "sha256=" + Self.hex(code)
    }

    /// `sha1=<hex>`, the legacy X-Hub-Signature value.
    func legacySign(_ body: [UInt8]) -> String {
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: body, using: SymmetricKey(data: Array(appSecret.utf8)))
        return "sha1=" + Self.hex(code)
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: What the bot did

    /// Every message the API accepted, in order.
    public var sentMessages: [SentMessage] { state.withLock { $0.sentMessages } }

    /// The messages sent to a customer, given as wa_id (either Mexican form) or BSUID.
    public func messages(to waID: String) -> [SentMessage] {
        state.withLock { s in
            let keys = Set(s.keys(for: waID) + [waID])
            return s.sentMessages.filter { keys.contains($0.to) }
        }
    }

    /// `message_id`s marked read (`status: read`), typing indicators included, in order.
    public var readReceipts: [String] { state.withLock { $0.readReceipts } }

    /// `message_id`s of the mark-read calls that carried a `typing_indicator`, in order.
    public var typingIndicators: [String] { state.withLock { $0.typingIndicators } }

    /// Every HTTP request answered, in order.
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// Every notification posted to the webhook (customer messages, statuses, raw posts), in order.
    public var webhookDeliveries: [WebhookDelivery] { state.withLock { $0.deliveries } }

    /// Waits (up to `timeout` seconds) until every queued status notification has been posted.
    public func waitForStatusWebhooks(timeout: Double = 10) async {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            let idle = state.withLock { $0.statusQueue.isEmpty && !$0.statusInFlight }
            if idle { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    // MARK: Faults and rules

    /// The next `times` message sends fail with `fault` (after the token check, before validation).
    /// Faults queue up in the order injected; `times <= 0` removes the pending ones of that kind.
    public func inject(_ fault: Fault, times: Int = 1) {
        state.withLock { s in
            if times <= 0 {
                s.faults.removeAll(where: { $0 == fault })
            } else {
                s.faults += Array(repeating: fault, count: times)
            }
        }
    }

    /// Closes the 24-hour window of a customer (wa_id or BSUID): a later free-form send is answered
    /// 200 and then a `failed` status with error 131047 is posted. The customer's next message reopens it.
    public func expireWindow(for waID: String) {
        state.withLock { $0.expireWindow(waID) }
    }

    /// Opens the window as if the customer had just written (without posting anything).
    public func openWindow(for waID: String) {
        state.withLock { $0.openWindow(waID) }
    }
}

import Foundation

/// A notification's exact bytes and signature headers, kept so it can be re-delivered as is.
struct WhatsAppSignedBody: Sendable {
    var bytes: [UInt8]
    /// `sha256=<hex>` (X-Hub-Signature-256).
    var signature: String
    /// `sha1=<hex>` (the legacy X-Hub-Signature).
    var legacySignature: String
}

/// A status notification waiting to be posted (its body is built when it is sent, with that time).
struct WhatsAppStatusJob: Sendable {
    var messageID: String
    var status: String
    var recipientWaID: String?
    var recipientUserID: String?
    var pricing: JSON?
    var errors: JSON?
}

/// A media object a customer "sent", served by `GET /<ver>/<media-id>` and its download URL.
struct WhatsAppMedia: Sendable {
    var id: String
    var mimeType: String
    var bytes: [UInt8]
    var sha256Hex: String
    var sha256Base64: String
}

/// Everything the emulator knows, behind one lock.
struct WhatsAppState: Sendable {
    var ids = WhatsAppIDs()
    var webhookURL: String?
    var statusWebhooks = true

    var sentMessages: [WhatsAppEmulator.SentMessage] = []
    var readReceipts: [String] = []
    var typingIndicators: [String] = []
    var requests: [WhatsAppEmulator.RecordedRequest] = []
    var deliveries: [WhatsAppEmulator.WebhookDelivery] = []

    var faults: [WhatsAppEmulator.Fault] = []
    var templates: [WhatsAppTemplate] = []

    /// Last inbound message per customer key (canonical wa_id and BSUID).
    var lastInbound: [String: Date] = [:]
    /// BSUID by canonical wa_id, and back, as learnt from the customers' messages.
    var userIDByWaID: [String: String] = [:]
    var waIDByUserID: [String: String] = [:]

    /// Every inbound notification posted, by wamid, for `redeliver`.
    var inbound: [String: WhatsAppSignedBody] = [:]
    var media: [String: WhatsAppMedia] = [:]

    /// Status notifications not yet posted; `statusInFlight` while one is being posted.
    var statusQueue: [WhatsAppStatusJob] = []
    var statusInFlight = false
    var statusKick: AsyncStream<Void>.Continuation?

    static var now: Date { Date() }
    static let window: TimeInterval = 24 * 60 * 60

    /// The key a customer's window is kept under.
    static func key(waID: String) -> String { WhatsAppPhone.resolve(waID) }

    mutating func noteInbound(from contact: WhatsAppEmulator.Contact) {
        let now = Self.now
        if !contact.waID.isEmpty { lastInbound[Self.key(waID: contact.waID)] = now }
        if let userID = contact.userID {
            lastInbound[userID] = now
            if !contact.waID.isEmpty {
                userIDByWaID[Self.key(waID: contact.waID)] = userID
                waIDByUserID[userID] = Self.key(waID: contact.waID)
            }
        }
    }

    func windowOpen(waID: String?, userID: String?) -> Bool {
        let now = Self.now
        for key in [waID, userID].compactMap({ $0 }) {
            if let last = lastInbound[key], now.timeIntervalSince(last) < Self.window { return true }
        }
        return false
    }

    /// Closes the window: the last inbound message now lies 25 hours back.
    mutating func expireWindow(_ id: String) {
        let past = Self.now.addingTimeInterval(-25 * 60 * 60)
        for key in keys(for: id) { lastInbound[key] = past }
    }

    mutating func openWindow(_ id: String) {
        let now = Self.now
        for key in keys(for: id) { lastInbound[key] = now }
    }

    /// The wa_id and BSUID keys a customer identifier (phone or BSUID) stands for.
    func keys(for id: String) -> [String] {
        if WhatsAppPhone.isPhone(id) {
            let waID = Self.key(waID: id)
            return [waID] + (userIDByWaID[waID].map { [$0] } ?? [])
        }
        return [id] + (waIDByUserID[id].map { [$0] } ?? [])
    }

    mutating func takeFault() -> WhatsAppEmulator.Fault? {
        faults.isEmpty ? nil : faults.removeFirst()
    }

    mutating func enqueueStatus(_ job: WhatsAppStatusJob) {
        statusQueue.append(job)
        statusKick?.yield()
    }
}

import AgentCore
import Foundation

/// Where a channel puts what it receives: the durable inbox. A receiver confirms a message to
/// its platform (Telegram offset, WhatsApp 200) only after `accept` returned.
public protocol InboxSink: Sendable {
    /// Stores the message; false when it had been received before (a duplicate delivery).
    func accept(_ message: InboundMessage) async throws -> Bool
    /// The person blocked the bot (or the number stopped existing): stop writing to them.
    func chatUnreachable(_ chat: ChatRef, reason: String) async
}

/// Sends replies on one channel.
public protocol ChannelSender: Sendable {
    var channel: Channel { get }
    func send(_ reply: Reply, to chat: ChatRef, inReplyTo: String?) async -> SendOutcome
}

/// What became of one send, in the terms the delivery queue needs.
public enum SendOutcome: Sendable, Equatable {
    /// Sent; `id` is the channel's id for it (a WhatsApp wamid), for later delivery statuses.
    case sent(id: String? = nil)
    /// Rate limited: try again after this many seconds (Telegram's retry_after, WhatsApp 131056).
    case retryAfter(TimeInterval)
    /// The person cannot be reached (blocked the bot, not on the channel): stop writing to them.
    case unreachable(String)
    /// This message cannot go now (outside WhatsApp's 24-hour window), but the chat is fine.
    case notNow(String)
    /// The request itself was wrong: retrying cannot help.
    case rejected(String)
    /// A transient failure (network, 5xx): retry with backoff.
    case failed(String)
}

/// Downloads media a person sent (a voice note) from their channel, reading no more than
/// `limit` bytes (a bigger file fails as it streams in, never held whole).
public protocol MediaFetcher: Sendable {
    func fetch(_ mediaID: String, limit: Int) async throws -> (data: Data, mimeType: String)
}

/// Turns a voice note into text.
public protocol Transcriber: Sendable {
    func transcribe(_ audio: Data, mimeType: String, deadline: Date) async throws -> String
}

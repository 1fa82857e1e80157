import AgentCore
import ChannelKit
import Foundation
import Logging
import Synchronization

/// Voice notes, when Gemini is configured: the audio is fetched from the person's channel and
/// transcribed, and the text goes through the agent like a typed message. Without Gemini, or
/// when anything fails, the agent answers the voice note with a polite request to write.
public final class VoiceNotes: Sendable {
    let transcriber: (any Transcriber)?
    private let fetchers = Mutex<[Channel: any MediaFetcher]>([:])
    let logger = Logger(label: "voice")
    /// Longer notes are not transcribed (about two minutes of WhatsApp or Telegram audio).
    static let maxBytes = 2 << 20

    init(transcriber: (any Transcriber)?) {
        self.transcriber = transcriber
    }

    /// Channels register how to download their media once they are connected.
    func register(_ fetcher: any MediaFetcher, for channel: Channel) {
        fetchers.withLock { $0[channel] = fetcher }
    }

    /// The transcript of a voice note, or nil (not a voice note, no Gemini, or it failed).
    func transcript(of message: InboundMessage, deadline: Date) async -> String? {
        guard case .media(let kind) = message.content, kind == .voice || kind == .audio,
              let mediaID = message.mediaID, let transcriber,
              let fetcher = fetchers.withLock({ $0[message.chat.channel] }) else { return nil }
        do {
            let audio = try await fetcher.fetch(mediaID, limit: Self.maxBytes)
            let text = try await transcriber.transcribe(audio.data, mimeType: audio.mimeType, deadline: deadline)
            return CellText.inert(text, maxLength: 1000)
        } catch {
            logger.warning("voice note not transcribed", metadata: ["chat": "\(message.chat.masked)", "error": "\(error)"])
            return nil
        }
    }
}

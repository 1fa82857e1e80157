import AgentCore
import ChannelKit
import Foundation

/// Downloads a voice note: getFile, then the file URL (which holds the token, so it is never logged).
public struct TelegramMediaFetcher: MediaFetcher {
    let client: TelegramClient

    public init(client: TelegramClient) {
        self.client = client
    }

    public func fetch(_ mediaID: String, limit: Int) async throws -> (data: Data, mimeType: String) {
        let path = try await client.getFile(mediaID)
        return (try await client.download(path, limit: limit), path.hasSuffix(".mp3") ? "audio/mpeg" : "audio/ogg")
    }
}

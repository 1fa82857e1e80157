import AgentCore
import ChannelKit
import Foundation

/// Downloads a voice note: the media id gives a short-lived URL, fetched with the same token.
public struct WhatsAppMediaFetcher: MediaFetcher {
    let client: WhatsAppClient

    public init(client: WhatsAppClient) {
        self.client = client
    }

    public func fetch(_ mediaID: String, limit: Int) async throws -> (data: Data, mimeType: String) {
        try await client.media(mediaID, limit: limit)
    }
}

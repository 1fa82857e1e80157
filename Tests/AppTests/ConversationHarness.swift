import AgentCore
import BackOffice
import Fixtures
import Foundation
import Store
@testable import App

/// A bot on a scratch data folder with the real pipeline, store and local workbook:
/// send messages as a chat, read the replies and the rows that landed.
struct ConversationHarness {
    let runtime: BotRuntime
    /// Shared with a second harness that reopens the same data (a restart).
    let scratch: ScratchDirectory
    var directory: String { scratch.path }
    /// The day after the sample sheet's last row (2026-11-25, a Wednesday): its reports were opened before it.
    var clock = Date(timeIntervalSince1970: 1_795_604_800)
    private var counter = 0
    /// Message ids unique across harnesses, as a real channel's are.
    private let run = String(UUID().uuidString.prefix(8))

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    init(directory: ScratchDirectory? = nil, environment: [String: String] = [:], backOffice: (any BackOffice)? = nil,
         understanding: (@Sendable (OfflineUnderstanding) -> any Understanding)? = nil) async throws {
        let scratch = directory ?? ScratchDirectory("redsol-test")
        let directory = scratch.path
        var env = ["DATA_DIR": directory, "LOG_DIR": directory + "/logs",
                   "MESSAGING_DIR": Self.repositoryRoot + "/messaging", "DURABLE_WRITES": "false"]
        env.merge(environment) { $1 }
        let config = try await BotConfig.load(environment: env, dotEnvPath: directory + "/.env")
        self.runtime = try await BotRuntime.build(config: config, backOffice: backOffice, understanding: understanding)
        self.scratch = scratch
    }

    /// Sends `text` (or other content) and returns the replies' texts.
    @discardableResult
    mutating func send(_ text: String, as chat: ChatRef = ChatRef(.telegram, "1001"), role: Role? = nil,
                       profileName: String? = nil, after seconds: TimeInterval = 20) async throws -> [String] {
        try await send(.text(text), as: chat, role: role, profileName: profileName, after: seconds).replies.map(\.text)
    }

    mutating func send(_ content: Content, as chat: ChatRef = ChatRef(.telegram, "1001"), role: Role? = nil,
                       profileName: String? = nil, after seconds: TimeInterval = 20) async throws -> MessageProcessor.Result {
        counter += 1
        clock = clock.addingTimeInterval(seconds)
        let message = InboundMessage(id: "test-\(run)-\(counter)", chat: chat, content: content, receivedAt: clock,
                                     profileName: profileName,
                                     verifiedPhone: chat.channel == .whatsapp ? chat.chatID : nil)
        return try await runtime.processor.process(message, role: role, now: clock)
    }

    /// Delivers the outbox and returns the rows of a tab, as the back office holds them.
    func rows(_ tab: Tab) async throws -> [[String: String]] {
        _ = await runtime.outbox.drain(deadline: Date().addingTimeInterval(30))
        let data = try await runtime.backOffice.read(tab)
        return Fixtures.records(header: data.header, rows: data.rows)
    }

    /// Rows the bot added to a seeded tab (the sample's own rows excluded).
    func newRows(_ tab: Tab) async throws -> [[String: String]] {
        return Array(try await rows(tab).dropFirst(SampleWorkbook.all[tab]?.rows.count ?? 0))
    }
}

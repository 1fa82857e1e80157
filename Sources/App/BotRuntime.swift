import AgentCore
import BackOffice
import Foundation
import Logging
import Store

/// The bot wired from configuration: the store, the back office (local workbook for now),
/// its cache and outbox deliverer, understanding, the agent and the turn pipeline.
public struct BotRuntime: Sendable {
    public let config: BotConfig
    public let store: Store
    public let backOffice: any BackOffice
    public let cache: WorkbookCache
    public let deliverer: OutboxDeliverer
    public let understanding: any Understanding
    public let processor: MessageProcessor
    public let settings: AgentSettings
    let keys: KeyAllocator

    public static func build(config: BotConfig) async throws -> BotRuntime {
        let (book, settings) = try MessagingFiles.load(directory: config.messagingDirectory, config: config)
        let store = try Store(directory: config.dataDirectory, durable: config.durableWrites)
        let local = LocalWorkbook(store: store)
        try await local.seedIfNew()
        let backOffice: any BackOffice = local
        let cache = WorkbookCache(backOffice: backOffice, store: store, time: settings.time,
                                  logger: Logger(label: "backoffice.cache"))
        let deliverer = OutboxDeliverer(store: store, backOffice: backOffice, cache: cache,
                                        logger: Logger(label: "backoffice.outbox"))
        let keys = KeyAllocator()
        keys.observe(try await store.counters())
        let understanding = OfflineUnderstanding()
        let agent = Agent(settings: settings, book: book, keys: keys)
        let processor = MessageProcessor(
            agent: agent, understanding: understanding, store: store, cache: cache, deliverer: deliverer, keys: keys,
            roles: { chat, phone in config.role(of: chat, verifiedPhone: phone) }, logger: Logger(label: "pipeline"))
        let runtime = BotRuntime(config: config, store: store, backOffice: backOffice, cache: cache, deliverer: deliverer,
                                 understanding: understanding, processor: processor, settings: settings, keys: keys)
        try? await runtime.refreshCache()
        return runtime
    }

    /// Re-reads the back office and continues key sequences past anything staff added.
    public func refreshCache() async throws {
        try await cache.refresh()
        let workbook = await cache.snapshot()
        keys.observe(Dictionary(uniqueKeysWithValues: Tab.allCases.map { ($0, workbook.maxKeyNumber($0)) }))
    }
}

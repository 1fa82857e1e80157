import AgentCore
import BackOffice
import Foundation
import Gemini
import GoogleSheets
import Logging
import Store

/// The bot wired from configuration: the store, the back office (the spreadsheet, or the
/// local workbook without credentials), its cache and outbox deliverer, understanding, the
/// agent and the turn pipeline.
public struct BotRuntime: Sendable {
    public let config: BotConfig
    public let store: Store
    public let backOffice: any BackOffice
    public let cache: WorkbookCache
    public let deliverer: OutboxDeliverer
    public let understanding: any Understanding
    public let processor: MessageProcessor
    public let settings: AgentSettings
    /// The Sheets client when the back office is the spreadsheet (for status and counts).
    public let sheets: SheetsClient?
    /// The Gemini client when configured (its counters show in status and metrics).
    public let gemini: GeminiClient?
    let keys: KeyAllocator

    public static func build(config: BotConfig) async throws -> BotRuntime {
        let (book, settings) = try MessagingFiles.load(directory: config.messagingDirectory, config: config)
        let store = try Store(directory: config.dataDirectory, durable: config.durableWrites)
        let backOffice: any BackOffice
        let sheets: SheetsClient?
        if let sheetsConfig = config.sheets {
            let client = try Self.sheetsClient(sheetsConfig)
            backOffice = SheetsBackOffice(client: client)
            sheets = client
        } else {
            let local = LocalWorkbook(store: store)
            try await local.seedIfNew()
            backOffice = local
            sheets = nil
        }
        let cache = WorkbookCache(
            backOffice: backOffice, store: store, time: settings.time, logger: Logger(label: "backoffice.cache"),
            mirrored: sheets != nil, watcher: StaffEditWatcher(store: store, book: book, settings: settings))
        try await cache.loadMirror()
        let deliverer = OutboxDeliverer(store: store, backOffice: backOffice, cache: cache,
                                        logger: Logger(label: "backoffice.outbox"),
                                        refreshDelay: sheets != nil ? .seconds(5) : .seconds(1))
        let keys = KeyAllocator()
        keys.observe(try await store.counters())
        let gemini = config.gemini.map { GeminiClient(apiBase: $0.apiBase, model: $0.model, apiKey: $0.apiKey.value) }
        let understanding: any Understanding = gemini.map { GeminiUnderstanding(client: $0) } ?? OfflineUnderstanding()
        let agent = Agent(settings: settings, book: book, keys: keys)
        let processor = MessageProcessor(
            agent: agent, understanding: understanding, phrasing: gemini.map { GeminiPhraser(client: $0) },
            turnBudget: config.gemini?.deadlineSeconds ?? 4,
            store: store, cache: cache, deliverer: deliverer, keys: keys,
            roles: { chat, phone in config.role(of: chat, verifiedPhone: phone) }, staff: config.staffChats,
            voice: VoiceNotes(transcriber: gemini.map { GeminiTranscriber(client: $0) }), logger: Logger(label: "pipeline"))
        let runtime = BotRuntime(config: config, store: store, backOffice: backOffice, cache: cache, deliverer: deliverer,
                                 understanding: understanding, processor: processor, settings: settings, sheets: sheets,
                                 gemini: gemini, keys: keys)
        do {
            try await runtime.refreshCache()
        } catch {
            // The bot still answers from the mirror; writes wait in the outbox.
            Logger(label: "backoffice.cache").warning("back office unreachable at start; using the last copy",
                                                      metadata: ["error": "\(error)"])
            await runtime.observeKeys()
        }
        return runtime
    }

    static func sheetsClient(_ config: BotConfig.Sheets) throws -> SheetsClient {
        let key = try ServiceAccountKey.load(path: config.credentialsPath)
        var options = SheetsClient.Options()
        options.requestsPerMinute = config.requestsPerMinute
        options.timeout = .seconds(Int64(config.timeoutSeconds))
        return SheetsClient(baseURL: config.apiBase, spreadsheetID: config.spreadsheetID, tokens: TokenProvider(key: key),
                            options: options)
    }

    /// Re-reads the back office and continues key sequences past anything staff added.
    public func refreshCache() async throws {
        try await cache.refresh()
        await observeKeys()
    }

    private func observeKeys() async {
        let workbook = await cache.snapshot()
        keys.observe(Dictionary(uniqueKeysWithValues: Tab.allCases.map { ($0, workbook.maxKeyNumber($0)) }))
    }

    /// The outbox deliverer and, for the spreadsheet, the scheduled refresh, until cancelled.
    public func startBackgroundWork() -> Task<Void, Never> {
        Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await deliverer.run() }
                if let sheets = config.sheets {
                    group.addTask { await cache.refreshForever(every: .seconds(sheets.refreshSeconds)) }
                }
            }
        }
    }
}

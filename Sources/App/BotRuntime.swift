import AgentCore
import BackOffice
import ChannelKit
import Foundation
import Gemini
import GoogleSheets
import Logging
import Store

/// The bot wired from configuration: the store, the back office (the spreadsheet, or the
/// local workbook without credentials), its cache and outbox writer, understanding, the
/// agent and the turn pipeline.
public struct BotRuntime: Sendable {
    public let config: BotConfig
    public let store: Store
    public let backOffice: any BackOffice
    public let cache: WorkbookCache
    /// Writes the outbox (rows for the back office) in order.
    public let outbox: OutboxWriter
    public let understanding: any Understanding
    public let processor: MessageProcessor
    public let settings: AgentSettings
    /// The WhatsApp templates that carry notices past the 24-hour window.
    public let templates: [Notice.Kind: NoticeTemplate]
    /// One reminder for each sign-up left half way.
    public let reminders: SignupReminders
    /// The Sheets client when the back office is the spreadsheet (for status and counts).
    public let sheets: SheetsClient?
    /// The Gemini client when configured (its counters show in status and metrics).
    public let gemini: GeminiClient?
    let keys: KeyAllocator

    /// The parts that are not given are built from `config`; tests pass in-memory ports
    /// (a back office, an understanding wrapping the offline one) to run the real pipeline.
    public static func build(config: BotConfig, backOffice given: (any BackOffice)? = nil,
                             understanding wrap: (@Sendable (OfflineUnderstanding) -> any Understanding)? = nil) async throws -> BotRuntime {
        let messaging = try MessagingFiles.load(directory: config.messagingDirectory, config: config)
        let (book, settings) = (messaging.book, messaging.settings)
        let store = try Store(directory: config.dataDirectory, durable: config.durableWrites)
        let backOffice: any BackOffice
        let sheets: SheetsClient?
        if let given {
            backOffice = given
            sheets = nil
        } else if let sheetsConfig = config.sheets {
            let client = try Self.sheetsClient(sheetsConfig)
            backOffice = SheetsBackOffice(client: client)
            sheets = client
        } else {
            let local = LocalWorkbook(store: store)
            try await local.seedIfNew()
            backOffice = local
            sheets = nil
        }
        let notices = CustomerNotices(store: store, book: book, settings: settings)
        let cache = WorkbookCache(
            backOffice: backOffice, store: store, time: settings.time, logger: Logger(label: "backoffice.cache"),
            mirrored: sheets != nil, watcher: StaffEditWatcher(store: store, notices: notices, settings: settings))
        try await cache.loadMirror()
        let keys = KeyAllocator()
        keys.observe(try await store.counters())
        let outbox = OutboxWriter(store: store, backOffice: backOffice, cache: cache, keys: keys, notices: notices,
                                        logger: Logger(label: "backoffice.outbox"),
                                        refreshDelay: sheets != nil ? .seconds(5) : .seconds(1))
        let gemini = config.gemini.map { GeminiClient(apiBase: $0.apiBase, model: $0.model, apiKey: $0.apiKey.value) }
        let offline = OfflineUnderstanding.trained(on: messaging.corpus)
        let understanding: any Understanding = wrap?(offline) ?? gemini.map { GeminiUnderstanding(client: $0, offline: offline) } ?? offline
        let agent = Agent(settings: settings, book: book, keys: keys)
        let processor = MessageProcessor(
            agent: agent, understanding: understanding, staffUnderstanding: offline, phrasing: gemini.map { GeminiPhraser(client: $0) },
            turnBudget: config.gemini?.deadlineSeconds ?? 4,
            store: store, cache: cache, outbox: outbox, keys: keys,
            roles: { chat, phone in config.role(of: chat, verifiedPhone: phone) }, staff: config.staffChats,
            voice: VoiceNotes(transcriber: gemini.map { GeminiTranscriber(client: $0) }), logger: Logger(label: "pipeline"))
        let runtime = BotRuntime(config: config, store: store, backOffice: backOffice, cache: cache, outbox: outbox,
                                 understanding: understanding, processor: processor, settings: settings,
                                 templates: messaging.templates,
                                 reminders: SignupReminders(store: store, notices: notices, settings: settings), sheets: sheets,
                                 gemini: gemini, keys: keys)
        await runtime.warmUp()
        return runtime
    }

    /// The first read of the back office. The local workbook answers at once. The spreadsheet
    /// is read in the background whenever the SQLite mirror can serve meanwhile, so a restart
    /// during a Google outage answers customers at once; a first start with no mirror waits a
    /// few seconds for it, then goes on (writes wait in the outbox either way).
    func warmUp(firstReadWait: Duration = .seconds(5)) async {
        await observeKeys()
        let first = Task {
            do {
                try await refreshCache()
                return true
            } catch {
                Logger(label: "backoffice.cache").warning("back office unreachable at start; serving the last copy and retrying in the background",
                                                          metadata: ["error": "\(error)"])
                return false
            }
        }
        let hasMirror = await cache.lastRefresh != nil
        if sheets == nil || !hasMirror {
            // Not cancelled when late: the read goes on and fills the cache when Google answers.
            _ = await TaskDeadline.value(of: Task { await first.value }, within: firstReadWait)
        }
    }

    static func sheetsClient(_ config: BotConfig.Sheets) throws -> SheetsClient {
        let key: ServiceAccountKey
        do {
            key = try ServiceAccountKey.load(path: config.credentialsPath)
        } catch {
            // A configuration problem like any other: one line naming the variable, exit code 2.
            let prefix = "GOOGLE_APPLICATION_CREDENTIALS: "
            let text = error.description.hasPrefix(prefix) ? String(error.description.dropFirst(prefix.count)) : error.description
            throw ConfigError("GOOGLE_APPLICATION_CREDENTIALS", value: nil, expected: text)
        }
        if let warning = ServiceAccountKey.permissionWarning(path: config.credentialsPath) {
            Logger(label: "google.auth").warning("\(warning)")
        }
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

    /// Refreshes every `interval` until cancelled; failures are logged and retried next time,
    /// and the first success after them lets the waiting writes go at once.
    public func refreshForever(every interval: Duration) async {
        let logger = Logger(label: "backoffice.cache")
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            do {
                try await refreshCache()
                await outbox.backOfficeIsBack()
            } catch {
                logger.warning("back office refresh failed; serving the last copy", metadata: ["error": "\(error)"])
            }
        }
    }

    private func observeKeys() async {
        let workbook = await cache.snapshot()
        keys.observe(Dictionary(uniqueKeysWithValues: Tab.allCases.map { ($0, workbook.maxKeyNumber($0)) }))
    }

    /// A loop the back office needs while the bot runs, and what it does at shutdown.
    public struct Loop: Sendable {
        public var name: String
        public var run: @Sendable () async -> Void
        public var onShutdown: (@Sendable () async -> Void)?
    }

    /// The outbox writer (drained for a few seconds at shutdown) and, for the spreadsheet, the
    /// scheduled refresh: run supervised by the service, or plainly by the console.
    public var backOfficeLoops: [Loop] {
        var loops = [Loop(name: "outbox", run: { await outbox.run() },
                          onShutdown: { _ = await outbox.drain(deadline: Date().addingTimeInterval(4)) })]
        if let sheets = config.sheets {
            loops.append(Loop(name: "refresh", run: { await refreshForever(every: .seconds(sheets.refreshSeconds)) }, onShutdown: nil))
        }
        return loops
    }

    /// The back office's loops, until cancelled (the console and the benchmark).
    public func startBackgroundWork() -> Task<Void, Never> {
        let loops = backOfficeLoops
        return Task {
            await withTaskGroup(of: Void.self) { group in
                for loop in loops { group.addTask(operation: loop.run) }
            }
        }
    }
}

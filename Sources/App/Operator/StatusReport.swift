import AgentCore
import BackOffice
import Foundation
import Store

/// `launcher --mode status`: one line per component — `OK` with what it saw, `FAIL` with the
/// reason, or `not configured`. Configured components that fail make the exit code non-zero.
public struct StatusReport: Sendable {
    public enum State: Sendable, Equatable {
        case ok(String)
        case fail(String)
        case notConfigured(String)
    }

    public struct Line: Sendable {
        public var component: String
        public var state: State

        public var text: String {
            switch state {
            case .ok(let detail): "\(component): OK \(detail)"
            case .fail(let reason): "\(component): FAIL \(reason)"
            case .notConfigured(let detail): "\(component): not configured\(detail.isEmpty ? "" : " — " + detail)"
            }
        }
    }

    public var lines: [Line]
    public var failed: Bool { lines.contains { if case .fail = $0.state { true } else { false } } }

    public static func check(config: BotConfig) async -> StatusReport {
        var lines: [Line] = []
        if let telegram = config.telegram {
            lines.append(Line(component: "Telegram", state: await TelegramChannel.status(telegram)))
        } else {
            lines.append(Line(component: "Telegram", state: .notConfigured("")))
        }
        if let whatsApp = config.whatsApp {
            var state = await WhatsAppChannel.status(whatsApp)
            if case .ok(let detail) = state, let note = await staffWindowNote(config) { state = .ok(detail + "; " + note) }
            lines.append(Line(component: "WhatsApp", state: state))
            let templates = (try? MessagingFiles.load(directory: config.messagingDirectory, config: config))?.templates ?? [:]
            lines.append(Line(component: "WhatsApp templates", state: await WhatsAppChannel.templateStatus(whatsApp, templates)))
        } else {
            lines.append(Line(component: "WhatsApp", state: .notConfigured("")))
        }
        let sheetState: State
        if let sheets = config.sheets {
            sheetState = await SheetsStatus.check(sheets)
        } else {
            sheetState = await localWorkbookState(config)
        }
        lines.append(Line(component: "Google Sheets", state: sheetState))
        if let gemini = config.gemini {
            lines.append(Line(component: "Gemini", state: await GeminiStatus.check(gemini)))
        } else {
            lines.append(Line(component: "Gemini", state: .notConfigured("offline Spanish rules")))
        }
        do {
            let store = try Store(directory: config.dataDirectory, durable: config.durableWrites)
            lines.append(await storeLine(store))
            lines.append(await outboxLine(store))
        } catch {
            lines.append(Line(component: "SQLite store", state: .fail("\(error)")))
            lines.append(Line(component: "Outbox", state: .fail("the store cannot be opened")))
        }
        return StatusReport(lines: lines)
    }

    /// WhatsApp only lets the bot write to people who wrote in the last 24 h: say which staff
    /// numbers alerts cannot reach now (they still reach Telegram staff and the log).
    static func staffWindowNote(_ config: BotConfig) async -> String? {
        guard !config.staffWhatsAppRecipients.isEmpty,
              let store = try? Store(directory: config.dataDirectory, durable: config.durableWrites) else { return nil }
        var outside = 0
        for number in config.staffWhatsAppRecipients {
            let last = try? await store.lastActivity(of: ChatRef(.whatsapp, number))
            if last.map({ Date().timeIntervalSince($0) > 86_400 }) ?? true { outside += 1 }
        }
        guard outside > 0 else { return "staff alerts reach all \(config.staffWhatsAppRecipients.count) staff numbers" }
        return "\(outside) of \(config.staffWhatsAppRecipients.count) staff numbers have not written in 24 h, so their alerts go to Telegram staff and the log until they write"
    }

    static func localWorkbookState(_ config: BotConfig) async -> State {
        do {
            let local = LocalWorkbook(store: try Store(directory: config.dataDirectory, durable: config.durableWrites))
            try await local.seedIfNew()
            let workbook = Workbook(tabs: try await local.readAll())
            return .notConfigured("using the local workbook (\(workbook.clients.count) clients, \(workbook.plans.count) plans, \(workbook.zones.count) zones)")
        } catch {
            return .fail("the local workbook cannot be read: \(error)")
        }
    }

    static func storeLine(_ store: Store) async -> Line {
        do {
            let version = try await store.schemaVersion
            let sessions = try await store.sessionCount()
            let inbox = try await store.inboxCount()
            return Line(component: "SQLite store", state: .ok("\(store.path) (schema v\(version), WAL, \(sessions) sessions, \(inbox) waiting in the inbox)"))
        } catch {
            return Line(component: "SQLite store", state: .fail("\(error)"))
        }
    }

    static func outboxLine(_ store: Store) async -> Line {
        do {
            let backlog = try await store.outboxBacklog()
            if backlog.givenUp > 0 {
                return Line(component: "Outbox", state: .fail("\(backlog.givenUp) write(s) refused by the back office for good; see the log"))
            }
            guard backlog.count > 0, let oldest = backlog.oldest else {
                return Line(component: "Outbox", state: .ok("empty, every write delivered"))
            }
            let age = Int(Date().timeIntervalSince(oldest))
            let error = backlog.lastError.map { ", last error: \($0)" } ?? ""
            return Line(component: "Outbox", state: .ok("\(backlog.count) write(s) waiting, oldest \(Self.duration(age)) old\(error)"))
        } catch {
            return Line(component: "Outbox", state: .fail("\(error)"))
        }
    }

    static func duration(_ seconds: Int) -> String {
        switch seconds {
        case ..<120: "\(seconds) s"
        case ..<7200: "\(seconds / 60) min"
        default: "\(seconds / 3600) h"
        }
    }
}

import AgentCore
import BackOffice
import Fixtures
import Foundation
import Testing
@testable import Store

/// The SQLite store: schema, sessions that survive a reopen, exactly-once commits, the outbox.
@Suite struct StoreTests {
    private let scratch = ScratchDirectory("redsol-store")
    var directory: String { scratch.path }

    func message(_ id: String, chat: ChatRef = ChatRef(.telegram, "7")) -> InboundMessage {
        InboundMessage(id: id, chat: chat, content: .text("hola"))
    }

    func row(_ key: String) -> RowValues {
        RowValues(key: key, cells: ["Folio": key, "Descripción": "sin internet"])
    }

    @Test func opensInWALModeAtTheLatestSchema() async throws {
        let store = try Store(directory: directory)
        #expect(try await store.schemaVersion == Migrations.steps.count)
        let mode = try await store.journalMode()
        #expect(mode == "wal")
    }

    @Test func aSessionSurvivesReopening() async throws {
        var session = Session(lastActivity: Date(timeIntervalSince1970: 1_000))
        session.flow = .signup(SignupDraft(zone: "Norte"))
        do {
            let store = try Store(directory: directory)
            _ = try await store.commit(TurnRecord(message: message("m1"), session: session, effects: [], replies: []))
        }
        let reopened = try Store(directory: directory)
        let loaded = try await reopened.session(for: ChatRef(.telegram, "7"))
        #expect(loaded == session)
    }

    @Test func aMessageIsCommittedOnlyOnce() async throws {
        let store = try Store(directory: directory)
        let turn = TurnRecord(message: message("m1"), session: Session(lastActivity: Date()),
                              effects: [.appendRow(.incidents, row("F-0009"))], replies: [Reply("ok")])
        let first = try await store.commit(turn)
        let second = try await store.commit(turn)
        #expect(first.isNew && !second.isNew)
        #expect(try await store.pendingOutbox().count == 1)
        #expect(try await store.outboundBacklog() == 1)
        #expect(try await store.isProcessed(.telegram, messageID: "m1"))
    }

    @Test func theSameRowKeyIsQueuedOnce() async throws {
        let store = try Store(directory: directory)
        for id in ["a", "b"] {
            _ = try await store.commit(TurnRecord(message: message(id), session: Session(lastActivity: Date()),
                                                  effects: [.appendRow(.incidents, row("F-0009"))], replies: []))
        }
        #expect(try await store.pendingOutbox().count == 1)
    }

    @Test func failedDeliveriesWaitAndKeepTheirOrder() async throws {
        let store = try Store(directory: directory)
        _ = try await store.commit(TurnRecord(message: message("a"), session: Session(lastActivity: Date()),
                                              effects: [.appendRow(.incidents, row("F-0001")), .appendRow(.incidents, row("F-0002"))],
                                              replies: []))
        let pending = try await store.pendingOutbox()
        #expect(pending.map(\.write) == [.append(row("F-0001")), .append(row("F-0002"))])
        let later = Date().addingTimeInterval(60)
        try await store.markAttemptFailed([pending[0].id], error: "503", retryAt: later)
        let backlog = try await store.outboxBacklog()
        #expect(backlog.count == 2 && backlog.lastError == "503")
        #expect(try await store.pendingOutbox().first?.nextAttemptAt.timeIntervalSince1970 == later.timeIntervalSince1970)
        try await store.markDelivered(pending.map(\.id))
        #expect(try await store.outboxBacklog().count == 0)
    }

    @Test func theInboxRefusesDuplicatesAndEmptiesOnCommit() async throws {
        let store = try Store(directory: directory)
        let m = message("w1")
        let id = try #require(try await store.enqueue(m))
        #expect(try await store.enqueue(m) == nil)
        _ = try await store.commit(TurnRecord(message: m, session: Session(lastActivity: Date()), effects: [], replies: [], inboxID: id))
        #expect(try await store.inboxCount() == 0)
        #expect(try await store.enqueue(m) == nil, "a message already handled is not queued again")
    }

    @Test func workbookAppendsAreIdempotentByKey() async throws {
        let store = try Store(directory: directory)
        try await store.workbookSetHeader(.incidents, Tab.incidents.header)
        #expect(try await store.workbookAppend(.incidents, rows: [(key: "F-0001", cells: ["F-0001"])]) == 1)
        #expect(try await store.workbookAppend(.incidents, rows: [(key: "F-0001", cells: ["F-0001"])]) == 0)
        #expect(try await store.workbookTab(.incidents)?.rows.count == 1)
    }

    @Test func aNewerSchemaIsRefusedWithAClearMessage() async throws {
        _ = try Store(directory: directory)
        let db = try SQLiteConnection(path: directory + "/" + Store.fileName)
        try db.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { try Store(directory: directory) }
    }
}

/// The check every append makes against the tab as it is now.
@Suite struct AppendPlanTests {
    let header = Tab.clients.header

    func row(_ id: String, name: String, chat: String) -> RowValues {
        RowValues(key: id, cells: ["ID": id, "Nombre": name, "Canal": "WhatsApp", "Chat ID": chat, "Zona": "Sur",
                                   "Fecha de alta": "2026-12-02", "Estado": "pendiente de instalación"])
    }

    func sheet(_ rows: [RowValues]) throws -> TabData {
        let map = try HeaderMap(tab: .clients, header: header)
        return TabData(header: header, rows: rows.map(map.row(from:)))
    }

    @Test func aNewKeyIsWrittenAsItIs() throws {
        let mine = row("C-0031", name: "Ana", chat: "5214440000001")
        let plan = try AppendPlan(rows: [mine], tab: .clients, current: try sheet([row("C-0030", name: "Luis", chat: "1")])) { _ in "C-9999" }
        #expect(plan.steps == [.write(mine)])
    }

    @Test func myOwnRowFromALostAnswerIsNotWrittenAgainEvenIfStaffEditedItsState() throws {
        let mine = row("C-0031", name: "Ana", chat: "5214440000001")
        var landed = mine
        landed.cells["Estado"] = "activo"  // staff already moved it on
        let plan = try AppendPlan(rows: [mine], tab: .clients, current: try sheet([landed])) { _ in "C-9999" }
        #expect(plan.steps == [.alreadyThere])
    }

    @Test func aKeyStaffTookGetsAFreshOneAboveEverythingInTheTab() throws {
        let mine = row("C-0031", name: "Ana", chat: "5214440000001")
        let staff = RowValues(key: "C-0031", cells: ["ID": "C-0031", "Nombre": "Pedro", "Zona": "Sur"])
        var floors: [Int] = []
        let plan = try AppendPlan(rows: [mine], tab: .clients, current: try sheet([staff, row("C-0040", name: "X", chat: "2")])) { floor in
            floors.append(floor)
            return "C-0041"
        }
        var moved = mine
        moved.key = "C-0041"
        moved.cells["ID"] = "C-0041"
        #expect(plan.steps == [.rekeyed(moved, oldKey: "C-0031")])
        #expect(floors == [40])
    }
}

/// A note the bot adds to a cell is added to the cell as it is when written, not as it was.
@Suite struct AppendNoteTests {
    @Test func aCancellationNoteKeepsWhatStaffTypedSinceTheLastRefresh() async throws {
        let scratch = ScratchDirectory("redsol-note")
        let store = try Store(directory: scratch.path, durable: false)
        let local = LocalWorkbook(store: store)
        try await local.seedIfNew()
        let cache = WorkbookCache(backOffice: local, store: store, time: .mexicoCity, logger: .init(label: "test"))
        try await cache.refresh()
        // The bot's turn queues the note…
        let turn = TurnRecord(message: InboundMessage(id: "m1", chat: ChatRef(.whatsapp, "5214440000001"), content: .text("sí")),
                              session: Session(lastActivity: Date()),
                              effects: [.appendNote(.clients, key: "C-0001", column: "Notas", note: "Solicitó baja (bot)")], replies: [])
        _ = try await store.commit(turn)
        // …while staff type in the same cell.
        var row = try #require(try await store.workbookRow(.clients, key: "C-0001"))
        row[10] = "Pagó en efectivo el 2"
        _ = try await store.workbookReplace(.clients, key: "C-0001", cells: row)
        let writer = OutboxWriter(store: store, backOffice: local, cache: cache, keys: KeyAllocator(), notices: nil,
                                        logger: .init(label: "test"))
        #expect(await writer.drain(deadline: Date().addingTimeInterval(300)))
        #expect(try await store.workbookRow(.clients, key: "C-0001")?[10] == "Pagó en efectivo el 2 | Solicitó baja (bot)")
    }
}

import AgentCore
import Foundation
import BackOffice
import Synchronization
import Testing
@testable import App

/// The real pipeline against in-memory ports (a back office that can go down, a scripted
/// model): conversations and the outbox with no HTTP at all.
@Suite struct InProcessPortsTests {
    @Test func aReportMadeWhileTheSheetIsDownIsAnsweredAndLandsOnceWhenItIsBack() async throws {
        let sheet = FakeBackOffice()
        var bot = try await ConversationHarness(backOffice: sheet)
        await sheet.setDown(true)
        let chat = SampleClients.chat("C-0030")
        let reply = try await bot.send("no tengo internet desde la mañana, ya reinicié el módem", as: chat).joined()
        #expect(reply.contains("F-0005"), "the customer gets the folio while the sheet is down")
        _ = await bot.runtime.outbox.writeDue()
        let (written, tried) = (await sheet.newRows(.incidents), await sheet.refused)
        #expect(written.isEmpty && tried >= 1, "tried, not written")

        await sheet.setDown(false)
        await bot.runtime.outbox.backOfficeIsBack()
        _ = await bot.runtime.outbox.drain(deadline: Date().addingTimeInterval(30))
        let rows = await sheet.newRows(.incidents)
        #expect(rows.count == 1 && rows.first?["Folio"] == "F-0005" && rows.first?["Cliente ID"] == "C-0030")
    }

    @Test func theModelsSlotsFillTheFlowAndStaffTurnsNeverReachIt() async throws {
        let model = Box<FakeUnderstanding>()
        var bot = try await ConversationHarness(understanding: { offline in model.set(FakeUnderstanding(fallback: offline)) })
        let fake = try #require(model.value)
        fake.answer("se cayó todo desde el sábado y ya lo desconecté y nada",
                    with: Understood(intent: .reportIncident, slots: Slots(since: "el sábado", modemRestarted: true)))
        let reply = try await bot.send("se cayó todo desde el sábado y ya lo desconecté y nada", as: SampleClients.chat("C-0001")).joined()
        #expect(reply.contains("F-0005") && !reply.contains("¿Desde cuándo"), "nothing the model read is asked again")
        let row = try #require(try await bot.newRows(.incidents).first)
        #expect(row["Desde"] == "el sábado" && row["Módem reiniciado"] == "sí")

        try await bot.send("busca a patricia flores", as: ChatRef(.telegram, "9001"), role: .staff)
        #expect(!fake.asked.contains("busca a patricia flores"), "staff turns are understood offline only")
    }
}

/// Hands a value built inside a closure back to the test.
final class Box<T: Sendable>: Sendable {
    private let slot = Mutex<T?>(nil)
    var value: T? { slot.withLock { $0 } }
    func set(_ value: T) -> T {
        slot.withLock { $0 = value }
        return value
    }
}
